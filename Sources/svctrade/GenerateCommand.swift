import ArgumentParser
import Foundation
import TradeCore
import TradeReport
import TradeWorkflows

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract:
            "Write an ILLUSTRATIVE pilot-region × sector monthly panel whose national sums meet the stored national totals.",
        discussion: """
            No monthly figures for single pilot localities are published. This panel is made up (seeded,
            deterministic) so that regional tables and charts can be shown; every value carries the source
            "svctrade generate (illustrative, seed N)" and the release "illustrative-pilot-panel", and every
            output that shows it says it is illustrative. National exports and imports of total services
            meet every year-to-date total the store knows, exactly; sector and regional splits are invented.

            Example: svctrade generate --db demo.sqlite -o panel.csv --import
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("from-year"), help: "First year.")
    var fromYear = 2019

    @Option(name: .customLong("to-year"), help: "Last year.")
    var toYear = 2022

    @Option(help: "Random seed.")
    var seed: UInt64 = 20_200_814

    @Option(name: .shortAndLong, help: "CSV file to write (tidy layout).")
    var output: String?

    @Flag(name: .customLong("import"), help: "Also import the panel into the store.")
    var importIntoStore = false

    func validate() throws {
        guard fromYear <= toYear, fromYear >= 1900 else {
            throw ValidationError("--from-year must not be after --to-year")
        }
        guard output != nil || importIntoStore else { throw ValidationError("give -o FILE.csv, --import, or both") }
    }

    func run() async throws {
        let writer: (any FigureWriter)? = importIntoStore ? try await store.writer() : nil
        let reader: any FigureReader
        if let writer { reader = writer } else { reader = try await store.reader() }
        let panel = try await GenerateWorkflow.panel(
            from: reader, years: fromYear...toYear, seed: seed, shown: store.display)
        if let output { try OutputFile.write(Data(TidyCSVWriter.render(panel).utf8), to: output) }
        print(
            "illustrative panel: \(panel.series.count) series, \(panel.observationCount) monthly values, \(fromYear)–\(toYear), seed \(seed)"
                + (output.map { " → \($0)" } ?? ""))
        if let writer {
            let summary = try await GenerateWorkflow.importPanel(panel, into: writer, file: output ?? "generated panel")
            print(
                "imported into \(store.display): \(summary.monthlyValues) monthly values, release \(summary.releases.joined(separator: ", "))"
            )
        }
    }
}
