import Testing
import TradeBulletin
import TradeCore
import TradeReport
import TradeStore
import TradeTestSupport

/// A bulletin table prints a computed level (no published level, not exports ± imports at the agency's
/// 0.1 亿元) no finer than its interval allows, as the text writes it; a published level is unchanged.
@Suite struct ComputedLevelTableTests {
    /// The value cells of the demo's bulletin table of `month`, as of its release date, keyed
    /// "sector flow period_from period_to".
    static func values(_ month: String, column: String = "value") throws -> [String: String] {
        let through = try Period(parsing: month)
        let header = DemoOutputs.header(month: month, resources: try ShippedData.resources())
        let asOf = try #require(BulletinComposer.vintage(through: through, given: nil, header: header))
        let book = try ShippedData.store().figureBook(asOf: asOf)
        let table = BulletinTable(book: book, query: BulletinQuery(through: through), baseYear: 2019, lang: .en).table
            .selecting(["region", "sector", "flow", "period_from", "period_to", column])
        var cells: [String: String] = [:]
        for row in table.rows where row[0] == "CN" {
            cells[row[1...4].joined(separator: " ")] = row[5]
        }
        return cells
    }

    @Test func computedLevelsArePrintedAtTheTextsResolution() throws {
        let april2022 = try Self.values("2022-04")
        // 974.2 − 933.3 billion (±1 亿元): "-410", as the text's 410亿元 (was -409).
        #expect(april2022["S balance 2022-01 2022-04"] == "-410")
        // The published total keeps its digits.
        #expect(april2022["S total 2022-01 2022-04"] == "19075")
        // 2.91 − 3.68 万亿元 (±100 亿元): "-8000", as the text's 0.8万亿元 (was -7700).
        #expect(try Self.values("2025-10")["S balance 2025-01 2025-10"] == "-8000")
        // April 2021's 2004.6 − 2057.3 (±0.1): a difference of two published 0.1 亿元 figures keeps their
        // digits, "-52.7", as MOFCOM prints its balances and as the press figures (inputs kept) state it; the
        // table's resolver keeps no inputs and printed "-53" before the identity was decided without them.
        #expect(try Self.values("2021-04")["S balance 2021-04 2021-04"] == "-52.7")
    }

    /// April 2022's balance rests on two months derived from year-to-date totals (−119.8 … −117.6亿元):
    /// too uncertain to print, so its change and computed rate (with the rate's bounds) are not printed
    /// either; its own bounds are.
    @Test func aLevelTooUncertainToPrintHasNoPrintedChange() throws {
        let row = "S balance 2022-04 2022-04"
        func cell(_ column: String) throws -> String? { try Self.values("2022-04", column: column)[row] }
        #expect(try cell("value") == "")
        for column in ["balance_change", "balance_movement", "computed_yoy_pct"] {
            #expect(try cell(column) == "", "\(column)")
        }
        #expect(try cell("value_low") == "-119.80")
        #expect(try cell("value_high") == "-117.60")
        #expect(try cell("computed_yoy_low") == "" && cell("computed_yoy_high") == "")
        // A printed balance keeps its change (January–April 2022: a deficit 310 smaller than 720.4).
        #expect(try Self.values("2022-04", column: "balance_change")["S balance 2022-01 2022-04"] == "310")
    }
}
