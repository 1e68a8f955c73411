/// Computes every bulletin figure of a series over a span from a ``LevelResolver``.
///
/// Definitions (<doc:Methodology>): year-on-year growth matched on the calendar span, never on
/// row position (§1.2); comparable bases (§1.3); growth against a base year and the n-year average
/// (§1.4); shares and their change (§1.5); contributions and contribution rates (§1.6); balances
/// (§1.7). Every rate is computed from unrounded levels and rounded once, half away from zero.
public struct BulletinCalculator {
    /// Where levels come from.
    public let resolver: LevelResolver
    /// The comparison year for ``BulletinRow/versusBase`` and ``BulletinRow/averageGrowth``.
    public var baseYear: Int?

    /// Creates a calculator.
    public init(resolver: LevelResolver, baseYear: Int? = nil) {
        self.resolver = resolver
        self.baseYear = baseYear
    }

    var book: FigureBook { resolver.book }

    // MARK: - Year on year

    /// The quoted year-on-year rate and the comparable base that goes with it.
    public func yearOnYear(_ key: SeriesKey, _ span: PeriodSpan) -> (RateQuote, base: Estimate?) {
        yearOnYear(key, span, depth: 0)
    }

    func yearOnYear(_ key: SeriesKey, _ span: PeriodSpan, depth: Int) -> (RateQuote, base: Estimate?) {
        // A dollar rate is the publisher's wherever it was read (a reporter converting at a spot rate has
        // none to give: ``FigureStatus/ofStoredFigure(currency:source:hasOwnRate:publisher:hosts:)``).
        let published = book.figure(key, span)?.rates.yearOnYear
        guard let current = resolver.estimate(key, span) else {
            return (RateQuote.choose(computed: nil, interval: nil, published: published), nil)
        }
        if key.flow == .balance {
            return balanceYearOnYear(key, span, current: current, published: published, depth: depth)
        }
        // A series made of parts (a group, excluding travel, exports + imports) whose parts' rates
        // rest on bases the agency restated has no comparable base in the stored year-ago levels:
        // the parts' implied bases are its base (January–July 2024: excluding travel 6.6% on the
        // first-printed 2023 levels is not comparable with the published 14.7%).
        let restatedParts = depth < 3 && partsRestated(key, span, depth: depth + 1)
        var computedBase =
            restatedParts
            ? memberBase(key, span, depth: depth + 1)
            : resolver.estimate(key, span.yearAgo) ?? (depth < 3 ? memberBase(key, span, depth: depth + 1) : nil)
        // A group's stored year-ago level that disagrees, beyond the rounding of both, with its parts'
        // comparable bases (total services less travel as first printed against the revised total) is
        // not the base of the parts' rates: their bases are.
        if !restatedParts, depth < 3, let stored = computedBase,
            resolver.sectors.sector(code: key.sector)?.members != nil,
            let fromParts = memberBase(key, span, depth: depth + 1),
            (stored.level.hundredths - fromParts.level.hundredths).magnitude
                > UInt64(stored.halfWidth.magnitude + fromParts.halfWidth.magnitude)
        {
            computedBase = fromParts
        }
        let growth = computedBase.flatMap { Growth.percent(current, over: $0) }
        let inputs = FigureStatus.combining([current.status] + (computedBase.map { [$0.status] } ?? []))
        let quote = RateQuote.choose(computed: growth?.0, interval: growth?.1, published: published, inputs: inputs)
        if quote.source == .published, let p = quote.published, let implied = Growth.impliedBase(current, rate: p) {
            return (quote, implied)
        }
        return (quote, computedBase)
    }

    /// The comparable base of a series: see ``yearOnYear(_:_:)``.
    public func comparableBase(_ key: SeriesKey, _ span: PeriodSpan) -> Estimate? {
        yearOnYear(key, span).base
    }

    /// The parts of a series whose bases must agree with its own: a group's members and excluded
    /// items, or the exports and imports of a total or a balance.
    func parts(of key: SeriesKey) -> [(SeriesKey, Int64)] {
        if let s = resolver.sectors.sector(code: key.sector), let members = s.members {
            return members.map {
                (SeriesKey(region: key.region, sector: $0, flow: key.flow, currency: key.currency), 1)
            }
                + s.excluded.map {
                    (SeriesKey(region: key.region, sector: $0, flow: key.flow, currency: key.currency), -1)
                }
        }
        guard key.flow == .total || key.flow == .balance else { return [] }
        return [
            (.init(region: key.region, sector: key.sector, flow: .export, currency: key.currency), 1),
            (
                .init(region: key.region, sector: key.sector, flow: .import, currency: key.currency),
                key.flow == .total ? 1 : -1
            ),
        ]
    }

