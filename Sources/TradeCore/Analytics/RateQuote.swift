#if canImport(Glibc)
    import Glibc  // pow only: the n-year average's root
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which figure a quoted rate is.
public enum RateSource: String, Sendable, Codable {
    /// Computed from the store's levels.
    case computed
    /// As published.
    case published
    /// Derived from another published rate (a two-year average from the published growth versus 2019).
    case fromPublishedRate = "from-published-rate"
}

/// A growth rate as it should be quoted, with the computed and published values behind it.
///
/// Rule (<doc:Methodology>): quote the computed rate when no rate was published, or when it
/// equals the published one at publication precision and its interval (from the rounding of the
/// levels) is no wider than that precision; otherwise quote the published rate. The base is
/// **restated** exactly when the published rate lies outside the interval the rounded levels allow
/// (widened by the published rate's own rounding, ``Growth/halfWidth(of:)``: ±0.05 for "下降10%" and
/// "增长23.2%" alike, the agency's trailing ".0" dropped).
public struct RateQuote: Sendable, Equatable {
    /// The rate to quote, percent: a computed rate rounded half away from zero to 0.1, a published
    /// one exactly as the agency printed it (`-10` for "下降10%", never `-10.0`: the padded zero would
    /// claim a precision of ±0.05 the agency did not publish). Print it with `description`.
    public var value: DecimalNumber?
    /// Which one it is.
    public var source: RateSource?
    /// The computed rate at 0.1, when the levels allow it.
    public var computed: DecimalNumber?
    /// The interval of the computed rate allowed by the rounding of its inputs, percent.
    public var interval: ClosedRange<Double>?
    /// The published rate.
    public var published: DecimalNumber?
    /// The published rate lies outside the interval: the agency used a restated (comparable) base.
    public var isBaseRestated: Bool
    /// What the quoted rate is: ``FigureStatus/published``, or the least quotable status of the levels
    /// it was computed from (at least ``FigureStatus/computed``).
    public var status: FigureStatus?
    /// Why no rate is quoted although one was computed: its interval is wider than ±``maximumHalfWidth``.
    public var withheld: String?

    /// Creates a quote.
    public init(
        value: DecimalNumber?, source: RateSource?, computed: DecimalNumber?, interval: ClosedRange<Double>?,
        published: DecimalNumber?, isBaseRestated: Bool, status: FigureStatus? = nil, withheld: String? = nil
    ) {
        self.value = value
        self.source = source
        self.computed = computed
        self.interval = interval
        self.published = published
        self.isBaseRestated = isBaseRestated
        self.status = status ?? (value == nil ? nil : source == .published ? .published : .computed)
        self.withheld = withheld
    }

    /// Whether the quoted rate is the agency's and the stored levels do not give it: the agency's
    /// comparable base is then not the year-ago level as first printed, and every difference, share
    /// change or contribution built on this series must use the base implied by the rate
    /// (``Growth/impliedBase(_:rate:)``), never the stored one. True for a restated base
    /// (``isBaseRestated``) and for a published rate the rounding of the levels would have let pass
    /// but that differs from the computed one (January–July 2024 total services: 14.7% published,
    /// 15.4% from the 2023 levels as first printed).
    public var restsOnAgencyBase: Bool {
        guard source == .published, let p = published else { return false }
        guard let c = computed else { return true }
        return !c.isNumericallyEqual(to: p)
    }

    /// Nothing known.
    public static let none = RateQuote(
        value: nil, source: nil, computed: nil, interval: nil, published: nil, isBaseRestated: false)

    /// A computed rate is printed as a point only when its interval (from the rounding of its inputs)
    /// is no wider than ±0.15 percentage points; otherwise the published rate is quoted, or none.
    public static let maximumHalfWidth = 0.15

