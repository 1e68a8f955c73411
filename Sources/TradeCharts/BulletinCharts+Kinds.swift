import TradeCore

extension BulletinCharts {
    // MARK: - (b) lines

    /// Exports, imports and balance for the same January-to-month span of each year.
    public func lines(fromYear: Int, through: Period) -> LineChart {
        let years = Array(fromYear...through.year)
        let spans = years.map { PeriodSpan.yearToDate(through: Period(year: $0, month: through.month) ?? through) }
        func estimates(_ flow: Flow) -> [Estimate?] {
            spans.map { calculator.resolver.estimate(key("S", flow), $0) }
        }
        let ex = estimates(.export), im = estimates(.import), ba = estimates(.balance)
        let x = ex.map(statedLevel), m = im.map(statedLevel), b = ba.map(statedLevel)
        let zh = words.zh
        let series = [
            LineChart.Series(name: zh ? "出口" : "Exports", color: ChartTheme.blue, values: x, bases: ex.map(basis)),
            LineChart.Series(
                name: zh ? "进口" : "Imports", color: ChartTheme.vermillion, values: m, bases: im.map(basis)),
            LineChart.Series(
                name: zh ? "差额" : "Balance", color: ChartTheme.neutral, dash: "5 3", values: b, bases: ba.map(basis)),
        ]
        let periodName =
            through.month == 12
            ? (zh ? "全年" : "full year") : (zh ? "1-\(through.month)月" : "Jan–\(Words.monthsEN[through.month - 1])")
        // The finding: how the latest balance compares with the year before. Only the year before: across
        // a gap in the figures the claim would skip the years between (2025 "larger than 2022" while it
        // shrank from 2024).
        var title = zh ? "服务贸易进出口与差额" : "Services exports, imports and balance"
        if let lastIndex = b.lastIndex(where: { $0 != nil }), let last = b[lastIndex], lastIndex > 0,
            case let prevIndex = lastIndex - 1, let prev = b[prevIndex], last < 0, prev < 0
        {
            let narrowed = abs(last) < abs(prev)
            title =
                zh
                ? "\(years[lastIndex])年\(periodName)服务贸易逆差较\(years[prevIndex])年\(narrowed ? "收窄" : "扩大")"
                : "Deficit in \(through.month == 12 ? "" : periodName + " ")\(years[lastIndex]) \(narrowed ? "smaller" : "larger") than in \(years[prevIndex])"
        }
        let subtitle =
            zh
            ? "中国服务出口、进口及差额（\(periodName)累计，亿元），\(fromYear)-\(through.year)年"
            : "Exports, imports and balance, \(periodName), CNY 100 million, \(fromYear)–\(through.year)"
        var notes: [String] = []
        // Say exactly which series lack a figure in which years (2019 may have its balance only).
        var gaps: [([String], [String])] = []  // (years, series) for series sharing the same missing years
        for (values, name) in [(x, zh ? "出口" : "exports"), (m, zh ? "进口" : "imports"), (b, zh ? "差额" : "balance")] {
            let missing = years.indices.filter { values[$0] == nil }.map { String(years[$0]) }
            guard !missing.isEmpty else { continue }
            if let j = gaps.firstIndex(where: { $0.0 == missing }) {
                gaps[j].1.append(name)
            } else {
                gaps.append((missing, [name]))
            }
        }
        if !gaps.isEmpty {
            let parts = gaps.map { missing, names in
                zh
                    ? "\(missing.joined(separator: "、"))年无\(names.joined(separator: "、"))数"
                    : "no \(names.count > 2 ? names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "") : names.joined(separator: " or ")) for \(missing.joined(separator: ", "))"
            }
            notes.append(
                zh ? "注：\(parts.joined(separator: "，"))，线条留空。" : "Note: \(parts.joined(separator: ", ")).")
        }
        let lastText: String
        if let i = x.lastIndex(where: { $0 != nil }), let xv = x[i], let mv = m[i] {
            // As stated: 23581.5, 20000 (published as 2万亿元), −8000 (worked out from 万亿元 figures).
            func stated(_ v: Double) -> String { theme.number(v, decimals: v == v.rounded() ? 0 : 1) }
            let bv = b[i].map(stated) ?? "–"
            lastText =
                zh
                ? "\(years[i])年出口\(stated(xv))亿元，进口\(stated(mv))亿元，差额\(bv)亿元。"
                : "In \(years[i]): exports \(stated(xv)), imports \(stated(mv)), balance \(bv) (CNY 100 million). "
        } else {
            lastText = ""
        }
        let description =
            zh
            ? "折线图：\(fromYear)-\(through.year)年各年\(periodName)服务出口（蓝）、进口（橙红）及差额（灰色虚线），亿元。\(lastText)资料来源：商务部。"
            : "Line chart of services exports (blue), imports (vermillion) and the balance (grey, dashed), \(periodName) of each year \(fromYear)–\(through.year), CNY 100 million. \(lastText)Source: MOFCOM."
        return LineChart(
            xLabels: years.map(String.init), series: series, unit: words.unit,
            text: ChartText(
                title: title, subtitle: subtitle, notes: notes, source: words.source, description: description))
    }

