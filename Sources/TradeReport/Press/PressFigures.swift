import TradeCore

/// The figures of a press release for one period, in one language, each with its status and provenance.
///
/// Number style (command reference, "figures"): levels as MOFCOM prints them, at the precision of their
/// best input (``LevelText``: `15644.5亿元` / `RMB1.56445 trillion`, `3.27万亿元` / `RMB3.27 trillion`);
/// rates to 0.1 with ".0" dropped and a growth word instead of a minus sign ("down 10%", "下降10%");
/// differences of rates in percentage points.
///
/// Only ``FigureStatus/published`` and ``FigureStatus/computed`` numbers fill a placeholder by default;
/// with ``allowDerived`` a derived number is let in and marked (``derivedMarker``); implied and
/// illustrative numbers never are. A number left out is listed in ``withheld`` with the reason.
public struct PressFigures: Sendable {
    /// Language of the texts (``TradeCore/Language``).
    public typealias Language = TradeCore.Language

    /// The language.
    public let language: Language
    /// The last month covered.
    public let through: Period
    /// Placeholder values (numbers and words).
    public private(set) var values: [String: String] = [:]
    /// The numbers with provenance, by placeholder.
    public private(set) var numbers: [String: PressNumber] = [:]
    /// Placeholders that do not apply to this period (a balance that kept its sign has no
    /// "turned" wording; a rising total has no "drag" item). Sentences lacking only these are not
    /// reported as missing.
    public private(set) var notApplicable: Set<String> = []
    /// Numbers known but not stated, with why (status, or too coarse to be a point).
    public private(set) var withheld: [String: String] = [:]
    /// The numbers the release itself prints: published ones, and the identities the agency prints
    /// with them (total = exports + imports and balance = exports − imports of published levels; the
    /// export–import growth gap in points when both rates are published). Every other stated number
    /// is computed from published figures and goes in the press file's block of its own
    /// (``PressRelease/computed``).
    public private(set) var inRelease: Set<String> = []
    /// Whether derived numbers may be stated (marked).
    public let allowDerived: Bool
    /// The mark after a derived number in a sentence; the note explains it.
    public static let derivedMarker = "*"

    /// English names of sectors as MOFCOM's English releases write them.
    static let englishNames: [String: String] = [
        "SA": "processing services", "SB": "maintenance and repair services", "SC": "transport services",
        "SD": "travel services", "SE": "construction services", "SF": "insurance services", "SG": "financial services",
        "SH": "charges for the use of intellectual property",
        "SI": "telecommunications, computer and information services",
        "SJ": "other business services", "SK": "personal, cultural and recreational services",
        "SL": "government services",
    ]

    var zh: Bool { language == .zh }
    static let yi = MonetaryUnit(.cny, .hundredMillion)
    static let yiUSD = MonetaryUnit(.usd, .hundredMillion)