    /// Whether any part of `key` is quoted at a published rate on the agency's own base
    /// (``RateQuote/restsOnAgencyBase``).
    func partsRestated(_ key: SeriesKey, _ span: PeriodSpan, depth: Int) -> Bool {
        parts(of: key).contains { yearOnYear($0.0, span, depth: depth).0.restsOnAgencyBase }
    }

    /// The base of a group or a total built from its parts' comparable bases (excluding travel: the
    /// base of total services minus the base of travel; <doc:Methodology>).
    func memberBase(_ key: SeriesKey, _ span: PeriodSpan, depth: Int) -> Estimate? {
        let parts = parts(of: key)
        guard !parts.isEmpty else { return nil }
        var bases: [(Estimate, Int64)] = []
        for (k, sign) in parts {
            guard let b = yearOnYear(k, span, depth: depth).base else { return nil }
            bases.append((b, sign))
        }
        return Estimate.combine(bases, origin: .impliedByRate)
    }

    func balanceYearOnYear(
        _ key: SeriesKey, _ span: PeriodSpan, current: Estimate, published: DecimalNumber?, depth: Int
    )
        -> (RateQuote, base: Estimate?)
    {
        // Exports or imports quoted on a restated base: the balance a year ago as first printed is not
        // comparable; the parts' implied bases are (January–July 2024).
        let restated = depth < 3 && partsRestated(key, span, depth: depth + 1)
        var prior = restated ? nil : resolver.estimate(key, span.yearAgo)
        if prior == nil, !restated, let change = book.figure(key, span)?.rates.balanceChange,
            let f = book.figure(key, span)
        {
            let hw = (f.roundingHalfWidth ?? 0)
            prior = Estimate(
                level: Level(hundredths: current.level.hundredths - change.hundredths),
                halfWidth: current.halfWidth + hw, origin: .impliedByChange, unit: current.unit,
                sources: current.sources,
                status: max(.implied, current.status))
            prior?.trace = current.trace
        }
        if prior == nil, depth < 3 {
            let x = yearOnYear(
                SeriesKey(region: key.region, sector: key.sector, flow: .export, currency: key.currency), span,
                depth: depth + 1
            ).base
            let m = yearOnYear(
                SeriesKey(region: key.region, sector: key.sector, flow: .import, currency: key.currency), span,
                depth: depth + 1
            ).base
            if let x, let m { prior = Estimate.combine([(x, 1), (m, -1)], origin: .impliedByRate) }
        }
        guard let prior else { return (RateQuote.choose(computed: nil, interval: nil, published: published), nil) }
        let sameSign = (current.level.hundredths < 0) == (prior.level.hundredths < 0)
        guard sameSign, prior.level.hundredths != 0 else {
            // A sign change has no percentage (<doc:Methodology>).
            return (
                RateQuote(
                    value: nil, source: nil, computed: nil, interval: nil, published: published, isBaseRestated: false),
                prior
            )
        }
        let size = { (e: Estimate) in
            var s = e
            s.level = Level(hundredths: abs(e.level.hundredths))
            return s
        }
        let growth = Growth.percent(size(current), over: size(prior))
        let inputs = FigureStatus.combining([current.status, prior.status])
        return (RateQuote.choose(computed: growth?.0, interval: growth?.1, published: published, inputs: inputs), prior)
    }

    // MARK: - Rows

