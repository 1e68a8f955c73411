import Foundation
import Testing
import TradeTestSupport

/// A second economist review of the interchange exports' metadata on the shipped data: a figure's
/// attributes must say what the agency published, never understate it.
@Suite struct ExportMetadataEndToEndTests {
    let cli = CommandRunner()
    /// The shipped files imported as the first review did, and its export helper.
    let review = ExportStatusEndToEndTests()

    func store(_ folder: TemporaryFolder) throws -> String { try review.store(folder) }

    func export(_ db: String, _ arguments: [String]) throws -> [[String: String]] { try review.export(db, arguments) }

    /// `DECIMALS` is the precision as printed, never inferred from trailing zeros: January–September
    /// 2020's services total, 33900 亿元 (a whole number, datasets/mofcom-published-2017-2022.csv line
    /// 353), was `DECIMALS` −2 beside its parts 13995 and 19905 (0); SAFE's 2280 亿元 (December 2023
    /// exports) and USD 260 亿 (December 2019 exports) were −1. All are 0 now, and the tidy export's
    /// `decimals` says the same.
    @Test func decimalsAreThePlacesAsPrinted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let rows = try export(db, ["--format", "sdmx-csv"])
        func level(_ area: String, _ entry: String, _ currency: String, _ accumulation: String, _ period: String)
            -> [[String?]]
        {
            rows.filter {
                $0["REF_AREA"] == area && $0["ACCOUNTING_ENTRY"] == entry && $0["INT_ACC_ITEM"] == "S"
                    && $0["UNIT_MEASURE"] == currency && $0["ACCUMULATION"] == accumulation
                    && $0["TIME_PERIOD"] == period
            }.map { [$0["OBS_VALUE"], $0["UNIT_MULT"], $0["UNIT_MULT_PUBLISHED"], $0["DECIMALS"]] }
        }
        #expect(level("CN", "T", "CNY", "YTD", "2020-09") == [["33900", "8", "8", "0"]])
        #expect(level("CN", "C", "CNY", "YTD", "2020-09") == [["13995", "8", "8", "0"]])
        #expect(level("CN", "D", "CNY", "YTD", "2020-09") == [["19905", "8", "8", "0"]])
        #expect(level("CN-BOP", "C", "CNY", "P", "2023-12") == [["2280", "8", "8", "0"]])
        #expect(level("CN-BOP", "C", "USD", "P", "2019-12") == [["260", "8", "8", "0"]])
        // A level printed in 万亿元 with two places is still −2 in 亿: what was printed, moved to 亿.
        let trillions = rows.filter { $0["UNIT_MULT_PUBLISHED"] == "12" }
        #expect(!trillions.isEmpty)
        #expect(trillions.allSatisfy { Int($0["DECIMALS"] ?? "") ?? 99 >= -4 })
        let tidy = try export(db, ["--format", "csv"]).filter {
            $0["region"] == "CN" && $0["sector"] == "S" && $0["flow"] == "total" && $0["currency"] == "CNY"
                && $0["period"] == "2020-01/2020-09"
        }
        #expect(tidy.map { [$0["value"], $0["unit"], $0["decimals"]] } == [["33900", "CNY 100m", "0"]])
    }

    /// Every copy of every figure is SDMX-CSV's: the tidy table, one row per series and period, refuses
    /// `--all-sources` rather than ignore it (it used to write the default table).
    @Test func theTidyTableRefusesAllSources() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        for format in ["csv", "json"] {
            let r = try cli.run(["export", "--db", db, "--format", format, "--all-sources"])
            #expect(r.status == 1)
            #expect(r.stdout.isEmpty)
            #expect(
                r.stderr
                    == "error: --all-sources does not apply to --format \(format): the tidy table has one row per series and period (the copy the bulletin uses); every copy of every figure is in SDMX-CSV: svctrade export --format sdmx-csv --all-sources\n"
            )
        }
    }

    /// The dimensions, value, source and release of a row: what one observation of a copy is.
    static func key(_ r: [String: String]) -> [String] {
        [
            "FREQ", "REF_AREA", "COUNTERPART_AREA", "ACCOUNTING_ENTRY", "INT_ACC_ITEM", "CURRENCY", "UNIT_MEASURE",
            "ACCUMULATION", "TIME_PERIOD", "OBS_VALUE", "SOURCE", "RELEASE",
        ].map { r[$0] ?? "" }
    }

    /// The default and the `--all-sources` SDMX-CSV of the shipped files.
    func bothFiles() throws -> (defaults: [[String: String]], every: [[String: String]]) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        return (try export(db, ["--format", "sdmx-csv"]), try export(db, ["--format", "sdmx-csv", "--all-sources"]))
    }

    /// `COPY` 1 is the copy the bulletin uses as printed, not row for row the default export: of the
    /// default export's 1,692 rows on the shipped files, 93 (rates another copy of the release lends)
    /// are in `--all-sources` only under their lender's `COPY` (2, 3, 5, or 2 and 6), and `COPY` 1 has
    /// one row the default export leaves out, the withheld balance change (`U`).
    @Test func copyOneIsTheBulletinsCopyAsPrinted() throws {
        let (defaults, every) = try bothFiles()
        var copies: [[String]: Set<String>] = [:]
        for r in every { copies[Self.key(r), default: []].insert(r["COPY"] ?? "") }
        let elsewhere = defaults.filter { !(copies[Self.key($0)]?.contains("1") ?? false) }
        #expect(defaults.count == 1692)
        #expect(defaults.allSatisfy { copies[Self.key($0)] != nil })
        #expect(elsewhere.count == 93)
        #expect(
            elsewhere.allSatisfy {
                $0["PREFERRED"] == "0" && $0["UNIT_MULT"] == ($0["UNIT_MEASURE"] == "BAL_CHG" ? "8" : "0")
            })
        var byCopies: [String: Int] = [:]
        for r in elsewhere { byCopies[(copies[Self.key(r)] ?? []).sorted().joined(separator: "+"), default: 0] += 1 }
        #expect(byCopies == ["2": 77, "3": 14, "5": 1, "2+6": 1])
        let defaultKeys = Set(defaults.map(Self.key))
        let onlyInCopies = every.filter { $0["COPY"] == "1" && !defaultKeys.contains(Self.key($0)) }
        #expect(every.filter { $0["COPY"] == "1" }.count == 1600)
        #expect(
            onlyInCopies.map { [$0["UNIT_MEASURE"], $0["OBS_VALUE"], $0["OBS_STATUS"]] } == [
                ["BAL_CHG", "5156.2", "U"]
            ])
    }

    /// `FIGURE` names one stored copy in both files of a store: January–September 2020's total, 33900
    /// 亿元, was FIGURE 488 in the default export and 642 with `--all-sources`, and is 488 in both (the
    /// default export's numbers are unchanged); a rate borrowed from another copy carries that copy's
    /// number, as in the every-copy file.
    @Test func aFigureHasOneNumberInBothFiles() throws {
        let (defaults, every) = try bothFiles()
        var numbers: [[String]: Set<String>] = [:]
        for r in every { numbers[Self.key(r), default: []].insert(r["FIGURE"] ?? "") }
        let differing = defaults.filter { !(numbers[Self.key($0)]?.contains($0["FIGURE"] ?? "") ?? false) }
        #expect(differing.count == 0, "\(differing.prefix(3))")
        let total = { (rows: [[String: String]]) in
            rows.filter { $0["OBS_VALUE"] == "33900" && $0["TIME_PERIOD"] == "2020-09" }.map { $0["FIGURE"] }
        }
        #expect(total(defaults) == ["488"])
        #expect(total(every) == ["488"])
    }
}
