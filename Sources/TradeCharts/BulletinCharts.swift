import TradeCore

/// Builds the five chart kinds from bulletin figures: the data, a title that states the finding, the
/// subtitle, notes and a generated description. Charts read a ``FigureBook`` through the analytics;
/// they never touch the store.
public struct BulletinCharts {
    /// The figures.
    public let book: FigureBook
    /// Language and size.
    public let theme: ChartTheme
    let calculator: BulletinCalculator
    let words: Words

    /// Creates a builder.
    public init(book: FigureBook, theme: ChartTheme) {
        self.book = book
        self.theme = theme
        calculator = BulletinCalculator(resolver: LevelResolver(book: book))
        words = Words(language: theme.language)
    }

    var yi: MonetaryUnit { MonetaryUnit(.cny, .hundredMillion) }

    func key(_ sector: String, _ flow: Flow, region: String = "CN") -> SeriesKey {
        SeriesKey(region: region, sector: sector, flow: flow, currency: .cny)
    }

    func level(_ e: Estimate?) -> Double? {
        e.map { Double($0.level.decimal(in: yi, places: 2).mantissa) / 100 }
    }

    /// What a level is and the levels in 亿元 its rounding allows (the chart CSV's status).
    func basis(_ e: Estimate?) -> PlottedBasis? {
        e.map { PlottedBasis(status: $0.status, interval: (Double($0.lower) / 1e10)...(Double($0.upper) / 1e10)) }
    }

    /// What a quoted rate is and the rates the rounding of its levels allows; `nil` when none is quoted.
    func basis(_ q: RateQuote) -> PlottedBasis? {
        q.value == nil ? nil : PlottedBasis(status: q.status ?? .computed, interval: q.interval)
    }

    /// A level in 亿元 as the bulletin's text and tables state it: rounded half away from zero to the step
    /// of its finest input (at least 0.1 亿元, MOFCOM's precision), and a level no release prints (a
    /// balance of "2.91" and "3.68 trillion", 0.76–0.78 万亿元) coarsened to what its interval allows
    /// (−8000, as the text's "0.8万亿元" and the table's −8000, never −7700.0); exports ± imports of published
    /// figures at 0.1 亿元 keep 0.1 (MOFCOM prints its own balances so: ``TradeCore/StatedLevel/isIdentity(_:)``).
    func statedLevel(_ e: Estimate?) -> Double? {
        guard let e else { return nil }
        let step =
            e.status > .published && !StatedLevel.isIdentity(e)
            ? StatedLevel.honestResolution(e.resolution, halfWidth: e.halfWidth)
            : StatedLevel.step(resolution: e.resolution)
        let h = e.level.hundredths
        let q = (h.magnitude + UInt64(step) / 2) / UInt64(step) * UInt64(step)
        return (h < 0 ? -1 : 1) * Double(q) / 10_000_000_000
    }

    // MARK: - (a) combo

