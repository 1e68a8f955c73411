import Testing

@testable import TradeCore

/// Exports ± imports of published 0.1 亿元 figures is stated like a published level (an identity), decided
/// the same whether or not the estimate keeps its inputs: a table (no inputs) and a press sentence (inputs)
/// print April 2021's balance alike, 2004.6 − 2057.3 = −52.7.
@Suite struct StatedLevelIdentityTests {
    static let yi = MonetaryUnit(.cny, .hundredMillion)

    /// A level in tenths of 亿元 published at 0.1 亿元 (±0.05).
    static func published(_ tenths: Int64, status: FigureStatus = .published) -> Estimate {
        Estimate(
            level: Level(hundredths: tenths * 1_000_000_000), halfWidth: 500_000_000, origin: .published, unit: yi,
            sources: ["s"], status: status)
    }

    @Test(arguments: [true, false])
    func anIdentityIsTheSameWhetherOrNotInputsAreRecorded(recorded: Bool) throws {
        let april = PeriodSpan(month: try Period(parsing: "2021-04"))
        func kept(_ e: Estimate, _ flow: Flow) -> Estimate {
            guard recorded else { return e }
            var e = e
            e.inputs = [
                .init(
                    key: SeriesKey(region: "CN", sector: "S", flow: flow, currency: .cny), span: april, level: e.level,
                    sign: 1, status: e.status, source: "s")
            ]
            return e
        }
        let exports = kept(Self.published(20046), .export)
        let imports = kept(Self.published(20573), .import)
        let balance = try #require(
            Estimate.combine([(exports, Int64(1)), (imports, Int64(-1))], origin: .exportsMinusImports))
        #expect(balance.level == Level(hundredths: -527 * 1_000_000_000) && balance.halfWidth == 1_000_000_000)
        #expect(balance.restsOnPublishedFiguresOnly && StatedLevel.isIdentity(balance))
        // A part implied by a rate ("下降10%"): no identity, whatever its half width.
        let implied = Estimate(
            level: imports.level, halfWidth: 500_000_000, origin: .impliedByRate, unit: Self.yi, sources: ["s"])
        let withImplied = try #require(
            Estimate.combine([(exports, Int64(1)), (implied, Int64(-1))], origin: .exportsMinusImports))
        #expect(!withImplied.restsOnPublishedFiguresOnly && !StatedLevel.isIdentity(withImplied))
        // Illustrative figures: no identity.
        let illustrative = try #require(
            Estimate.combine(
                [
                    (kept(Self.published(20046, status: .illustrative), .export), Int64(1)),
                    (kept(Self.published(20573, status: .illustrative), .import), Int64(-1)),
                ], origin: .exportsMinusImports))
        #expect(!StatedLevel.isIdentity(illustrative))
        // Two published figures at 1 亿元 (±0.5 each): too coarse to be stated at 0.1.
        let coarse = Estimate(
            level: Level(hundredths: 20_000_000_000), halfWidth: 5_000_000_000, origin: .published, unit: Self.yi,
            sources: ["s"])
        let wide = try #require(
            Estimate.combine([(coarse, Int64(1)), (coarse, Int64(-1))], origin: .exportsMinusImports))
        #expect(wide.restsOnPublishedFiguresOnly && !StatedLevel.isIdentity(wide))
    }
}
