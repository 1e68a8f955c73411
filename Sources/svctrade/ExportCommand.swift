import ArgumentParser
import Foundation
import TradeCore
import TradeReport
import TradeStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the store's observations as SDMX-CSV, or as one tidy table (CSV, JSON) for notebooks.",
        discussion: """
            One observation per series key and period (the copy table uses; --all-sources: every copy),
            levels and rates with DECIMALS; panel months follow with PANEL=1. The structure (sdmx-structure)
            is in datasets/sdmx; the command reference ("export") explains it. svctrade import reads it back.
            csv and json: one row per series and period with the best level, its unit, rates, status and
            release (columns in the command reference, "export --format csv|json").

            Examples:
              svctrade export --format sdmx-csv -o figures.csv
              svctrade export --format sdmx-csv --version 2 --region CN -o cn.csv
              svctrade export --format sdmx-structure -o svctrade-structure.xml
              svctrade export --format csv -o svctrade-tidy.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case sdmxCSV = "sdmx-csv", sdmxStructure = "sdmx-structure", csv, json
    }

    @OptionGroup var store: StoreOptions

    @Option(
        help: "Output format: sdmx-csv (data), sdmx-structure (SDMX-ML 2.1 structure), csv or json (one tidy table).")
    var format: Format = .sdmxCSV

    @Option(help: "SDMX-CSV version: 1 (DATAFLOW first) or 2 (STRUCTURE, STRUCTURE_ID, ACTION).")
    var version: Int = 1

    @Option(help: "Only this region's series (e.g. CN).")
    var region: String?

    @Flag(help: "Every copy of every figure (each source and release) in DF_SVC_TRADE_COPIES, not one per key.")
    var allSources = false

    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
    var output: String?

    func validate() throws {
        guard version == 1 || version == 2 else { throw ValidationError("--version must be 1 or 2") }
        if let region, Regions.standard.lookup(region) == nil {
            throw ValidationError("--region: unknown region \"\(region)\"; e.g. CN, CN-BOP, beijing")
        }
    }

    func run() async throws {
        if format == .sdmxStructure, let output {
            return try OutputFile.write(Data(SDMXStructureWriter.render(.standard).utf8), to: output)
        }
        if format == .sdmxStructure { return print(SDMXStructureWriter.render(.standard), terminator: "") }
        let database = try await store.reader()
        var selection = FigureSelection()
        if let region { selection.regions = [Regions.standard.lookup(region)?.code ?? region] }
        if let tidy = TidyTable.Format(rawValue: format.rawValue) {
            let table = try await TidyTable.read(from: database, selection)
            guard let output else { return table.write(tidy) { print($0, terminator: "") } }
            let file = try OutputFile(path: output)
            try table.write(tidy) { try file.write(Data($0.utf8)) }
            try file.finish()
            return writeStandardError("wrote \(table.rowCount) rows to \(output)\n")
        }
        let book = try await database.figureBook(selection)
        let figures = SDMXCSVWriter.figures(
            history: try await database.figureHistory(selection), book: book, allSources: allSources)
        let text = SDMXCSVWriter.render(figures: figures, panel: book.panel, version: version, allSources: allSources)
        if let output {
            try OutputFile.write(Data(text.utf8), to: output)
            writeStandardError(
                "wrote \(figures.count) figures and \(book.panel.observationCount) panel months to \(output)\n")
        } else {
            print(text, terminator: "")
        }
    }
}