    /// All figures of one series over one span.
    public func row(_ key: SeriesKey, _ span: PeriodSpan) -> BulletinRow {
        var row = BulletinRow(key: key, span: span)
        row.value = resolver.estimate(key, span)
        if row.value == nil { row.valueWithheld = resolver.incoherenceReason(key, span) }
        if let v = row.value, v.origin != .published, let d = resolver.direct(key, span), d.status == .published {
            row.publishedValue = d
        }
        let (quote, base) = yearOnYear(key, span)
        row.yearOnYear = quote
        row.prior = base
        if span.isYearToDate, span.end.month > 2 {
            let previous = PeriodSpan.yearToDate(through: span.end.advanced(by: -1))
            if let now = quote.value, let before = yearOnYear(key, previous).0.value {
                // A computed difference, no finer than the coarser rate (``Growth/difference(_:_:)``):
                // January–April 2021 imports −10.0 ("下降10%") after −13.5 is 3.5 points.
                row.yearOnYearChange = Growth.difference(now, before)
            }
        }
        if let baseYear, baseYear < span.start.year { addBaseYear(&row, baseYear) }
        if key.flow == .balance {
            addBalance(&row)
        } else {
            addShareAndContribution(&row)
        }
        if key.flow == .total { addGap(&row) }
        if span.isMonth { addMonthFigures(&row) }
        return row
    }

    func addBaseYear(_ row: inout BulletinRow, _ year: Int) {
        row.baseYear = year
        let n = row.span.start.year - year
        let figure = book.figure(row.key, row.span)
        let publishedVersus = year == 2019 ? figure?.rates.versus2019 : nil
        let publishedAverage = n == 2 && year == 2019 ? figure?.rates.twoYearAverage : nil
        let base = resolver.estimate(row.key, row.span.shifted(years: -n))
        var growth: (DecimalNumber, ClosedRange<Double>)?
        var average: (DecimalNumber, ClosedRange<Double>)?
        if let v = row.value, let base, row.key.flow != .balance {
            growth = Growth.percent(v, over: base)
            average = Growth.averagePercent(v, over: base, years: n)
        }
        let inputs = FigureStatus.combining([row.value?.status, base?.status].compactMap { $0 })
        row.versusBase = RateQuote.choose(
            computed: growth?.0, interval: growth?.1, published: publishedVersus, inputs: inputs)
        row.averageGrowth = RateQuote.choose(
            computed: average?.0, interval: average?.1, published: publishedAverage, inputs: inputs)
        if row.averageGrowth.value == nil, row.versusBase.source == .published, let v = row.versusBase.value,
            let derived = Growth.averagePercent(fromGrowth: v, years: n)
        {
            row.averageGrowth = RateQuote(
                value: derived.0, source: .fromPublishedRate, computed: derived.0, interval: derived.1, published: nil,
                isBaseRestated: false, status: .computed)
        }
    }

    /// The parent a share and a contribution refer to: total services of the same flow, or the nation.
    func parent(of key: SeriesKey) -> SeriesKey? {
        if key.sector != "S" {
            return SeriesKey(region: key.region, sector: "S", flow: key.flow, currency: key.currency)
        }
        if let r = resolver.regions.region(code: key.region), r.kind == .basis { return nil }
        if key.region != Regions.nation.code {
            return SeriesKey(region: Regions.nation.code, sector: key.sector, flow: key.flow, currency: key.currency)
        }
        return nil
    }

