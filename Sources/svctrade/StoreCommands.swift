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
        "import", "Read CSV files of observations into the store, all or nothing (one bad field rejects the import).",
        example: "svctrade import obs.csv --db panel.sqlite --unit \"CNY 10k\" --release 2021-06-03")

    @OptionGroup var store: StoreOptions
    @Argument(help: "CSV files to import (a pipe such as /dev/stdin: give --release).") var files: [String]
    @Option(help: "Unit of values without a unit column (e.g. CNY 100m, 亿元).") var unit = "CNY 10k"
    @Option(help: "Release (vintage) name without a release column (default: the file name).") var release: String?
    @Option(help: "Publication date of that release, YYYY-MM-DD (used by --as-of).") var releaseDate: String?
    @Option(help: "Seconds to wait for another import to a PostgreSQL store (default 600).") var wait: Int?
    @Flag(help: "Check the files completely but write nothing.") var dryRun = false
    @Flag(help: "Show progress on standard error even when it is not a terminal.") var progress = false

    func validate() throws {
        let problem = ImportWorkflow.problem(
            unit: unit, release: release, releaseDate: releaseDate, fileCount: files.count)
        if let problem { throw ValidationError(problem) }
    }

    func run() async throws {
        let showProgress = progress || standardErrorIsTerminal
        let reader = ImportWorkflow.reader(unit: unit, release: release, releaseDate: releaseDate)
        let lines = try await ImportWorkflow.run(
            files, reader: reader, dryRun: dryRun, shown: store.display,
            progress: { if showProgress { writeStandardError($0) } }, time: { Edge.time($0) }
        ) { try await store.writer(wait: wait, mayCreate: true, progress: showProgress) }
        lines.forEach { print($0) }
    }
}

/// `svctrade series`: what the store holds.
struct SeriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "series", "List the series in the store: key, months covered, observations, gaps, vintages.",
        example: "svctrade series --region CN --format csv")

    @OptionGroup var store: StoreOptions
    @Option(help: "Only series of this region code (e.g. CN).") var region: String?
    @Option(help: "Only series of this sector code (e.g. S, SD, KIS).") var sector: String?
    @Option(help: "Output format.") var format: SeriesListing.Format = .text

    func run() async throws {
        let summaries = try await store.reader().seriesSummaries(FigureSelection(region: region, sector: sector))
        print(format.render(SeriesListing.table(summaries)), terminator: "")
    }
}

/// `svctrade generate`: the illustrative regional panel (``GenerateWorkflow``).
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "generate", "An ILLUSTRATIVE pilot-region × sector monthly panel whose national sums meet the stored totals.",
        example: "svctrade generate --db demo.sqlite -o panel.csv --import")

    @OptionGroup var store: StoreOptions
    @Option(help: "First year.") var fromYear = 2019
    @Option(help: "Last year.") var toYear = 2022
    @Option(help: "Random seed.") var seed: UInt64 = 20_200_814
    @Option(name: .shortAndLong, help: "CSV file to write (tidy layout).") var output: String?
    @Flag(name: .customLong("import"), help: "Also import the panel into the store.") var importIntoStore = false

    func validate() throws {
        let problem = GenerateWorkflow.problem(years: (fromYear, toYear), output: output, importing: importIntoStore)
        if let problem { throw ValidationError(problem) }
    }

    func run() async throws {
        let writer = importIntoStore ? try await store.writer() : nil
        let reader: any FigureReader = if let writer { writer } else { try await store.reader() }
        try await GenerateWorkflow.run(
            from: reader, importing: writer, years: fromYear...toYear, seed: seed, output: output, shown: store.display
        ) { print($0) }
    }
}

/// `svctrade derive`: year to date and growth of the whole panel (``DeriveWorkflow``).
struct DeriveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "derive", "Year to date and year-on-year growth for every series and month of the panel, to CSV or SQLite.",
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
        "demo", "Build a store from the shipped datasets/ and write the example outputs (from the repository root).",
        example: "svctrade demo --out notebooks-output")

    @Option(help: "Keep the store at this path or address (default: a scratch SQLite file, removed).") var db: String?
    @Option(help: "Folder for tables, charts and the bulletin.") var out = "notebooks-output"
    @Option(help: "Folder with the shipped data.") var datasets = "datasets"

    func run() async throws {
        try await DemoWorkflow(datasets: datasets, out: out) { print($0) }.run(
            address: db, resources: { try Edge.load(templates: nil, datasets: datasets) }, chromium: Edge.chromium,
            open: { try await StoreRegistry.standard.writer(Edge.request($0, create: true)) }
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
        example: "svctrade db init --db postgres://owner@127.0.0.1:5432/svctrade")

    @OptionGroup var store: StoreOptions
    @Flag(help: "Create the schema only, not the roles.") var noRoles = false

    func run() async throws {
        print(try await PostgresBackend.initialize(Edge.request(store.path), roles: !noRoles))
    }
}