    // MARK: - (c) ranking

    /// Sectors by year-on-year growth of the January-to-month total (or month), or pilot localities
    /// by value (illustrative panel).
    public func ranking(through: Period, flow: Flow = .total, by: BulletinQuery.Breakdown = .sector) -> RankingChart {
        let zh = words.zh
        let span = PeriodSpan.yearToDate(through: through)
        if by == .region {
            let codes = Regions.standard.pilots(batch: 2020).map(\.code)
            let items: [RankingChart.Item] = codes.compactMap { code in
                level(calculator.resolver.estimate(key("S", flow, region: code), span)).map {
                    .init(label: words.region(code), value: $0, basis: .illustrative($0))
                }
            }
            let top = items.max { $0.value < $1.value }
            let title =
                zh
                ? "示意：\(words.span(span))试点地区中\(top?.label ?? "")服务贸易额最高"
                : "Illustrative: \(top?.label ?? "") leads the pilot localities"
            let subtitle =
                zh
                ? "\(Regions.standard.pilots(batch: 2020).count)个试点地区服务进出口额，\(words.span(span))累计，亿元"
                : "Services trade of the 28 pilot localities, \(words.span(span)), CNY 100 million"
            let description =
                (zh ? "条形图：各试点地区服务进出口额，按大小排序。" : "Bar chart of services trade by pilot locality, sorted by value. ")
                + items.sorted { $0.value > $1.value }.prefix(3).map {
                    "\($0.label) \(theme.number($0.value, decimals: 1))"
                }.joined(separator: zh ? "，" : ", ")
                + (zh ? "。示意数据。资料来源：svctrade generate。" : ". Illustrative data. Source: svctrade generate.")
            var chart = RankingChart(
                items: items, format: { [theme] v in theme.number(v, decimals: 1) },
                text: ChartText(
                    title: title, subtitle: subtitle,
                    notes: [
                        words.illustrative,
                        zh
                            ? "注：西咸新区、贵安新区与所在城市范围重叠。"
                            : "Note: Xixian and Gui'an new areas overlap the cities they adjoin.",
                    ],
                    source: zh ? "资料来源：svctrade generate（示意数据）" : "Source: svctrade generate (illustrative)",
                    description: description))
            chart.unit = zh ? "亿元" : "CNY 100 million"
            return chart
        }
        var items: [RankingChart.Item] = []
        var usedSpan = span
        let universe = Sectors.standard.partition(of: "S").map(\.code)
        var compared = ComparedSet(universe: universe, compared: [])
        for candidate in [span, PeriodSpan(month: through)] {
            let rated = universe.compactMap { code in
                let quote = calculator.yearOnYear(key(code, flow), candidate).0
                return quote.value.map {
                    (code, $0, quote.status != .published, quote.source == .published, basis(quote))
                }
            }
            // A rate quoted as the agency's keeps its printed places ("40%" is +40%, not +40.0%).
            items = rated.map {
                .init(
                    label: words.sector($0.0), value: $0.1.doubleValue, computed: $0.2,
                    decimals: $0.3 ? $0.1.places : nil, basis: $0.4)
            }
            compared = ComparedSet(universe: universe, compared: rated.map(\.0))
            usedSpan = candidate
            if items.count >= 3 { break }
        }
        // "Grew fastest" is a claim over every category (``RankingClaim``): with some categories
        // unpublished the title says what was compared instead.
        let top = compared.isComplete ? items.max { $0.value < $1.value } : nil
        let flowName =
            zh ? ["total": "进出口", "export": "出口", "import": "进口", "balance": "差额"][flow.rawValue] ?? "" : flow.rawValue
        let title: String
        if !compared.isComplete, !items.isEmpty {
            title =
                zh
                ? "\(words.span(usedSpan))公布增速的\(items.count)个服务领域\(flowName)增速（共\(universe.count)个领域）"
                : "Growth of the \(items.count) of \(universe.count) service categories with a published rate, \(words.span(usedSpan))"
        } else if let top {
            title =
                zh
                ? "\(words.span(usedSpan))\(top.label)\(flowName)\(top.value < 0 ? "降幅最小" : "增长最快")"
                : "\(top.label) grew fastest in \(words.span(usedSpan))"
        } else {
            title = zh ? "各领域服务\(flowName)增速" : "Growth by service category"
        }
        let subtitle =
            zh
            ? "主要服务领域\(flowName)同比增速，\(words.span(usedSpan))，%"
            : "Year-on-year growth of \(flow.rawValue) by service category, \(words.span(usedSpan)), %"
        let description =
            (zh ? "条形图：各服务领域\(flowName)同比增速，按高低排序。" : "Bar chart of year-on-year growth by service category, sorted. ")
            + items.sorted { $0.value > $1.value }.map {
                "\($0.label) \(theme.growth($0.value, decimals: $0.decimals ?? 1))"
            }.joined(
                separator: zh ? "，" : ", ")
            + (zh ? "。资料来源：商务部。" : ". Source: MOFCOM.")
        let computedItems = items.filter(\.computed).map(\.label)
        var chart = RankingChart(
            items: items, format: { [theme] v in theme.growth(v) },
            formatPrinted: { [theme] v, d in theme.growth(v, decimals: d) },
            text: ChartText(
                title: title, subtitle: subtitle,
                notes: [
                    zh
                        ? "注：仅列出有公布增速或可由公布数计算增速的领域。"
                        : "Note: only categories with a published or computable rate are shown."
                ]
                    + (computedItems.isEmpty
                        ? []
                        : [
                            zh
                                ? "◆ 未公布的增速（由公布数计算）：\(computedItems.joined(separator: "、"))。"
                                : "◆ Growth not published (computed by svctrade): \(computedItems.joined(separator: ", "))."
                        ]),
                source: words.source, description: description))
        chart.unit = "%"
        return chart
    }

