import ArgumentParser
import TradeCore
import TradeReport
import TradeStore

struct SeriesCommand: ParsableCommand {
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

    @Option(help: "Output format: text or csv.")
    var format: ListingFormat = .text

    func run() throws {
        let database = try store.existing()
        let selection = FigureSelection(
            regions: region.map { [Regions.standard.lookup($0)?.code ?? $0] },
            sectors: sector.map { [Sectors.standard.lookup($0)?.code ?? $0.uppercased()] })
        let summaries = try database.seriesSummaries(selection)
        let table = SeriesListing.table(summaries)
        print(format == .csv ? CSVRenderer.render(table) : TextTableRenderer.render(table), terminator: "")
    }
}

/// The table `svctrade series` prints.
enum SeriesListing {
    static func table(_ summaries: [SeriesSummary]) -> Table {
        var t = Table(columns: [
            .init("region"), .init("sector"), .init("flow"), .init("currency"), .init("first"), .init("last"),
            .init("observations", .right), .init("vintages", .right), .init("gaps"),
        ])
        for s in summaries {
            let gaps = s.gaps.map {
                $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)..\($0.upperBound)"
            }
            t.rows.append([
                s.key.region, s.key.sector, s.key.flow.rawValue, s.key.currency.rawValue, "\(s.first)", "\(s.last)",
                "\(s.observationCount)", "\(s.vintageCount)", gaps.joined(separator: " "),
            ])
        }
        return t
    }
}
