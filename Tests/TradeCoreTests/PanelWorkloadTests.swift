import Testing
import TradeCore

/// The panel bulletin (W2 shape) and the panel derivation (W3 shape) on a hand-computed panel.
@Suite struct PanelWorkloadTests {
    static func series(_ region: String, _ sector: String, _ flow: Flow, _ values: [Int64?], first: Int)
        -> MonthlyPanel.Series
    {
        var s = MonthlyPanel.Series(
            key: SeriesKey(region: region, sector: sector, flow: flow, currency: .cny),
            unit: MonetaryUnit(.cny, .tenThousand), decimals: 2, release: "r", source: "t")
        for (k, v) in values.enumerated() { if let v { s.set(v, at: first + k) } }
        return s
    }

    @Test func derivationIsCalendarMatched() {
        // Jan 2020 … Mar 2021, with June 2020 missing.
        var values: [Int64?] = (1...15).map { Int64($0 * 100) }
        values[5] = nil
        let d = PanelDerivation.derive(Self.series("R1", "SA", .export, values, first: 2020 * 12))
        #expect(d.ytd[0] == 100)
        #expect(d.ytd[2] == 600)
        #expect(d.ytd[5] == nil && d.ytd[11] == nil)  // the year to date stops at the missing June
        #expect(d.ytd[12] == 1300)  // January 2021 restarts
        #expect(d.ytd[14] == Int64(4200))  // 1300 + 1400 + 1500
        #expect(d.yoyMonth[12] == (1300.0 / 100.0 - 1) * 100)  // Jan 2021 vs Jan 2020
        #expect(d.yoyYTD[14] == (4200.0 / 600.0 - 1) * 100)
        #expect(d.yoyMonth[11] == nil)  // no month 12 back
    }

    @Test func bulletinRollsUpEveryRegionAndSectorWithAll() throws {
        let april = try Period(parsing: "2021-04")
        let months = PanelBulletin.months(for: april)
        let keys = [("R1", "SA"), ("R1", "SB"), ("R2", "SA")].flatMap { r, s in
            [
                SeriesKey(region: r, sector: s, flow: .export, currency: .cny),
                SeriesKey(region: r, sector: s, flow: .import, currency: .cny),
            ]
        }
        // Every month of every series is 100 (exports) or 50 (imports); 2021 doubles.
        var values: [Int64?] = []
        for key in keys {
            for m in months { values.append((key.flow == .export ? 100 : 50) * (m >= 2021 * 12 ? 2 : 1)) }
        }
        let rows = PanelBulletin.rows(keys: keys, values: values, months: months, month: april)
        #expect(rows.count == 3 * 3 * 4 - 4)  // (ALL,R1,R2) × (ALL,SA,SB) minus R2×SB, four flows each
        #expect(rows.first.map { "\($0.region) \($0.sector) \($0.flow)" } == "ALL ALL B")
        let all = try #require(rows.first { $0.region == "ALL" && $0.sector == "ALL" && $0.flow == "X" })
        #expect(all.levels == [600, 2400, 300, 1200, 1200])  // cur_month, cur_ytd, prev_month, prev_ytd, prev2_ytd
        #expect(all.rates[0] == 100)
        #expect(all.rates[2] == ((2400.0 / 1200.0).squareRoot() - 1) * 100)
        let balance = try #require(rows.first { $0.region == "R2" && $0.sector == "SA" && $0.flow == "B" })
        #expect(balance.levels[1] == 400)
    }

    /// 70 regions (the rows are built in pieces of regions side by side): every region and sector in
    /// byte order after ALL, each with its own sums, as in one pass.
    @Test func manyRegionsComeBackInOrderWithTheirOwnSums() throws {
        let april = try Period(parsing: "2021-04")
        let months = PanelBulletin.months(for: april)
        let regions = (1...70).map { "R" + String(1000 + $0) }
        let keys = regions.flatMap { r in
            ["SA", "SB"].flatMap { s in
                [Flow.export, .import].map { SeriesKey(region: r, sector: s, flow: $0, currency: .cny) }
            }
        }
        // Series n (0-based) is n + 1 in every month.
        let values: [Int64?] = keys.indices.flatMap { n in months.map { _ in Int64(n + 1) } }
        let rows = PanelBulletin.rows(keys: keys, values: values, months: months, month: april)
        #expect(rows.count == 71 * 3 * 4)
        let order = rows.map { "\($0.region) \($0.sector)" }
        var expected: [String] = []
        for r in ["ALL"] + regions {
            for s in ["ALL", "SA", "SB"] { expected += Array(repeating: "\(r) \(s)", count: 4) }
        }
        #expect(order == expected)
        #expect(rows.map(\.flow).prefix(4) == ["B", "M", "T", "X"])
        // R1070's SB exports are series 278: 279 a month, 4 × 279 = 1116 year to date.
        let last = try #require(rows.first { $0.region == "R1070" && $0.sector == "SB" && $0.flow == "X" })
        #expect(last.levels == [279, 1116, 279, 1116, 1116])
        // ALL exports: the sum of the even-numbered series' values, 70 × 2 of them.
        let all = try #require(rows.first { $0.region == "ALL" && $0.sector == "ALL" && $0.flow == "X" })
        let month = keys.indices.filter { $0 % 2 == 0 }.reduce(Int64(0)) { $0 + Int64($1 + 1) }
        #expect(all.levels == [month, 4 * month, month, 4 * month, 4 * month])
    }
}
