import Foundation
import Testing
import TradeTestSupport

/// Issue 23, the economist's review of the exports: every published measure is in the default SDMX
/// export under the page that printed it, and China's trade with the Belt and Road countries is coded
/// as China's (`CN` × `BRI`), in the shipped record (datasets/mofcom-published-2017-2022.csv).
@Suite struct SDMXProvenanceEndToEndTests {
    let cli = CommandRunner()

    /// The rows of an SDMX-CSV 1.0 export, as column → cell.
    func rows(_ text: String) -> [[String: String]] { CSVLine.records(text) }

    func find(
        _ rows: [[String: String]], area: String, counterpart: String = "W1", entry: String, item: String = "S",
        measure: String, period: String
    ) -> [[String: String]] {
        rows.filter {
            $0["REF_AREA"] == area && $0["COUNTERPART_AREA"] == counterpart && $0["ACCOUNTING_ENTRY"] == entry
                && $0["INT_ACC_ITEM"] == item && $0["CURRENCY"] == "CNY" && $0["UNIT_MEASURE"] == measure
                && $0["ACCUMULATION"] == "YTD" && $0["TIME_PERIOD"] == period
        }
    }

    @Test func theTestsCSVReaderReadsQuotes() {
        #expect(CSVLine.cells("a,\"b,\"\"c\"\"\",,d") == ["a", "b,\"c\"", "", "d"])
    }

    @Test func everyMeasureUnderThePageThatPrintedIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try cli.shippedStore(folder, name: "p.sqlite")
        let export = try cli.run(["export", "--format", "sdmx-csv", "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let all = rows(export.stdout)
        // Line 266 (People's Daily) printed only the rate of January–November 2019's balance and is the
        // kept copy; line 267 (SABC) printed the rate and the change, 162.3 CNY bn: the change is
        // exported, in 亿 (1623), under SABC's page, with the unit SABC printed (10⁹).
        let change = find(all, area: "CN", entry: "B", measure: "BAL_CHG", period: "2019-11")
        #expect(change.count == 1)
        #expect(change.first?["OBS_VALUE"] == "1623")
        #expect(change.first?["UNIT_MULT"] == "8")
        #expect(change.first?["UNIT_MULT_PUBLISHED"] == "9")
        #expect(change.first?["DECIMALS"] == "0")
        #expect(change.first?["SOURCE"]?.hasPrefix("https://www.sabcnews.com/") == true)
        #expect(change.first?["PREFERRED"] == "0")
        let rate = find(all, area: "CN", entry: "B", measure: "PC_YOY", period: "2019-11")
        #expect(rate.map { $0["OBS_VALUE"] } == ["-10.5"])
        #expect(rate.first?["SOURCE"] == "https://peoplesdaily.pdnews.cn/china/er/30001385519")
        // 2017's exports: the level from the page that printed it, the rate 10.6 from gov.cn's page.
        let level = find(all, area: "CN", entry: "C", measure: "CNY", period: "2017-12")
        #expect(level.map { $0["OBS_VALUE"] } == ["15406.8"])
        #expect(level.first?["SOURCE"] == "http://www.entrepreneurdaily.cn/2018-02-07/2/2366097.html")
        let growth = find(all, area: "CN", entry: "C", measure: "PC_YOY", period: "2017-12")
        #expect(growth.map { $0["OBS_VALUE"] } == ["10.6"])
        #expect(
            growth.first?["SOURCE"]
                == "http://english.www.gov.cn/archive/statistics/2018/02/06/content_281476037821804.htm")
        // Belt and Road: China's trade with those countries, not theirs with the world.
        #expect(all.allSatisfy { $0["REF_AREA"] != "BRI" })
        let bri = find(all, area: "CN", counterpart: "BRI", entry: "T", measure: "CNY", period: "2017-12")
        #expect(bri.map { $0["OBS_VALUE"] } == ["6603.4"])

        // The default export imports into a new store that exports the same bytes.
        let file = try folder.write("default.csv", export.stdout)
        let again = folder.file("again.sqlite")
        let imported = try cli.run(["import", file, "--db", again])
        #expect(imported.status == 0, "\(imported.stderr)")
        let second = try cli.run(["export", "--format", "sdmx-csv", "--db", again])
        #expect(second.stdout == export.stdout)

        // The tidy export gives the change in the unit its page printed.
        let tidy = try cli.run(["export", "--format", "csv", "--db", db])
        let line = tidy.stdout.split(separator: "\n").first {
            $0.hasPrefix("CN,S,balance,CNY,2019-01/2019-11,")
        }
        let cells = line.map { CSVLine.cells(String($0)) } ?? []
        // unit, unit_mult, balance_change (columns 10, 11, 19 of TidyTable.columns).
        #expect(cells.count == 32)
        #expect(cells.count == 32 && cells[9] == "CNY bn" && cells[10] == "9" && cells[18] == "162.3", "\(cells)")
    }
}

/// Cells of one CSV line (quotes as RFC 4180; no line breaks inside fields in these files).
enum CSVLine {
    /// The rows of a CSV text with a header line, as column → cell.
    static func records(_ text: String) -> [[String: String]] {
        var lines = text.split(separator: "\n").map { cells(String($0)) }
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst()
        return lines.map { cells in Dictionary(uniqueKeysWithValues: zip(header, cells).map { ($0, $1) }) }
    }

    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c != "\"" {
                    cell.append(c)
                } else if chars.first == "\"" {
                    cell.append(chars.removeFirst())
                } else {
                    quoted = false
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
        }
        cells.append(cell)
        return cells
    }
}