    /// Year-to-date totals of a sector and flow (bars) with their year-on-year growth (line), from
    /// January of `fromYear` through `through`.
    public func combo(
        sector: String = "S", flow: Flow = .total, fromYear: Int, through: Period, layout: ComboChart.Layout = .dualAxis
    ) -> ComboChart {
        var points: [ComboChart.Point] = []
        var derived = 0
        var missingSpans: [PeriodSpan] = []
        var computedRates: [(PeriodSpan, FigureStatus)] = []
        var withheldRates: [(PeriodSpan, ClosedRange<Double>)] = []
        var values: [Estimate?] = []
        for year in fromYear...through.year {
            for month in 2...12 {
                guard let p = Period(year: year, month: month), p <= through else { continue }
                let span = PeriodSpan.yearToDate(through: p)
                let row = calculator.row(key(sector, flow), span)
                if let o = row.value?.origin, o != .published { derived += 1 }
                if row.value == nil { missingSpans.append(span) }
                values.append(row.value)
                let rateStatus = row.yearOnYear.value == nil ? nil : row.yearOnYear.status
                if let rateStatus, rateStatus != .published { computedRates.append((span, rateStatus)) }
                if row.yearOnYear.withheld != nil, let iv = row.yearOnYear.interval { withheldRates.append((span, iv)) }
                points.append(
                    .init(
                        label: words.ytdAxis(month), shortLabel: words.ytdAxisShort(month), year: year,
                        value: level(row.value), rate: row.yearOnYear.value?.doubleValue,
                        rateComputed: rateStatus.map { $0 != .published } ?? false,
                        rateDecimals: row.yearOnYear.source == .published ? row.yearOnYear.value?.places : nil,
                        valueBasis: basis(row.value), rateBasis: basis(row.yearOnYear), period: span))
            }
        }
        let latestSpan = PeriodSpan.yearToDate(through: through)
        let latest = calculator.row(key(sector, flow), latestSpan)
        let name =
            words.zh
            ? (sector == "S" ? "服务进出口总额" : words.sector(sector))
            : (sector == "S" ? "Services trade" : words.sector(sector))
        let title: String
        if let r = latest.yearOnYear.value {
            title =
                words.zh
                ? "\(words.span(latestSpan))\(name)\(words.growthWords(r))"
                : "\(name) \(words.growthWords(r)) in \(words.span(latestSpan))"
        } else {
            title = words.zh ? "\(words.span(latestSpan))\(name)" : "\(name), \(words.span(latestSpan))"
        }
        let first = PeriodSpan.yearToDate(through: Period(year: fromYear, month: 2) ?? through)
        let subtitle =
            words.zh
            ? "\(name)（1月至当月累计）及同比增速，\(words.span(first))至\(words.span(latestSpan))"
            : "Year-to-date value (CNY 100 million) and YoY growth, \(words.span(first)) – \(words.span(latestSpan))"
        var notes: [String] = []
        if !missingSpans.isEmpty || derived > 0 {
            // Name the empty periods (up to three, then how many more).
            let named = missingSpans.prefix(3).map { words.span($0) }
            let more = missingSpans.count - named.count
            let list =
                named.joined(separator: words.zh ? "、" : ", ")
                + (more > 0 ? (words.zh ? "等\(missingSpans.count)期" : " and \(more) more") : "")
            var parts: [String] = []
            if !missingSpans.isEmpty { parts.append(words.zh ? "\(list)无数据，留空" : "no figures for \(list)") }
            if derived > 0 {
                let english =
                    derived == 1
                    ? "one total is a sum of published parts" : "\(derived) totals are sums of published parts"
                parts.append(words.zh ? "\(derived)个累计值由公布的分项相加" : english)
            }
            notes.append(
                words.zh ? "注：" + parts.joined(separator: "；") + "。" : "Note: " + parts.joined(separator: "; ") + ".")
        }
        if let note = computedRatesNote(computedRates) { notes.append(note) }
        if let note = withheldRatesNote(withheldRates) { notes.append(note) }
        // The latest bar is labelled with the decimals its level was published with (6.58 trillion
        // yuan: 65,800, not 65,800.0).
        let decimals = values.compactMap { $0 }.last?.printablePlaces(in: yi, limit: 1) ?? 0
        let latestValue =
            latest.value.map { v in theme.number(level(v) ?? 0, decimals: v.printablePlaces(in: yi, limit: 1) ?? 0) }
            ?? "–"
        let rateText =
            latest.yearOnYear.value.map {
                theme.growth($0.doubleValue, decimals: latest.yearOnYear.source == .published ? $0.places : 1)
            } ?? "–"
        let description =
            words.zh
            ? "组合图：柱形为\(name)（1月至当月累计，亿元），折线为累计同比增速（%，右轴）。\(words.span(latestSpan))总额\(latestValue)亿元，同比\(rateText)。\(extremes(points))资料来源：商务部。"
            : "Combination chart: bars show \(name.lowercased()) year to date (CNY 100 million), the line shows year-on-year growth (%, right axis). \(words.span(latestSpan)): \(latestValue), \(rateText). \(extremes(points))Source: MOFCOM."
        return ComboChart(
            points: points,
            valueLegend: layout == .dualAxis
                ? (words.zh ? "总额（亿元，左轴）" : "Value (CNY 100 million, left)")
                : (words.zh ? "总额（亿元，上图）" : "Value (CNY 100 million, top)"),
            rateLegend: layout == .dualAxis
                ? (words.zh ? "累计同比增速（%，右轴）" : "YoY growth (%, right)")
                : (words.zh ? "累计同比增速（%，下图）" : "YoY growth (%, bottom)"),
            valueUnit: words.unit, yearLabel: { [zh = words.zh] y in zh ? "\(y)年" : String(y) },
            valueDecimals: decimals,
            layout: layout,
            text: ChartText(
                title: title, subtitle: subtitle, notes: notes, source: words.source, description: description))
    }

