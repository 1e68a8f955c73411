import Foundation
import Testing
import TradeTestSupport

/// An economist's review of the statuses the interchange exports give the shipped data (SDMX-CSV
/// `OBS_STATUS`, the tidy export's `status`): every value matched the datasets, but some printed
/// figures carried the wrong status or the wrong copy.
@Suite struct ExportStatusEndToEndTests {
    let cli = CommandRunner()

    /// The shipped published files imported in one `svctrade import`, as the review did.
    func store(_ folder: TemporaryFolder) throws -> String {
        let db = folder.file("review.sqlite")
        let r = try cli.run(["import"] + ShippedData.paths + ["--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    func export(_ db: String, _ arguments: [String]) throws -> [[String: String]] {
        let r = try cli.run(["export", "--db", db] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return CSVLine.records(r.stdout)
    }

    /// SAFE compiles the balance of payments in dollars and converts its yuan figures from them: its
    /// dollar figures are its own publication wherever they were read, never a reporter's conversion.
    @Test func safesDollarFiguresArePublished() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        for (arguments, count) in [([String](), 23), (["--all-sources"], 26)] {
            let sdmx = try export(db, ["--format", "sdmx-csv"] + arguments).filter {
                $0["PUBLISHER"] == "SAFE" && $0["CURRENCY"] == "USD" && $0["UNIT_MEASURE"] == "USD"
            }
            #expect(sdmx.count == count)
            #expect(sdmx.filter { $0["OBS_STATUS"] == "A" }.count == count)
            // December 2019 exports, USD 260 亿 (26.0 bn), read at a mirror of SAFE's release.
            let december = sdmx.filter { $0["ACCOUNTING_ENTRY"] == "C" && $0["TIME_PERIOD"] == "2019-12" }
            #expect(
                december.map { [$0["OBS_VALUE"], $0["OBS_STATUS"], $0["SOURCE"], $0["SOURCE_COPY"]] } == [
                    ["260", "A", "SAFE", "http://www.kumico.net/news/16d58095.html"]
                ])
        }
        let tidy = try export(db, ["--format", "csv"]).filter { $0["region"] == "CN-BOP" && $0["currency"] == "USD" }
        #expect(tidy.count == 23)
        #expect(tidy.filter { $0["status"] == "published" }.count == 23)
        let december = tidy.filter { $0["flow"] == "export" && $0["period"] == "2019-12" }
        #expect(
            december.map { [$0["value"], $0["unit"], $0["status"], $0["source"]] } == [
                ["260", "USD 100m", "published", "SAFE"]
            ])
    }

    /// Of two copies of one figure, the publisher's own page (read at a mirror, cited as the publisher)
    /// is kept before state media's conversion: the 2019 services total, USD 785 bn, printed by the
    /// undated Global Times report and by MOFCOM's press-conference page of September 2020 copied at a
    /// mirror (datasets/mofcom-published-2017-2022.csv, lines 273 and 274). It is the only figure of the
    /// shipped files whose kept copy the rule changes.
    @Test func thePublishersOwnDollarCopyIsKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let mirror = "http://www.crapshirt.com/article/pressconferencehomepage/servicetrade/202009/20200903002852.shtml"
        func total(_ rows: [[String: String]]) -> [[String?]] {
            rows.filter {
                $0["REF_AREA"] == "CN" && $0["ACCOUNTING_ENTRY"] == "T" && $0["INT_ACC_ITEM"] == "S"
                    && $0["UNIT_MEASURE"] == "USD" && $0["TIME_PERIOD"] == "2019-12"
            }.map {
                [
                    $0["COPY"], $0["OBS_VALUE"], $0["OBS_STATUS"], $0["SOURCE"], $0["PUBLICATION_DATE"],
                    $0["PREFERRED"], $0["SOURCE_COPY"],
                ]
            }
        }
        #expect(
            total(try export(db, ["--format", "sdmx-csv"])) == [[nil, "7850", "A", "MOFCOM", "2020-09", "1", mirror]])
        #expect(
            total(try export(db, ["--format", "sdmx-csv", "--all-sources"])) == [
                ["2", "7850", "E", "https://www.globaltimes.cn/content/1195493.shtml", "", "0", ""],
                ["1", "7850", "A", "MOFCOM", "2020-09", "1", mirror],
            ])
        let tidy = try export(db, ["--format", "csv"]).filter {
            $0["region"] == "CN" && $0["sector"] == "S" && $0["flow"] == "total" && $0["currency"] == "USD"
                && $0["period"] == "2019-01/2019-12"
        }
        #expect(
            tidy.map { [$0["value"], $0["status"], $0["source"], $0["published_on"], $0["mirror_url"]] } == [
                ["785", "published", "MOFCOM", "2020-09", mirror]
            ])
    }

    /// January–August 2021: the published balance change, 515.62 bn ("less" than a year earlier), is
    /// the 2020 deficit itself; the balances give 343.95 bn, and `table` and `figures` withhold it. The
    /// default exports leave it out (the balance, −171.67 bn, stays); every copy keeps it as evidence.
    @Test func aWithheldBalanceChangeIsNotExportedAsPublished() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        func balance(_ rows: [[String: String]]) -> [[String?]] {
            rows.filter {
                $0["REF_AREA"] == "CN" && $0["ACCOUNTING_ENTRY"] == "B" && $0["INT_ACC_ITEM"] == "S"
                    && $0["CURRENCY"] == "CNY" && $0["TIME_PERIOD"] == "2021-08" && $0["ACCUMULATION"] == "YTD"
            }.map { [$0["UNIT_MEASURE"], $0["OBS_VALUE"], $0["OBS_STATUS"], $0["PREFERRED"]] }
        }
        #expect(balance(try export(db, ["--format", "sdmx-csv"])) == [["CNY", "-1716.7", "A", "1"]])
        // Every copy keeps it as evidence, marked: U (low reliability) and not the copy to use (it was
        // A and PREFERRED 1, like any published figure).
        #expect(
            balance(try export(db, ["--format", "sdmx-csv", "--all-sources"])) == [
                ["CNY", "-1716.7", "A", "1"], ["BAL_CHG", "5156.2", "U", "0"],
            ])
        let tidy = try export(db, ["--format", "csv"]).filter {
            $0["region"] == "CN" && $0["sector"] == "S" && $0["flow"] == "balance" && $0["currency"] == "CNY"
                && $0["period"] == "2021-01/2021-08"
        }
        #expect(
            tidy.map { [$0["value"], $0["balance_change"], $0["balance_change_source"], $0["status"]] } == [
                ["-171.67", "", "", "published"]
            ])
        // The only one of the shipped files: every other published balance change is exported.
        let changes = try export(db, ["--format", "sdmx-csv", "--all-sources"]).filter {
            $0["UNIT_MEASURE"] == "BAL_CHG"
        }
        let kept = try export(db, ["--format", "sdmx-csv"]).filter { $0["UNIT_MEASURE"] == "BAL_CHG" }
        #expect(changes.count == 48)
        #expect(kept.count == 39)
    }
}
