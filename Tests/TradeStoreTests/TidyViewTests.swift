import Foundation
import GRDB
import Testing
import TradeCore
import TradeIngest
import TradeTestSupport

@testable import TradeStore

/// The read-only views `tidy` and `tidy_vintages`: plain numbers, ISO periods and units over the
/// shipped data, the latest release winning, and an older store migrated (or refused by a reader).
@Suite struct TidyViewTests {
    func rows(_ store: TradeDatabase, _ sql: String) throws -> [[String]] {
        try store.queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: ""
                    case .string(let text): text
                    default: value.description
                    }
                }
            }
        }
    }

    @Test func theViewsGiveThePublishedNationalTotals() throws {
        let store = try ShippedData.store(illustrativePanel: true)
        let ytd = try rows(
            store,
            """
            SELECT period, value, unit, unit_mult, amount, yoy_pct, status FROM tidy
            WHERE region = 'CN' AND sector = 'S' AND flow = 'total' AND currency = 'CNY'
              AND cumulation = 'year-to-date' AND value IS NOT NULL ORDER BY period_end
            """)
        #expect(ytd.count == 78)
        // datasets/mofcom-published-2017-2022.csv: 2017 46991.1 亿元 (+6.8%); the only copy.
        #expect(
            ytd.first { $0[0] == "2017-01/2017-12" }
                == ["2017-01/2017-12", "46991.1", "CNY 100m", "8", "4699110000000.0", "6.8", "published"])
        // The first: January–May 2017, 1.82463 万亿元 (+9.2%).
        #expect(
            ytd.first == ["2017-01/2017-05", "1.82463", "CNY trillion", "12", "1824630000000.0", "9.2", "published"])
        let april = ytd.first { $0[0] == "2021-01/2021-04" }
        #expect(april?[4] == "1564450000000.0" && april?[5] == "3.3", "\(april ?? [])")
        // Every view row of the illustrative panel says so; no figure does.
        let statuses = try rows(store, "SELECT status, count(*) FROM tidy GROUP BY status ORDER BY status")
        #expect(statuses.map(\.first) == ["illustrative", "published", "reported-conversion"])
        let panelMonths = try rows(store, "SELECT count(*) FROM tidy WHERE status = 'illustrative'")
        let panel = try store.monthlyPanel()
        #expect(panelMonths.first?.first.flatMap { Int($0) } == panel.observationCount)
    }

    @Test func theLatestReleaseWinsAndEveryVintageIsKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let header = "period,region,sector,flow,value,unit\n"
        let store = try TradeDatabase.inMemory()
        func add(_ text: String, release: String, date: String) throws {
            let path = try folder.write("\(release).csv", header + text)
            _ = try store.importBatches([
                try ObservationReader(options: .init(release: release, releaseDate: date)).read(path: path)
            ])
        }
        try add(
            "2021-03,beijing,SI,export,10.5,CNY 100m\n2021-04,beijing,SI,export,11.25,CNY 100m\n", release: "late",
            date: "2021-06-30")
        try add(
            "2021-04,beijing,SI,export,12,CNY 100m\n2021-05,beijing,SI,export,13,CNY 100m\n", release: "early",
            date: "2021-05-31")
        let best = try rows(store, "SELECT period, value, amount, release, cumulation FROM tidy ORDER BY period")
        #expect(
            best == [
                ["2021-03", "10.5", "1050000000.0", "late", "month"],
                ["2021-04", "11.25", "1125000000.0", "late", "month"],
                ["2021-05", "13.0", "1300000000.0", "early", "month"],
            ])
        let all = try rows(store, "SELECT period, value, release FROM tidy_vintages")
        #expect(all.count == 4 && all.contains(["2021-04", "12.0", "early"]))
    }

    @Test func anOlderStoreIsMigratedByAWriterAndRefusedByAReader() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("old.sqlite")
        // A store of format 1 (migrations v1 and v2), written as the svctrade of that format wrote it.
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v2")
            try queue.write { db in
                try db.execute(
                    sql: """
                        PRAGMA application_id = \(StoreStamp.applicationID); PRAGMA user_version = 1;
                        INSERT INTO release VALUES (1, 'r1', '2021-06-03', 'a.csv', 2);
                        INSERT INTO series VALUES (1, 'CN', 'S', 'total', 'USD'), (2, 'beijing', 'SI', 'export', 'CNY');
                        INSERT INTO source VALUES (1, 'https://news.example.com/a');
                        INSERT INTO figure (series_id, period_from, period_to, release_id, source_id, line, preferred,
                            value, unit, decimals) VALUES (1, 202101, 202104, 1, 1, 2, 1, 22836000000000, 'USD bn', 2);
                        """)
                let values: [Int64] = [105_000_000_000, 0, 112_500_000_000]
                try db.execute(
                    sql: "INSERT INTO monthly_block VALUES (2, 1, ?, 3, 'CNY 100m', 2, 1, ?, ?)",
                    arguments: [
                        Period(year: 2021, month: 3)?.index,
                        Data(MonthlyBlockCodec.encodePresence([true, false, true])),
                        Data(MonthlyBlockCodec.encodeValues(values)),
                    ])
            }
            try queue.close()
        }
        #expect(throws: StoreError.self) { try TradeDatabase.readOnly(path: path) }
        do {
            _ = try TradeDatabase.readOnly(path: path)
        } catch {
            #expect("\(error)".contains("has an older schema"), "\(error)")
        }
        let store = try TradeDatabase(path: path)
        #expect(try store.appliedMigrations() == ["v1", "v2", "v3", "v4"])
        #expect(try rows(store, "PRAGMA user_version") == [["3"]])
        let tidy = try rows(
            store,
            "SELECT region, period, value, unit, unit_mult, decimals, amount, status FROM tidy ORDER BY region, period")
        #expect(
            tidy == [
                ["CN", "2021-01/2021-04", "228.36", "USD bn", "9", "2", "228360000000.0", "reported-conversion"],
                ["beijing", "2021-03", "10.5", "CNY 100m", "8", "2", "1050000000.0", "published"],
                ["beijing", "2021-05", "11.25", "CNY 100m", "8", "2", "1125000000.0", "published"],
            ])
        #expect(
            try rows(store, "SELECT vals_json, vals_json_scale FROM monthly_json") == [
                ["[1050,null,1125]", "100000000"]
            ])
    }

    /// A store made when the views had another definition (before `mirror_url` and the measures' source
    /// columns) gets the present views when a writer opens it; a reader leaves it as it is.
    @Test func aWriterReplacesViewsOfAnEarlierDefinition() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("views.sqlite")
        let older = "CREATE VIEW tidy AS SELECT region, sector FROM series"
        do {
            let store = try TradeDatabase(path: path)
            try store.queue.write { db in try db.execute(sql: "DROP VIEW tidy; \(older);") }
        }
        let sql = "SELECT sql FROM sqlite_master WHERE type = 'view' ORDER BY name"
        #expect(try rows(try TradeDatabase.readOnly(path: path), sql).first == [older])
        let store = try TradeDatabase(path: path)
        let fresh = try rows(store, sql)
        #expect(fresh.count == 2 && fresh.first?.first?.hasPrefix("CREATE VIEW tidy AS") == true)
        #expect(fresh.first?.first?.contains("mirror_url") == true)
        #expect(try rows(store, "SELECT count(*) FROM tidy") == [["0"]])
        // Views of the present definition are left alone: the schema does not change on the next open.
        let version = try rows(store, "PRAGMA schema_version")
        #expect(try rows(TradeDatabase(path: path), sql) == fresh)
        #expect(try rows(TradeDatabase(path: path), "PRAGMA schema_version") == version)
    }

    /// The views cite a figure read at a mirror as the agency's (the shipped January–April 2021 total,
    /// read at crapshirt.com) and name each measure's page, as the tidy export does.
    @Test func theViewsNeverCiteAMirror() throws {
        let store = try ShippedData.store()
        let total = try rows(
            store,
            """
            SELECT source, yoy_pct_source, vs2019_pct_source, two_year_avg_pct_source, mirror_url FROM tidy
            WHERE region = 'CN' AND sector = 'S' AND flow = 'total' AND currency = 'CNY' AND period = '2021-01/2021-04'
            """)
        let mirror = "http://www.crapshirt.com/article/newsrelease/press/202106/20210603069409.shtml"
        #expect(total == [["MOFCOM", "MOFCOM", "MOFCOM", "MOFCOM", mirror]])
        // January–August 2019's balance: the level and its change from Global Times, the rate lent by a
        // copy read at a mirror (finanz.dk): cited as MOFCOM's.
        let balance = try rows(
            store,
            """
            SELECT source, yoy_pct_source, balance_change_source, mirror_url FROM tidy
            WHERE region = 'CN' AND sector = 'S' AND flow = 'balance' AND currency = 'CNY' AND period = '2019-01/2019-08'
            """)
        let times = "http://www.globaltimes.cn/content/1165854.shtml"
        #expect(
            balance == [
                [times, "MOFCOM", times, "https://finanz.dk/chinas-service-trade-up-3-in-first-eight-months/"]
            ])
        // Every copy as printed: the 402 of the 1,198 dataset rows read at a mirror cite their publisher,
        // the mirror's address only in mirror_url.
        let vintages = try rows(
            store,
            "SELECT count(*), count(mirror_url), sum(source IN ('MOFCOM', 'SAFE')) FROM tidy_vintages WHERE panel = 0")
        let cited = try rows(store, "SELECT count(*) FROM tidy_vintages WHERE source LIKE '%crapshirt%'")
        #expect(cited == [["0"]])
        #expect(vintages == [["1198", "402", "402"]])
    }

    @Test func theJSONOfABlockIsExact() {
        let wan = MonetaryUnit(.cny, .tenThousand)
        // 1234.56 万元 at two decimals: 123456, 10,000 hundredths each.
        let block = TidyViews.json(
            values: [1_234_560_000, 0, -50_000_000, 0], present: [true, false, true, true], unit: wan, decimals: 2)
        #expect(block.text == "[123456,null,-5000,0]" && block.scale == 10_000)
        // A value finer than the block's decimals says falls back to exact hundredths.
        let fine = TidyViews.json(values: [1_234_560_001, .min], present: [true, true], unit: wan, decimals: 2)
        #expect(fine.text == "[1234560001,-9223372036854775808]" && fine.scale == 1)
        #expect(TidyViews.json(values: [], present: [], unit: wan, decimals: 0).text == "[]")
    }
}
