import Foundation
import TradeCharts
import TradeCore
import TradeReport

/// The example outputs `svctrade demo` writes into `notebooks-output/`: the bulletin tables in every
/// format, the five chart kinds in both languages, the three bulletins (January–April 2021 and 2022,
/// January–October 2025) and their press texts. Composed here, written by the caller.
public enum DemoOutputs {
    /// A file to write, relative to the output folder.
    public typealias File = BulletinComposer.File

    /// The bulletins the demo writes: month and comparison year.
    public static let bulletins: [(month: String, baseYear: Int?)] = [
        ("2021-04", 2019), ("2022-04", nil), ("2025-10", nil),
    ]

    /// The bulletin tables under `tables/`.
    ///
    /// Every table named after a bulletin month reads the figures of `vintage(month)` (what was
    /// published by its release date, as the bulletin does), so the table and the bulletin agree and
    /// no figure published later enters it: the illustrative regional table of 2021-04 too (its panel
    /// months count whatever the date; its national rows, as of 2021-06-03, have no month-on-month
    /// change resting on January–March 2021's 11581.9, published in August 2021).
    public static func tables(vintage: (String) throws -> FigureBook) throws -> [File] {
        var files: [File] = []
        let april2021Book = try vintage("2021-04")
        let april2022Book = try vintage("2022-04")
        /// One table, computed once, written in each format asked.
        func add(_ table: BulletinTable, _ outputs: [(name: String, format: TableFormat)]) throws {
            for (name, format) in outputs {
                files.append(File(name: "tables/" + name, data: try table.rendered(format)))
            }
        }
        let april2021 = BulletinQuery(through: try Period(parsing: "2021-04"))
        try add(
            BulletinTable(book: april2021Book, query: april2021, baseYear: 2019, lang: .en),
            [TableFormat.text, .csv, .md, .html, .json].map { ("bulletin-2021-04.\($0.renderer.fileExtension)", $0) })
        try add(
            BulletinTable(book: april2021Book, query: april2021, baseYear: 2019, lang: .zh),
            [("bulletin-2021-04-zh.txt", .text)])
        let april2022 = BulletinQuery(through: try Period(parsing: "2022-04"))
        try add(
            BulletinTable(book: april2022Book, query: april2022, baseYear: 2019, lang: .en),
            [("bulletin-2022-04.csv", .csv)])
        var regions = april2021
        regions.breakdown = .region
        try add(
            BulletinTable(book: april2021Book, query: regions, baseYear: nil, lang: .en),
            [("regions-2021-04-illustrative.csv", .csv), ("regions-2021-04-illustrative.md", .md)])
        return files
    }

    /// The five chart kinds in both languages, and the combo as a slide, under `charts/`, each with
    /// the CSV of its plotted values beside it.
    ///
    /// A chart ending in a bulletin month (April 2021: the combo, the regional ranking, the small
    /// multiples and the slide) reads `vintage(month)`, what was published by that bulletin's release
    /// date, as the bulletin's own charts do; the charts over 2017–2022 (no bulletin of that month)
    /// read `latest` and say so in their names (`lines-2017-2022-latest-en.svg`).
    public static func charts(latest: FigureBook, vintage: (String) throws -> FigureBook) throws -> [File] {
        let april = try Period(parsing: "2021-04")
        let april2021Book = try vintage("2021-04")
        let (from2017, through2022) = (try Period(parsing: "2017-01"), try Period(parsing: "2022-12"))
        let plan: [(ChartKind, String, Period, Period, BulletinQuery.Breakdown, FigureBook)] = [
            (.combo, "combo-2021-04", try Period(parsing: "2020-01"), april, .sector, april2021Book),
            (.lines, "lines-2017-2022-latest", from2017, through2022, .sector, latest),
            (.ranking, "ranking-regions-2021-04", april, april, .region, april2021Book),
            (.composition, "composition-2017-2022-latest", from2017, through2022, .sector, latest),
            (.multiples, "multiples-2019-2021", try Period(parsing: "2019-01"), april, .sector, april2021Book),
        ]
        var files: [File] = []
        for (kind, name, from, through, by, book) in plan {
            for lang in ChartTheme.Language.allCases {
                var request = ChartRequest(
                    book: book, theme: ChartTheme(size: .bulletin, language: lang), from: from, through: through)
                request.breakdown = by
                let chart = try kind.drawn(request)
                files.append(File(name: "charts/\(name)-\(lang.rawValue).svg", data: Data(chart.svg.utf8)))
                files.append(File(name: "charts/\(name)-\(lang.rawValue).csv", data: Data(chart.csv.utf8)))
            }
        }
        for lang in ChartTheme.Language.allCases {
            var request = ChartRequest(
                book: april2021Book, theme: ChartTheme(size: .slide, language: lang),
                from: try Period(parsing: "2020-01"), through: april)
            request.panels = true
            let slide = try ChartKind.combo.drawn(request)
            files.append(File(name: "charts/combo-panels-slide-\(lang.rawValue).svg", data: Data(slide.svg.utf8)))
            files.append(File(name: "charts/combo-panels-slide-\(lang.rawValue).csv", data: Data(slide.csv.utf8)))
        }
        return files
    }

    /// The example issuer the demo's bulletins carry (a real bulletin sets its own in release.toml).
    public static let exampleIssuer = (
        en: "svctrade example bulletin (compiled from MOFCOM's published figures; not an official release)",
        zh: "svctrade 示例公报（根据商务部公布数据整理，非官方发布）"
    )

    /// The release header of a demo bulletin: the release settings of `resources` with the example issuer.
    public static func header(month: String, resources: BulletinResources) -> ReleaseHeader {
        var header = resources.release
        header.values["\(month).issuer"] = exampleIssuer.en
        header.values["\(month).issuer_zh"] = exampleIssuer.zh
        return header
    }

    /// One bulletin, zh and en, under `bulletin-MONTH/`; `book` and `history` as of the bulletin's
    /// release date (``header(month:)``).
    public static func bulletin(
        month: String, baseYear: Int?, book: FigureBook, history: [Observation], resources: BulletinResources
    ) throws -> [File] {
        try BulletinComposer.composition(
            book: book, through: try Period(parsing: month), languages: [.zh, .en], baseYear: baseYear,
            resources: resources, history: history, header: header(month: month, resources: resources)
        ).files.map { File(name: "bulletin-\(month)/" + $0.name, data: $0.data) }
    }

    /// The press texts of the three bulletins in both languages (`press-figures-MONTH-LANG.txt`), each
    /// from the figures as of its bulletin's release date (`book(month)`).
    public static func pressTexts(resources: BulletinResources, book: (String) throws -> FigureBook) throws -> [File] {
        var files: [File] = []
        for language in Language.allCases {
            for (month, baseYear) in bulletins {
                let release = try PressDocuments.release(
                    book: try book(month), through: try Period(parsing: month), baseYear: baseYear, language: language,
                    resources: resources)
                files.append(
                    File(name: "press-figures-\(month)-\(language.rawValue).txt", data: Data(release.plainText.utf8)))
            }
        }
        return files
    }
}
