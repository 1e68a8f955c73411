import Foundation
import TradeCore
import TradeReport

/// `svctrade generate`: an illustrative pilot-region × sector panel whose national sums meet the
/// store's national totals, imported straight from the panel (``TradeCore/IllustrativePanel/importBatch(_:file:)``),
/// never through a file read back.
public enum GenerateWorkflow {
    /// The first option value `svctrade generate` cannot use, as a message, or `nil`.
    public static func problem(years: (from: Int, to: Int), output: String?, importing: Bool) -> String? {
        guard years.from <= years.to, years.from >= 1900 else { return "--from-year must not be after --to-year" }
        return output == nil && !importing ? "give -o FILE.csv, --import, or both" : nil
    }

    /// `svctrade generate`: the panel for `years` from the totals in `store`, written to `output` as tidy
    /// CSV (whole or not at all) and imported into `importing` when given; `say` hears what was done,
    /// `shown` names the store in messages.
    public static func run(
        from store: any FigureReader, importing: (any FigureWriter)?, years: ClosedRange<Int>, seed: UInt64,
        output: String?, shown: String, say: (String) -> Void
    ) async throws {
        let panel = try await self.panel(from: store, years: years, seed: seed, shown: shown)
        if let output { try OutputFile.write(Data(TidyCSVWriter.render(panel).utf8), to: output) }
        say(report(panel, years: years, seed: seed, file: output))
        if let importing {
            say(report(try await importPanel(panel, into: importing, file: output ?? "generated panel"), in: shown))
        }
    }

    /// The panel for `years` from the national totals in `store` (`shown`: the store in messages).
    ///
    /// - Throws: ``WorkflowRefusal`` when the store has no national totals for those years.
    public static func panel(
        from store: any FigureReader, years: ClosedRange<Int>, seed: UInt64, shown: String
    ) async throws -> MonthlyPanel {
        let book = try await store.figureBook(.everything)
        guard let panel = IllustrativePanel.generate(book: book, years: years, seed: seed) else {
            throw WorkflowRefusal(
                "the store \(shown) has no national totals (CN, S, export/import, CNY) for \(years.lowerBound)–\(years.upperBound); import datasets/mofcom-published-2017-2022.csv first"
            )
        }
        return panel
    }

    /// Imports the panel as release ``TradeCore/IllustrativePanel/release``; `file` names it in the
    /// store's record of releases.
    public static func importPanel(
        _ panel: MonthlyPanel, into store: any FigureWriter, file: String
    ) async throws -> ImportSummary {
        try await store.importBatches([IllustrativePanel.importBatch(panel, file: file)])
    }

    /// What `svctrade generate` says of the panel (written to `file`, when given).
    public static func report(_ panel: MonthlyPanel, years: ClosedRange<Int>, seed: UInt64, file: String?) -> String {
        "illustrative panel: \(panel.series.count) series, \(panel.observationCount) monthly values, \(years.lowerBound)–\(years.upperBound), seed \(seed)"
            + (file.map { " → \($0)" } ?? "")
    }

    /// What `svctrade generate --import` says of the import into the store shown as `shown`.
    public static func report(_ summary: ImportSummary, in shown: String) -> String {
        "imported into \(shown): \(summary.monthlyValues) monthly values, release \(summary.releases.joined(separator: ", "))"
    }
}
