/// Finds the level of any series over any span to quote from what was published and imported.
///
/// Candidates (command reference, "figures": published beats derived; <doc:Methodology>):
/// 1. the level published for exactly that series and span, or a month of an imported panel;
/// 2. the sum of the span's months, only when every month is present (an incomplete quarter or
///    half is refused, never summed);
/// 3. the difference of two year-to-date totals, `C(y,m) − C(y,m0−1)` (status ``FigureStatus/derived``:
///    the Jan–Feb release makes March `C(3) − C(2)` and leaves February alone underivable);
/// 4. exports + imports for a total, exports − imports for a balance;
/// 5. a group's members (KIS), a total minus an excluded item (excluding travel), the children of an
///    EBOPS parent, or the localities of a pilot aggregate with overlapping new areas left out.
///
/// **Published beats derived.** A published level is quoted unless another candidate lies inside its
/// rounding interval, is more precise, and is itself ``FigureStatus/published`` or
/// ``FigureStatus/computed``: then it is the same figure, better known (exports + imports 19074.9 ± 0.1
/// replaces a total published as "1.9 trillion", ±500 亿元). A candidate outside the published
/// interval never replaces it (April 2022: published 4502 亿元 stands against 4505.0 from two
/// year-to-date releases; the gap is the implied revision), and neither does a derived one. Without a
/// published level, the most precise candidate wins, published-status inputs first on ties.
public struct LevelResolver {
    /// The figures.
    public let book: FigureBook
    /// Sector codelist (groups and hierarchy).
    public let sectors: Sectors
    /// Region codelist (aggregates).
    public let regions: Regions
    /// Whether estimates keep their provenance (``Estimate/inputs``): on for press figures, off for
    /// large tables, where building the trees would cost more than the arithmetic.
    public var recordsInputs = true
    private let memo = Memo()

    final class Memo {
        struct Key: Hashable {
            let key: SeriesKey
            let span: PeriodSpan
        }
        var estimates: [Key: Estimate?] = Dictionary(minimumCapacity: 1024)
        var coherent: [Key: Estimate?] = Dictionary(minimumCapacity: 1024)
    }

    /// Creates a resolver.
    public init(book: FigureBook, sectors: Sectors = .standard, regions: Regions = .standard) {
        self.book = book
        self.sectors = sectors
        self.regions = regions
    }

    /// The best level of `key` over `span`, or `nil` when it cannot be known from the figures.
    ///
    /// A level derived from others (``FigureStatus/derived`` or worse) is withheld when it breaks an
    /// identity of its own period — total = exports + imports, balance = exports − imports — beyond the
    /// rounding of the levels involved (``coherentWithItsFlows(_:_:_:)``).
    public func estimate(_ key: SeriesKey, _ span: PeriodSpan) -> Estimate? {
        let mk = Memo.Key(key: key, span: span)
        if let known = memo.coherent[mk] { return known }
        var result = estimate(key, span, depth: 0)
        if let e = result, e.status >= .derived, !coherentWithItsFlows(key, span, e) { result = nil }
        memo.coherent[mk] = result
        return result
    }

    /// Why ``estimate(_:_:)`` gives no level of `key` over `span` although one can be derived: the
    /// derived level breaks an identity with the other flows of its period; `nil` otherwise.
    public func incoherenceReason(_ key: SeriesKey, _ span: PeriodSpan) -> String? {
        guard estimate(key, span) == nil, let raw = estimate(key, span, depth: 0) else { return nil }
        return
            "derived (\(raw.origin.rawValue)) but contradicts the other flows of \(span) beyond rounding (an implied revision): withheld"
    }