    func addShareAndContribution(_ row: inout BulletinRow) {
        let published = book.figure(row.key, row.span)?.rates
        guard let parentKey = parent(of: row.key) else { return }
        let parentValue = resolver.estimate(parentKey, row.span)
        if let published = published?.share {
            // Published beats derived: the share as printed.
            row.share = published
            row.shareStatus = .published
        } else if let v = row.value, let t = parentValue, t.level.hundredths > 0 {
            // Computed from the levels, printed only when their rounding allows one figure (``ShareQuote``).
            let quote = ShareQuote(part: v, of: t)
            if let share = quote.value {
                row.share = share
                row.shareStatus = quote.status
            } else {
                row.shareWithheld = quote.withheld
            }
        } else {
            row.share = published?.share
            row.shareStatus = row.share == nil ? nil : .published
        }
        let parentQuote = yearOnYear(parentKey, row.span)
        let parentBase = parentQuote.base
        // A share change and a contribution compare the part's base with the parent's: both as first
        // printed, or both restated by the agency; a mixture would not add up (January–July 2024:
        // 15.3 points of contributions against 14.7% growth).
        let partRestated = row.yearOnYear.restsOnAgencyBase || partsRestated(row.key, row.span, depth: 1)
        let parentRestated = parentQuote.0.restsOnAgencyBase || partsRestated(parentKey, row.span, depth: 1)
        if row.prior != nil, parentBase != nil, partRestated != parentRestated {
            row.contributionWithheld =
                "the \(parentRestated ? "total's" : "part's") base was restated by the agency "
                + "(published rate outside what the first-printed levels allow) and the "
                + "\(parentRestated ? "part's" : "total's") was not: the two bases are not comparable"
        } else if let v = row.value, let t = parentValue,
            case let (b?, tb?) = comparableBases(row, parentKey, parentBase, restated: partRestated),
            t.level.hundredths > 0,
            tb.level.hundredths > 0
        {
            let x = Int128(v.level.hundredths), bx = Int128(b.level.hundredths)
            let tt = Int128(t.level.hundredths), bt = Int128(tb.level.hundredths)
            // s_t − s_{t−1} = (x/T − b/B) × 100, exactly.
            row.shareChange = DecimalNumber.quotient((x * bt - bx * tt) * 100, tt * bt, places: 1)
            row.contributionExact = ExactRatio((x - bx) * 100, bt)
            if tt != bt { row.contributionRate = DecimalNumber.quotient((x - bx) * 100, tt - bt, places: 1) }
            row.shareChangeStatus = FigureStatus.combining([v.status, t.status, b.status, tb.status])
            row.contributionStatus = row.shareChangeStatus
        }
        if let publishedChange = published?.shareChange {
            row.shareChange = publishedChange
            row.shareChangeStatus = .published
        } else if row.shareChange == nil {
            row.shareChange = published?.shareChange
            row.shareChangeStatus = row.shareChange == nil ? nil : .published
        }
    }

    /// The part's and the parent's year-ago levels for a share change and a contribution, of one kind:
    /// when neither rests on a base the agency restated, the stored year-ago levels of both (a base
    /// implied by the part's published rate beside the parent's first-printed level mixes two
    /// vintages: January–April 2022's knowledge-intensive share change came out −4.9 from 7328 and
    /// 15644.5, where either basis alone gives −4.8); else the comparable bases of the rates.
    func comparableBases(_ row: BulletinRow, _ parentKey: SeriesKey, _ parentBase: Estimate?, restated: Bool) -> (
        Estimate?, Estimate?
    ) {
        if !restated, let part = resolver.estimate(row.key, row.span.yearAgo),
            let parent = resolver.estimate(parentKey, row.span.yearAgo)
        {
            return (part, parent)
        }
        return (row.prior, parentBase)
    }

    /// The part of a year-ago balance a restatement may move before a published balance change that
    /// disagrees with the two balances is withheld: a tenth. In the shipped record the published changes
    /// differ from `B_t − B_{t−1}` by at most 1.2% of the base the growth rate uses (January–July 2020),
    /// and bases as first printed were restated by up to 5.1% (January–June 2017: 8969.6亿元, 8508.4亿元
    /// behind the 26.6亿元 narrowing of 2018); a misprinted change is off by a third (January–August
    /// 2021: "515.62 billion yuan less" is the 2020 deficit itself; the balances give 343.95 bn).
    public static let restatementAllowance: Int64 = 10

    /// Why a published balance change cannot stand beside the balance and its year-ago balance, or
    /// `nil` when it can: it must equal `B_t − B_{t−1}` within the two balances' rounding and a
    /// ``restatementAllowance`` part of `|B_{t−1}|`. A prior implied by the change itself proves nothing.
    public static func contradiction(_ published: Level, _ current: Estimate, _ prior: Estimate) -> String? {
        guard prior.origin != .impliedByChange else { return nil }
        let change = current.level.hundredths - prior.level.hundredths
        let gap = (published.hundredths - change).magnitude
        let allowed =
            UInt64(current.halfWidth + prior.halfWidth) + prior.level.hundredths.magnitude
            / UInt64(restatementAllowance)
        guard gap > allowed else { return nil }
        let yi = MonetaryUnit(current.unit.currency, .hundredMillion)
        func text(_ l: Level) -> String { l.formatted(in: yi, places: 1) }
        return
            "published balance change \(text(published)) contradicts the balances \(text(current.level)) and "
            + "\(text(prior.level)) a year earlier (difference \(text(Level(hundredths: change)))) by more than "
            + "their rounding and a restatement of a tenth of the earlier balance, \(yi): withheld"
    }

