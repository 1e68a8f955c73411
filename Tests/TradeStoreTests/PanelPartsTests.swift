import Foundation
import Testing
import TradeCore
import TradeIngest
import TradeTestSupport

@testable import TradeStore

/// A large panel is read in parts side by side; the book must be the one a single read gives,
/// whichever part a release's blocks fall in.
@Suite struct PanelPartsTests {
    /// 4,200 series in a dated release, a later dated release revising every seventh series and adding
    /// a month, and an undated release (applied first) for every fortieth: 4,905 blocks, so the read
    /// is split.
    @Test func partsGiveTheSameBookAsOneRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try TradeDatabase(path: folder.file("parts.sqlite"))
        func release(_ name: String, date: String?, rows: (Int) -> [String], count: Int) throws {
            var text = "period,region,sector,flow,value,unit\n"
            for i in 0..<count { text += rows(i).joined() }
            let path = try folder.write(name + ".csv", text)
            _ = try db.importBatches([
                try ObservationReader(options: .init(release: name, releaseDate: date)).read(path: path)
            ])
        }
        func region(_ i: Int) -> String { "R\(String(format: "%04d", i))" }
        try release(
            "a", date: "2021-05-01",
            rows: { i in
                (1...3).map { "2021-0\($0),\(region(i)),S,total,\(i * 10 + $0).5,CNY 10k\n" }
            }, count: 4200)
        try release(
            "b", date: "2021-06-01",
            rows: { i in
                ["2021-02,\(region(i * 7)),S,total,\(i).25,CNY 10k\n", "2021-04,\(region(i * 7)),S,total,7,CNY 10k\n"]
            }, count: 600)
        try release("c", date: nil, rows: { i in ["2021-02,\(region(i * 40)),S,total,999,CNY 10k\n"] }, count: 105)
        // Same date as b, imported after it: import order decides.
        try release("d", date: "2021-06-01", rows: { _ in ["2021-02,R0014,S,total,3.75,CNY 10k\n"] }, count: 1)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(try db.panelParts().count == cores, "the read is split over every core")
        let feb0 = try Period(parsing: "2021-02")
        let months = feb0...(try Period(parsing: "2021-04"))
        for selection in [
            FigureSelection(), FigureSelection(months: months), FigureSelection(asOf: "2021-05-15"),
            FigureSelection(regions: ["R0007", "R0040", "R4199"]),
        ] {
            let split = try db.figureBook(selection).panel.series
            let whole = try db.figureBookInOneRead(selection).panel.series
            #expect(split.count == whole.count)
            #expect(split.map(\.key) == whole.map(\.key))
            #expect(split.map(\.values) == whole.map(\.values))
            #expect(split.map(\.present) == whole.map(\.present))
            #expect(split.map(\.release) == whole.map(\.release))
            #expect(split.map(\.firstMonth) == whole.map(\.firstMonth))
        }
        // The one-month panel slice (read in parts too) agrees with the book's panel, month by month.
        let monthIndices = [try Period(parsing: "2021-01"), feb0, try Period(parsing: "2021-04")].map(\.index)
        for asOf in [nil, "2021-05-15"] {
            let slice = try db.panelSlice(months: monthIndices, asOf: asOf)
            let panel = try db.figureBookInOneRead(FigureSelection(asOf: asOf)).panel
            #expect(slice.keys == panel.series.map(\.key))
            for (s, series) in panel.series.enumerated() {
                let expected = monthIndices.map { m in
                    Period(index: m).flatMap { series.value(at: $0) }.map(\.hundredths)
                }
                #expect(Array(slice.values[s * monthIndices.count..<(s + 1) * monthIndices.count]) == expected)
            }
        }
        // The later dated release wins over the first; the undated one never does.
        let book = try db.figureBook(FigureSelection(regions: ["R0007", "R0040", "R0001", "R0014"]))
        let feb = try Period(parsing: "2021-02")
        let wan = MonetaryUnit(.cny, .tenThousand)
        let value = { (code: String) in
            book.panel.series.first { $0.key.region == code }?.value(at: feb)?.formatted(in: wan, places: 2)
        }
        #expect(value("R0007") == "1.25")  // b, dated later, revised a's 72.50
        #expect(value("R0001") == "12.50")  // a only
        #expect(value("R0040") == "402.50")  // c is undated: applied first, then a overwrote it
        #expect(value("R0014") == "3.75")  // d, same date as b (which gave 2.25), imported later
    }
}