    // MARK: - (d) composition

    /// Shares of knowledge-intensive services, travel and the rest in total services, by year. Each
    /// share is stated as MOFCOM published it, else as computed from the published levels when their
    /// rounding allows one figure at 0.1 (``ShareQuote``); a share that could round either way is drawn
    /// but neither labelled nor put in the title or the CSV.
    public func composition(fromYear: Int, toYear: Int) -> CompositionChart {
        let zh = words.zh
        var columns: [String] = []
        var quotes: [[ShareQuote]] = [[], [], []]  // knowledge-intensive, travel, other
        var skipped: [String] = []
        for year in fromYear...toYear {
            guard let dec = Period(year: year, month: 12) else { continue }
            let span = PeriodSpan.yearToDate(through: dec)
            guard let t = calculator.resolver.estimate(key("S", .total), span),
                let k = calculator.resolver.estimate(key("KIS", .total), span),
                let d = calculator.resolver.estimate(key("SD", .total), span), t.level.hundredths > 0
            else {
                skipped.append(String(year))
                continue
            }
            let published = { (code: String) in self.book.figure(self.key(code, .total), span)?.rates.share }
            columns.append(zh ? "\(year)年" : String(year))
            quotes[0].append(ShareQuote(part: k, of: t, published: published("KIS")))
            quotes[1].append(ShareQuote(part: d, of: t, published: published("SD")))
            quotes[2].append(ShareQuote(restOf: [k, d], in: t))
        }
        let names = zh ? ["知识密集型", "旅行", "其他"] : ["Knowledge-intensive", "Travel", "Other"]
        let colors = [ChartTheme.blue, ChartTheme.orange, ChartTheme.other]
        let segments = quotes.indices.map { i in
            CompositionChart.Segment(
                name: names[i], color: colors[i], shares: quotes[i].map { $0.computed?.doubleValue ?? 0 },
                values: quotes[i].map { $0.value?.doubleValue },
                labels: quotes[i].map { q in q.value.map { theme.number($0.doubleValue, decimals: $0.places) } },
                decimals: quotes[i].map { $0.value?.places },
                bases: quotes[i].map { q in
                    q.value == nil ? nil : PlottedBasis(status: q.status ?? .computed, interval: q.range)
                })
        }
        let title = compositionTitle(quotes[0], columns: columns)
        let subtitle =
            zh
            ? "服务进出口总额构成（全年），%，\(columns.first ?? "")-\(columns.last ?? "")"
            : "Composition of services trade, full year, %, \(columns.first ?? "")–\(columns.last ?? "")"
        let description =
            (zh
                ? "百分比堆积柱形图：知识密集型服务、旅行服务和其他服务占服务进出口总额的比重。"
                : "100% stacked columns: shares of knowledge-intensive services, travel and other services in total services trade. ")
            + columns.indices.map { i in
                "\(columns[i]) " + segments.map { $0.labels[i] ?? "–" }.joined(separator: "/") + "%"
            }.joined(separator: zh ? "；" : "; ")
            + (zh ? "。资料来源：商务部。" : ". Source: MOFCOM.")
        return CompositionChart(
            columns: columns, segments: segments,
            text: ChartText(
                title: title, subtitle: subtitle,
                notes: compositionNotes(quotes, segments: segments, columns: columns, skipped: skipped),
                source: words.source, description: description))
    }

