/// A share of a total as it may be printed (<doc:Methodology>, shares).
///
/// Rule: a share the agency published is printed as published. A share computed from levels is
/// printed at ``places`` (half away from zero, from its own exact value, never adjusted so that a
/// stack adds up) only when every share its interval allows rounds to the same figure
/// (``Growth/holds(_:places:)``); the interval comes from the rounding of the levels, ± half a unit
/// of their last printed digit. Otherwise it is withheld: 2.5 of 5.98 trillion yuan is 41.8% as a
/// point but anywhere in 40.9 … 42.7%.
public struct ShareQuote: Sendable, Equatable {
    /// Fraction digits of a printed share (0.1 percentage point, as the agency prints them).
    public static let places = 1
    /// Fraction digits of a computed share as drawn (a column's height); never printed: the CSV beside a
    /// chart writes ``value``, at the precision it is labelled with.
    public static let dataPlaces = 4

    /// The share computed from the levels, percent, at ``dataPlaces``; `nil` without a positive total.
    public var computed: DecimalNumber?
    /// The shares the rounding of the levels allows, percent.
    public var interval: ClosedRange<Double>?
    /// The share as the agency published it.
    public var published: DecimalNumber?
    /// The share to print: as published, or computed at ``places``; `nil` when withheld or unknown.
    public var value: DecimalNumber?
    /// ``FigureStatus/published`` for a published share, else the least quotable status of its levels.
    public var status: FigureStatus?
    /// Why a computed share is not printed.
    public var withheld: String?

    /// The share at ``dataPlaces``: as published, or the computed one when it may be printed; `nil` when
    /// withheld. Finer than a share can be printed: data files write ``value``.
    public var dataValue: DecimalNumber? {
        if let published { return published }
        return value == nil ? nil : computed
    }

    /// The shares this one may stand for, percent: a published share ± half a unit of its last digit,
    /// else the computed share's interval; `nil` when nothing is known.
    public var range: ClosedRange<Double>? {
        guard let p = published else { return interval }
        let half = 0.5 / pow10(p.places)
        return (p.doubleValue - half)...(p.doubleValue + half)
    }

    /// The share of `part` in `total`, preferring `published`.
    public init(part: Estimate, of total: Estimate, published: DecimalNumber? = nil) {
        let bounds = Self.bounds(part, of: total)
        self.init(
            hundredths: part.level.hundredths, interval: bounds.0...bounds.1, of: total,
            inputs: [part.status, total.status], published: published)
    }

    /// The share of what `total` holds beyond `parts` (the "other" of a stack): 100 less the parts'
    /// shares, its interval from theirs.
    public init(restOf parts: [Estimate], in total: Estimate) {
        let sum = parts.reduce(Int64(0)) { $0 + $1.level.hundredths }
        let bounds = parts.map { Self.bounds($0, of: total) }
        let lo = 100 - bounds.reduce(0) { $0 + $1.1 }, hi = 100 - bounds.reduce(0) { $0 + $1.0 }
        self.init(
            hundredths: total.level.hundredths - sum, interval: Swift.max(0, lo)...Swift.max(0, hi), of: total,
            inputs: parts.map(\.status) + [total.status], published: nil)
    }

    /// The least and greatest share of `part` in `total` their rounding allows, percent.
    static func bounds(_ part: Estimate, of total: Estimate) -> (Double, Double) {
        let lo = total.upper > 0 ? Double(Swift.max(0, part.lower)) / Double(total.upper) * 100 : 0
        let hi = total.lower > 0 ? Double(part.upper) / Double(total.lower) * 100 : .infinity
        return (lo, Swift.max(lo, hi))
    }

    init(
        hundredths x: Int64, interval: ClosedRange<Double>, of total: Estimate, inputs: [FigureStatus],
        published: DecimalNumber?
    ) {
        self.published = published
        let t = Int128(total.level.hundredths)
        if t > 0 {
            computed = DecimalNumber.quotient(Int128(x) * 100, t, places: Self.dataPlaces)
            self.interval = interval
        }
        if let published {
            value = published
            status = .published
        } else if let iv = self.interval, let point = DecimalNumber.quotient(Int128(x) * 100, t, places: Self.places) {
            // Rounded once, from the exact quotient (never from the four-place figure).
            if Growth.holds(iv, places: Self.places) {
                value = point
                status = FigureStatus.combining(inputs)
            } else {
                withheld =
                    "computed \(point.description)% lies anywhere in "
                    + "\(RateQuote.percentText(iv.lowerBound)) … \(RateQuote.percentText(iv.upperBound))% "
                    + "given the rounding of its levels, and no share was published"
            }
        }
    }
}

extension Growth {
    /// Whether every value of `interval` rounds to the same figure at `places` (half away from zero):
    /// a number computed from rounded inputs is printed at that precision only then.
    public static func holds(_ interval: ClosedRange<Double>, places: Int) -> Bool {
        guard interval.lowerBound.isFinite, interval.upperBound.isFinite else { return false }
        return roundedPercent(interval.lowerBound, places: places).isNumericallyEqual(
            to: roundedPercent(interval.upperBound, places: places))
    }
}
