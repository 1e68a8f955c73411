/// The step at which a level is stated, shared by the text and tables (TradeReport's `LevelText`) and
/// the charts, so that a figure reads the same in each.
///
/// A level is stated at the rounding step of its finest input, at least 0.1 亿元 (the precision of
/// MOFCOM's releases); a level no release prints is coarsened until half a step covers its interval
/// (974.2 − 933.3 billion, 408–410亿元: "410亿元"; 2.91 − 3.68 万亿元: "0.8万亿元").
public enum StatedLevel {
    /// The finest step stated: 0.1 亿元 = 10^7 currency units = 10^9 hundredths.
    public static let finestStep: Int64 = 1_000_000_000

    /// The step a level is stated at: its resolution rounded up to a power of ten, at least ``finestStep``.
    public static func step(resolution: Int64) -> Int64 {
        var s: Int64 = finestStep
        while s < resolution && s < Int64.max / 10 { s *= 10 }
        return s
    }

    /// Whether `e` is exports ± imports of published figures known to the agency's own precision (each
    /// ±0.05 亿元, the sum ±0.1 亿元 at most), which is stated like a published level, at its parts' step:
    /// MOFCOM prints its own balances so (720.4 = 8182.4 − 7462.1). A balance of "2.91" and
    /// "3.68 trillion" (±100 亿元), or of a part implied by a rate, is not one. Decided from
    /// ``Estimate/restsOnPublishedFiguresOnly``, the same whether or not the inputs were recorded (a table
    /// and a press sentence state the same balance alike).
    public static func isIdentity(_ e: Estimate) -> Bool {
        [.exportsPlusImports, .exportsMinusImports].contains(e.origin) && e.restsOnPublishedFiguresOnly
            && e.halfWidth <= 2 * LevelResolver.halfWidth(unit: MonetaryUnit(.cny, .hundredMillion), decimals: 1)
    }

    /// ``step(resolution:)`` coarsened to the finest power of ten whose half is at least `halfWidth` — the
    /// rule of ``Estimate/printablePlaces(in:limit:)``, so the stated figure lies within one step of every
    /// value its inputs allow.
    public static func honestResolution(_ resolution: Int64, halfWidth: Int64) -> Int64 {
        var s = step(resolution: resolution)
        while s / 2 < halfWidth && s < Int64.max / 10 { s *= 10 }
        return s
    }
}