    /// The note naming the growth rates drawn that were not published (◆ on the line), by what they
    /// are, or `nil` when every rate drawn was published.
    func computedRatesNote(_ rates: [(PeriodSpan, FigureStatus)]) -> String? {
        guard !rates.isEmpty else { return nil }
        let zh = words.zh
        var parts: [String] = []
        for status in FigureStatus.allCases where status != .published {
            let spans = rates.filter { $0.1 == status }.map { words.span($0.0) }
            guard !spans.isEmpty else { continue }
            let list = spans.joined(separator: zh ? "、" : ", ")
            switch status {
            case .computed: parts.append(zh ? "\(list)由公布的金额计算" : "\(list) computed from published values")
            case .derived:
                parts.append(zh ? "\(list)由不同期公布的累计数推算" : "\(list) derived from totals of different releases")
            default:
                parts.append(
                    zh ? "\(list)以由公布增速反推的基数计算" : "\(list) computed on a base implied by published rates")
            }
        }
        return zh
            ? "◆ 未公布的增速：" + parts.joined(separator: "；") + "。"
            : "◆ Growth not published: " + parts.joined(separator: "; ") + "."
    }

    /// The note naming the growth rates left off the line because the rounding of their inputs leaves
    /// the first decimal open (``TradeCore/RateQuote/withheld``), with the interval each lies in, or `nil`.
    /// January–September 2024: the bases implied by exports' 15.3% and imports' "14%" (14.0) put total
    /// growth anywhere in 14.48 … 14.58%.
    func withheldRatesNote(_ rates: [(PeriodSpan, ClosedRange<Double>)]) -> String? {
        guard !rates.isEmpty else { return nil }
        let zh = words.zh
        let items = rates.map { span, iv in
            let lo = Growth.roundedPercent(iv.lowerBound).trimmedDescription
            let hi = iv.upperBound.isFinite ? Growth.roundedPercent(iv.upperBound).trimmedDescription : "∞"
            return zh ? "\(words.span(span))（计算值在\(lo)%至\(hi)%之间）" : "\(words.span(span)) (\(lo) … \(hi)%)"
        }
        return zh
            ? "增速未列：" + items.joined(separator: "、") + "，输入数经四舍五入，无法确定到小数点后一位。"
            : "Growth not shown for " + items.joined(separator: ", ")
                + ": the rounding of the published inputs leaves its first decimal open."
    }

    /// The highest and lowest growth drawn; "among the periods shown" when some period has no rate (a
    /// rate left off or never published may have been higher or lower: 2025-10's chart lacks January–August
    /// 2025, whose published 7.4% is below the drawn low of 7.5%).
    func extremes(_ points: [ComboChart.Point]) -> String {
        let rated = points.enumerated().compactMap { i, p in p.rate.map { (i, $0) } }
        guard let hi = rated.max(by: { $0.1 < $1.1 }), let lo = rated.min(by: { $0.1 < $1.1 }) else { return "" }
        let a = points[hi.0], b = points[lo.0]
        let high = theme.growth(hi.1, decimals: a.rateDecimals ?? 1)
        let low = theme.growth(lo.1, decimals: b.rateDecimals ?? 1)
        let partial = rated.count < points.count
        return words.zh
            ? (partial ? "在有增速的期间中，" : "")
                + "增速最高为\(a.year)年\(a.label)的\(high)，最低为\(b.year)年\(b.label)的\(low)。"
            : (partial ? "Among the periods with a growth rate, growth" : "Growth")
                + " peaked at \(high) (\(a.label) \(a.year)) and was lowest at \(low) (\(b.label) \(b.year)). "
    }
}
