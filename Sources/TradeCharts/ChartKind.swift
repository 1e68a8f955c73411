import TradeCore

/// What a chart is asked to show: the figures, the look, the period, and the options some kinds
/// read (each kind reads what it needs and ignores the rest).
public struct ChartRequest: Sendable {
    /// The figures.
    public var book: FigureBook
    /// Language and size.
    public var theme: ChartTheme
    /// First month (a kind over whole years reads its year).
    public var from: Period
    /// Last month.
    public var through: Period
    /// The sector of a combo chart.
    public var sector: String = "S"
    /// The flow of a combo or ranking chart.
    public var flow: Flow = .total
    /// What a ranking ranks: sectors by growth, or regions by value.
    public var breakdown: BulletinQuery.Breakdown = .sector
    /// A combo chart as two stacked panels instead of a dual axis.
    public var panels = false
    /// Appended to the SVG's element ids (`svc-combo-zh`), so several charts can share a page.
    public var slugSuffix = ""

    /// A request for the charts of `book` from `from` through `through`.
    public init(book: FigureBook, theme: ChartTheme, from: Period, through: Period) {
        self.book = book
        self.theme = theme
        self.from = from
        self.through = through
    }
}

/// A kind of chart (DocC article *Adding a chart kind*): its name, a line for help texts, and how
/// it is drawn from a ``ChartRequest``. One file per kind, and its line in ``ChartKind/allCases``.
public protocol BulletinChart: Sendable {
    /// The kind's name (`svctrade chart NAME`, file names of the bulletin's charts).
    static var name: String { get }
    /// What the chart shows, one line (help texts).
    static var summary: String { get }
    /// The chart of the request's figures (``hasData`` false when there are too few).
    static func chart(for request: ChartRequest) -> Self
    /// Whether there are figures enough to draw it.
    var hasData: Bool { get }
    /// The SVG, its element ids starting with `slug`.
    func svg(theme: ChartTheme, slug: String) -> String
    /// The values the chart draws, with their units (the CSV beside the chart).
    var plotted: [PlottedValue] { get }
}

/// A drawn chart: its SVG and the CSV of the values it plots.
public struct DrawnChart: Sendable, Equatable {
    /// The SVG document.
    public var svg: String
    /// The plotted values as CSV (``PlottedValue/csv(_:)``).
    public var csv: String
}

/// A chart kind: a registered ``BulletinChart``.
public struct ChartKind: RegisteredCase {
    /// The chart type.
    public let chart: any BulletinChart.Type

    /// Wraps a chart type.
    public init(_ chart: any BulletinChart.Type) { self.chart = chart }

    /// Every kind, in the order help texts list them. A new kind registers here, one line:
    /// `ChartKind(HeatmapChart.self),`.
    public static let allCases: [ChartKind] = [
        .combo, .lines, .ranking, .composition, .multiples,
    ]

    /// Year-to-date bars with the growth line.
    public static let combo = ChartKind(ComboChart.self)
    /// Exports, imports and balance over the years.
    public static let lines = ChartKind(LineChart.self)
    /// Sectors by growth, or regions by value.
    public static let ranking = ChartKind(RankingChart.self)
    /// Composition of services trade by category.
    public static let composition = ChartKind(CompositionChart.self)
    /// One small panel per pilot region.
    public static let multiples = ChartKind(SmallMultiples.self)

    /// The kind's name.
    public var rawValue: String { chart.name }

    /// Every kind with its summary, one per line, names aligned (help texts).
    public static var summaries: String {
        let width = allCases.map(\.rawValue.count).max() ?? 0
        return allCases.map { $0.rawValue.padding(toLength: width + 2) + $0.chart.summary }.joined(separator: "\n")
    }

    /// Draws this kind of chart for the request, as SVG.
    ///
    /// - Throws: ``ChartUnavailable`` when the book has too few figures for it over the period.
    public func render(_ request: ChartRequest) throws -> String {
        try Self.draw(chart, request).svg
    }

    /// Draws this kind of chart for the request: the SVG and the CSV of its plotted values.
    ///
    /// - Throws: ``ChartUnavailable`` when the book has too few figures for it over the period.
    public func drawn(_ request: ChartRequest) throws -> DrawnChart {
        try Self.draw(chart, request)
    }

    private static func draw<C: BulletinChart>(_ type: C.Type, _ request: ChartRequest) throws -> DrawnChart {
        let chart = type.chart(for: request)
        guard chart.hasData else {
            throw ChartUnavailable(kind: ChartKind(type), from: request.from, through: request.through)
        }
        return DrawnChart(
            svg: chart.svg(theme: request.theme, slug: "svc-\(type.name)" + request.slugSuffix),
            csv: PlottedValue.csv(chart.plotted))
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

/// No figures, or too few to carry the chart (fewer than three bars of a ranking, fewer than two
/// years of a composition), over the period asked.
public struct ChartUnavailable: UserFacingError, Equatable {
    /// The chart kind.
    public var kind: ChartKind
    /// First month asked.
    public var from: Period
    /// Last month asked.
    public var through: Period

    /// The error of a kind asked over `from` … `through`.
    public init(kind: ChartKind, from: Period, through: Period) {
        self.kind = kind
        self.from = from
        self.through = through
    }

    public var description: String {
        "too few figures for a \(kind.rawValue) chart from \(from) to \(through) in the store; see svctrade series (regional charts need svctrade generate --import)"
    }
}
