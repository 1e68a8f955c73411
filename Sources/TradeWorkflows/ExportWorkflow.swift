import Foundation
import TradeCore
import TradeReport

/// `svctrade export`: the store's observations as SDMX-CSV or as one tidy table (CSV, JSON), or the
/// SDMX structure they follow.
public enum ExportWorkflow {
    /// What is exported.
    public enum Format: String, CaseIterable, Sendable {
        /// SDMX-CSV data (``TradeReport/SDMXCSVWriter``).
        case sdmxCSV = "sdmx-csv"
        /// The SDMX-ML 2.1 structure (``TradeReport/SDMXStructureWriter``).
        case sdmxStructure = "sdmx-structure"
        /// One tidy table (``TradeReport/TidyTable``).
        case csv, json
    }

    /// The first option value `svctrade export` cannot use, as a message, or `nil`.
    public static func problem(version: Int, region: String?) -> String? {
        guard version == 1 || version == 2 else { return "--sdmx-version must be 1 or 2" }
        if let region, Regions.standard.lookup(region) == nil {
            return "--region: unknown region \"\(region)\"; e.g. CN, CN-BOP, beijing"
        }
        return nil
    }

    /// Why `--all-sources` is refused with a tidy `format` (`csv`, `json`): the tidy table holds one row
    /// per series and period, so every copy is only in SDMX-CSV.
    public static func allSourcesRefusal(_ format: Format) -> WorkflowRefusal {
        WorkflowRefusal(
            "--all-sources does not apply to --format \(format.rawValue): the tidy table has one row per series and period (the copy the bulletin uses); every copy of every figure is in SDMX-CSV: svctrade export --format sdmx-csv --all-sources"
        )
    }

    /// Exports in `format` the figures of `region` (else all) of the store `open` opens (the structure
    /// needs no store) to the file `output`, each whole or not at all, else through `standardOutput`;
    /// `version` is the SDMX-CSV version, `allSources` every copy of every figure. Returns what was
    /// written to a file, for the caller to say (`nil` for the structure and for standard output).
    /// `allSources` with a tidy format is refused (``allSourcesRefusal(_:)``), before the store is opened.
    public static func run(
        _ format: Format, from open: () async throws -> any FigureReader, region: String?, version: Int,
        allSources: Bool, output: String?, standardOutput: (String) throws -> Void
    ) async throws -> String? {
        if format == .sdmxStructure {
            let text = SDMXStructureWriter.render(.standard)
            if let output { try OutputFile.write(Data(text.utf8), to: output) } else { try standardOutput(text) }
            return nil
        }
        if allSources && TidyTable.Format(rawValue: format.rawValue) != nil { throw allSourcesRefusal(format) }
        let database = try await open()
        let selection = FigureSelection(region: region, sector: nil)
        if let tidy = TidyTable.Format(rawValue: format.rawValue) {
            let table = try await TidyTable.read(from: database, selection)
            guard let output else {
                try table.write(tidy, to: standardOutput)
                return nil
            }
            let file = try OutputFile(path: output)
            try table.write(tidy) { try file.write(Data($0.utf8)) }
            try file.finish()
            return "wrote \(table.rowCount) rows to \(output)"
        }
        let book = try await database.figureBook(selection)
        let figures = SDMXCSVWriter.figures(
            history: try await database.figureHistory(selection), book: book, allSources: allSources)
        let text = SDMXCSVWriter.render(figures: figures, panel: book.panel, version: version, allSources: allSources)
        guard let output else {
            try standardOutput(text)
            return nil
        }
        try OutputFile.write(Data(text.utf8), to: output)
        return "wrote \(figures.count) figures and \(book.panel.observationCount) panel months to \(output)"
    }
}