    /// Computes every figure from the book.
    public init(book: FigureBook, through: Period, baseYear: Int?, language: Language, allowDerived: Bool = false) {
        self.language = language
        self.through = through
        self.allowDerived = allowDerived
        let calculator = BulletinCalculator(resolver: LevelResolver(book: book), baseYear: baseYear)
        let ytd = PeriodSpan.yearToDate(through: through)
        let month = PeriodSpan(month: through)
        func key(_ sector: String, _ flow: Flow) -> SeriesKey {
            SeriesKey(region: "CN", sector: sector, flow: flow, currency: .cny)
        }

        words(ytd)
        let total = calculator.row(key("S", .total), ytd)
        let exports = calculator.row(key("S", .export), ytd)
        let imports = calculator.row(key("S", .import), ytd)
        let balance = calculator.row(key("S", .balance), ytd)
        amount("total.amount", total)
        amount("export.amount", exports)
        amount("import.amount", imports)
        growth("total.growth", total)
        growth("export.growth", exports)
        growth("import.growth", imports)
        gap(exports, imports)
        balanceFigures(balance)
        if baseYear == nil {
            notApplicable.formUnion(["vs.year"] + ["total", "export", "import"].flatMap { ["\($0).vs", "\($0).avg"] })
        }
        if let y = baseYear {
            values["vs.year"] = String(y)
            for (name, row) in [("total", total), ("export", exports), ("import", imports)] {
                versus("\(name).vs", row, year: y)
                average("\(name).avg", row, years: ytd.start.year - y)
            }
        }
        // The single month.
        if !month.isYearToDate && ytd != month {
            values["month"] = zh ? "\(through.month)月份" : Self.monthNames[through.month - 1]
            for (name, flow) in [("total", Flow.total), ("export", .export), ("import", .import)] {
                let row = calculator.row(key("S", flow), month)
                amount("month.\(name).amount", row)
                growth("month.\(name).growth", row)
                if let mom = row.monthOnMonth, let status = row.monthOnMonthStatus {
                    let text = zh ? Self.growthWord(mom, zh: true) : "\(Self.growthWord(mom, zh: false)) month on month"
                    var inputs = Self.inputs(row.value)
                    if let previous = calculator.resolver.estimate(
                        key("S", flow), PeriodSpan(month: through.advanced(by: -1)))
                    {
                        inputs += Self.inputs(previous)
                    }
                    put(
                        "month.\(name).mom", text: text, value: mom.doubleValue, unit: "%", rounding: Self.rateRounding,
                        formula: "x(m) / x(m−1) − 1, not seasonally adjusted", status: status, inputs: inputs)
                } else if let why = row.monthOnMonthWithheld {
                    withheld["month.\(name).mom"] = why
                }
            }
        }
        // The same figures in US dollars, from MOFCOM's dollar levels (never converted).
        for (name, flow) in [("total", Flow.total), ("export", .export), ("import", .import)] {
            let row = calculator.row(SeriesKey(region: "CN", sector: "S", flow: flow, currency: .usd), ytd)
            amount("usd.\(name).amount", row)
            growth("usd.\(name).growth", row)
        }
        // Knowledge-intensive services.
        let kis = calculator.row(key("KIS", .total), ytd)
        amount("kis.amount", kis)
        growth("kis.growth", kis)
        if let s = kis.share, let status = kis.shareStatus {
            put(
                "kis.share", text: s.rounded(places: 1).trimmedDescription, value: s.doubleValue, unit: "%",
                rounding: Self.rateRounding,
                formula: "KIS / total services × 100", status: status,
                inputs: Self.inputs(kis.value) + Self.inputs(total.value))
        } else if let why = kis.shareWithheld {
            withheld["kis.share"] = why
        }
        if let c = kis.shareChange, let status = kis.shareChangeStatus {
            let a = c.rounded(places: 1).magnitude.trimmedDescription
            let text =
                zh
                ? (c.isNegative ? "下降\(a)个百分点" : "提升\(a)个百分点")
                : (c.isNegative ? "down \(a) percentage points" : "up \(a) percentage points")
            put(
                "kis.share.change", text: text, value: c.doubleValue, unit: "percentage points",
                rounding: Self.rateRounding,
                formula: "share(t) − share(t−1), prior share from the comparable bases of KIS and total services",
                status: status,
                inputs: Self.inputs(kis.value) + Self.inputs(kis.prior) + Self.inputs(total.value)
                    + Self.inputs(total.prior))
        }
        // Excluding travel, and travel itself.
        for flow in [Flow.total, .export, .import] {
            growth("extravel.\(flow.rawValue).growth", calculator.row(key("EXTRAVEL", flow), ytd))
            let travel = calculator.row(key("SD", flow), ytd)
            growth("travel.\(flow.rawValue).growth", travel)
            if flow == .total { amount("travel.amount", travel) }
        }
        if let t = total.yearOnYear.value, t.isNegative {
            values["drag.note"] = zh ? "是导致服务进出口总体下降的主要因素" : "the main factor behind the overall decline"
        } else if total.yearOnYear.value != nil {
            notApplicable.insert("drag.note")
        }
        ranking(calculator, ytd: ytd, month: month)
    }

    // MARK: - Words

