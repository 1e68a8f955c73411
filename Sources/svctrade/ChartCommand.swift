import ArgumentParser
import Foundation
import TradeBulletin
import TradeCharts
import TradeCore
import TradeStore

extension ChartKind: ExpressibleByArgument {}

extension ChartTheme.Size: ExpressibleByArgument {}

struct ChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract:
            "Write an SVG chart to the chart spec: \(ChartKind.allCases.map(\.rawValue).dropLast().joined(separator: ", ")) or \(ChartKind.allCases.last?.rawValue ?? "").",
        discussion: ChartKind.summaries + """


            Example: svctrade chart combo --through 2021-04 --from 2020-01 --lang zh -o combo.svg
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "Chart kind.")
    var kind: ChartKind

    @Option(help: "Last month, YYYY-MM.", transform: Arguments.period)
    var through: Period

    @Option(help: "First month, YYYY-MM (default: January two years earlier).", transform: Arguments.period)
    var from: Period?

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
        if Sectors.standard.lookup(sector) == nil { throw ValidationError("--sector: unknown sector \"\(sector)\"") }
    }

    func run() async throws {
        let book = try await store.reader().figureBook(.everything)
        var request = ChartRequest(
            book: book, theme: ChartTheme(size: size, language: lang),
            from: from ?? Period(year: through.year - 2, month: 1) ?? through, through: through)
        request.sector = Sectors.standard.lookup(sector)?.code ?? sector
        request.flow = flow
        request.breakdown = by
        request.panels = panels
        try OutputFile.write(Data(try kind.render(request).utf8), to: output)
        print("wrote \(output)")
    }
}