    /// Whether a derived level agrees, within the rounding of every level involved, with the other flows
    /// of its region, sector and period: total = exports + imports and balance = exports − imports.
    ///
    /// MOFCOM revises earlier months silently, so a month taken as the difference of two year-to-date
    /// releases can contradict a month it published on its own (April 2022: total 4502 亿元 published;
    /// exports 2193 and imports 2312 from the year-to-date releases add up to 4505). Such a derived
    /// level is not a figure anyone published or could have: it is withheld, and the published one
    /// stands with its implied revision. An identity whose levels are all published is the agency's own
    /// and is left alone. Regions with only panel months are consistent by construction and not checked.
    public func coherentWithItsFlows(_ key: SeriesKey, _ span: PeriodSpan, _ e: Estimate) -> Bool {
        guard book.hasPublishedFigures(region: key.region) else { return true }
        func level(_ flow: Flow) -> Estimate? {
            flow == key.flow
                ? e
                : estimate(
                    SeriesKey(region: key.region, sector: key.sector, flow: flow, currency: key.currency), span,
                    depth: 0)
        }
        // (result, exports, imports, sign): result = exports + sign × imports.
        let identities: [(Flow, Int64)] = [(.total, 1), (.balance, -1)]
        for (flow, sign) in identities where key.flow == flow || key.flow == .export || key.flow == .import {
            guard let r = level(flow), let x = level(.export), let m = level(.import) else { continue }
            let residual = r.level.hundredths - (x.level.hundredths + sign * m.level.hundredths)
            let slack = r.halfWidth + x.halfWidth + m.halfWidth
            if residual.magnitude > UInt64(slack) { return false }
        }
        return true
    }

    func estimate(_ key: SeriesKey, _ span: PeriodSpan, depth: Int) -> Estimate? {
        let mk = Memo.Key(key: key, span: span)
        if let known = memo.estimates[mk] { return known }
        let result = resolve(key, span, depth: depth)
        if depth == 0 || result != nil { memo.estimates[mk] = result }
        return result
    }

    private func resolve(_ key: SeriesKey, _ span: PeriodSpan, depth: Int) -> Estimate? {
        let published = direct(key, span)
        var best = published
        func consider(_ e: Estimate?) {
            guard let e else { return }
            if let p = published {
                // Only the same figure, better known, may replace a published level.
                guard e.status <= .computed, p.contains(e) else { return }
            }
            if let b = best, (b.halfWidth, b.status) <= (e.halfWidth, e.status) { return }
            best = e
        }
        if depth > 4 { return best }
        // Every other candidate is built from the book's levels, so its half width is at least the
        // book's finest: one that precise cannot be beaten (a panel month among panel months).
        if let b = best, b.halfWidth <= book.finestHalfWidth { return b }
        // A candidate of n levels has a half width of at least n × the finest: skip it when it could
        // not win (same result, less work: a component's children are not summed when its months are).
        let finest = book.finestHalfWidth
        func worth(_ n: Int) -> Bool {
            guard let b = best, finest < .max else { return true }
            let (floor, overflow) = finest.multipliedReportingOverflow(by: Int64(max(1, n)))
            if overflow { return false }
            return b.halfWidth > floor || (b.halfWidth == floor && b.status > .computed)
        }
        if !span.isMonth, worth(span.months.count) { consider(sumOfMonths(key, span)) }
        if span.start.month > 1, worth(2) { consider(cumulativeDifference(key, span)) }
        switch key.flow {
        case .total:
            if worth(2) { consider(flowCombination(key, span, sign: 1, depth: depth)) }
        case .balance:
            if worth(2) { consider(flowCombination(key, span, sign: -1, depth: depth)) }
        case .export, .import:
            break
        }
        consider(groupSum(key, span, depth: depth, worth: worth))
        consider(regionSum(key, span, depth: depth, worth: worth))
        return best
    }

    /// A published level or a panel month, with no arithmetic.
    public func direct(_ key: SeriesKey, _ span: PeriodSpan) -> Estimate? {
        if let f = book.figure(key, span), let v = f.value, let unit = f.unit {
            let status = f.storedStatus
            let input =
                recordsInputs
                ? [Estimate.Input(key: key, span: span, level: v, sign: 1, status: status, source: f.source)] : []
            return Estimate(
                level: v, halfWidth: f.roundingHalfWidth ?? 0, origin: .published, unit: unit, sources: [f.source],
                status: status, inputs: input)
        }
        if span.isMonth, let s = book.panelSeries(key) { return panelMonth(key, s, span.start) }
        return nil
    }

    private func panelMonth(_ key: SeriesKey, _ s: MonthlyPanel.Series, _ month: Period) -> Estimate? {
        guard let v = s.value(at: month) else { return nil }
        let status = s.status
        let input =
            recordsInputs
            ? [
                Estimate.Input(
                    key: key, span: PeriodSpan(month: month), level: v, sign: 1, status: status, source: s.source)
            ] : []
        return Estimate(
            level: v, halfWidth: Self.halfWidth(unit: s.unit, decimals: s.decimals), origin: .monthly, unit: s.unit,
            sources: [s.source], status: status, inputs: input)
    }