    /// The finding of a composition chart: where the knowledge-intensive share stands in the last
    /// year, and whether it is above or below the first year's beyond the rounding of both. Only shares
    /// the chart prints are compared: a share that could round either way is neither stated nor
    /// compared (January–October 2025's chart says 41.4% in 2023, not that it "fell", since 2021's
    /// share is not printed), and without a printed last share the title states no finding.
    func compositionTitle(_ kis: [ShareQuote], columns: [String]) -> String {
        let zh = words.zh
        guard kis.count > 1, let first = kis.first, let last = kis.last, let year = columns.last,
            let v = last.value, let b = last.range
        else { return zh ? "服务贸易构成" : "Composition of services trade" }
        let share = theme.number(v.doubleValue, decimals: v.places)
        if first.value != nil, let a = first.range, b.upperBound < a.lowerBound || b.lowerBound > a.upperBound {
            let higher = b.lowerBound > a.upperBound
            return zh
                ? "\(year)知识密集型服务占比\(higher ? "升至" : "降至")\(share)%"
                : "Knowledge-intensive share \(higher ? "rose" : "fell") to \(share)% in \(year)"
        }
        return zh ? "\(year)知识密集型服务占比为\(share)%" : "Knowledge-intensive share \(share)% in \(year)"
    }

    /// The notes of a composition chart: years left out, which shares are published and which
    /// computed, the years not labelled, and labels that do not add up to 100.
    func compositionNotes(
        _ quotes: [[ShareQuote]], segments: [CompositionChart.Segment], columns: [String], skipped: [String]
    ) -> [String] {
        let zh = words.zh
        let list = { (items: [String]) in items.joined(separator: zh ? "、" : ", ") }
        var notes: [String] = []
        if !skipped.isEmpty {
            notes.append(
                zh
                    ? "注：\(list(skipped))年缺少分项公布数，未列出。"
                    : "Note: \(list(skipped)) \(skipped.count == 1 ? "lacks published components and is" : "lack published components and are") not shown."
            )
        }
        let published = quotes.indices.compactMap { i -> String? in
            let years = columns.indices.filter { quotes[i][$0].status == .published }.map { columns[$0] }
            guard !years.isEmpty else { return nil }
            return zh ? "\(segments[i].name)（\(list(years))）" : "\(segments[i].name.lowercased()) \(list(years))"
        }
        let withheld = columns.indices.filter { c in quotes.contains { $0[c].value == nil } }.map { columns[$0] }
        var parts: [String] = []
        parts.append(
            published.isEmpty
                ? (zh ? "占比由商务部公布的金额计算" : "shares computed from MOFCOM's published values")
                : zh
                    ? "\(list(published))占比为商务部公布数，其余由公布的金额计算"
                    : "shares as MOFCOM published them for \(list(published)), the rest computed from its published values"
        )
        if !withheld.isEmpty {
            parts.append(
                zh
                    ? "未标注数值处，公布数经四舍五入，占比无法确定到小数点后一位（\(list(withheld))）"
                    : "no label where the rounding of the published values leaves a share's first decimal open (\(list(withheld)))"
            )
        }
        if !CompositionChart.columnsNotAddingUp(segments).isEmpty {
            parts.append(zh ? "因四舍五入，合计可能不等于100" : "labels may not add to 100 because of rounding")
        }
        let lead = skipped.isEmpty ? (zh ? "注：" : "Note: ") : ""
        let text = parts.joined(separator: zh ? "；" : "; ") + (zh ? "。" : ".")
        notes.append(lead + (zh || !skipped.isEmpty ? text.prefix(1).uppercased() + text.dropFirst() : text))
        return notes
    }

    // MARK: - (e) small multiples