    /// English month names.
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
    static let rateRounding = "half away from zero to 0.1, trailing .0 dropped"

    /// How a quoted rate was rounded: a published rate is printed as the agency printed it, to 0.1 with a
    /// trailing ".0" dropped ("下降10%" is −10.0, ±0.05: ``TradeCore/Growth/precisionPlaces(of:)``); a
    /// computed one half away from zero to 0.1.
    static func rateRounding(_ r: DecimalNumber, _ source: RateSource?) -> String {
        source != .computed && r.places == 0 ? "as published, to 0.1 with its trailing .0 dropped" : rateRounding
    }

    /// "今年1—4月" / "From January to April": the lead of a sentence, never a numeral.
    mutating func words(_ ytd: PeriodSpan) {
        let m = ytd.end.month
        if zh {
            switch m {
            case 1: values["period"] = "今年1月份"
            case 2: values["period"] = "今年1—2月"
            case 6: values["period"] = "今年上半年"
            case 9: values["period"] = "今年前三季度"
            case 12: values["period"] = "全年"
            default: values["period"] = "今年1—\(m)月"
            }
            values["period.inner"] = values["period"]
        } else {
            switch m {
            case 1: values["period"] = "In January"
            case 2: values["period"] = "In the first two months"
            case 3: values["period"] = "In the first quarter"
            case 6: values["period"] = "In the first half"
            case 9: values["period"] = "In the first three quarters"
            case 12: values["period"] = "In \(ytd.end.year)"
            default: values["period"] = "From January to \(Self.monthNames[m - 1])"
            }
            values["period.inner"] = values["period"].map(Self.lowercasingFirst)
        }
        values["year"] = String(ytd.end.year)
    }

    static func lowercasingFirst(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.lowercased() + s.dropFirst()
    }

    /// "增长3.3%" / "下降10%", "up 3.3%" / "down 10%".
    public static func growthWord(_ rate: DecimalNumber, zh: Bool) -> String {
        let a = rate.rounded(places: 1).magnitude.trimmedDescription
        if zh { return rate.isNegative ? "下降\(a)%" : "增长\(a)%" }
        return rate.isNegative ? "down \(a)%" : "up \(a)%"
    }

    // MARK: - Figures

    /// The published levels (or panel months) an estimate rests on, as provenance inputs.
    static func inputs(_ e: Estimate?) -> [PressInput] {
        guard let e else { return [] }
        return e.inputs.map { i in
            PressInput(
                series: i.key.description, period: i.span.description,
                value: i.level.exactDecimal(in: MonetaryUnit(i.key.currency, .hundredMillion)).description,
                unit: MonetaryUnit(i.key.currency, .hundredMillion).description,
                origin: i.sign < 0 ? "subtracted" : "added", region: i.key.region,
                addresses: [i.source], status: i.status.rawValue)
        }
    }

    /// The inputs of a row's rate: the levels, the base, and the published rate when it is the one quoted.
    static func rateInputs(_ row: BulletinRow, _ quote: RateQuote) -> [PressInput] {
        var out = inputs(row.value)
        if quote.source != .published { out += inputs(row.prior) }
        if let p = quote.published, quote.source == .published {
            out.append(
                PressInput(
                    series: row.key.description, period: row.span.description, value: p.description,
                    unit: "% (published rate)",
                    origin: "published", region: row.key.region,
                    addresses: row.value?.inputs.filter { $0.key == row.key && $0.span == row.span }.map(\.source)
                        ?? [],
                    status: FigureStatus.published.rawValue))
        }
        return out
    }

