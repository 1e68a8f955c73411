import ArgumentParser
import Foundation
import TradeBulletin
import TradeCharts
import TradeCore
import TradeIngest
import TradeReport
import TradeStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a store from the shipped datasets/ and show what it holds (run from the repository root).",
        discussion: "Without --db the store is a scratch file that is removed afterwards.")

    @Option(help: "Keep the store at this path (it must not hold the shipped releases yet).")
    var db: String?

    @Option(help: "Folder for tables, charts and the bulletin.")
    var out: String = "notebooks-output"

    @Option(help: "Folder with the shipped data.")
    var datasets: String = "datasets"

    func run() throws {
        let published = "\(datasets)/mofcom-published-2017-2022.csv"
        guard FileManager.default.fileExists(atPath: published) else {
            throw InputRejected(
                message:
                    "error: \(published) not found; run svctrade demo from the repository root or pass --datasets DIR")
        }
        _ = published
        let scratch = db == nil
        let path = db ?? NSTemporaryDirectory() + "svctrade-demo-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { if scratch { try? FileManager.default.removeItem(atPath: path) } }

        var batches: [ImportBatch] = []
        for name in [
            "mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv", "safe-bop-services-2017-2025.csv",
        ] {
            do {
                batches.append(
                    try ObservationReader(options: .init(releaseDate: nil)).read(path: "\(datasets)/\(name)"))
            } catch {
                throw InputRejected(message: "error: \(error)")
            }
        }
        let database = try TradeDatabase(path: path)
        let summary: TradeDatabase.ImportSummary
        do {
            summary = try database.importBatches(batches)
        } catch let e as StoreError {
            throw InputRejected(message: "error: \(e)")
        }
        let batch = ImportBatch(
            file: "datasets", layout: "published figures", panel: MonthlyPanel(), figures: batches.flatMap(\.figures),
            releases: [:], notes: batches.flatMap(\.notes), rowCount: batches.map(\.rowCount).reduce(0, +))
        print("svctrade demo: store \(scratch ? "(scratch) " : "")\(path)")
        print(
            "loaded \(batches.map(\.file).joined(separator: ", ")): \(batch.rowCount) rows, \(summary.figures) figure rows (\(batch.figures.filter(\.isPreferred).count) kept after reconciling sources), \(summary.newSeries) series"
        )
        print("reconciliation notes: \(batch.notes.count)")
        for note in batch.notes.prefix(5) { print("  \(note)") }
        if batch.notes.count > 5 { print("  … \(batch.notes.count - 5) more (svctrade import prints them all)") }

        let summaries = try database.seriesSummaries().filter { $0.key.region == "CN" && $0.key.sector == "S" }
        print("\nnational total services series:")
        print(TradeReportBridge.seriesTable(summaries), terminator: "")

        // The illustrative regional panel, for region breakdowns.
        let book = try database.figureBook()
        if let panel = IllustrativePanel.generate(book: book, years: 2019...2022, seed: 20_200_814) {
            _ = try database.importBatches([IllustrativePanel.importBatch(panel)])
            print(
                "generated the illustrative pilot-region panel: \(panel.series.count) series, \(panel.observationCount) monthly values (not published figures)"
            )
        }
        let full = try database.figureBook()
        let resources = try ResourceFolders.load(templates: nil, datasets: datasets)
        // Each bulletin and its table read what was published by its release date (release.toml), as
        // `bulletin` does.
        func vintage(_ month: String) throws -> String? {
            BulletinComposer.vintage(
                through: try Period(parsing: month), given: nil,
                header: DemoOutputs.header(month: month, resources: resources))
        }
        func vintageBook(_ month: String) throws -> FigureBook {
            try vintage(month).map { try database.figureBook(FigureSelection(asOf: $0)) } ?? full
        }
        let tables = try DemoOutputs.tables(latest: full, vintage: vintageBook)
        try FileOutput.write(tables, into: out)
        print("wrote \(tables.count) tables to \(out)/tables/")
        let charts = try DemoOutputs.charts(book: full)
        try FileOutput.write(charts, into: out)
        print("wrote \(charts.count) charts to \(out)/charts/")
        for (month, baseYear) in DemoOutputs.bulletins {
            // Charts left out this time must not linger from an earlier run.
            try? FileManager.default.removeItem(atPath: "\(out)/bulletin-\(month)/charts")
            let inputs = try BulletinComposer.inputs(
                store: database, through: try Period(parsing: month), baseYear: baseYear, asOf: try vintage(month))
            let files = try DemoOutputs.bulletin(
                month: month, baseYear: baseYear, book: inputs.book, history: inputs.history, resources: resources)
            try FileOutput.write(files, into: out)
            print("wrote the \(month) bulletin (\(files.count) files) to \(out)/bulletin-\(month)/")
        }
        if let chromium = ResourceFolders.chromium {
            for (month, _) in DemoOutputs.bulletins {
                let folder = out + "/bulletin-" + month
                try BulletinPrinter.print(
                    html: folder + "/bulletin.html", to: folder + "/bulletin.pdf", chromium: chromium)
            }
            print("printed the bulletins to PDF with \(chromium)")
        } else {
            print(
                "no Chromium on PATH: the bulletins are not printed to PDF (install chromium, or print bulletin.html)")
        }
        try FileOutput.write(try DemoOutputs.pressTexts(resources: resources, book: vintageBook), into: out)

        print("\nJanuary–April 2021 as stored (CNY 100m, published year-on-year %):")
        let jan = try PeriodSpan(parsing: "2021-01/2021-04")
        for flow in [Flow.total, .export, .import, .balance] {
            let key = SeriesKey(region: "CN", sector: "S", flow: flow, currency: .cny)
            guard let f = try database.figures(key: key).first(where: { $0.observation.span == jan }),
                let v = f.observation.value
            else { continue }
            let yoy = f.observation.rates.yearOnYear.map { "\($0.trimmedDescription)%" } ?? "–"
            print("  \(flow.rawValue): \(v.formatted(in: .init(.cny, .hundredMillion), places: 1))  yoy \(yoy)")
        }
    }
}

enum TradeReportBridge {
    static func seriesTable(_ s: [SeriesSummary]) -> String {
        TextTableRenderer.render(SeriesListing.table(s))
    }
}
