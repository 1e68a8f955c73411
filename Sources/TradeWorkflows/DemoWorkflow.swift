import Foundation
import TradeBulletin
import TradeCore
import TradeIngest
import TradeReport

/// `svctrade demo`: imports the shipped datasets into a store of either backend, generates the
/// illustrative regional panel, and composes the example outputs of `notebooks-output/` (tables,
/// charts, three bulletins with their PDFs when Chromium is there, press texts). What it has to say
/// goes to `say`, the files to `write` (relative names under the output folder).
public struct DemoWorkflow: Sendable {
    /// Folder with the shipped data.
    public var datasets: String
    /// Folder the outputs are written under (for the PDFs printed from the written bulletins).
    public var out: String
    /// Receives each line of the report.
    public var say: @Sendable (String) -> Void

    /// The shipped files the demo imports, in order.
    public static let shippedFiles = [
        "mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv", "safe-bop-services-2017-2025.csv",
    ]

    /// Creates a demo run.
    public init(datasets: String, out: String, say: @escaping @Sendable (String) -> Void) {
        self.datasets = datasets
        self.out = out
        self.say = say
    }

    /// The shipped batches, read and checked (before any store is opened).
    ///
    /// - Throws: ``WorkflowRefusal`` when the shipped data are not there.
    public func shippedBatches() throws -> [ImportBatch] {
        let published = "\(datasets)/\(Self.shippedFiles[0])"
        guard FileManager.default.fileExists(atPath: published) else {
            throw WorkflowRefusal(
                "\(published) not found; run svctrade demo from the repository root or pass --datasets DIR")
        }
        return try Self.shippedFiles.map {
            try ObservationReader(options: .init(releaseDate: nil)).read(path: "\(datasets)/\($0)")
        }
    }

    /// Runs the demo on the store at `address` (opened by `open`), else on a scratch SQLite file that
    /// is removed afterwards: the shipped batches are read before any store is opened, the
    /// `resources` loaded once the store is open.
    public func run(
        address: String?, resources: () throws -> BulletinResources, chromium: String?,
        open: (String) async throws -> any FigureWriter, write: ([BulletinComposer.File]) throws -> Void
    ) async throws {
        let batches = try shippedBatches()
        let path = address ?? NSTemporaryDirectory() + "svctrade-demo-\(getpid()).sqlite"
        defer { if address == nil { try? FileManager.default.removeItem(atPath: path) } }
        let store = try await open(path)
        say("svctrade demo: store \(address == nil ? "(scratch) " : "")\(StoreRegistry.standard.display(path))")
        try await run(batches: batches, store: store, resources: try resources(), chromium: chromium, write: write)
    }

    /// Imports `batches` into `store` and writes every output through `write`: the bulletins with
    /// `resources`, printed to PDF by `chromium` when there is one.
    public func run(
        batches: [ImportBatch], store: any FigureWriter, resources: BulletinResources, chromium: String?,
        write: ([BulletinComposer.File]) throws -> Void
    ) async throws {
        let summary = try await store.importBatches(batches)
        let figures = batches.flatMap(\.figures)
        let notes = batches.flatMap(\.notes)
        say(
            "loaded \(batches.map(\.file).joined(separator: ", ")): \(batches.map(\.rowCount).reduce(0, +)) rows, \(summary.figures) figure rows (\(figures.filter(\.isPreferred).count) kept after reconciling sources), \(summary.newSeries) series"
        )
        say("reconciliation notes: \(notes.count)")
        for note in notes.prefix(5) { say("  \(note)") }
        if notes.count > 5 { say("  … \(notes.count - 5) more (svctrade import prints them all)") }

        let national = try await store.seriesSummaries(FigureSelection(regions: ["CN"], sectors: ["S"]))
        say("\nnational total services series:")
        say(String(TextTableRenderer.render(SeriesListing.table(national)).dropLast()))

        // The illustrative regional panel, for region breakdowns.
        if let panel = IllustrativePanel.generate(
            book: try await store.figureBook(.everything), years: 2019...2022, seed: 20_200_814)
        {
            _ = try await store.importBatches([IllustrativePanel.importBatch(panel)])
            say(
                "generated the illustrative pilot-region panel: \(panel.series.count) series, \(panel.observationCount) monthly values (not published figures)"
            )
        }
        let full = try await store.figureBook(.everything)
        // Each bulletin and its table read what was published by its release date (release.toml), as
        // `bulletin` does.
        var vintages: [String: String] = [:]
        var books: [String: FigureBook] = [:]
        for (month, _) in DemoOutputs.bulletins {
            let date = BulletinComposer.vintage(
                through: try Period(parsing: month), given: nil,
                header: DemoOutputs.header(month: month, resources: resources))
            vintages[month] = date
            if let date { books[month] = try await store.figureBook(FigureSelection(asOf: date)) }
        }
        let vintageBook = { (month: String) in books[month] ?? full }
        let tables = try DemoOutputs.tables(vintage: vintageBook)
        try write(tables)
        say("wrote \(tables.count) tables to \(out)/tables/")
        let charts = try DemoOutputs.charts(latest: full, vintage: vintageBook)
        try write(charts)
        say("wrote \(charts.count) charts to \(out)/charts/")
        for (month, baseYear) in DemoOutputs.bulletins {
            // Charts left out this time must not linger from an earlier run.
            try? FileManager.default.removeItem(atPath: "\(out)/bulletin-\(month)/charts")
            let inputs = try await BulletinComposer.inputs(
                store: store, through: try Period(parsing: month), baseYear: baseYear, asOf: vintages[month] ?? nil)
            let files = try DemoOutputs.bulletin(
                month: month, baseYear: baseYear, book: inputs.book, history: inputs.history, resources: resources)
            try write(files)
            say("wrote the \(month) bulletin (\(files.count) files) to \(out)/bulletin-\(month)/")
        }
        if let chromium {
            for (month, _) in DemoOutputs.bulletins {
                let folder = out + "/bulletin-" + month
                try BulletinPrinter.print(
                    html: folder + "/bulletin.html", to: folder + "/bulletin.pdf", chromium: chromium)
            }
            say("printed the bulletins to PDF with \(chromium)")
        } else {
            say("no Chromium on PATH: the bulletins are not printed to PDF (install chromium, or print bulletin.html)")
        }
        try write(try DemoOutputs.pressTexts(resources: resources, book: vintageBook))

        say("\nJanuary–April 2021 as stored (CNY 100m, published year-on-year %):")
        let jan = try PeriodSpan(parsing: "2021-01/2021-04")
        for flow in [Flow.total, .export, .import, .balance] {
            let key = SeriesKey(region: "CN", sector: "S", flow: flow, currency: .cny)
            guard let f = full.figure(key, jan), let v = f.value else { continue }
            let yoy = f.rates.yearOnYear.map { "\($0.trimmedDescription)%" } ?? "–"
            say("  \(flow.rawValue): \(v.formatted(in: .init(.cny, .hundredMillion), places: 1))  yoy \(yoy)")
        }
    }
}
