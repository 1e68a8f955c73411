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
}