    /// States a number when its status allows; otherwise records why it was left out.
    mutating func put(
        _ key: String, text: String, value: Double?, unit: String, rounding: String, formula: String,
        status: FigureStatus,
        inputs: [PressInput], identity: Bool = false
    ) {
        var shown = text
        switch status {
        case .published, .computed:
            break
        case .derived where allowDerived:
            shown += Self.derivedMarker
        case .derived:
            withheld[key] = "derived (\(formula)); not published as such: --allow-derived states it, marked"
            return
        case .implied, .reportedConversion, .illustrative:
            withheld[key] = "\(status.rawValue): never stated in press sentences"
            return
        }
        values[key] = shown
        let printed = status == .published || identity
        if printed { inRelease.insert(key) } else { inRelease.remove(key) }
        numbers[key] = PressNumber(
            key: key, text: shown, value: value, unit: unit, rounding: rounding, formula: formula,
            status: status.rawValue,
            inputs: inputs, inRelease: printed)
    }

    /// The rounding of an amount written no finer than its interval allows (followed by its half width).
    static let intervalRounding = "half away from zero, once, to the finest power of ten whose half covers its interval"

    mutating func amount(_ key: String, _ row: BulletinRow) {
        guard let best = row.value else {
            if let why = row.valueWithheld { withheld[key] = why }
            return
        }
        // What is read out is what the release printed: a better-known sum that the release does not
        // print (19075亿元 from exports + imports) gives way to the published level ("1.9万亿元").
        var v = best
        if best.status != .published, !LevelText.isIdentity(best), let published = row.publishedValue { v = published }
        // A level the release does not print is written no finer than its interval allows
        // (``LevelText/honestResolution(_:halfWidth:)``): 974.2 − 933.3 billion is "410亿元", not "409亿元".
        let printed = v.status == .published || LevelText.isIdentity(v)
        let resolution = printed ? v.resolution : LevelText.honestResolution(v.resolution, halfWidth: v.halfWidth)
        let text =
            zh
            ? LevelText.chinese(v.level, resolution: resolution, currency: v.unit.currency)
            : LevelText.english(v.level, resolution: resolution, currency: v.unit.currency)
        put(
            key, text: text,
            value: v.level.decimal(
                in: v.unit.currency == .cny ? Self.yi : Self.yiUSD, places: v.places(in: Self.yi, limit: 1)
            )
            .doubleValue,
            unit: (v.unit.currency == .cny ? Self.yi : Self.yiUSD).description,
            rounding: printed || resolution == LevelText.step(resolution: v.resolution)
                ? "half away from zero to the step of its finest input (at least 0.1 亿元), once"
                : "\(Self.intervalRounding) (±\(Level(hundredths: v.halfWidth).decimal(in: Self.yi, places: 2).trimmedDescription) 亿元)",
            formula: "level of \(row.key) over \(row.span) (\(v.origin.rawValue))", status: v.status,
            inputs: Self.inputs(v), identity: LevelText.isIdentity(v))
    }

    /// Growth in three forms: `key` ("up 3.3%"), `key.by` ("up by 3.3%"), `key.verb` ("rose 3.3%").
    mutating func growth(_ key: String, _ row: BulletinRow) {
        let q = row.yearOnYear
        guard let r = q.value, let source = q.source, let status = q.status else {
            if let why = q.withheld { withheld[key] = why }
            return
        }
        let formula =
            source == .computed
            ? "(X_t / X_{t−1} − 1) × 100 from the stored levels" : "published year-on-year rate (comparable basis)"
        let a = r.rounded(places: 1).magnitude.trimmedDescription
        let inputs = Self.rateInputs(row, q)
        let forms: [(String, String)] =
            zh
            ? [
                (key, Self.growthWord(r, zh: true)), (key + ".by", Self.growthWord(r, zh: true)),
                (key + ".verb", Self.growthWord(r, zh: true)),
            ]
            : [
                (key, Self.growthWord(r, zh: false)), (key + ".by", r.isNegative ? "down by \(a)%" : "up by \(a)%"),
                (key + ".verb", r.isNegative ? "fell \(a)%" : "rose \(a)%"),
            ]
        for (k, text) in forms {
            put(
                k, text: text, value: r.doubleValue, unit: "%", rounding: Self.rateRounding(r, source),
                formula: formula,
                status: status, inputs: inputs)
        }
    }

