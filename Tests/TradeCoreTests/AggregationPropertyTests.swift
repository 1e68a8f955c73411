import PropertyBased
import Testing
import TradeCore

/// Invariants of the bulletin arithmetic on random monthly panels.
@Suite struct AggregationPropertyTests {
    static let unit = MonetaryUnit(.cny, .tenThousand)

    /// A panel of one region: sectors × {export, import}, months of 2020–2021, values in hundredths.
    static func book(_ values: [Int], sectors: [String] = ["SF", "SG", "SH", "SI", "SJ", "SK"], drop: Set<Int> = [])
        -> FigureBook
    {
        var panel = MonthlyPanel()
        var k = 0
        for sector in sectors {
            for flow in [Flow.export, .import] {
                var s = MonthlyPanel.Series(
                    key: SeriesKey(region: "CN", sector: sector, flow: flow, currency: .cny), unit: unit, decimals: 2,
                    release: "r", source: "test")
                for m in 0..<24 where !drop.contains(m) {
                    let v = values[(k * 24 + m) % values.count]
                    s.set(Int64(v) * 100, at: 2020 * 12 + m)
                }
                panel.series.append(s)
                k += 1
            }
        }
        return FigureBook(figures: [], panel: panel)
    }

    static let values = Gen.int(in: 0...5_000_000).array(of: 24...60)

    func key(_ sector: String, _ flow: Flow) -> SeriesKey {
        SeriesKey(region: "CN", sector: sector, flow: flow, currency: .cny)
    }

    @Test func decemberYearToDateIsTheSumOfTheMonths() async {
        await propertyCheck(input: Self.values) { values in
            let r = LevelResolver(book: Self.book(values))
            let year = PeriodSpan.yearToDate(through: Period(year: 2021, month: 12) ?? Period(index: 0)!)
            let months = year.months.compactMap {
                r.estimate(key("SF", .export), PeriodSpan(month: $0))?.level.hundredths
            }
            #expect(months.count == 12)
            #expect(r.estimate(key("SF", .export), year)?.level.hundredths == months.reduce(0, +))
        }
    }

    @Test func breakdownsSumToTotals() async throws {
        let span = try PeriodSpan(parsing: "2021-01/2021-05")
        await propertyCheck(input: Self.values) { values in
            let r = LevelResolver(book: Self.book(values))
            for flow in [Flow.export, .import] {
                let members = ["SF", "SG", "SH", "SI", "SJ", "SK"].compactMap {
                    r.estimate(key($0, flow), span)?.level.hundredths
                }
                #expect(r.estimate(key("KIS", flow), span)?.level.hundredths == members.reduce(0, +))
            }
            let x = r.estimate(key("KIS", .export), span)?.level.hundredths ?? 0
            let m = r.estimate(key("KIS", .import), span)?.level.hundredths ?? 0
            #expect(r.estimate(key("KIS", .total), span)?.level.hundredths == x + m)
            #expect(r.estimate(key("KIS", .balance), span)?.level.hundredths == x - m)
        }
    }

    @Test func yearOnYearIsEmptyWithoutThePriorPeriod() async throws {
        let march = try Period(parsing: "2021-03")
        await propertyCheck(input: Self.values) { values in
            // March 2020 missing: March 2021's growth has no base; January–March 2021 has none either.
            let c = BulletinCalculator(resolver: LevelResolver(book: Self.book(values, drop: [2])))
            #expect(c.row(key("SF", .export), PeriodSpan(month: march)).yearOnYear.value == nil)
            #expect(c.row(key("SF", .export), PeriodSpan.yearToDate(through: march)).yearOnYear.value == nil)
        }
    }

    @Test func aDeletedMonthNeverShiftsAnotherMonthsGrowth() async {
        await propertyCheck(input: Self.values, Gen.int(in: 0...23)) { values, dropped in
            let full = BulletinCalculator(resolver: LevelResolver(book: Self.book(values)))
            let holed = BulletinCalculator(resolver: LevelResolver(book: Self.book(values, drop: [dropped])))
            for m in 12..<24 where m != dropped && m - 12 != dropped {
                guard let month = Period(index: 2020 * 12 + m) else { continue }
                let span = PeriodSpan(month: month)
                #expect(full.row(key("SG", .import), span).yearOnYear == holed.row(key("SG", .import), span).yearOnYear)
            }
        }
    }