    /// The ten largest pilot localities (illustrative panel): monthly services trade as an index of
    /// the first year's monthly average (= 100), on one shared scale (chart spec (e): levels that
    /// differ more than 5× are indexed, not drawn on free scales). Every month of the window is
    /// drawn; a locality without all twelve months of the base year has no index and an empty panel.
    public func multiples(fromYear: Int, through: Period) -> SmallMultiples {
        let zh = words.zh
        guard let start = Period(year: fromYear, month: 1), start <= through else {
            return SmallMultiples(
                panels: [], firstLabel: "", lastLabel: "", reference: 100,
                text: ChartText(title: "", subtitle: "", source: "", description: ""))
        }
        let months = (start.index...through.index).compactMap(Period.init(index:))
        let baseMonths = (1...12).compactMap { Period(year: fromYear, month: $0) }
        let span = PeriodSpan.yearToDate(through: through)
        let ranked = Regions.standard.pilots(batch: 2020).map(\.code).compactMap { code -> (String, Double)? in
            level(calculator.resolver.estimate(key("S", .total, region: code), span)).map { (code, $0) }
        }.sorted { $0.1 > $1.1 }.prefix(10)
        var panels: [SmallMultiples.Panel] = []
        for (code, _) in ranked {
            let monthly = { (p: Period) in
                self.calculator.resolver.estimate(self.key("S", .total, region: code), PeriodSpan(month: p))?.level
                    .hundredths
            }
            let base = baseMonths.map(monthly)
            // Index = 100 × month ÷ (base-year sum ÷ 12), exact, rounded once to 0.1 half away from zero.
            let baseSum = base.count == 12 && base.allSatisfy { $0 != nil } ? base.compactMap { $0 }.reduce(0, +) : 0
            let values = months.map { p -> Double? in
                guard baseSum > 0, let v = monthly(p) else { return nil }
                return DecimalNumber.quotient(Int128(v) * 1200, Int128(baseSum), places: 1)?.doubleValue
            }
            panels.append(.init(title: words.region(code), values: values))
        }
        let latest = panels.compactMap { $0.values.last.flatMap { $0 } }
        let above = latest.count { $0 >= 100 }
        let lastMonth = words.span(PeriodSpan(month: through))
        // The finding: how many localities the latest month puts above their base-year average.
        let count = latest.count
        let title =
            zh
            ? (above == count
                ? "示意：\(lastMonth)前\(count)个试点地区均高于\(fromYear)年月均"
                : "示意：\(lastMonth)前\(count)个试点地区中\(above)个高于\(fromYear)年月均")
            : (above == count
                ? "Illustrative: all \(count) localities above \(fromYear) = 100"
                : above == 0
                    ? "Illustrative: none of \(count) localities above \(fromYear) = 100"
                    : "Illustrative: \(above) of \(count) localities above \(fromYear) = 100")
        let subtitle =
            zh
            ? "前10个试点地区服务进出口额，月度，指数（\(fromYear)年月均=100），\(words.span(PeriodSpan(month: start)))至\(lastMonth)"
            : "Services trade by month, index (\(fromYear) monthly average = 100), \(words.span(PeriodSpan(month: start))) – \(lastMonth)"
        let order =
            zh
            ? "注：按\(words.span(span))累计额由大到小排列；各小图坐标相同，横线为100。"
            : "Note: ordered by \(words.span(span)) value, largest first; one scale; the line marks 100."
        let description =
            (zh
                ? "小多图：10个试点地区服务进出口月度指数（\(fromYear)年月均=100），灰线为其他地区。"
                : "Small multiples: monthly services trade of ten pilot localities as an index (\(fromYear) monthly average = 100); grey lines show the other localities. ")
            + panels.map { p in
                "\(p.title) \(p.values.last.flatMap { $0 }.map { theme.number($0, decimals: 1) } ?? "–")"
            }.joined(separator: zh ? "，" : ", ")
            + (zh ? "。示意数据，资料来源：svctrade generate。" : ". Illustrative data; source: svctrade generate.")
        var chart = SmallMultiples(
            panels: panels, firstLabel: String(fromYear), lastLabel: String(through.year), reference: 100,
            text: ChartText(
                title: title, subtitle: subtitle, notes: [words.illustrative, order],
                source: zh ? "资料来源：svctrade generate（示意数据）" : "Source: svctrade generate (illustrative)",
                description: description))
        chart.xLabels = months.map(\.description)
        chart.unit = zh ? "指数（\(fromYear)年月均=100）" : "index (\(fromYear) monthly average = 100)"
        return chart
    }
}
