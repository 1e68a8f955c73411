/// What every chart says around its plot: the finding, the measure, notes and the source.
public struct ChartText: Sendable, Equatable {
    /// Title stating the finding (≤ 15 words / 30 CJK characters).
    public var title: String
    /// Measure, unit, place and period.
    public var subtitle: String
    /// Notes, such as "illustrative data".
    public var notes: [String]
    /// Source line ("资料来源：商务部" / "Source: MOFCOM").
    public var source: String
    /// The generated one-paragraph summary for `<desc>`.
    public var description: String

    /// Creates chart text.
    public init(title: String, subtitle: String, notes: [String] = [], source: String, description: String) {
        self.title = title
        self.subtitle = subtitle
        self.notes = notes
        self.source = source
        self.description = description
    }
}

/// Lays out the title block, legend row, unit labels, notes and source, and wraps the chart body in
/// an accessible `<svg>` root (<doc:ChartSpecification>).
struct ChartFrame {
    let theme: ChartTheme
    let text: ChartText
    let slug: String
    var height: Double
    let hasLegend: Bool
    /// Rows of x labels under the plot (0, 1 or 2).
    let xLabelRows: Int
    /// The title as drawn: one line, or two when it does not fit (never cut while two lines hold it).
    let titleLines: [String]

    init(theme: ChartTheme, text: ChartText, slug: String, hasLegend: Bool, xLabelRows: Int, height: Double? = nil) {
        self.theme = theme
        var text = text
        // Notes wrap onto more lines; the title and subtitle are one line each (shortened if need be).
        let room = theme.width - 2 * theme.pad
        text.notes = text.notes.flatMap { ChartFrame.wrap($0, size: theme.smallSize, width: room) }
        // The title wraps onto a second line rather than being cut; the rest of the chart moves down.
        let wrapped = ChartFrame.wrap(text.title, size: theme.titleSize * 1.05, width: room)
        var lines = Array(wrapped.prefix(2))
        if wrapped.count > 2, let last = lines.popLast() {
            lines.append(
                TextMetrics.fit(
                    last + " " + wrapped.dropFirst(2).joined(separator: " "), size: theme.titleSize * 1.05,
                    maxWidth: room))
        }
        titleLines = lines.isEmpty ? [text.title] : lines
        text.subtitle = TextMetrics.fit(text.subtitle, size: theme.subtitleSize, maxWidth: room)
        self.text = text
        self.slug = slug
        self.hasLegend = hasLegend
        self.xLabelRows = xLabelRows
        self.height = height ?? theme.height
    }

    var s: Double { theme.scale }
    var width: Double { theme.width }