    /// Why the published balance change of a balance is withheld (``contradiction(_:_:_:)`` against the
    /// balance and the year-ago balance its growth rate uses), or `nil` when it stands or none was
    /// published: what `table` and the bulletin leave blank, and the default exports leave out.
    public func balanceChangeWithheld(_ key: SeriesKey, _ span: PeriodSpan) -> String? {
        guard key.flow == .balance, let published = book.figure(key, span)?.rates.balanceChange,
            let current = resolver.estimate(key, span), let prior = yearOnYear(key, span).base
        else { return nil }
        return Self.contradiction(published, current, prior)
    }

    func addBalance(_ row: inout BulletinRow) {
        guard let v = row.value else { return }
        if let published = book.figure(row.key, row.span)?.rates.balanceChange {
            if let p = row.prior, let why = Self.contradiction(published, v, p) {
                row.balanceChangeWithheld = why
            } else {
                row.balanceChange = published
                row.balanceChangeStatus = .published
            }
        } else if let p = row.prior {
            row.balanceChange = Level(hundredths: v.level.hundredths - p.level.hundredths)
            row.balanceChangeStatus = FigureStatus.combining([v.status, p.status])
        }
        guard let p = row.prior else { return }
        let now = v.level.hundredths, before = p.level.hundredths
        switch (before >= 0, now >= 0) {
        case (true, false): row.balanceMovement = .surplusToDeficit
        case (false, true): row.balanceMovement = .deficitToSurplus
        case (true, true):
            row.balanceMovement = now > before ? .surplusWidened : now < before ? .surplusNarrowed : .unchanged
        case (false, false):
            row.balanceMovement = now < before ? .deficitWidened : now > before ? .deficitNarrowed : .unchanged
        }
    }

    func addGap(_ row: inout BulletinRow) {
        let x = yearOnYear(
            SeriesKey(region: row.key.region, sector: row.key.sector, flow: .export, currency: row.key.currency),
            row.span
        ).0.value
        let m = yearOnYear(
            SeriesKey(region: row.key.region, sector: row.key.sector, flow: .import, currency: row.key.currency),
            row.span
        ).0.value
        // No finer than the coarser rate: 23.2 − (−10.0) is 33.2, as the release prints it.
        if let x, let m { row.exportImportGap = Growth.difference(x, m) }
    }

    func addMonthFigures(_ row: inout BulletinRow) {
        let month = row.span.start
        if let v = row.value, let previous = resolver.estimate(row.key, PeriodSpan(month: month.advanced(by: -1))),
            month.month > 1, let g = Growth.percent(v, over: previous)
        {
            if (g.1.upperBound - g.1.lowerBound) / 2 > RateQuote.maximumHalfWidth + 1e-9 {
                row.monthOnMonthWithheld =
                    "month on month lies anywhere in \(RateQuote.percentText(g.1.lowerBound)) … "
                    + "\(RateQuote.percentText(g.1.upperBound))% given the rounding of the two months"
            } else {
                row.monthOnMonth = g.0
                row.monthOnMonthStatus = FigureStatus.combining([v.status, previous.status])
            }
        }
        if let direct = resolver.direct(row.key, row.span), month.month > 1,
            let end = resolver.cumulative(row.key, through: month),
            let before = resolver.cumulative(row.key, through: month.advanced(by: -1)),
            end.origin == .published || before.origin == .published
        {
            let derived = end.level.hundredths - before.level.hundredths
            let revision = direct.level.hundredths - derived
            // A difference within the rounding of the three levels is no revision anyone can state:
            // April 2021: 4061.9 against 15644.5 − 1.16 万亿元 ("17.4") is within ±50 亿元.
            let rounding = direct.halfWidth.magnitude + end.halfWidth.magnitude + before.halfWidth.magnitude
            if revision.magnitude > rounding { row.impliedRevision = Level(hundredths: revision) }
        }
    }
}

extension DecimalNumber {
    /// Exact difference at the larger of the two places.
    public func subtracting(_ other: DecimalNumber) -> DecimalNumber {
        let p = max(places, other.places)
        let a = rescaled(to: p)?.mantissa ?? mantissa
        let b = other.rescaled(to: p)?.mantissa ?? other.mantissa
        return DecimalNumber(mantissa: a - b, places: p)
    }
}