    /// The year-to-date total through `month` from direct figures only: published, or all months present.
    public func cumulative(_ key: SeriesKey, through month: Period) -> Estimate? {
        let span = PeriodSpan.yearToDate(through: month)
        if let d = direct(key, span) { return d }
        return span.isMonth ? nil : sumOfMonths(key, span)
    }

    func sumOfMonths(_ key: SeriesKey, _ span: PeriodSpan) -> Estimate? {
        if !book.hasPublishedFigures(region: key.region) {
            // Only panel months can answer: one lookup of the series instead of one per month.
            guard let s = book.panelSeries(key) else { return nil }
            var parts: [(Estimate, Int64)] = []
            parts.reserveCapacity(span.months.count)
            for m in span.months {
                guard let e = panelMonth(key, s, m) else { return nil }
                parts.append((e, 1))
            }
            return Estimate.combine(parts, origin: .sumOfMonths)
        }
        var parts: [(Estimate, Int64)] = []
        for m in span.months {
            guard let e = direct(key, PeriodSpan(month: m)) else { return nil }
            parts.append((e, 1))
        }
        return Estimate.combine(parts, origin: .sumOfMonths)
    }

    func cumulativeDifference(_ key: SeriesKey, _ span: PeriodSpan) -> Estimate? {
        guard let end = cumulative(key, through: span.end),
            let before = cumulative(key, through: span.start.advanced(by: -1))
        else { return nil }
        return Estimate.combine([(end, 1), (before, -1)], origin: .cumulativeDifference)
    }

    func flowCombination(_ key: SeriesKey, _ span: PeriodSpan, sign: Int64, depth: Int) -> Estimate? {
        let x = SeriesKey(region: key.region, sector: key.sector, flow: .export, currency: key.currency)
        let m = SeriesKey(region: key.region, sector: key.sector, flow: .import, currency: key.currency)
        guard let ex = estimate(x, span, depth: depth + 1), let im = estimate(m, span, depth: depth + 1) else {
            return nil
        }
        return Estimate.combine([(ex, 1), (im, sign)], origin: sign > 0 ? .exportsPlusImports : .exportsMinusImports)
    }

    func groupSum(_ key: SeriesKey, _ span: PeriodSpan, depth: Int, worth: (Int) -> Bool = { _ in true }) -> Estimate? {
        guard let sector = sectors.sector(code: key.sector) else { return nil }
        let origin: Estimate.Origin
        let plus: [String]
        if let members = sector.members {
            plus = members
            origin = .groupSum
        } else {
            // The children are a total only as a complete partition of it (``Sectors/partition(of:)``):
            // every category must have a level for the span, or there is no sum. Summing the reported
            // ones made July 2024's total the travel figure alone (1789.8 亿元, −66.3%).
            let children = sectors.partition(of: sector.code).map(\.code)
            guard !children.isEmpty else { return nil }
            plus = children
            origin = .sumOfChildren
        }
        guard worth(plus.count + sector.excluded.count) else { return nil }
        if depth < 4, let fast = panelGroupSum(key, span, plus: plus, minus: sector.excluded, origin: origin) {
            return fast
        }
        var parts: [(Estimate, Int64)] = []
        for code in plus {
            let k = SeriesKey(region: key.region, sector: code, flow: key.flow, currency: key.currency)
            guard let e = estimate(k, span, depth: depth + 1) else { return nil }
            parts.append((e, 1))
        }
        for code in sector.excluded {
            let k = SeriesKey(region: key.region, sector: code, flow: key.flow, currency: key.currency)
            guard let e = estimate(k, span, depth: depth + 1) else { return nil }
            parts.append((e, -1))
        }
        return Estimate.combine(parts, origin: origin)
    }

