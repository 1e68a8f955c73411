/// Every figure a bulletin states about one series over one span.
public struct BulletinRow: Sendable, Equatable {
    /// What a balance did (<doc:Methodology>): sizes compare only when the sign is kept.
    public enum BalanceMovement: String, Sendable, Codable {
        case surplusWidened = "surplus-widened", surplusNarrowed = "surplus-narrowed"
        case deficitWidened = "deficit-widened", deficitNarrowed = "deficit-narrowed"
        case surplusToDeficit = "surplus-to-deficit", deficitToSurplus = "deficit-to-surplus"
        case unchanged
    }

    /// The series.
    public var key: SeriesKey
    /// The span.
    public var span: PeriodSpan
    /// The level.
    public var value: Estimate?
    /// Why ``value`` is empty although a level can be derived (``LevelResolver/incoherenceReason(_:_:)``).
    public var valueWithheld: String?
    /// The level the agency printed for exactly this series and span, when ``value`` is another,
    /// better-known candidate (January–April 2022: "1.9 trillion" published, 19074.9 from exports +
    /// imports). Press text read out as the release quotes this one.
    public var publishedValue: Estimate?
    /// The comparable prior-year level behind the growth rate: the stored level a year earlier when
    /// the computed rate is quoted, else the base implied by the published rate.
    public var prior: Estimate?
    /// Year-on-year growth; on a balance, the change of its size.
    public var yearOnYear: RateQuote = .none
    /// Change of a cumulative growth rate versus the previous cumulative period, percentage points.
    public var yearOnYearChange: DecimalNumber?
    /// The comparison year (`--vs-year`).
    public var baseYear: Int?
    /// Growth versus the same span of `baseYear`.
    public var versusBase: RateQuote = .none
    /// Average annual growth since `baseYear` (the two-year average in 2021 against 2019).
    public var averageGrowth: RateQuote = .none
    /// Share in the parent (a sector in total services of the same flow, a region in the nation), percent.
    public var share: DecimalNumber?
    /// Why ``share`` is empty although the levels are known: the shares their rounding allows do not
    /// round to one figure (``ShareQuote``).
    public var shareWithheld: String?
    /// Change of that share versus a year earlier, percentage points (comparable bases).
    public var shareChange: DecimalNumber?
    /// Contribution to the parent's growth, percentage points (拉动), to 0.01 (rounded once from
    /// ``contributionExact``).
    public var contribution: DecimalNumber? { contributionExact?.rounded(places: 2) }
    /// The contribution as an exact ratio of the levels, `(x_t − x_{t−1}) × 100 / T_{t−1}`: round it
    /// once at the precision printed (a bulletin's 0.1 point: 14.846 prints 14.8, never 14.85 → 14.9).
    public var contributionExact: ExactRatio?
    /// Why the share change and contribution are not given although the levels are known: the part's
    /// and the parent's bases are not on the same basis (one restated by the agency, the other as
    /// first printed).
    public var contributionWithheld: String?
    /// Contribution rate: share of the parent's increase, percent (贡献率).
    public var contributionRate: DecimalNumber?
    /// Month-on-month change of a single month, percent, not seasonally adjusted.
    public var monthOnMonth: DecimalNumber?
    /// For a month also derivable from two year-to-date totals: published month minus derived month;
    /// empty when the difference lies within the rounding of the three levels.
    public var impliedRevision: Level?
    /// For a balance: `B_t − B_{t−1}` (a smaller deficit is positive).
    public var balanceChange: Level?
    /// What ``balanceChange`` is: published with the balance, or computed from the two balances.
    public var balanceChangeStatus: FigureStatus?
    /// Why the published balance change is not given: it contradicts the balance and the year-ago
    /// balance beyond rounding and restatement (``BulletinCalculator/contradiction(_:_:_:)``).
    public var balanceChangeWithheld: String?
    /// For a balance: what it did.
    public var balanceMovement: BalanceMovement?
    /// For a total: export growth minus import growth, percentage points.
    public var exportImportGap: DecimalNumber?
    /// What ``share`` is (published share, or computed/derived from the levels behind it).
    public var shareStatus: FigureStatus?
    /// What ``shareChange`` is: published, or the least quotable status of the levels and bases
    /// behind it.
    public var shareChangeStatus: FigureStatus?
    /// What ``contribution`` and ``contributionRate`` are: the least quotable status of the levels and
    /// bases behind them (never published: the release prints a share change, not a contribution;
    /// January–April 2021's knowledge-intensive 6.27 points rest on bases implied by the rates).
    public var contributionStatus: FigureStatus?
    /// What ``monthOnMonth`` is (derived when the previous month is the difference of two totals).
    public var monthOnMonthStatus: FigureStatus?
    /// Why ``monthOnMonth`` is not given although both months are known (too coarse to be a point).
    public var monthOnMonthWithheld: String?

    /// Creates an empty row.
    public init(key: SeriesKey, span: PeriodSpan) {
        self.key = key
        self.span = span
    }
}

/// An exact ratio of two integers, rounded half away from zero only when it is printed.
public struct ExactRatio: Sendable, Equatable, Hashable {
    /// Numerator.
    public var numerator: Int128
    /// Denominator, never zero.
    public var denominator: Int128

    /// Creates a ratio; `nil` for a zero denominator.
    public init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The ratio rounded half away from zero to `places` decimals, once.
    public func rounded(places: Int) -> DecimalNumber? {
        DecimalNumber.quotient(numerator, denominator, places: places)
    }
}
