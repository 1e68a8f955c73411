import Foundation
import Testing
import TradeBulletin
import TradeCore
import TradeReport
import TradeStore
import TradeTestSupport

/// The demo's tables and charts named after a bulletin month read only what was published by that
/// bulletin's release date (release.toml), as the bulletin folder does; an output that reads the latest
/// releases says so in its name.
@Suite struct DemoVintageTests {
    /// The shipped store with the demo's illustrative panel, and the demo's book of each bulletin month.
    struct Books {
        let latest: FigureBook
        let vintage: [String: FigureBook]

        init() throws {
            let store = try ShippedData.store(illustrativePanel: true)
            let resources = try ShippedData.resources()
            latest = try store.figureBook()
            var books: [String: FigureBook] = [:]
            for (month, _) in DemoOutputs.bulletins {
                let header = DemoOutputs.header(month: month, resources: resources)
                let asOf = try #require(
                    BulletinComposer.vintage(through: try Period(parsing: month), given: nil, header: header))
                books[month] = try store.figureBook(asOf: asOf)
            }
            vintage = books
        }

        func book(_ month: String) throws -> FigureBook {
            try #require(vintage[month], "no vintage for \(month)")
        }
    }

    static func text(_ files: [DemoOutputs.File], _ name: String) throws -> String {
        let file = try #require(files.first { $0.name == name }, "\(name) not written")
        return String(decoding: file.data, as: UTF8.self)
    }

    /// April 2021's combo chart and regional table, as of 2021-06-03: January–March 2021 is the 11600 of
    /// the April bulletin (1.16万亿元), not the 11581.9 published in August 2021, and no month-on-month
    /// change or implied revision rests on it (the latest releases gave −8.6 and −0.7).
    @Test func april2021OutputsUseOnlyWhatWasPublishedBy3June2021() throws {
        let books = try Books()
        let charts = try DemoOutputs.charts(latest: books.latest, vintage: books.book)
        let combo = try Self.text(charts, "charts/combo-2021-04-en.csv")
        #expect(
            combo.contains("\"Value (CNY 100 million, left)\",2021-01/2021-03,11600,CNY 100 million,published,yes\n"))
        #expect(!combo.contains("11581.9"))
        // The same values as the April 2021 bulletin's own combo chart.
        let bulletin = try DemoOutputs.bulletin(
            month: "2021-04", baseYear: 2019, book: try books.book("2021-04"), history: [],
            resources: try ShippedData.resources())
        #expect(try Self.text(bulletin, "bulletin-2021-04/charts/combo-en.csv") == combo)

        let tables = try DemoOutputs.tables(vintage: books.book)
        let regions = try Self.text(tables, "tables/regions-2021-04-illustrative.csv")
        let lines = regions.split(separator: "\n").map(String.init)
        let header = try #require(lines.first).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let mom = try #require(header.firstIndex(of: "mom_pct_nsa"))
        let revision = try #require(header.firstIndex(of: "implied_revision"))
        let april = try #require(lines.first { $0.hasPrefix("CN,S,total,CNY,2021-04,2021-04,") })
        let cells = april.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(cells[mom] == "")
        #expect(cells[revision] == "")
        #expect(april == Self.april2021TotalRow)
    }

    /// The CN total row of April 2021 in the regional table as of 2021-06-03. Its prior is the base implied by
    /// 12.3% (±0.05): 4061.85 / 1.1235 = 3615.4 … 4061.95 / 1.1225 = 3618.7, stated at 10 亿元, 3620.
    static let april2021TotalRow =
        "CN,S,total,CNY,2021-04,2021-04,4061.9,CNY 100m,published,3620,12.3,published,published,12.3,false,,,,,,"
        + "Services,month,published,12.3,12.28,12.39,,,,,,,,,,21.6,false,,,,,"

    /// Every demo chart either reads its bulletin month's vintage, and does not change when the latest
    /// releases do, or carries "latest" in its name.
    @Test func aChartReadingTheLatestReleasesSaysSoInItsName() throws {
        let books = try Books()
        let withLatest = try DemoOutputs.charts(latest: books.latest, vintage: books.book)
        // Another "latest": every figure but those of 2021 (as if nothing of 2021 had been published since).
        let other = FigureBook(
            figures: books.latest.figures.filter { $0.span.end.year != 2021 }, panel: books.latest.panel)
        let withVintage = try DemoOutputs.charts(latest: other, vintage: books.book)
        #expect(withLatest.map(\.name) == withVintage.map(\.name))
        let changed = zip(withLatest, withVintage).filter { $0.data != $1.data }.map(\.0.name)
        #expect(!changed.isEmpty)
        for name in changed { #expect(name.contains("-latest-"), "\(name) reads the latest releases") }
        #expect(
            withLatest.map(\.name).filter { $0.contains("-latest-") } == [
                "charts/lines-2017-2022-latest-zh.svg", "charts/lines-2017-2022-latest-zh.csv",
                "charts/lines-2017-2022-latest-en.svg", "charts/lines-2017-2022-latest-en.csv",
                "charts/composition-2017-2022-latest-zh.svg", "charts/composition-2017-2022-latest-zh.csv",
                "charts/composition-2017-2022-latest-en.svg", "charts/composition-2017-2022-latest-en.csv",
            ])
    }
}
