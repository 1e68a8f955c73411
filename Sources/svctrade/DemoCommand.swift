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
            let csvPath =
                NSTemporaryDirectory() + "svctrade-demo-panel-\(ProcessInfo.processInfo.processIdentifier).csv"
            try Data(TidyCSVWriter.render(panel).utf8).write(to: URL(fileURLWithPath: csvPath))
            defer { try? FileManager.default.removeItem(atPath: csvPath) }
            let regional = try ObservationReader(options: .init(release: IllustrativePanel.release)).read(
                path: csvPath, displayName: "illustrative panel")
            _ = try database.importBatches([regional])
            print(
                "generated the illustrative pilot-region panel: \(panel.series.count) series, \(panel.observationCount) monthly values (not published figures)"
            )
        }
        try writeTables(database)
        try writeCharts(database)
        let bulletinFolder = out + "/bulletin-2021-04"
        let files = try BulletinComposer.compose(
            book: try database.figureBook(), through: try Period(parsing: "2021-04"), languages: [.zh, .en],
            baseYear: 2019, templates: nil, datasets: datasets,
            history: try database.figureHistory(FigureSelection(regions: ["CN"])))
        try FileOutput.write(files, into: bulletinFolder)
        print("wrote the January–April 2021 bulletin (\(files.count) files) to \(bulletinFolder)/")
        for (month, name) in [("2022-04", "January–April 2022"), ("2025-10", "January–October 2025")] {
            let folder = out + "/bulletin-" + month
            let composed = try BulletinComposer.compose(
                book: try database.figureBook(), through: try Period(parsing: month), languages: [.zh, .en],
                baseYear: nil, templates: nil, datasets: datasets,
                history: try database.figureHistory(FigureSelection(regions: ["CN"])))
            try FileOutput.write(composed, into: folder)
            print("wrote the \(name) bulletin (\(composed.count) files) to \(folder)/")
        }
        if let chromium = BulletinPrinter.chromium() {
            for month in ["2021-04", "2022-04", "2025-10"] {
                let folder = out + "/bulletin-" + month
                try BulletinPrinter.print(
                    html: folder + "/bulletin.html", to: folder + "/bulletin.pdf", chromium: chromium)
            }
            print("printed the three bulletins to PDF with \(chromium)")
        } else {
            print(
                "no Chromium on PATH: the bulletins are not printed to PDF (install chromium, or print bulletin.html)")
        }
        let fullBook = try database.figureBook()
        for language in PressFigures.Language.allCases {
            for (month, baseYear) in [("2021-04", 2019 as Int?), ("2022-04", nil), ("2025-10", nil)] {
                let release = try PressDocuments.release(
                    book: fullBook, through: try Period(parsing: month), baseYear: baseYear, language: language,
                    templates: nil)
                try Data(release.plainText.utf8).write(
                    to: URL(fileURLWithPath: "\(out)/press-figures-\(month)-\(language.rawValue).txt"))
            }
        }

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

extension DemoCommand {
    /// Writes the bulletin tables into `out/tables/`.
    func writeTables(_ database: TradeDatabase) throws {
        let folder = out + "/tables"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let book = try database.figureBook()
        var written: [String] = []
        func write(
            _ name: String, _ query: BulletinQuery, baseYear: Int?, _ format: TableFormat,
            lang: BulletinTableBuilder.Language = .en
        ) throws {
            let result = BulletinTables.render(
                book: book, query: query, baseYear: baseYear, format: format, unit: nil, lang: lang)
            try Data(result.text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            written.append(name)
        }
        let april2021 = BulletinQuery(through: try Period(parsing: "2021-04"))
        for format in [TableFormat.text, .csv, .md, .html, .json] {
            let ext = format == .text ? "txt" : format.rawValue
            try write("bulletin-2021-04.\(ext)", april2021, baseYear: 2019, format)
        }
        try write("bulletin-2021-04-zh.txt", april2021, baseYear: 2019, .text, lang: .zh)
        try write("bulletin-2022-04.csv", BulletinQuery(through: try Period(parsing: "2022-04")), baseYear: 2019, .csv)
        var regions = april2021
        regions.breakdown = .region
        try write("regions-2021-04-illustrative.csv", regions, baseYear: nil, .csv)
        try write("regions-2021-04-illustrative.md", regions, baseYear: nil, .md)
        print("wrote \(written.count) tables to \(folder)/: \(written.joined(separator: ", "))")
    }
}

extension DemoCommand {
    /// Writes the five chart kinds in both languages (and the combo as a slide) into `out/charts/`.
    func writeCharts(_ database: TradeDatabase) throws {
        let folder = out + "/charts"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let book = try database.figureBook()
        let april = try Period(parsing: "2021-04")
        let plan: [(ChartKind, String, Period, Period, BulletinQuery.Breakdown)] = [
            (.combo, "combo-2021-04", try Period(parsing: "2020-01"), april, .sector),
            (.lines, "lines-2017-2022", try Period(parsing: "2017-01"), try Period(parsing: "2022-12"), .sector),
            (.ranking, "ranking-regions-2021-04", april, april, .region),
            (
                .composition, "composition-2017-2022", try Period(parsing: "2017-01"), try Period(parsing: "2022-12"),
                .sector
            ),
            (.multiples, "multiples-2019-2021", try Period(parsing: "2019-01"), april, .sector),
        ]
        var written: [String] = []
        for (kind, name, from, through, by) in plan {
            for lang in ChartTheme.Language.allCases {
                let svg = try kind.render(
                    book: book, theme: ChartTheme(size: .bulletin, language: lang), from: from, through: through, by: by
                )
                try Data(svg.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)-\(lang.rawValue).svg"))
                written.append("\(name)-\(lang.rawValue).svg")
            }
        }
        for lang in ChartTheme.Language.allCases {
            let slide = try ChartKind.combo.render(
                book: book, theme: ChartTheme(size: .slide, language: lang), from: try Period(parsing: "2020-01"),
                through: april, panels: true)
            try Data(slide.utf8).write(to: URL(fileURLWithPath: "\(folder)/combo-panels-slide-\(lang.rawValue).svg"))
            written.append("combo-panels-slide-\(lang.rawValue).svg")
        }
        print("wrote \(written.count) charts to \(folder)/")
    }
}

enum TradeReportBridge {
    static func seriesTable(_ s: [SeriesSummary]) -> String {
        TextTableRenderer.render(SeriesListing.table(s))
    }
}
