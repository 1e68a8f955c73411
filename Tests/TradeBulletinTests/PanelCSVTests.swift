import Foundation
import Testing
import TradeBulletin
import TradeCore
import TradeReport

/// `table --panel`'s CSV, written from the sums in pieces of regions side by side, against the rows
/// (``PanelBulletin/rows(keys:values:months:month:)``) and against hand-computed lines.
@Suite struct PanelCSVTests {
    /// A panel of `regions` regions × sectors SA, SB, exports and imports, in 10,000 yuan: series n
    /// (0-based) holds (n + 1) × 100 yuan (0.01 × (n + 1) of the unit; a slice holds hundredths of a
    /// yuan) in every month; R1002's SB imports miss April 2020 (its month and year to date a year
    /// earlier are then unknown).
    static func slice(regions: Int) throws -> PanelSlice {
        let april = try Period(parsing: "2021-04")
        let months = PanelBulletin.months(for: april)
        let keys = (1...regions).map { "R" + String(1000 + $0) }.flatMap { r in
            ["SA", "SB"].flatMap { s in
                [Flow.export, .import].map { SeriesKey(region: r, sector: s, flow: $0, currency: .cny) }
            }
        }
        var values: [Int64?] = keys.indices.flatMap { n in months.map { _ in Int64(n + 1) * 10_000 } }
        // Series 7 is R1002/SB/import; months are 2019-01…04, 2020-01…04, 2021-01…04.
        values[7 * months.count + 7] = nil
        return PanelSlice(
            keys: keys, units: Array(repeating: MonetaryUnit(.cny, .tenThousand), count: keys.count), months: months,
            values: values)
    }

    @Test func piecesJoinedAreTheRowsCSV() throws {
        // 700 regions × 3 sectors: written in pieces side by side.
        let slice = try Self.slice(regions: 700)
        let april = try Period(parsing: "2021-04")
        let pieces = try BulletinTables.panelCSV(slice, month: april)
        #expect(pieces.count > 2)
        let rows = PanelBulletin.rows(keys: slice.keys, values: slice.values, months: slice.months, month: april)
        #expect(rows.count == 701 * 3 * 4)
        let joined = pieces.flatMap { $0 }
        #expect(joined == PanelBulletinCSV.render(rows, unit: MonetaryUnit(.cny, .tenThousand)))
    }

    @Test func linesAreTheHandComputedValues() throws {
        let slice = try Self.slice(regions: 2)
        let april = try Period(parsing: "2021-04")
        let csv = String(decoding: try BulletinTables.panelCSV(slice, month: april).flatMap { $0 }, as: UTF8.self)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 3 * 3 * 4)
        #expect(
            lines[0]
                == "region,sector,flow,cur_month,cur_ytd,prev_month,prev_ytd,prev2_ytd,yoy_month_pct,yoy_ytd_pct,avg2y_ytd_pct"
        )
        // R1002/SB: exports are series 6 (0.07 of 10,000 yuan a month), imports series 7
        // (0.08 a month, April 2020 missing).
        #expect(lines.contains("R1002,SB,X,0.07,0.28,0.07,0.28,0.28,0.0,0.0,0.0"))
        #expect(lines.contains("R1002,SB,M,0.08,0.32,,,0.32,,,0.0"))
        #expect(lines.contains("R1002,SB,T,0.15,0.6,,,0.6,,,0.0"))
        #expect(lines.contains("R1002,SB,B,-0.01,-0.04,,,-0.04,,,"))
        // ALL/SB imports: series 3 and 7 (0.04 + 0.08), the missing month makes a year earlier unknown.
        #expect(lines.contains("ALL,SB,M,0.12,0.48,,,0.48,,,0.0"))
        #expect(lines[1] == "ALL,ALL,B,-0.04,-0.16,,,-0.16,,,")
    }

    @Test func aRegionSpeltAllFallsIntoTheRollupWithoutATrap() throws {
        let april = try Period(parsing: "2021-04")
        let months = PanelBulletin.months(for: april)
        let keys = [
            SeriesKey(region: "ALL", sector: "SA", flow: .export, currency: .cny),
            SeriesKey(region: "ALL", sector: "SA", flow: .import, currency: .cny),
        ]
        let values: [Int64?] = keys.indices.flatMap { n in months.map { _ in Int64(n + 1) } }
        let rows = PanelBulletin.rows(keys: keys, values: values, months: months, month: april)
        #expect(
            rows.map { "\($0.region) \($0.sector) \($0.flow)" }.prefix(4) == [
                "ALL ALL B", "ALL ALL M", "ALL ALL T", "ALL ALL X",
            ])
    }
}