    /// A group sum straight from panel months, equal to resolving each part and combining: used when
    /// nothing else could answer for a part (the region has no published figure), every part is a
    /// panel series of exports or imports with every month of the span present, at the book's finest
    /// precision and published status. Then each part's best estimate is the sum of its months (no
    /// other candidate can be as precise or more quotable), so the parts need not be resolved one by
    /// one (a large `table --by region` spends most of its time there). `nil` hands back to the general
    /// path.
    private func panelGroupSum(
        _ key: SeriesKey, _ span: PeriodSpan, plus: [String], minus: [String], origin: Estimate.Origin
    ) -> Estimate? {
        guard !recordsInputs, key.flow == .export || key.flow == .import,
            !book.hasPublishedFigures(region: key.region)
        else { return nil }
        var total: Int64 = 0
        var halfWidth: Int64 = 0
        var resolution = Int64.max
        var unit: MonetaryUnit?
        var sources: [String] = []
        var publishedOnly = true
        for (codes, sign) in [(plus, Int64(1)), (minus, Int64(-1))] {
            for code in codes {
                let k = SeriesKey(region: key.region, sector: code, flow: key.flow, currency: key.currency)
                guard let s = book.panelSeries(k), s.status != .illustrative else { return nil }
                publishedOnly = publishedOnly && s.status == .published
                let h = Self.halfWidth(unit: s.unit, decimals: s.decimals)
                guard h == book.finestHalfWidth else { return nil }
                for m in span.months {
                    guard let v = s.value(at: m) else { return nil }
                    let (t, overflow) = total.addingReportingOverflow(sign * v.hundredths)
                    guard !overflow else { return nil }
                    total = t
                    halfWidth += h
                }
                resolution = min(resolution, max(1, 2 * h))
                if unit == nil { unit = s.unit }
                if !sources.contains(s.source) { sources.append(s.source) }
            }
        }
        guard let unit else { return nil }
        return Estimate(
            level: Level(hundredths: total), halfWidth: halfWidth, origin: origin, unit: unit, sources: sources,
            resolution: resolution, status: .computed, restsOnPublishedFiguresOnly: publishedOnly)
    }

    func regionSum(_ key: SeriesKey, _ span: PeriodSpan, depth: Int, worth: (Int) -> Bool = { _ in true }) -> Estimate?
    {
        guard let r = regions.region(code: key.region), r.kind == .aggregate, let batch = r.pilotBatches.first else {
            return nil
        }
        let members = RegionRollup.members(of: batch, in: regions)
        guard worth(members.count) else { return nil }
        var parts: [(Estimate, Int64)] = []
        for code in members {
            let k = SeriesKey(region: code, sector: key.sector, flow: key.flow, currency: key.currency)
            guard let e = estimate(k, span, depth: depth + 1) else { return nil }
            parts.append((e, 1))
        }
        return Estimate.combine(parts, origin: .sumOfRegions)
    }

    /// The rolling 12-month sum ending in `month`: `R(y,m) = C(y,m) + C(y−1,12) − C(y−1,m)`
    /// (<doc:Methodology>); `nil` unless all three totals are known (the full prior year).
    public func rollingTwelveMonths(_ key: SeriesKey, endingIn month: Period) -> Estimate? {
        guard let current = estimate(key, PeriodSpan.yearToDate(through: month)) else { return nil }
        if month.month == 12 { return current }
        guard let lastDecember = Period(year: month.year - 1, month: 12),
            let priorYear = estimate(key, PeriodSpan.yearToDate(through: lastDecember)),
            let priorPart = estimate(key, PeriodSpan.yearToDate(through: month.yearAgo))
        else { return nil }
        return Estimate.combine([(current, 1), (priorYear, 1), (priorPart, -1)], origin: .sumOfMonths)
    }

    /// Half the rounding step of a value published with `decimals` fraction digits in `unit`.
    public static func halfWidth(unit: MonetaryUnit, decimals: Int) -> Int64 {
        let shift = unit.magnitude.exponent + 2 - decimals
        return shift > 0 ? Int64(pow10Int(shift) / 2) : 0
    }
}

/// Which localities make up a pilot aggregate without double counting.
public enum RegionRollup {
    /// The localities of a pilot list to sum for the list's total: every locality except national
    /// new areas that overlap a listed city (Xixian New Area overlaps Xi'an, Gui'an New Area overlaps
    /// Guiyang), whose trade would otherwise be counted twice. The part of those new areas outside
    /// the listed cities (in Xianyang and Anshun) is then not in the total; outputs say so.
    public static func members(of batch: Int, in regions: Regions) -> [String] {
        let list = regions.pilots(batch: batch)
        let codes = Set(list.map(\.code))
        return list.filter { r in !(r.kind == .newArea && r.overlaps.contains { codes.contains($0) }) }.map(\.code)
    }

    /// The localities left out of a list's total because they overlap a listed city.
    public static func leftOut(of batch: Int, in regions: Regions) -> [String] {
        let kept = Set(members(of: batch, in: regions))
        return regions.pilots(batch: batch).map(\.code).filter { !kept.contains($0) }
    }
}
