import TradeCore

/// A level written the way MOFCOM writes it, never claiming more precision than its best input.
///
/// The step is the rounding step of the finest input, at least 0.1 亿元 (the precision of MOFCOM's
/// releases): a level known to ±0.05 亿元 prints as `15644.5亿元` / `RMB1.56445 trillion`; one
/// published as "3.27 trillion" (step 100 亿元) as `3.27万亿元` / `RMB3.27 trillion`, never
/// `32700.0亿元`; one published as "450.2 billion" (step 1 亿元) as `4502亿元` / `RMB450.2 billion`.
/// The value is rounded half away from zero to the step, once.
public enum LevelText {
    /// The finest step printed: 0.1 亿元 = 10^7 currency units = 10^9 hundredths.
    public static let finestStep: Int64 = StatedLevel.finestStep

    /// The step a level is printed at: its resolution rounded up to a power of ten, at least ``finestStep``
    /// (``TradeCore/StatedLevel/step(resolution:)``, shared with the charts).
    public static func step(resolution: Int64) -> Int64 { StatedLevel.step(resolution: resolution) }

    /// The resolution a level that the release does not print (computed, derived) is written at: its
    /// finest input's `resolution`, coarsened to the finest power of ten whose half is at least
    /// `halfWidth` (``TradeCore/StatedLevel/honestResolution(_:halfWidth:)``), so the printed figure lies
    /// within one step of every value its inputs allow. 933.3 and 974.2 billion (each ±0.05 billion) give a
    /// deficit of 408–410亿元: it prints as `410亿元` / `RMB41 billion`, not `409亿元`, which would claim
    /// ±0.5亿元; 2.91 and 3.68 万亿元 give 0.76–0.78 万亿元: `0.8万亿元`.
    public static func honestResolution(_ resolution: Int64, halfWidth: Int64) -> Int64 {
        StatedLevel.honestResolution(resolution, halfWidth: halfWidth)
    }

    /// Whether `v` is exports ± imports of published figures known to the agency's own precision (0.1 亿元),
    /// written like a published level (``TradeCore/StatedLevel/isIdentity(_:)``).
    public static func isIdentity(_ v: Estimate) -> Bool { StatedLevel.isIdentity(v) }

    /// A table's cell, in `unit`, for a row whose level the press sentence writes computed (no published
    /// level of its own, status computed, not an identity): the sentence's figure at
    /// ``honestResolution(_:halfWidth:)``, so text and table agree — 974.2 − 933.3 billion is `-410` in a
    /// table in 亿元, as the text's "410亿元"; 2.91 − 3.68 万亿元 is `-8000`, as "0.8万亿元". `nil` when the
    /// level is printed by the table's usual rule (published, identity, derived, or not coarsened).
    public static func computedCell(_ row: BulletinRow, in unit: MonetaryUnit) -> String? {
        guard let v = row.value, row.publishedValue == nil, v.status == .computed, !isIdentity(v) else { return nil }
        let honest = honestResolution(v.resolution, halfWidth: v.halfWidth)
        guard honest > step(resolution: v.resolution) else { return nil }
        return decimal(v.level.hundredths, step: honest, unit: hundredths(of: unit))
    }

    /// A table's cell, in `unit`, for a level no release printed that a row refers to (a comparable base
    /// implied by published rates, a balance change computed from two balances): at `places` when its
    /// interval allows, else at ``honestResolution(_:halfWidth:)``. January–April 2020 imports implied by
    /// "下降10%" on 8182.4亿元 lie anywhere in 9041.3 … 9142.4 (±0.5 points of rate): `9000`, not `9091.6`.
    public static func referenceCell(_ e: Estimate, in unit: MonetaryUnit, places: Int) -> String {
        let u = hundredths(of: unit)
        var fine = u
        for _ in 0..<places where fine >= 10 { fine /= 10 }
        let honest = honestResolution(e.resolution, halfWidth: e.halfWidth)
        guard honest > fine else { return e.level.formatted(in: unit, places: places) }
        return decimal(e.level.hundredths, step: honest, unit: u)
    }

    /// One `unit` in hundredths of its currency.
    static func hundredths(of unit: MonetaryUnit) -> Int64 {
        var u: Int64 = 100
        for _ in 0..<unit.magnitude.exponent { u *= 10 }
        return u
    }

    /// Digits of `hundredths` rounded half away from zero to a multiple of `step` (a power of ten),
    /// expressed in `unit` hundredths, as a decimal string with the fraction digits the step allows.
    static func decimal(_ hundredths: Int64, step: Int64, unit: Int64) -> String {
        let negative = hundredths < 0
        let m = hundredths.magnitude
        let s = UInt64(step)
        let rounded = (m + s / 2) / s * s
        // Fraction digits = log10(unit / step) when the step is finer than the unit.
        var places = 0
        var u = UInt64(unit)
        while u > s {
            u /= 10
            places += 1
        }
        let scaled = rounded / (UInt64(unit) / pow10u(places))  // value × 10^places
        var digits = String(scaled)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (negative && rounded != 0 ? "-" : "") + digits
    }

    static func pow10u(_ n: Int) -> UInt64 {
        var r: UInt64 = 1
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// 亿元 in hundredths of a yuan.
    static let yi: Int64 = 10_000_000_000
    /// 万亿元 (a trillion yuan) in hundredths.
    static let wanYi: Int64 = 100_000_000_000_000
    /// A billion in hundredths.
    static let billion: Int64 = 100_000_000_000

    /// Chinese: `15644.5亿元`, `4502亿元`, `3.27万亿元`, `0.77万亿元` (万亿元 when the step is 100 亿元 or
    /// coarser: `7700亿元` would claim the hundreds of 亿 that a difference of 2.91 and 3.68 万亿元 does not
    /// know). The magnitude only; the sentence says the sign.
    public static func chinese(_ level: Level, resolution: Int64, currency: Currency = .cny) -> String {
        let step = step(resolution: resolution)
        let m = level.hundredths.magnitude
        let unitName = currency == .cny ? "元" : "美元"
        if step >= 100 * yi {
            return decimal(Int64(m), step: step, unit: wanYi) + "万亿" + unitName
        }
        return decimal(Int64(m), step: step, unit: yi) + "亿" + unitName
    }

    /// English: `RMB1.56445 trillion`, `RMB450.2 billion`, `RMB3.27 trillion`, `RMB0.77 trillion` (the same
    /// figure with the decimal point moved; trillion from a trillion up, and whenever the step is
    /// coarser than a billion: `RMB770 billion` would claim the billions). The magnitude only.
    public static func english(_ level: Level, resolution: Int64, currency: Currency = .cny) -> String {
        let step = step(resolution: resolution)
        let m = Int64(level.hundredths.magnitude)
        let prefix = currency == .cny ? "RMB" : "USD "
        if m >= wanYi || step > billion { return prefix + decimal(m, step: step, unit: wanYi) + " trillion" }
        return prefix + decimal(m, step: step, unit: billion) + " billion"
    }

    /// Both texts of an estimate.
    public static func texts(_ e: Estimate) -> (zh: String, en: String) {
        (
            chinese(e.level, resolution: e.resolution, currency: e.unit.currency),
            english(e.level, resolution: e.resolution, currency: e.unit.currency)
        )
    }
}
