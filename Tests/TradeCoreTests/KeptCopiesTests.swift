import Testing
import TradeCore

/// Copies of one figure from several pages of a release: readers keep one and fill the rates it did
/// not print from the others, each with its own page (``FigureSelection/keptCopies``).
@Suite struct KeptCopiesTests {
    let key = SeriesKey(region: "CN", sector: "S", flow: .balance, currency: .cny)

    func copy(_ source: String, change: Int64?, yoy: String?, unit: MonetaryUnit?) throws -> Observation {
        let (start, end) = (try #require(Period(year: 2019, month: 1)), try #require(Period(year: 2019, month: 11)))
        return Observation(
            key: key, span: try PeriodSpan(start: start, end: end),
            value: nil, unit: unit, decimals: nil,
            rates: PublishedRates(
                yearOnYear: yoy.flatMap { DecimalNumber(parsing: $0) },
                balanceChange: change.map { Level(hundredths: $0) }),
            source: source, release: "r")
    }

    @Test func theKeptCopyBorrowsWhatItDidNotPrintAndSaysFromWhom() throws {
        let people = try copy("https://people.example/a", change: nil, yoy: "-10.5", unit: nil)
        let sabc = try copy(
            "https://sabc.example/b", change: 16_230_000_000_000, yoy: "-10.5", unit: MonetaryUnit(.cny, .billion))
        let kept = FigureSelection.keptCopies(
            [(people, true), (sabc, false)], observation: \.0, preferred: \.1)
        #expect(kept.count == 1)
        let o = try #require(kept.first?.0)
        #expect(o.rates.balanceChange == Level(hundredths: 16_230_000_000_000))
        #expect(o.rates.yearOnYear == DecimalNumber(parsing: "-10.5"))
        #expect(o.source == "https://people.example/a")
        // The change is SABC's; the rate, printed by both, stays People's Daily's.
        #expect(o.source(of: .balanceChange) == "https://sabc.example/b")
        #expect(o.source(of: .yearOnYear) == "https://people.example/a")
        #expect(o.borrowed[.balanceChange]?.unit == MonetaryUnit(.cny, .billion))
        #expect(o.asPrinted == people)
    }

    @Test func aCopyNotAdmittedLendsNothing() throws {
        // As of a date before SABC's page, only People's Daily's copy is read: no change.
        let people = try copy("https://people.example/a", change: nil, yoy: "-10.5", unit: nil)
        let kept = FigureSelection.keptCopies([(people, true)], observation: \.0, preferred: \.1)
        #expect(kept.map(\.0) == [people])
        #expect(kept.first?.0.borrowed.isEmpty == true)
    }
}
