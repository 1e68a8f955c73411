import Foundation
import Testing
import TradeCore
import TradeStore
import TradeTestSupport

/// The economist's review of the exports (issue notes, provenance): a mirror (a copy of an agency or
/// news page on an unrelated site, `datasets/source-hosts.csv`) is never what SDMX's `SOURCE` cites;
/// the publisher is, and the mirror's address stays in `SOURCE_COPY` as evidence, which import reads
/// back as the address the figure was read at.
@Suite struct SDMXCitationEndToEndTests {
    let cli = CommandRunner()

    /// January–April 2021, as MOFCOM's release of 3 June 2021 printed it; the shipped file read it
    /// from a copy on crapshirt.com (datasets/mofcom-published-2017-2022.csv, line 424).
    let mirror = "http://www.crapshirt.com/article/newsrelease/press/202106/20210603069409.shtml"

    @Test func aMirrorIsNeverCitedAndImportKeepsItsAddress() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try cli.shippedStore(folder, name: "m.sqlite")
        let export = try cli.run(["export", "--format", "sdmx-csv", "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let all = CSVLine.records(export.stdout)
        #expect(all.count == 35100)
        #expect(all.first?.keys.contains("SOURCE_COPY") == true)
        let hosts = SourceHosts.standard
        // No row cites a mirror; 522 of the 1,692 figure rows were read at one (SOURCE was that address):
        // among them the 2019 USD total, MOFCOM's own page read at a mirror, kept over Global Times' copy.
        #expect(all.filter { hosts.kind(ofAddress: $0["SOURCE"] ?? "") == .mirror }.count == 0)
        let copies = all.filter { $0["SOURCE_COPY"]?.isEmpty == false }
        #expect(copies.count == 522)
        // 1,692: January–August 2021's balance change is withheld (ExportStatusEndToEndTests).
        #expect(all.filter { $0["PANEL"] != "1" }.count == 1692)
        // Each cites its publisher (454 MOFCOM, 68 SAFE) and keeps a mirror's address.
        #expect(copies.filter { $0["SOURCE"] == "MOFCOM" && $0["PUBLISHER"] == "MOFCOM" }.count == 454)
        #expect(copies.filter { $0["SOURCE"] == "SAFE" && $0["PUBLISHER"] == "SAFE" }.count == 68)
        #expect(copies.allSatisfy { hosts.kind(ofAddress: $0["SOURCE_COPY"] ?? "") == .mirror })

        func row(_ entry: String, _ item: String, _ measure: String, _ period: String) -> [String: String]? {
            let found = all.filter {
                $0["REF_AREA"] == "CN" && $0["COUNTERPART_AREA"] == "W1" && $0["ACCOUNTING_ENTRY"] == entry
                    && $0["INT_ACC_ITEM"] == item && $0["CURRENCY"] == "CNY" && $0["UNIT_MEASURE"] == measure
                    && $0["ACCUMULATION"] == "YTD" && $0["TIME_PERIOD"] == period
            }
            return found.count == 1 ? found[0] : nil
        }
        // The national total of January–April 2021, 15644.5 亿元 (+3.3%), read at crapshirt.com.
        let total = row("T", "S", "CNY", "2021-04")
        #expect(total?["OBS_VALUE"] == "15644.5")
        #expect(total?["SOURCE"] == "MOFCOM")
        #expect(total?["SOURCE_COPY"] == mirror)
        #expect(row("T", "S", "PC_YOY", "2021-04")?["SOURCE"] == "MOFCOM")
        // A page of the publisher's own site is cited as it is, with no copy.
        let travel = row("C", "EXTRAVEL", "PC_VS2019", "2022-08")
        #expect(travel?["OBS_VALUE"] == "67.8")
        #expect(
            travel?["SOURCE"]
                == "http://english.mofcom.gov.cn/article/newsrelease/policyreleasing/202210/20221003362006.shtml")
        #expect(travel?["SOURCE_COPY"] == "")
        // A panel month's file name is no web address: cited as it is.
        #expect(all.first { $0["PANEL"] == "1" }?["SOURCE_COPY"] == "")

        // Imported back, the store keeps the address the figure was read at, and exports the same bytes.
        let file = try folder.write("default.csv", export.stdout)
        let again = folder.file("again.sqlite")
        let imported = try cli.run(["import", file, "--db", again])
        #expect(imported.status == 0, "\(imported.stderr)")
        var selection = FigureSelection()
        selection.regions = ["CN"]
        selection.sectors = ["S"]
        let april = try #require(Period(year: 2021, month: 4))
        let span = try PeriodSpan(start: try #require(Period(year: 2021, month: 1)), end: april)
        let stored = try TradeDatabase(path: again).figureHistory(selection).filter {
            $0.observation.key.flow == .total && $0.observation.key.currency == .cny && $0.observation.span == span
        }
        // The page's two rows (lines 424–425: the level with its growth, and the rates against 2019).
        #expect(stored.map(\.observation.source) == [mirror, mirror])
        #expect(
            stored.contains {
                $0.observation.value == (try? Level(parsing: "15644.5", in: .init(.cny, .hundredMillion)))
            })
        #expect(try cli.run(["export", "--format", "sdmx-csv", "--db", again]).stdout == export.stdout)
    }
}
