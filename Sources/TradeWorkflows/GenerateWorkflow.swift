import TradeCore

/// `svctrade generate`: an illustrative pilot-region × sector panel whose national sums meet the
/// store's national totals, imported straight from the panel (``TradeCore/IllustrativePanel/importBatch(_:file:)``),
/// never through a file read back.
public enum GenerateWorkflow {
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
