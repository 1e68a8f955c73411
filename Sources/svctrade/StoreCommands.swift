import ArgumentParser
import Foundation
import TradeCore
import TradeIngest
import TradePostgres
import TradeReport
import TradeWorkflows

/// `svctrade import`: CSV files into the store, all or nothing (``ImportWorkflow``).
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "import", "Read CSV files of observations into the store, all or nothing.",
        "Layouts are recognised from the header; one bad field rejects the whole import (file:line:column).",
        example: "svctrade import obs.csv --db panel.sqlite --unit \"CNY 10k\" --release 2021-06-03")

    @OptionGroup var store: StoreOptions
    @Argument(help: "CSV files to import (a pipe such as /dev/stdin: give --release).") var files: [String]
    @Option(help: "Unit of values without a unit column (e.g. CNY 100m, 亿元).") var unit = "CNY 10k"
    @Option(help: "Release (vintage) name without a release column (default: the file name).") var release: String?
    @Option(help: "Publication date of that release, YYYY-MM-DD (used by --as-of).") var releaseDate: String?
    @Option(help: "Seconds to wait for another import to a PostgreSQL store (default 600).") var wait: Int?
    @Flag(help: "Check the files completely but write nothing.") var dryRun = false

    func validate() throws {
        let problem = ImportWorkflow.problem(
            unit: unit, release: release, releaseDate: releaseDate, fileCount: files.count)
        if let problem { throw ValidationError(problem) }
    }

    func run() async throws {
        let options = ObservationReader.Options(
            defaultUnit: MonetaryUnit(parsing: unit) ?? MonetaryUnit(.cny, .tenThousand), release: release,
            releaseDate: releaseDate)
        let started = ContinuousClock.now
        let showProgress = standardErrorIsTerminal
        let batches = try ImportWorkflow.read(files, reader: ObservationReader(options: options)) { file, done, all in
            if showProgress { writeStandardError(all > 0 ? "\r\(file): \(done * 100 / all)% read" : "\r\u{1B}[K") }
        }
        guard !dryRun else { return ImportWorkflow.report(batches, dryRun: true).forEach { print($0) } }
        Edge.time("read: \(ContinuousClock.now - started)")
        let summary = try await ImportWorkflow.write(batches) { try await store.writer(wait: wait, mayCreate: true) }
        Edge.time("written: \(ContinuousClock.now - started)")
        let (elapsed, rows) = (ContinuousClock.now - started, batches.map(\.rowCount).reduce(0, +))
        ImportWorkflow.report(batches, dryRun: false).forEach { print($0) }
        print(ImportWorkflow.stored(summary, in: store.display, rows: rows, elapsed: elapsed))
    }
}

/// `svctrade series`: what the store holds.
struct SeriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "series", "List the series in the store: key, months covered, observations, gaps, vintages.",
        "A gap is a run of months with no figure ending in them.", example: "svctrade series --region CN --format csv")

    @OptionGroup var store: StoreOptions
    @Option(help: "Only series of this region code (e.g. CN).") var region: String?
    @Option(help: "Only series of this sector code (e.g. S, SD, KIS).") var sector: String?
    @Option(help: "Output format: text, csv or json.") var format: SeriesListing.Format = .text

    func run() async throws {
        let selection = FigureSelection(
            regions: region.map { [Regions.standard.lookup($0)?.code ?? $0] },
            sectors: sector.map { [Sectors.standard.lookup($0)?.code ?? $0.uppercased()] })
        let table = SeriesListing.table(try await store.reader().seriesSummaries(selection))
        print(format.render(table), terminator: "")
    }
}

