import ArgumentParser
import Foundation
import TradeCore
import TradeIngest
import TradeWorkflows

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read CSV files of observations into the store, all or nothing.",
        discussion: """
            Layouts (recognised from the header):
              tidy long         period,region,sector,flow,value[,currency,unit,release,source]
              published figures period_from,period_to,period_kind,scope,sector,flow,currency,unit,value,
                                yoy_pct,vs2019_pct,two_year_avg_pct,share_pct,share_change_pp,balance_change,source_url
            Every file is checked completely before anything is written; one bad field rejects the whole
            import with file:line:column, the field and what was expected (exit status 1).

            Examples:
              svctrade import datasets/mofcom-published-2017-2022.csv
              svctrade import obs.csv --db panel.sqlite --unit "CNY 10k" --release 2021-06-03
              zcat obs.csv.gz | svctrade import /dev/stdin --release 2021-06-03   (a pipe is copied to a
                                temporary file first; give it --release, else the release is named "stdin")
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "CSV files to import.")
    var files: [String]

    @Option(help: "Unit of `value` for files without a unit column (e.g. \"CNY 10k\", \"CNY 100m\", \"亿元\").")
    var unit: String = "CNY 10k"

    @Option(help: "Release (vintage) name for files without a release column (default: the file name).")
    var release: String?

    @Option(name: .customLong("release-date"), help: "Publication date of that release, YYYY-MM-DD (used by --as-of).")
    var releaseDate: String?

    @Option(
        help:
            "Seconds to wait for another import to the same PostgreSQL store to finish (default 600); SQLite waits up to 600 s."
    )
    var wait: Int?

    @Flag(name: .customLong("dry-run"), help: "Check the files completely but write nothing.")
    var dryRun = false

    func validate() throws {
        guard MonetaryUnit(parsing: unit) != nil else {
            throw ValidationError("unknown unit \"\(unit)\"; expected \(MonetaryUnit.accepted)")
        }
        if let releaseDate, !ReleaseDate.isValid(releaseDate) {
            throw ValidationError("--release-date \"\(releaseDate)\" is not a date; expected YYYY-MM-DD")
        }
        if release != nil && files.count > 1 {
            throw ValidationError("--release names one vintage; import several files with --release one at a time")
        }
    }

    func run() async throws {
        guard let parsedUnit = MonetaryUnit(parsing: unit) else { throw ValidationError("unknown unit \(unit)") }
        let reader = ObservationReader(
            options: .init(defaultUnit: parsedUnit, release: release, releaseDate: releaseDate))
        let clock = ContinuousClock()
        let started = clock.now
        let showProgress = standardErrorIsTerminal
        let batches = try ImportWorkflow.read(files, reader: reader) { file, done, total in
            guard showProgress else { return }
            writeStandardError(total > 0 ? "\r\(file): \(done * 100 / total)% read" : "\r\u{1B}[K")
        }
        if dryRun {
            for b in batches {
                print(
                    "\(b.file): \(b.rowCount) rows (\(b.layout) layout) read without error: \(b.figures.filter(\.isPreferred).count) figures, \(b.panel.observationCount) monthly values in \(b.panel.series.count) series; nothing written (--dry-run)"
                )
                for note in b.notes { print("  note: \(note)") }
            }
            return
        }
        let timing = ProcessInfo.processInfo.environment["SVCTRADE_TIMING"] != nil
        if timing { writeStandardError("read: \(clock.now - started)\n") }
        let summary = try await ImportWorkflow.write(batches) { try await store.writer(wait: wait, mayCreate: true) }
        if timing { writeStandardError("written: \(clock.now - started)\n") }
        let seconds =
            Double((clock.now - started).components.attoseconds) / 1e18
            + Double((clock.now - started).components.seconds)
        for b in batches {
            print(
                "\(b.file): \(b.rowCount) rows (\(b.layout) layout): \(b.figures.filter(\.isPreferred).count) figures, \(b.panel.observationCount) monthly values in \(b.panel.series.count) series"
            )
            for note in b.notes { print("  note: \(note)") }
        }
        print(
            "stored in \(store.display): releases \(summary.releases.joined(separator: ", ")); \(summary.newSeries) new series; \(summary.figures) figure rows, \(summary.monthlyValues) monthly values; \(batches.map(\.rowCount).reduce(0, +)) rows in \(String(format: "%.2f", seconds)) s"
        )
    }
}