    /// Applies the quote rule to a computed rate (with interval) and a published one; `inputs` is the
    /// least quotable status of the levels the computed rate rests on.
    public static func choose(
        computed: DecimalNumber?, interval: ClosedRange<Double>?, published: DecimalNumber?,
        inputs: FigureStatus = .computed
    ) -> RateQuote {
        var q = RateQuote(
            value: nil, source: nil, computed: computed, interval: interval, published: published, isBaseRestated: false
        )
        if let p = published, let iv = interval {
            let pv = p.doubleValue, half = Growth.halfWidth(of: p)
            q.isBaseRestated = pv + half < iv.lowerBound - 1e-9 || pv - half > iv.upperBound + 1e-9
        }
        guard let p = published else {
            if let c = computed, let iv = interval, (iv.upperBound - iv.lowerBound) / 2 > maximumHalfWidth + 1e-9 {
                q.withheld =
                    "computed \(c.trimmedDescription)% lies anywhere in \(Self.percentText(iv.lowerBound)) … \(Self.percentText(iv.upperBound))% "
                    + "given the rounding of its inputs (wider than ±\(maximumHalfWidth)), and no rate was published"
                return q
            }
            q.value = computed
            q.source = computed == nil ? nil : .computed
            q.status = computed == nil ? nil : FigureStatus.combining([inputs])
            return q
        }
        let precision = 1 / pow10(max(1, p.places))
        if let c = computed, let iv = interval, c.isNumericallyEqual(to: p),
            iv.upperBound - iv.lowerBound <= precision + 1e-9
        {
            q.value = c
            q.source = .computed
            // The same number the agency printed: quoting it states a published figure.
            q.status = .published
        } else {
            // At the places the agency printed it: an integer rate is not padded to 0.1.
            q.value = p
            q.source = .published
            q.status = .published
        }
        return q
    }

    static func percentText(_ x: Double) -> String {
        guard x.isFinite else { return x > 0 ? "∞" : "−∞" }
        return Growth.roundedPercent(x).trimmedDescription
    }
}

/// Growth arithmetic on exact levels (<doc:Methodology>–1.4).
public enum Growth {
    /// The places a published rate is known to: at least one. MOFCOM and SAFE print percentages to one
    /// decimal and drop a trailing ".0" (domain reference §1.8: "进口…下降10%", "出口…增长18%"), so "下降10%"
    /// is −10.0, known to ±0.05 like "增长23.2%"; the release itself gives the gap as 23.2 − (−10.0) =
    /// "33.2个百分点" [MOF-0603].
    public static func precisionPlaces(of rate: DecimalNumber) -> Int { max(1, rate.places) }

    /// The half width of a published rate's rounding, percentage points (``precisionPlaces(of:)``):
    /// "下降10%" and "增长23.2%" are each ±0.05.
    public static func halfWidth(of rate: DecimalNumber) -> Double { 0.5 / pow10(precisionPlaces(of: rate)) }

    /// The difference of two quoted rates (a change in growth, the export–import gap), no finer than the
    /// coarser of the two (``precisionPlaces(of:)``): 23.2 − (−10) is 33.2, as the agency printed it;
    /// rounded half away from zero once from the exact difference.
    public static func difference(_ a: DecimalNumber, _ b: DecimalNumber) -> DecimalNumber {
        let d = a.subtracting(b)
        return d.rounded(places: min(precisionPlaces(of: a), precisionPlaces(of: b), max(1, d.places)))
    }

    /// `(current / base − 1) × 100`, rounded once to `places`, with the interval allowed by both
    /// inputs' rounding. `nil` when the base is not positive (and, for non-negative flows, when the
    /// current level is negative).
    public static func percent(_ current: Estimate, over base: Estimate, places: Int = 1) -> (
        DecimalNumber, ClosedRange<Double>
    )? {
        let c = Int128(current.level.hundredths), b = Int128(base.level.hundredths)
        guard b > 0, c >= 0 else { return nil }
        guard let rate = DecimalNumber.quotient((c - b) * 100, b, places: places) else { return nil }
        let lo: Double, hi: Double
        if base.lower > 0 {
            lo = (Double(current.lower) / Double(base.upper) - 1) * 100
            hi = (Double(current.upper) / Double(base.lower) - 1) * 100
        } else {
            lo = -100
            hi = .infinity
        }
        return (rate, lo...hi)
    }

