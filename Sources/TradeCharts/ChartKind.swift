import TradeCore

/// The chart kinds of a bulletin (the chart spec's five kinds).
public enum ChartKind: String, Sendable, CaseIterable {
    /// Year-to-date bars with the growth line.
    case combo
    /// Exports, imports and balance over the years.
    case lines
    /// Sectors by growth, or regions by value.
    case ranking
    /// Composition of services trade by category.
    case composition
    /// One small panel per pilot region.
    case multiples
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

    public var description: String {
        "too few figures for a \(kind.rawValue) chart from \(from) to \(through) in the store; see svctrade series (regional charts need svctrade generate --import)"
    }
}

extension ChartKind {
    /// Draws this kind of chart from the book (one registration line per kind: the `switch` below).
    ///
    /// - Throws: ``ChartUnavailable`` when the book has no figures for it over the period.
    public func render(
        book: FigureBook, theme: ChartTheme, from: Period, through: Period, sector: String = "S",
        flow: Flow = .total, by: BulletinQuery.Breakdown = .sector, panels: Bool = false, slugSuffix: String = ""
    ) throws -> String {
        let charts = BulletinCharts(book: book, theme: theme)
        let kind = self
        let slug = "svc-\(kind.rawValue)" + slugSuffix
        func checked(_ hasData: Bool, _ svg: () -> String) throws -> String {
            guard hasData else {
                throw ChartUnavailable(kind: kind, from: from, through: through)
            }
            return svg()
        }
        switch kind {
        case .combo:
            let c = charts.combo(
                sector: sector, flow: flow, fromYear: from.year, through: through,
                layout: panels ? .stackedPanels : .dualAxis)
            return try checked(c.hasData) { c.svg(theme: theme, slug: slug) }
        case .lines:
            let c = charts.lines(fromYear: from.year, through: through)
            return try checked(c.hasData) { c.svg(theme: theme, slug: slug) }
        case .ranking:
            let c = charts.ranking(through: through, flow: flow, by: by)
            return try checked(c.hasData) { c.svg(theme: theme, slug: slug) }
        case .composition:
            let c = charts.composition(fromYear: from.year, toYear: through.year)
            return try checked(c.hasData) { c.svg(theme: theme, slug: slug) }
        case .multiples:
            let c = charts.multiples(fromYear: from.year, through: through)
            return try checked(c.hasData) { c.svg(theme: theme, slug: slug) }
        }
    }
}