/// `svctrade generate`: the illustrative regional panel (``GenerateWorkflow``).
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "generate",
        "Write an ILLUSTRATIVE pilot-region × sector monthly panel whose national sums meet the stored national totals.",
        "Made up (seeded, deterministic) and marked illustrative wherever it is shown.",
        example: "svctrade generate --db demo.sqlite -o panel.csv --import")

    @OptionGroup var store: StoreOptions
    @Option(help: "First year.") var fromYear = 2019
    @Option(help: "Last year.") var toYear = 2022
    @Option(help: "Random seed.") var seed: UInt64 = 20_200_814
    @Option(name: .shortAndLong, help: "CSV file to write (tidy layout).") var output: String?
    @Flag(name: .customLong("import"), help: "Also import the panel into the store.") var importIntoStore = false

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
        let years = fromYear...toYear
        let panel = try await GenerateWorkflow.panel(from: reader, years: years, seed: seed, shown: store.display)
        if let output { try OutputFile.write(Data(TidyCSVWriter.render(panel).utf8), to: output) }
        print(GenerateWorkflow.report(panel, years: years, seed: seed, file: output))
        if let writer {
            let summary = try await GenerateWorkflow.importPanel(panel, into: writer, file: output ?? "generated panel")
            print(GenerateWorkflow.report(summary, in: store.display))
        }
    }
}

/// `svctrade derive`: year to date and growth of the whole panel (``DeriveWorkflow``).
struct DeriveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "derive",
        "Year to date and year-on-year growth for every series and month of the stored panel, to CSV or to a new SQLite file.",
        "Calendar-matched, unrounded; CSV columns \(DeriveWorkflow.csvHeader.dropLast()).",
        example: "svctrade derive --db panel.sqlite --csv panel-ytd.csv")

    @OptionGroup var store: StoreOptions
    @Option(help: "Write the rows as CSV to this file.") var csv: String?
    @Option(help: "Write the derived series to this new SQLite file.") var sqlite: String?

    func validate() throws {
        guard csv != nil || sqlite != nil else { throw ValidationError("give --csv FILE, --sqlite FILE, or both") }
    }

    func run() async throws {
        try await DeriveWorkflow.run(store: try await store.reader(), csvFile: csv, sqlite: sqlite)
    }
}

/// `svctrade demo`: the shipped data end to end (``DemoWorkflow``).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "demo", "Build a store from the shipped datasets/ and show what it holds (run from the repository root).",
        "Without --db the store is a scratch SQLite file that is removed afterwards; --db may name a file or postgres://…",
        example: "svctrade demo --out notebooks-output")

    @Option(help: "Keep the store at this path or address (it must not hold the shipped releases yet).") var db: String?
    @Option(help: "Folder for tables, charts and the bulletin.") var out: String = "notebooks-output"
    @Option(help: "Folder with the shipped data.") var datasets: String = "datasets"

    func run() async throws {
        let demo = DemoWorkflow(datasets: datasets, out: out) { print($0) }
        let batches = try demo.shippedBatches()
        let path = db ?? NSTemporaryDirectory() + "svctrade-demo-\(getpid()).sqlite"
        defer { if db == nil { try? FileManager.default.removeItem(atPath: path) } }
        let writer = try await StoreRegistry.standard.writer(Edge.request(path, mayCreate: true))
        print("svctrade demo: store \(db == nil ? "(scratch) " : "")\(StoreRegistry.standard.display(path))")
        try await demo.run(
            batches: batches, store: writer, resources: try Edge.load(templates: nil, datasets: datasets),
            chromium: Edge.chromium
        ) { try OutputFile.write($0, into: out) }
    }
}

/// `svctrade db init`: a PostgreSQL store for a team.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration.command(
        "db", "Set up a PostgreSQL store for a team (build with --traits PostgreSQL).",
        example: "svctrade db init --db postgres://owner@127.0.0.1:5432/svctrade", subcommands: [DbInitCommand.self])
}

struct DbInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "init", "Create the schema and the roles svctrade_writer (imports) and svctrade_reader (reads only).",
        "Run once as an owner of the database; running it again changes nothing.",
        example: "svctrade db init --db postgres://owner@127.0.0.1:5432/svctrade")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Create the schema only, not the roles.") var noRoles = false

    func run() async throws {
        guard PostgresBackend.isAddress(store.path) else {
            throw WorkflowRefusal("db init sets up a PostgreSQL store; a SQLite store needs no setup (svctrade import)")
        }
        print(try await PostgresBackend.initialize(Edge.request(store.path), roles: !noRoles))
    }
}
