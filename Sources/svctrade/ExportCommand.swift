import ArgumentParser
import Foundation
import TradeCore
import TradeReport
import TradeStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store's observations as SDMX-CSV (for IMF, OECD, ECB and Eurostat tools).",
        discussion: """
            Every stored figure (each release, each source) becomes a level row and one row per rate it
            was published with; monthly panels follow with PANEL=1. The dataflow and its codes are in the
            the command reference ("export"). svctrade import reads the file back.

            Examples:
              svctrade export --format sdmx-csv -o figures.csv
              svctrade export --format sdmx-csv --version 2 --region CN -o cn.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case sdmxCSV = "sdmx-csv"
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "Output format (sdmx-csv).")
    var format: Format = .sdmxCSV

    @Option(help: "SDMX-CSV version: 1 (DATAFLOW first) or 2 (STRUCTURE, STRUCTURE_ID, ACTION).")
    var version: Int = 1

    @Option(help: "Only this region's series (e.g. CN).")
    var region: String?

    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
    var output: String?

    func validate() throws {
        guard version == 1 || version == 2 else { throw ValidationError("--version must be 1 or 2") }
        if let region, Regions.standard.lookup(region) == nil {
            throw ValidationError("--region: unknown region \"\(region)\"; e.g. CN, CN-BOP, beijing")
        }
    }

    func run() async throws {
        let database = try await store.reader()
        var selection = FigureSelection()
        if let region { selection.regions = [Regions.standard.lookup(region)?.code ?? region] }
        let figures = try await database.figureHistory(selection).map { ($0.observation, $0.isPreferred) }
        let panel = try await database.figureBook(selection).panel
        let text = SDMXCSVWriter.render(figures: figures, panel: panel, version: version)
        if let output {
            try OutputFile.write(Data(text.utf8), to: output)
            writeStandardError(
                "wrote \(figures.count) figures and \(panel.observationCount) panel months to \(output)\n")
        } else {
            print(text, terminator: "")
        }
    }
}
