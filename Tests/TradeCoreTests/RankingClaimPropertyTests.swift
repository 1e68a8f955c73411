import PropertyBased
import Testing
import TradeCore

/// A ranking ("the fastest-growing categories were …") is stated only over the whole compared set:
/// for any set of the twelve EBOPS categories with a rate, a claim exists exactly when all twelve have one.
@Suite struct RankingClaimPropertyTests {
    static let universe = Sectors.standard.partition(of: "S").map(\.code)

    /// Which categories have a rate, and the rates in tenths of a percent.
    static let present = Gen.bool.array(of: 12...12)
    static let rates = Gen.int(in: -999...999).array(of: 12...12)

    static func rows(_ present: [Bool], _ tenths: [Int]) -> [BulletinRow] {
        guard let october = Period(year: 2025, month: 10) else { return [] }
        var out: [BulletinRow] = []
        for (i, code) in universe.enumerated() {
            var row = BulletinRow(
                key: SeriesKey(region: "CN", sector: code, flow: .total, currency: .cny),
                span: PeriodSpan.yearToDate(through: october))
            if present[i] {
                row.yearOnYear = RateQuote.choose(
                    computed: nil, interval: nil, published: DecimalNumber(mantissa: Int64(tenths[i]), places: 1))
            }
            out.append(row)
        }
        return out
    }

    @Test func theUniverseIsTheTwelveMainCategories() {
        #expect(Self.universe == ["SA", "SB", "SC", "SD", "SE", "SF", "SG", "SH", "SI", "SJ", "SK", "SL"])
    }

    @Test func noClaimUnlessEveryCategoryHasARate() async {
        await propertyCheck(count: 500, input: Self.present, Self.rates) { present, tenths in
            let claim = RankingClaim(rows: Self.rows(present, tenths), universe: Self.universe, limit: 3)
            let complete = present.allSatisfy { $0 }
            #expect((claim.ranked != nil) == complete)
            #expect(claim.set.compared.count == present.filter { $0 }.count)
            if !complete {
                #expect(claim.withheldReason?.contains("missing \(claim.set.missing.joined(separator: ", "))") == true)
            }
        }
    }

    @Test func overTheWholeSetTheClaimIsTheThreeFastest() async {
        let all = Array(repeating: true, count: 12)
        await propertyCheck(input: Self.rates) { tenths in
            let claim = RankingClaim(rows: Self.rows(all, tenths), universe: Self.universe, limit: 3)
            let ranked = claim.ranked ?? []
            #expect(ranked.count == 3)
            #expect(claim.withheldReason == nil)
            // In order, and none slower than a category left out.
            let rates = ranked.compactMap { $0.yearOnYear.value?.doubleValue }
            #expect(rates == rates.sorted(by: >))
            let slowest = rates.last ?? 0
            #expect(tenths.filter { Double($0) / 10 > slowest }.count <= 2)
        }
    }
}
