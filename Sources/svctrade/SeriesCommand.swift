import ArgumentParser
import TradeCore
import TradeReport
import TradeStore

struct SeriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "List the series in the store: key, months covered, observations, gaps, vintages.",
        discussion: """
            A gap is a run of months between the first and last with no figure ending in them (January
            counts as covered by a January–February figure).

            Example: svctrade series --region CN --format csv
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Only series of this region code (e.g. CN).")
    var region: String?

    @Option(help: "Only series of this sector code (e.g. S, SD, KIS).")
    var sector: String?

    @Option(help: "Output format: text, csv or json.")
    var format: ListingFormat = .text

    func run() async throws {
        let database = try await store.reader()
        let selection = FigureSelection(
            regions: region.map { [Regions.standard.lookup($0)?.code ?? $0] },
            sectors: sector.map { [Sectors.standard.lookup($0)?.code ?? $0.uppercased()] })
        let summaries = try await database.seriesSummaries(selection)
        let table = SeriesListing.table(summaries)
        switch format {
        case .text: print(TextTableRenderer.render(table), terminator: "")
        case .csv: print(CSVRenderer.render(table), terminator: "")
        case .json: print(SeriesListing.json(table), terminator: "")
        }
    }
}