    /// Splits text into lines no wider than `width`, at spaces (English) or between characters (CJK).
    static func wrap(_ text: String, size: Double, width: Double) -> [String] {
        if TextMetrics.width(text, size: size) <= width { return [text] }
        var lines: [String] = []
        var current = ""
        let hasSpaces = text.contains(" ")
        let pieces: [String] = hasSpaces ? text.split(separator: " ").map(String.init) : text.map { String($0) }
        for piece in pieces {
            let candidate = current.isEmpty ? piece : current + (hasSpaces ? " " : "") + piece
            if TextMetrics.width(candidate, size: size) > width && !current.isEmpty {
                lines.append(current)
                current = piece
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
    /// Extra height of a title on two lines.
    var titleExtra: Double { Double(titleLines.count - 1) * 22 * s }
    /// Baseline of the legend row.
    var legendBaseline: Double { 76 * s + titleExtra }
    /// Baseline of the unit labels above the plot.
    var unitBaseline: Double { (hasLegend ? 94 : 72) * s + titleExtra }
    /// Top of the plot.
    var plotTop: Double { unitBaseline + 8 * s }
    /// Baseline of the source line.
    var sourceBaseline: Double { height - 14 * s }
    /// Baseline of note `i` (0 = top note).
    func noteBaseline(_ i: Int) -> Double { sourceBaseline - 15 * s * Double(text.notes.count - i) }
    /// Bottom of the plot (above the x labels and notes).
    var plotBottom: Double {
        let firstTextBaseline = text.notes.isEmpty ? sourceBaseline : noteBaseline(0)
        return firstTextBaseline - 11 * s - 10 * s - Double(xLabelRows) * 16 * s
    }
    /// Baseline of x label row `r` (0 or 1).
    func xLabelBaseline(_ r: Int) -> Double { plotBottom + 16 * s * Double(r + 1) }

    /// Title, subtitle, notes and source.
    func chrome(_ doc: inout SVGDocument) {
        let x = SVGDocument.number(theme.pad)
        for (i, line) in titleLines.enumerated() {
            doc.text(
                line,
                [
                    ("x", x), ("y", SVGDocument.number(34 * s + Double(i) * 22 * s)), ("font-size", n(theme.titleSize)),
                    ("fill", ChartTheme.ink), ("font-weight", "700"),
                ])
        }
        doc.text(
            text.subtitle,
            [
                ("x", x), ("y", SVGDocument.number(54 * s + titleExtra)), ("font-size", n(theme.subtitleSize)),
                ("fill", ChartTheme.muted),
            ])
        for (i, note) in text.notes.enumerated() {
            doc.text(
                note,
                [
                    ("x", x), ("y", SVGDocument.number(noteBaseline(i))), ("font-size", n(theme.smallSize)),
                    ("fill", ChartTheme.muted),
                ])
        }
        doc.text(
            text.source,
            [
                ("x", x), ("y", SVGDocument.number(sourceBaseline)), ("font-size", n(theme.smallSize)),
                ("fill", ChartTheme.muted),
            ])
    }

    /// Horizontal legend items: (label, swatch) drawn left to right from x = 16.
    enum Swatch {
        case square(String)
        case line(String, marker: Bool, dash: String?)
    }

    func legend(_ doc: inout SVGDocument, _ items: [(String, Swatch)]) {
        var x = theme.pad
        let y = legendBaseline
        for (label, swatch) in items {
            switch swatch {
            case .square(let color):
                doc.element(
                    "rect",
                    [("x", n(x)), ("y", n(y - 10 * s)), ("width", n(12 * s)), ("height", n(12 * s)), ("fill", color)])
                x += 16 * s
            case .line(let color, let marker, let dash):
                var attrs = [
                    ("x1", n(x)), ("y1", n(y - 4 * s)), ("x2", n(x + 20 * s)), ("y2", n(y - 4 * s)), ("stroke", color),
                    ("stroke-width", n(2.5 * s)),
                ]
                if let dash { attrs.append(("stroke-dasharray", dash)) }
                doc.element("line", attrs)
                if marker {
                    doc.element(
                        "circle",
                        [
                            ("cx", n(x + 10 * s)), ("cy", n(y - 4 * s)), ("r", n(3.5 * s)), ("fill", "#FFFFFF"),
                            ("stroke", color), ("stroke-width", n(2 * s)),
                        ])
                }
                x += 24 * s
            }
            doc.text(label, [("x", n(x)), ("y", n(y)), ("font-size", n(theme.labelSize)), ("fill", ChartTheme.text)])
            x += TextMetrics.width(label, size: theme.labelSize) + 16 * s
        }
    }

    /// The whole document.
    func render(_ body: SVGDocument) -> String {
        let lang = theme.language.tag
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n0(width))\" height=\"\(n0(height))\" viewBox=\"0 0 \(n0(width)) \(n0(height))\""
        out += " role=\"img\" aria-labelledby=\"\(slug)-title \(slug)-desc\" xml:lang=\"\(lang)\" lang=\"\(lang)\""
        out += " font-family=\"\(SVGDocument.escape(ChartTheme.fontFamily))\">\n"
        out += "<title id=\"\(slug)-title\">\(SVGDocument.escape(text.title))</title>\n"
        out += "<desc id=\"\(slug)-desc\">\(SVGDocument.escape(text.description))</desc>\n"
        out += "<rect width=\"\(n0(width))\" height=\"\(n0(height))\" fill=\"#FFFFFF\"/>\n"
        var chrome = SVGDocument()
        self.chrome(&chrome)
        out += chrome.markup + "\n" + body.markup + "\n</svg>\n"
        return out
    }

    func n(_ x: Double) -> String { SVGDocument.number(x) }
    func n0(_ x: Double) -> String { String(Int(x.rounded())) }
}
