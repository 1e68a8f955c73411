import PropertyBased
import Testing
import TradeCore

@Suite struct DecimalNumberTests {
    @Test(arguments: [
        ("12.25", 1, "12.3"), ("-12.25", 1, "-12.3"), ("12.35", 1, "12.4"), ("0.05", 1, "0.1"),
        ("-0.05", 1, "-0.1"), ("2.5", 0, "3"), ("-2.5", 0, "-3"), ("3.5", 0, "4"), ("12.24", 1, "12.2"),
        ("7.0", 1, "7.0"), ("5", 2, "5.00"),
    ])
    func roundsHalfAwayFromZero(text: String, places: Int, expected: String) throws {
        let d = try #require(DecimalNumber(parsing: text))
        #expect(d.rounded(places: places).description == expected)
    }

    @Test func parsesAndPrints() {
        #expect(DecimalNumber(parsing: "-10")?.description == "-10")
        #expect(DecimalNumber(parsing: "23.20")?.trimmedDescription == "23.2")
        #expect(DecimalNumber(parsing: "10.0")?.trimmedDescription == "10")
        #expect(DecimalNumber(parsing: ".5")?.description == "0.5")
        #expect(DecimalNumber(parsing: "1e5") == nil)
        #expect(DecimalNumber(parsing: "1,000") == nil)
        #expect(DecimalNumber(parsing: "") == nil)
        #expect(DecimalNumber(parsing: "-") == nil)
        #expect(DecimalNumber(parsing: "1.2.3") == nil)
    }

    @Test func exactQuotientRoundsOnce() {
        // 15644.5 / 15144.7 - 1 = 3.30016…% → 3.3
        #expect(DecimalNumber.quotient(156445 - 151447, 151447, places: 3)?.description == "0.033")
        // A tie: 1/8 = 0.125 → 0.13 at two places (half-even would give 0.12).
        #expect(DecimalNumber.quotient(1, 8, places: 2)?.description == "0.13")
        #expect(DecimalNumber.quotient(-1, 8, places: 2)?.description == "-0.13")
        #expect(DecimalNumber.quotient(1, 0, places: 2) == nil)
    }
}

@Suite struct LevelTests {
    let yi = MonetaryUnit(.cny, .hundredMillion)

    @Test func convertsBetweenUnitsExactly() throws {
        let trillion = try Level(parsing: "1.56445", in: MonetaryUnit(.cny, .trillion))
        let hundredMillion = try Level(parsing: "15644.5", in: yi)
        let billion = try Level(parsing: "1564.45", in: MonetaryUnit(.cny, .billion))
        #expect(trillion == hundredMillion)
        #expect(billion == hundredMillion)
        #expect(trillion.formatted(in: yi, places: 1) == "15644.5")
        #expect(trillion.exactDecimal(in: MonetaryUnit(.cny, .billion)).description == "1564.45")
        #expect(try Level(parsing: "-720.4", in: yi).formatted(in: yi, places: 1) == "-720.4")
    }

