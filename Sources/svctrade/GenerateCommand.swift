import ArgumentParser
import Foundation
import TradeCore
import TradeIngest
import TradeReport
import TradeStore

struct GenerateCommand: ParsableCommand {
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

    func run() throws {
        let database = try store.existingWritable()
        let book = try database.figureBook(.everything)
        guard let panel = IllustrativePanel.generate(book: book, years: fromYear...toYear, seed: seed) else {
            throw InputRejected(
                message:
                    "error: the store \(store.display) has no national totals (CN, S, export/import, CNY) for \(fromYear)–\(toYear); import datasets/mofcom-published-2017-2022.csv first"
            )
        }
        let csv = TidyCSVWriter.render(panel)
        let path =
            output ?? NSTemporaryDirectory() + "svctrade-illustrative-\(ProcessInfo.processInfo.processIdentifier).csv"
        try OutputFile.write(Data(csv.utf8), to: path)
        defer { if output == nil { try? FileManager.default.removeItem(atPath: path) } }
        print(
            "illustrative panel: \(panel.series.count) series, \(panel.observationCount) monthly values, \(fromYear)–\(toYear), seed \(seed)"
                + (output.map { " → \($0)" } ?? ""))
        if importIntoStore {
            let batch: ImportBatch
            do {
                batch = try ObservationReader(options: .init(release: IllustrativePanel.release)).read(
                    path: path, displayName: output ?? "generated panel")
                let summary = try database.importBatches([batch])
                print(
                    "imported into \(store.display): \(summary.monthlyValues) monthly values, release \(summary.releases.joined(separator: ", "))"
                )
            } catch let e as StoreError {
                throw InputRejected(message: "error: \(e)")
            } catch let e as ImportError {
                throw InputRejected(message: "error: \(e)")
            }
        }
    }
}
