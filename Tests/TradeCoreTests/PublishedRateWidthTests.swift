import PropertyBased
import Testing
import TradeCore

/// A published rate is known to 0.1 point: MOFCOM and SAFE print percentages to one decimal and drop a
/// trailing ".0" (domain reference §1.8), so "下降10%" is −10.0, anywhere in −10.05 … −9.95, like
/// "增长23.2%" in 23.15 … 23.25; the release gives the gap as 23.2 − (−10.0) = "33.2个百分点". A rate
/// with more places is known to its last one. Every interval and implied level uses that width.
@Suite struct PublishedRateWidthTests {
    static let yi = MonetaryUnit(.cny, .hundredMillion)
    /// 1 亿元 in hundredths of a yuan.
    static let oneYi: Double = 1e10

    /// A level published to 0.1 亿元 (±0.05 亿元 = ±5×10^8 hundredths).
    static func published(_ text: String) throws -> Estimate {
        Estimate(
            level: try Level(parsing: text, in: yi), halfWidth: 500_000_000, origin: .published, unit: yi,
            sources: ["test"], resolution: 1_000_000_000)
    }

    static func rate(_ text: String) throws -> DecimalNumber { try #require(DecimalNumber(parsing: text)) }

    @Test func aPublishedRateIsKnownToATenthAtLeast() throws {
        #expect(Growth.precisionPlaces(of: try Self.rate("-10")) == 1)
        #expect(Growth.halfWidth(of: try Self.rate("-10")) == 0.05)
        #expect(Growth.halfWidth(of: try Self.rate("23.2")) == 0.05)
        #expect(Growth.halfWidth(of: try Self.rate("1.25")) == 0.005)
    }

    /// January–April 2021 imports: 8182.4亿元, "下降10%" (−10.0). By hand:
    /// point 8182.4 / 0.9 = 9091.5556 → 9091.6;
    /// low  8182.35 / (1 − 0.0995) = 8182.35 / 0.9005 = 9086.4520;
    /// high 8182.45 / (1 − 0.1005) = 8182.45 / 0.8995 = 9096.6648;
    /// the half width covers the farther end from the exact base 9091.56: 9096.6648 − 9091.5556 = 5.1093亿元
    /// (±5.1 before the farther end was taken: the upper 9096.66 was left out). Stated at 100亿元: "9100".
    @Test func baseImpliedByARateWithItsZeroDropped() throws {
        let base = try #require(
            Growth.impliedBase(try Self.published("8182.4"), rate: try Self.rate("-10")))
        #expect(base.level.formatted(in: Self.yi, places: 1) == "9091.6")
        #expect(Double(base.lower) <= 9086.4520 * Self.oneYi)
        #expect(Double(base.upper) >= 9096.6648 * Self.oneYi)
        #expect((51_092_000_000...51_093_000_000).contains(base.halfWidth), "\(base.halfWidth)")
        #expect(StatedLevel.honestResolution(base.resolution, halfWidth: base.halfWidth) == 1_000_000_000_000)
    }

