import TradeCore

/// A minimal SVG writer: elements with attributes in the order given, text escaped, numbers written
/// with two decimals and a `.` decimal point whatever the locale, so the same chart is the same bytes.
public struct SVGDocument: Sendable {
    private(set) var body: [String] = []

    /// Creates an empty document body.
    public init() {}

    /// Appends a raw, already well-formed fragment.
    public mutating func raw(_ fragment: String) { body.append(fragment) }

    /// Appends `<name attributes/>`.
    public mutating func element(_ name: String, _ attributes: [(String, String)]) {
        body.append("<\(name)" + Self.attributes(attributes) + "/>")
    }

    /// Appends `<text …>content</text>`.
    public mutating func text(_ content: String, _ attributes: [(String, String)]) {
        body.append("<text" + Self.attributes(attributes) + ">" + Self.escape(content) + "</text>")
    }

    /// Appends a group around the elements `build` adds.
    public mutating func group(_ attributes: [(String, String)], _ build: (inout SVGDocument) -> Void) {
        var inner = SVGDocument()
        build(&inner)
        guard !inner.body.isEmpty else { return }
        body.append("<g" + Self.attributes(attributes) + ">" + inner.body.joined() + "</g>")
    }

    /// The body as lines.
    public var markup: String { body.joined(separator: "\n") }

    static func attributes(_ a: [(String, String)]) -> String {
        a.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Escapes `& < > "` for text and attribute values.
    public static func escape(_ s: String) -> String { MarkupEscaping.escape(s) }

    /// A coordinate with two decimals (`12.30`), `.` as decimal point; non-finite values become 0 and
    /// must never be passed (callers drop missing values before drawing).
    public static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0.00" }
        let h = (x * 100).rounded(.toNearestOrAwayFromZero)
        let negative = h < 0
        let m = Int64(abs(h))
        let frac = m % 100
        return (negative && m != 0 ? "-" : "") + String(m / 100) + "." + (frac < 10 ? "0" : "") + String(frac)
    }
}