    /// The n-year average growth `((current / base)^(1/n) − 1) × 100`, e.g. the 2021 two-year average
    /// against 2019 (NBS definition, geometric mean; <doc:Methodology>), with its interval.
    /// Computed from unrounded levels; rounded once.
    public static func averagePercent(_ current: Estimate, over base: Estimate, years n: Int) -> (
        DecimalNumber, ClosedRange<Double>
    )? {
        guard n > 0, base.level.hundredths > 0, current.level.hundredths >= 0 else { return nil }
        let f = { (c: Double, b: Double) in (pow(c / b, 1 / Double(n)) - 1) * 100 }
        let point = f(Double(current.level.hundredths), Double(base.level.hundredths))
        let lo = base.upper > 0 ? f(Double(max(0, current.lower)), Double(base.upper)) : -100
        let hi = base.lower > 0 ? f(Double(current.upper), Double(base.lower)) : .infinity
        return (roundedPercent(point), lo...hi)
    }

    /// The n-year average implied by a growth over n years (`(1 + g)^(1/n) − 1`), with the interval
    /// from `g`'s rounding (``halfWidth(of:)``), rounded once to 0.1.
    public static func averagePercent(fromGrowth g: DecimalNumber, years n: Int) -> (
        DecimalNumber, ClosedRange<Double>
    )? {
        guard n > 0 else { return nil }
        let step = halfWidth(of: g)
        let f = { (x: Double) in (pow(1 + x / 100, 1 / Double(n)) - 1) * 100 }
        let v = g.doubleValue
        guard v - step > -100 else { return nil }
        return (roundedPercent(f(v)), f(v - step)...f(v + step))
    }

    /// Rounds a binary percentage to 0.1 half away from zero, through its 12-digit decimal form so that
    /// binary noise cannot flip a tie.
    public static func roundedPercent(_ x: Double, places: Int = 1) -> DecimalNumber {
        let scaled = (x * 1e9).rounded(.toNearestOrAwayFromZero)
        let d = DecimalNumber(mantissa: Int64(scaled), places: 9)
        return d.rounded(places: places)
    }

    /// The comparable base implied by a published growth rate: `X_t / (1 + g)`, with the interval from
    /// the level's and the rate's rounding (``halfWidth(of:)``; <doc:Methodology>). The half width covers
    /// both ends of that interval, which is not centred on the point: 8182.4亿元 after "下降10%" (−10.0)
    /// implies 9091.6, anywhere in 8182.35 / 0.9005 … 8182.45 / 0.8995 = 9086.45 … 9096.67, so ±5.2亿元.
    public static func impliedBase(_ current: Estimate, rate g: DecimalNumber) -> Estimate? {
        // base = X * 10^(p+2) / (10^(p+2) + g_mantissa), g = g_mantissa / 10^p percent.
        let scale = pow10Int(g.places + 2)
        let denominator = scale + Int128(g.mantissa)
        guard denominator > 0 else { return nil }
        let x = Int128(current.level.hundredths)
        let base = DecimalNumber.divideRoundingHalfAway(x * scale, denominator)
        let step = halfWidth(of: g)
        let gv = g.doubleValue
        guard gv - step > -100 else { return nil }
        let lo = Double(current.lower) / (1 + (gv + step) / 100)
        let hi = Double(current.upper) / (1 + (gv - step) / 100)
        guard let b = Int64(exactly: base), lo.isFinite, hi.isFinite else { return nil }
        let hw = Int64(max(Double(b) - lo, hi - Double(b)).rounded(.up))
        var implied = Estimate(
            level: Level(hundredths: b), halfWidth: hw, origin: .impliedByRate, unit: current.unit,
            sources: current.sources,
            resolution: current.resolution, status: max(.implied, current.status))
        implied.trace = current.trace
        return implied
    }
}