    @Test func monthToYearToDateToMonthRoundTripsExactly() async {
        await propertyCheck(input: Self.values) { values in
            let months = LevelResolver(book: Self.book(values))
            // Publish only year-to-date totals, then derive the months back from them.
            var figures: [Observation] = []
            for m in 1...12 {
                guard let p = Period(year: 2021, month: m) else { continue }
                let span = PeriodSpan.yearToDate(through: p)
                if let e = months.estimate(key("SH", .export), span) {
                    figures.append(
                        Observation(
                            key: key("SH", .export), span: span, value: e.level, unit: Self.unit, decimals: 2,
                            release: "r"))
                }
            }
            let ytdOnly = LevelResolver(book: FigureBook(figures: figures))
            for m in 1...12 {
                guard let p = Period(year: 2021, month: m) else { continue }
                let derived = ytdOnly.estimate(key("SH", .export), PeriodSpan(month: p))
                #expect(derived?.level == months.estimate(key("SH", .export), PeriodSpan(month: p))?.level)
                if m > 1 { #expect(derived?.origin == .cumulativeDifference) }
            }
        }
    }

    @Test func anIncompleteQuarterIsRefusedNotSummed() throws {
        let values = Array(repeating: 100, count: 24)
        let r = LevelResolver(book: Self.book(values, drop: [13]))  // February 2021 missing
        #expect(r.estimate(key("SF", .export), try PeriodSpan(parsing: "2021-01/2021-03")) == nil)
        #expect(r.estimate(key("SF", .export), try PeriodSpan(parsing: "2021-04/2021-06"))?.level.hundredths == 30_000)
        #expect(r.estimate(key("SF", .export), try PeriodSpan(parsing: "2021-01/2021-06")) == nil)
    }
}

@Suite struct RollingSumTests {
    @Test func rollingTwelveMonthsNeedsTheFullPriorYear() async {
        await propertyCheck(input: AggregationPropertyTests.values) { values in
            let r = LevelResolver(book: AggregationPropertyTests.book(values))
            let key = SeriesKey(region: "CN", sector: "SJ", flow: .export, currency: .cny)
            guard let may = Period(year: 2021, month: 5) else { return }
            let direct = (0..<12).compactMap {
                r.estimate(key, PeriodSpan(month: may.advanced(by: -$0)))?.level.hundredths
            }
            #expect(r.rollingTwelveMonths(key, endingIn: may)?.level.hundredths == direct.reduce(0, +))
            let holed = LevelResolver(book: AggregationPropertyTests.book(values, drop: [1]))
            #expect(holed.rollingTwelveMonths(key, endingIn: may) == nil)
        }
    }
}

/// The panel shortcut of ``LevelResolver`` (a group summed straight from panel months, taken only
/// when provenance is not recorded) gives exactly what resolving each part gives.
@Suite struct PanelShortcutPropertyTests {
    static let sectors = ["SA", "SB", "SC", "SC1", "SC2", "SD", "SE", "SF", "SG", "SH", "SI", "SJ", "SJ1", "SK", "SL"]

    /// One region of a panel; `shape` picks, per series, dropped months, coarser decimals or a
    /// missing series, so that the shortcut must sometimes step aside.
    static func book(_ values: [Int], shape: [Int]) -> FigureBook {
        var panel = MonthlyPanel()
        var k = 0
        for sector in sectors {
            for flow in [Flow.export, .import] {
                let pick = shape[k % shape.count]
                k += 1
                if pick == 7 { continue }  // series absent
                var s = MonthlyPanel.Series(
                    key: SeriesKey(region: "R001", sector: sector, flow: flow, currency: .cny),
                    unit: AggregationPropertyTests.unit, decimals: pick == 5 ? 1 : 2, release: "r",
                    source: "src-\(pick % 3)")
                for m in 0..<24 where !(pick == 6 && m == 15) {
                    s.set(Int64(values[(k * 24 + m) % values.count]) * 10, at: 2020 * 12 + m)
                }
                panel.series.append(s)
            }
        }
        return FigureBook(figures: [], panel: panel)
    }

    @Test func shortcutEqualsTheGeneralPath() async throws {
        let spans = try ["2021-04", "2021-01/2021-04", "2020-01/2020-04", "2021-04/2021-06", "2021-01/2021-12"].map {
            try PeriodSpan(parsing: $0)
        }
        await propertyCheck(
            input: Gen.int(in: -500_000...5_000_000).array(of: 24...48), Gen.int(in: 0...9).array(of: 5...30)
        ) { values, shape in
            let book = Self.book(values, shape: shape)
            var fast = LevelResolver(book: book)
            fast.recordsInputs = false
            let general = LevelResolver(book: book)  // records inputs: never takes the shortcut
            for sector in ["S", "KIS", "SC", "SJ", "EXTRAVEL"] {
                for flow in Flow.allCases {
                    for span in spans {
                        let k = SeriesKey(region: "R001", sector: sector, flow: flow, currency: .cny)
                        let a = fast.estimate(k, span)
                        let b = general.estimate(k, span)
                        #expect(a?.level == b?.level, "\(k) \(span)")
                        #expect(a?.halfWidth == b?.halfWidth, "\(k) \(span)")
                        #expect(a?.origin == b?.origin, "\(k) \(span)")
                        #expect(a?.status == b?.status, "\(k) \(span)")
                        #expect(a?.sources == b?.sources, "\(k) \(span)")
                        #expect(a?.resolution == b?.resolution, "\(k) \(span)")
                    }
                }
            }
        }
    }
}
