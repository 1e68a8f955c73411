import ArgumentParser
import Foundation
import TradeCharts
import TradeCore
import TradeStore

enum ChartKind: String, ExpressibleByArgument, CaseIterable {
    case combo, lines, ranking, composition, multiples
}

extension ChartTheme.Language: ExpressibleByArgument {}
extension ChartTheme.Size: ExpressibleByArgument {}

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Write an SVG chart to the chart spec: combo, lines, ranking, composition or multiples.",
        discussion: """
            combo        year-to-date values (bars) and year-on-year growth (line), years separated
            lines        exports, imports and balance over the years (January-to-month of each year)
            ranking      sectors by growth, or regions by value (--by region; illustrative panel)
            composition  100 % bars of sector shares by year
            multiples    one small panel per pilot region (illustrative panel), index on a shared scale

            Example: svctrade chart combo --through 2021-04 --from 2020-01 --lang zh -o combo.svg
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Chart kind.")
    var kind: ChartKind

    @Option(help: "Last month, YYYY-MM.")
    var through: String

    @Option(help: "First month, YYYY-MM (default: January two years earlier).")
    var from: String?

    @Option(help: "Sector code for combo (default S).")
    var sector: String = "S"

    @Option(help: "Flow for combo and ranking (default total).")
    var flow: Flow = .total

    @Option(help: "Ranking by sector or region.")
    var by: BulletinQuery.Breakdown = .sector

    @Option(help: "Language: zh or en.")
    var lang: ChartTheme.Language = .zh

    @Option(help: "Size: bulletin (640 × 400) or slide (1280 × 720).")
    var size: ChartTheme.Size = .bulletin

    @Flag(help: "Combo as two stacked panels instead of a dual axis.")
    var panels = false

    @Option(name: .shortAndLong, help: "Output SVG file.")
    var output: String

    func validate() throws {
        do { _ = try Period(parsing: through) } catch { throw ValidationError("--through: \(error)") }
        if let from { do { _ = try Period(parsing: from) } catch { throw ValidationError("--from: \(error)") } }
        if Sectors.standard.lookup(sector) == nil { throw ValidationError("--sector: unknown sector \"\(sector)\"") }
    }

    func run() throws {
        let database = try store.existing()
        let book = try database.figureBook()
        let end = try Period(parsing: through)
        let start = try from.map { try Period(parsing: $0) } ?? Period(year: end.year - 2, month: 1) ?? end
        let svg = try ChartRendering.render(kind, book: book, theme: ChartTheme(size: size, language: lang), from: start, through: end,
                                            sector: Sectors.standard.lookup(sector)?.code ?? sector, flow: flow, by: by, panels: panels)
        try Data(svg.utf8).write(to: URL(fileURLWithPath: output))
        print("wrote \(output)")
    }
}

/// Shared by `chart` and `demo`.
enum ChartRendering {
    static func render(_ kind: ChartKind, book: FigureBook, theme: ChartTheme, from: Period, through: Period, sector: String = "S",
                       flow: Flow = .total, by: BulletinQuery.Breakdown = .sector, panels: Bool = false, slugSuffix: String = "") throws -> String {
        let charts = BulletinCharts(book: book, theme: theme)
        let slug = "svc-\(kind.rawValue)" + slugSuffix
        func checked(_ hasData: Bool, _ svg: () -> String) throws -> String {
            guard hasData else {
                throw InputRejected(message: "error: no figures for a \(kind.rawValue) chart from \(from) to \(through) in the store; see svctrade series (regional charts need svctrade generate --import)")
            }
            return svg()
        }
        switch kind {
        case .combo:
            let c = charts.combo(sector: sector, flow: flow, fromYear: from.year, through: through, layout: panels ? .stackedPanels : .dualAxis)
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