    @Test func roundsHalfAwayFromZeroInAnyUnit() throws {
        let wan = MonetaryUnit(.cny, .tenThousand)
        #expect(
            try Level(parsing: "1225", in: wan).formatted(in: MonetaryUnit(.cny, .hundredMillion), places: 2) == "0.12")
        #expect(
            try Level(parsing: "1250", in: wan).formatted(in: MonetaryUnit(.cny, .hundredMillion), places: 1) == "0.1")
        #expect(
            try Level(parsing: "5000", in: wan).formatted(in: MonetaryUnit(.cny, .hundredMillion), places: 1) == "0.5")
        #expect(
            try Level(parsing: "-500", in: wan).formatted(in: MonetaryUnit(.cny, .hundredMillion), places: 1) == "-0.1")
    }

    @Test func rejectsWhatCannotBeHeldExactly() {
        #expect(throws: Level.ParseFailure.tooPrecise) { try Level(parsing: "0.001", in: MonetaryUnit(.cny, .one)) }
        #expect(throws: Level.ParseFailure.notANumber) { try Level(parsing: "12a", in: MonetaryUnit(.cny, .one)) }
        #expect(throws: Level.ParseFailure.outOfRange) {
            try Level(parsing: "99999999", in: MonetaryUnit(.cny, .trillion))
        }
    }

    @Test func unitsParseInBothLanguages() {
        #expect(MonetaryUnit(parsing: "CNY 100m") == MonetaryUnit(.cny, .hundredMillion))
        #expect(MonetaryUnit(parsing: "亿元") == MonetaryUnit(.cny, .hundredMillion))
        #expect(MonetaryUnit(parsing: "万亿元") == MonetaryUnit(.cny, .trillion))
        #expect(MonetaryUnit(parsing: "USD bn") == MonetaryUnit(.usd, .billion))
        #expect(MonetaryUnit(parsing: "亿美元") == MonetaryUnit(.usd, .hundredMillion))
        #expect(MonetaryUnit(parsing: "CNY 10k")?.description == "CNY 10k")
        #expect(MonetaryUnit(parsing: "EUR bn") == nil)
        #expect(MonetaryUnit(parsing: "CNY gazillion") == nil)
    }

    @Test func tenthsSumExactlyWhereDoublesDrift() throws {
        var level = Level.zero
        var double = 0.0
        for _ in 0..<10 {
            level = try #require(level.adding(try Level(parsing: "0.1", in: yi)))
            double += 0.1
        }
        #expect(level.formatted(in: yi, places: 10) == "1.0000000000")
        #expect(double != 1.0)  // the drift exact levels avoid
    }

    @Test func parseAndFormatRoundTrip() async {
        await propertyCheck(input: Gen.int(in: -99_999_999...99_999_999), Gen.int(in: 0...2)) { mantissa, places in
            let text = DecimalNumber(mantissa: Int64(mantissa), places: places).description
            let unit = MonetaryUnit(.cny, .hundredMillion)
            let level = try? Level(parsing: text, in: unit)
            #expect(level?.formatted(in: unit, places: places) == text)
        }
    }

    @Test func sumsAreOrderIndependent() async {
        await propertyCheck(input: Gen.int(in: 0...10_000_000).array(of: 1...40)) { values in
            let levels = values.map { Level(hundredths: Int64($0)) }
            let forward = levels.reduce(Level.zero) { $0.adding($1) ?? $0 }
            let backward = levels.reversed().reduce(Level.zero) { $0.adding($1) ?? $0 }
            #expect(forward == backward)
            #expect(forward.hundredths == Int64(values.reduce(0, +)))
        }
    }
}

@Suite struct GrowthRoundingTests {
    func estimate(_ hundredths: Int64) -> Estimate {
        Estimate(
            level: Level(hundredths: hundredths), halfWidth: 0, origin: .published,
            unit: MonetaryUnit(.cny, .hundredMillion), sources: [])
    }

    @Test func tiesRoundAwayFromZeroOnce() throws {
        // 2001 / 2000 − 1 = 0.05 % exactly: half away from zero gives 0.1 (half-even would give 0.0).
        #expect(Growth.percent(estimate(2001), over: estimate(2000))?.0.description == "0.1")
        #expect(Growth.percent(estimate(1999), over: estimate(2000))?.0.description == "-0.1")
        // 1.25 % exactly → 1.3; computed from the unrounded ratio, not from a rounded intermediate.
        #expect(Growth.percent(estimate(10125), over: estimate(10000))?.0.description == "1.3")
        #expect(Growth.roundedPercent(0.25).description == "0.3")
        #expect(Growth.roundedPercent(-0.25).description == "-0.3")
        #expect(Growth.percent(estimate(5), over: estimate(0)) == nil)  // no growth from a zero base
    }

    @Test func twoYearAverageFromThePublishedGrowthVersus2019() throws {
        // Jan–Apr 2021 against 2019 (MOFCOM 3 June 2021): −10.3 % → −5.3 %, +20.5 % → +9.8 %, −27.3 % → −14.7 %.
        for (g, a) in [("-10.3", "-5.3"), ("20.5", "9.8"), ("-27.3", "-14.7")] {
            let rate = try #require(DecimalNumber(parsing: g))
            #expect(Growth.averagePercent(fromGrowth: rate, years: 2)?.0.description == a)
        }
    }

    @Test func impliedComparableBase() throws {
        // 15644.5 at +3.3 % implies a base of 15144.7; 7325.3 at +14.9 % implies 6375.4 (reference/domain.md §1.5).
        let total = Estimate(
            level: try Level(parsing: "15644.5", in: MonetaryUnit(.cny, .hundredMillion)), halfWidth: 5_000_000_00,
            origin: .published, unit: MonetaryUnit(.cny, .hundredMillion), sources: [])
        let rate = try #require(DecimalNumber(parsing: "3.3"))
        let base = try #require(Growth.impliedBase(total, rate: rate))
        #expect(base.level.formatted(in: MonetaryUnit(.cny, .hundredMillion), places: 1) == "15144.7")
        #expect(base.origin == .impliedByRate)
    }
}
