import Testing
import TradeCore

/// Shares as they may be printed: published as published; computed only where the rounding of the
/// levels allows one figure at 0.1.
@Suite struct ShareQuoteTests {
    /// A published level of `text` in `unit`, ± half a unit of its last digit.
    static func level(_ text: String, _ unit: MonetaryUnit) throws -> Estimate {
        let level = try Level(parsing: text, in: unit)
        let digits = text.split(separator: ".").dropFirst().first?.count ?? 0
        let half = LevelResolver.halfWidth(unit: unit, decimals: digits)
        return Estimate(level: level, halfWidth: half, origin: .published, unit: unit, sources: ["test"])
    }

    static let trillion = MonetaryUnit(.cny, .trillion)
    static let yi = MonetaryUnit(.cny, .hundredMillion)

    @Test func twoPointFiveOfFivePointNineEightTrillionIsWithheld() throws {
        // 2022: knowledge-intensive 2.5 trillion of 5.98 trillion yuan.
        let q = ShareQuote(part: try Self.level("2.5", Self.trillion), of: try Self.level("5.98", Self.trillion))
        #expect(q.value == nil)
        #expect(q.dataValue == nil)
        #expect(q.computed == DecimalNumber(mantissa: 418_060, places: 4))
        let iv = try #require(q.interval)
        #expect(Growth.roundedPercent(iv.lowerBound).description == "40.9")
        #expect(Growth.roundedPercent(iv.upperBound).description == "42.7")
        #expect(q.withheld?.contains("40.9 … 42.7%") == true)
    }

    @Test func aShareThatCouldRoundEitherWayIsWithheldAndThePublishedOneIsPrinted() throws {
        // 2021: 2.33 trillion of 52982.7 亿元 lies in 43.9 … 44.1; MOFCOM published 43.9.
        let k = try Self.level("2.33", Self.trillion), t = try Self.level("52982.7", Self.yi)
        let computed = ShareQuote(part: k, of: t)
        #expect(computed.value == nil)
        #expect(computed.computed == DecimalNumber(mantissa: 439_766, places: 4))
        let published = ShareQuote(part: k, of: t, published: DecimalNumber(mantissa: 439, places: 1))
        #expect(published.value == DecimalNumber(mantissa: 439, places: 1))
        #expect(published.status == .published)
        #expect(published.dataValue == DecimalNumber(mantissa: 439, places: 1))
    }

    @Test func aPreciseShareIsRoundedOnceFromItsOwnValue() throws {
        // 2020: 20331.2 of 45642.7 亿元 is 44.5443…%, printed 44.5 (never adjusted to make a stack add up).
        let t = try Self.level("45642.7", Self.yi)
        let q = ShareQuote(part: try Self.level("20331.2", Self.yi), of: t)
        #expect(q.value == DecimalNumber(mantissa: 445, places: 1))
        #expect(q.status == .computed)
        #expect(q.dataValue == DecimalNumber(mantissa: 445_443, places: 4))
        // The rest of the total: 100 less the parts, its interval from theirs.
        let rest = ShareQuote(restOf: [try Self.level("20331.2", Self.yi), try Self.level("10100.0", Self.yi)], in: t)
        #expect(rest.value == DecimalNumber(mantissa: 333, places: 1))
        #expect(Growth.holds(44.46...44.54, places: 1))
        #expect(!Growth.holds(44.44...44.46, places: 1))
    }
}