    mutating func gap(_ x: BulletinRow, _ m: BulletinRow) {
        guard let gx = x.yearOnYear.value, let gm = m.yearOnYear.value, let sx = x.yearOnYear.status,
            let sm = m.yearOnYear.status
        else { return }
        // 23.2 − (−10.0) = 33.2, as the release prints it ("−10" is "下降10%" with its ".0" dropped).
        let g = Growth.difference(gx, gm)
        let a = g.magnitude.trimmedDescription
        let text =
            zh
            ? (g.isNegative ? "小于进口\(a)个百分点" : "大于进口\(a)个百分点")
            : (g.isNegative
                ? "\(a) percentage points below import growth" : "\(a) percentage points above import growth")
        put(
            "gap", text: text, value: g.doubleValue, unit: "percentage points",
            rounding: "difference of two rates at 0.1",
            formula: "g_X − g_M",
            status: FigureStatus.combining([sx, sm]),
            inputs: Self.rateInputs(x, x.yearOnYear) + Self.rateInputs(m, m.yearOnYear),
            identity: sx == .published && sm == .published)
    }

    mutating func balanceFigures(_ row: BulletinRow) {
        guard let v = row.value else { return }
        let deficit = v.level.hundredths < 0
        values["balance.kind"] = zh ? (deficit ? "逆差" : "顺差") : (deficit ? "deficit" : "surplus")
        amount("balance.amount", row)
        switch row.balanceMovement {
        case .surplusToDeficit?, .deficitToSurplus?:
            notApplicable.formUnion(["balance.change", "balance.diff"])
            let turned = row.balanceMovement == .surplusToDeficit
            values["balance.turn"] =
                zh
                ? (turned ? "由顺差转为逆差" : "由逆差转为顺差")
                : (turned ? "turned from a surplus into a deficit" : "turned from a deficit into a surplus")
        default:
            if row.balanceMovement != nil { notApplicable.insert("balance.turn") }
            growth("balance.change", row)
        }
        if let why = row.balanceChangeWithheld { withheld["balance.diff"] = why }
        if let d = row.balanceChange, row.balanceMovement != .surplusToDeficit, row.balanceMovement != .deficitToSurplus
        {
            // A smaller deficit (or a larger surplus) is positive; the sentence speaks of the size.
            let sizeChange = deficit ? -d.hundredths : d.hundredths
            let status = row.balanceChangeStatus ?? .computed
            let level = Level(hundredths: abs(sizeChange))
            // A published change is printed with the digits it was published with (269.39 bn is
            // 2693.9亿元, not "2700亿元" at the step of the deficit's own coarse levels).
            // A computed change is written no finer than its interval (the two balances' half widths).
            let halfWidth = v.halfWidth + (row.prior?.halfWidth ?? 0)
            var resolution = LevelText.honestResolution(v.resolution, halfWidth: halfWidth)
            if status == .published {
                resolution = 1
                while resolution < 1_000_000_000_000, sizeChange % (resolution * 10) == 0 { resolution *= 10 }
            }
            let amount =
                zh
                ? LevelText.chinese(level, resolution: resolution)
                : LevelText.english(level, resolution: resolution)
            let text =
                zh
                ? (sizeChange < 0 ? "减少\(amount)" : "增加\(amount)")
                : (sizeChange < 0 ? "a decrease of \(amount)" : "an increase of \(amount)")
            put(
                "balance.diff", text: text, value: Double(sizeChange) / 1e10, unit: Self.yi.description,
                rounding: "as published, or B_t − B_{t−1}",
                formula: "|B_t| − |B_{t−1}|", status: status, inputs: Self.inputs(row.value) + Self.inputs(row.prior))
        }
    }

    mutating func versus(_ key: String, _ row: BulletinRow, year: Int) {
        let q = row.versusBase
        guard let v = q.value, let status = q.status else {
            if let why = q.withheld { withheld[key] = why }
            return
        }
        let a = v.rounded(places: 1).magnitude.trimmedDescription
        let text = zh ? Self.growthWord(v, zh: true) : (v.isNegative ? "fell by \(a)%" : "grew by \(a)%")
        put(
            key, text: text, value: v.doubleValue, unit: "%", rounding: Self.rateRounding(v, q.source),
            formula: "X_t / X_\(year) − 1 (\(q.source?.rawValue ?? ""))", status: status, inputs: Self.inputs(row.value)
        )
    }