    /// January–April 2021 exports: 7462.1亿元, "增长23.2%". By hand: 7462.1 / 1.232 = 6056.9;
    /// 7462.05 / 1.2325 = 6054.4016 … 7462.15 / 1.2315 = 6059.3991: ±2.5亿元 (step 10亿元).
    @Test func baseImpliedByAOneDecimalRate() throws {
        let base = try #require(
            Growth.impliedBase(try Self.published("7462.1"), rate: try Self.rate("23.2")))
        #expect(base.level.formatted(in: Self.yi, places: 1) == "6056.9")
        #expect(Double(base.lower) <= 6054.4016 * Self.oneYi)
        #expect(Double(base.upper) >= 6059.3991 * Self.oneYi)
        #expect(base.halfWidth < 251 * 100_000_000)
        #expect(StatedLevel.honestResolution(base.resolution, halfWidth: base.halfWidth) == 100_000_000_000)
    }

    /// A two-year average from a versus-2019 rate "−10" (−10.0): √0.9 − 1 = −5.1317%, anywhere in
    /// √0.8995 − 1 = −5.1580% … √0.9005 − 1 = −5.1053%: "-5.1". One decimal alike: −10.3% → "-5.3".
    @Test func twoYearAverageFromARateWithItsZeroDropped() throws {
        let whole = try #require(Growth.averagePercent(fromGrowth: try Self.rate("-10"), years: 2))
        #expect(whole.0.description == "-5.1")
        #expect(abs(whole.1.lowerBound - -5.1580) < 1e-3)
        #expect(abs(whole.1.upperBound - -5.1053) < 1e-3)
        let tenth = try #require(Growth.averagePercent(fromGrowth: try Self.rate("-10.3"), years: 2))
        #expect(tenth.0.description == "-5.3")
    }

    /// "−10" is −10.0 (−10.05 … −9.95): a computed interval of −10.04 … −9.96 agrees with it, one of
    /// −10.45 … −10.35 does not (the base was restated), as against "−10.0".
    @Test func restatedBaseUsesTheRatesOwnWidth() throws {
        for published in ["-10", "-10.0"] {
            let agrees = RateQuote.choose(
                computed: try Self.rate("-10.0"), interval: -10.04 ... -9.96, published: try Self.rate(published))
            #expect(!agrees.isBaseRestated)
            let restated = RateQuote.choose(
                computed: try Self.rate("-10.4"), interval: -10.45 ... -10.35, published: try Self.rate(published))
            #expect(restated.isBaseRestated)
            #expect(restated.value?.description == published)
        }
    }

    /// Differences of quoted rates are no finer than the coarser rate (0.1 at least), rounded half away
    /// from zero once: 23.2 − (−10) = 33.2 (as MOFCOM printed the gap); −10 − (−13.5) = 3.5;
    /// 3.3 − 0.5 = 2.8; 10 − 10 = 0.0; 1.25 − 0.5 = 0.75 → 0.8.
    @Test func differenceOfRatesAtTheCoarserPlaces() throws {
        func d(_ a: String, _ b: String) throws -> String {
            Growth.difference(try Self.rate(a), try Self.rate(b)).description
        }
        #expect(try d("23.2", "-10") == "33.2")
        #expect(try d("-10", "-13.5") == "3.5")
        #expect(try d("3.3", "0.5") == "2.8")
        #expect(try d("10", "10") == "0.0")
        #expect(try d("12.0", "11.5") == "0.5")
        #expect(try d("1.25", "0.5") == "0.8")
    }

    /// Every implied base contains the base implied by any rate inside the published rate's rounding
    /// interval, for any current level inside its own; the two-year average's interval contains the
    /// average of any such rate.
    @Test func impliedIntervalsContainEveryRateTheRoundingAllows() async {
        await propertyCheck(input: Gen.int(in: 1...20_000_000).array(of: 4...4)) { v in
            // v[0]: level in 0.01 亿元 (up to 200000亿元); v[1]: rate mantissa; v[2]: places 0 or 1;
            // v[3]: where in the rounding interval (0...1000 thousandths).
            let places = v[2] % 2
            let mantissa = Int64(v[1] % (places == 0 ? 90 : 900)) - (places == 0 ? 45 : 450)
            let rate = DecimalNumber(mantissa: mantissa, places: places)
            let current = Estimate(
                level: Level(hundredths: Int64(v[0]) * 100_000_000), halfWidth: 500_000_000, origin: .published,
                unit: Self.yi, sources: ["p"], resolution: 1_000_000_000)
            guard let base = Growth.impliedBase(current, rate: rate),
                let average = Growth.averagePercent(fromGrowth: rate, years: 2)
            else {
                #expect(Bool(false), "no base for \(rate)")
                return
            }
            let half = Growth.halfWidth(of: rate)
            let t = Double(v[3] % 1001) / 1000
            let r = rate.doubleValue - half + 2 * half * t
            for x in [current.lower, current.level.hundredths, current.upper] {
                let implied = Double(x) / (1 + r / 100)
                #expect(Double(base.lower) <= implied + 1 && implied - 1 <= Double(base.upper), "\(rate) \(r) \(x)")
            }
            let a = ((1 + r / 100).squareRoot() - 1) * 100
            #expect(average.1.lowerBound - 1e-9 <= a && a <= average.1.upperBound + 1e-9, "\(rate) \(r)")
        }
    }
}