    mutating func average(_ key: String, _ row: BulletinRow, years n: Int) {
        let q = row.averageGrowth
        guard let a = q.value, let status = q.status, n > 0 else {
            if let why = q.withheld { withheld[key] = why }
            return
        }
        let abs = a.rounded(places: 1).magnitude.trimmedDescription
        let label = zh ? (n == 2 ? "两年平均" : "\(n)年平均") : (n == 2 ? "a two-year average of" : "an average of")
        let text =
            zh
            ? label + Self.growthWord(a, zh: true)
            : (n == 2
                ? "\(label) \(a.isNegative ? "−" : "")\(abs)%" : "\(label) \(a.isNegative ? "−" : "")\(abs)% a year")
        put(
            key, text: text, value: a.doubleValue, unit: "%", rounding: Self.rateRounding,
            formula: "(X_t / X_{t−\(n)})^(1/\(n)) − 1, geometric mean (\(q.source?.rawValue ?? ""))", status: status,
            inputs: Self.inputs(row.value))
    }

    /// The fastest-growing main categories: stated only when every category of the partition of total
    /// services has a rate that may be stated (``RankingClaim``); otherwise withheld with what was
    /// compared.
    mutating func ranking(_ calculator: BulletinCalculator, ytd: PeriodSpan, month: PeriodSpan) {
        let sectors = Sectors.standard.partition(of: "S").map(\.code)
        for span in [ytd, month] {
            let rows = sectors.map {
                calculator.row(SeriesKey(region: "CN", sector: $0, flow: .total, currency: .cny), span)
            }
            .filter { r in r.yearOnYear.status.map { $0.isQuotable || ($0 == .derived && allowDerived) } ?? false }
            let claim = RankingClaim(rows: rows, universe: sectors, limit: 3)
            guard let ranked = claim.ranked, ranked.count >= 2 else {
                if span == ytd, let why = claim.withheldReason { withheld["fastest.names"] = why }
                continue
            }
            withheld["fastest.names"] = nil
            let names = ranked.map { r -> String in
                let s = Sectors.standard.sector(code: r.key.sector)
                return zh
                    ? (s?.chineseNameMOFCOM ?? r.key.sector)
                    : (Self.englishNames[r.key.sector] ?? s?.englishName.lowercased() ?? r.key.sector)
            }
            let rates = ranked.compactMap { $0.yearOnYear.value.map { "\($0.rounded(places: 1).trimmedDescription)%" } }
            let status = FigureStatus.combining(ranked.compactMap(\.yearOnYear.status))
            let inputs = ranked.flatMap { Self.rateInputs($0, $0.yearOnYear) }
            values["fastest.period"] =
                zh
                ? (span.isMonth ? "当月" : values["period"] ?? "")
                : (span.isMonth ? "in \(Self.monthNames[span.end.month - 1])" : values["period.inner"] ?? "")
            put(
                "fastest.names", text: Self.list(names, zh: zh), value: nil, unit: "", rounding: "",
                formula: "the \(ranked.count) main categories with the highest quoted year-on-year growth over \(span)",
                status: status, inputs: inputs)
            put(
                "fastest.rates", text: Self.list(rates, zh: zh), value: nil, unit: "%", rounding: Self.rateRounding,
                formula: "quoted year-on-year growth of each, in the same order", status: status, inputs: inputs)
            return
        }
    }

    /// "A、B和C" / "A, B and C"; English items that contain a comma are separated by semicolons
    /// ("telecommunications, computer and information services; travel services; and other business
    /// services"), so that three items never read as five.
    static func list(_ items: [String], zh: Bool) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        if zh { return items.dropLast().joined(separator: "、") + "和" + last }
        if items.contains(where: { $0.contains(",") }) {
            return items.dropLast().joined(separator: "; ") + "; and " + last
        }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
