import TradeCore

/// The figures of a press release for one period, in one language, each with its provenance.
///
/// Number style (reference/domain.md §1.8, §5): Chinese levels in 亿元 with one decimal; English
/// levels move the decimal point of the same figure to billions or trillions without re-rounding
/// ("RMB1.56445 trillion"); rates to 0.1 with ".0" dropped and a growth word instead of a minus
/// sign ("down 10%", "下降10%"); differences of rates in percentage points.
public struct PressFigures: Sendable {
    /// Language of the texts.
    public enum Language: String, Sendable, CaseIterable, Codable {
        case zh, en
    }

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

    /// English names of sectors as MOFCOM's English releases write them.
    static let englishNames: [String: String] = [
        "SA": "processing services", "SB": "maintenance and repair services", "SC": "transport services",
        "SD": "travel services", "SE": "construction services", "SF": "insurance services", "SG": "financial services",
        "SH": "charges for the use of intellectual property", "SI": "telecommunications, computer and information services",
        "SJ": "other business services", "SK": "personal, cultural and recreational services", "SL": "government services",
    ]

    var zh: Bool { language == .zh }
    static let yi = MonetaryUnit(.cny, .hundredMillion)

    /// Computes every figure from the book.
    public init(book: FigureBook, through: Period, baseYear: Int?, language: Language) {
        self.language = language
        self.through = through
        let calculator = BulletinCalculator(resolver: LevelResolver(book: book), baseYear: baseYear)
        let ytd = PeriodSpan.yearToDate(through: through)
        let month = PeriodSpan(month: through)
        func key(_ sector: String, _ flow: Flow) -> SeriesKey { SeriesKey(region: "CN", sector: sector, flow: flow, currency: .cny) }

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
        change("export.change", exports)
        change("import.change", imports)
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
                if let mom = row.monthOnMonth {
                    let text = zh ? "，环比\(Self.growthWord(mom, zh: true))" : ", \(Self.growthWord(mom, zh: false)) month on month"
                    put("month.\(name).mom", text: text, value: mom.doubleValue, unit: "%", rounding: Self.rateRounding,
                        formula: "x(m) / x(m−1) − 1, not seasonally adjusted", row: row)
                }
            }
        }
        // Knowledge-intensive services.
        let kis = calculator.row(key("KIS", .total), ytd)
        amount("kis.amount", kis)
        growth("kis.growth", kis)
        if let s = kis.share {
            put("kis.share", text: s.rounded(places: 1).trimmedDescription, value: s.doubleValue, unit: "%", rounding: Self.rateRounding,
                formula: "KIS / total services × 100", row: kis)
        }
        if let c = kis.shareChange {
            let a = c.rounded(places: 1).magnitude.trimmedDescription
            let text = zh ? (c.isNegative ? "下降\(a)个百分点" : "提升\(a)个百分点") : (c.isNegative ? "a decrease of \(a) percentage points" : "an increase of \(a) percentage points")
            put("kis.share.change", text: text, value: c.doubleValue, unit: "percentage points", rounding: Self.rateRounding,
                formula: "share(t) − share(t−1), prior share from the comparable bases of KIS and total services", row: kis)
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

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let rateRounding = "half away from zero to 0.1, trailing .0 dropped"

    mutating func words(_ ytd: PeriodSpan) {
        let m = ytd.end.month
        if zh {
            switch m {
            case 1: values["period"] = "1月份"
            case 2: values["period"] = "1—2月"
            case 6: values["period"] = "上半年"
            case 9: values["period"] = "前三季度"
            case 12: values["period"] = "全年"
            default: values["period"] = "1—\(m)月"
            }
            values["period.short"] = m == 2 ? "前两个月" : m == 12 ? "全年" : "前\(m)个月"
        } else {
            switch m {
            case 1: values["period"] = "In January"
            case 2: values["period"] = "In the first two months"
            case 3: values["period"] = "In the first quarter"
            case 6: values["period"] = "In the first half"
            case 9: values["period"] = "In the first three quarters"
            case 12: values["period"] = "In the whole year"
            default: values["period"] = "From January to \(Self.monthNames[m - 1])"
            }
            values["period.short"] = values["period"]
        }
        values["year"] = String(ytd.end.year)
    }

    /// "增长3.3%" / "下降10%", "up 3.3%" / "down 10%".
    public static func growthWord(_ rate: DecimalNumber, zh: Bool) -> String {
        let a = rate.rounded(places: 1).magnitude.trimmedDescription
        if zh { return rate.isNegative ? "下降\(a)%" : "增长\(a)%" }
        return rate.isNegative ? "down \(a)%" : "up \(a)%"
    }

    /// The Chinese level in 亿元 with one decimal, and the English one by moving its decimal point.
    public static func levelTexts(_ level: Level) -> (zh: String, en: String) {
        let d = level.decimal(in: yi, places: 1).magnitude  // e.g. 156445 / 10^1
        let zh = d.description
        let digits = String(d.mantissa)
        let shift = d.mantissa >= 100_000 ? 5 : 2  // ≥ 10000 亿 → trillion (10^4 亿 = 10^12), else billion (10 亿 = 10^9)
        let padded = String(repeating: "0", count: max(0, shift + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -shift)
        var fraction = String(padded[cut...])
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = String(padded[..<cut])
        let en = "RMB" + whole + (fraction.isEmpty ? "" : "." + fraction) + (shift == 5 ? " trillion" : " billion")
        return (zh, en)
    }

    // MARK: - Figures

    mutating func put(_ key: String, text: String, value: Double?, unit: String, rounding: String, formula: String, row: BulletinRow) {
        values[key] = text
        var inputs: [PressInput] = []
        if let v = row.value {
            inputs.append(PressInput(series: row.key.description, period: row.span.description, value: v.level.exactDecimal(in: Self.yi).description,
                                     unit: Self.yi.description, origin: v.origin.rawValue, sources: v.sources))
        }
        if let p = row.prior {
            inputs.append(PressInput(series: row.key.description, period: row.span.yearAgo.description, value: p.level.formatted(in: Self.yi, places: 2),
                                     unit: Self.yi.description, origin: p.origin.rawValue, sources: p.sources))
        }
        if let p = row.yearOnYear.published {
            inputs.append(PressInput(series: row.key.description, period: row.span.description, value: p.description, unit: "% (published year-on-year rate)",
                                     origin: "published", sources: row.value?.sources ?? []))
        }
        numbers[key] = PressNumber(key: key, text: text, value: value, unit: unit, rounding: rounding, formula: formula, inputs: inputs)
    }

    mutating func amount(_ key: String, _ row: BulletinRow) {
        guard let v = row.value else { return }
        let texts = Self.levelTexts(v.level)
        put(key, text: zh ? texts.zh : texts.en, value: v.level.decimal(in: Self.yi, places: 1).doubleValue, unit: Self.yi.description,
            rounding: zh ? "half away from zero to 0.1 亿元" : "the 亿元 figure to 0.1, decimal point moved (no re-rounding)",
            formula: "level of \(row.key) over \(row.span) (\(v.origin.rawValue))", row: row)
    }

    mutating func growth(_ key: String, _ row: BulletinRow) {
        guard let r = row.yearOnYear.value, let source = row.yearOnYear.source else { return }
        let formula = source == .computed ? "(X_t / X_{t−1} − 1) × 100 from the stored levels" : "published year-on-year rate (comparable basis)"
        put(key, text: Self.growthWord(r, zh: zh), value: r.doubleValue, unit: "%", rounding: Self.rateRounding, formula: formula, row: row)
        let a = r.rounded(places: 1).magnitude.trimmedDescription
        put(key + ".by", text: zh ? Self.growthWord(r, zh: true) : (r.isNegative ? "down by \(a)%" : "up by \(a)%"), value: r.doubleValue,
            unit: "%", rounding: Self.rateRounding, formula: formula, row: row)
    }

    mutating func change(_ key: String, _ row: BulletinRow) {
        guard let r = row.yearOnYear.value else { return }
        let a = r.rounded(places: 1).magnitude.trimmedDescription
        let text = zh ? Self.growthWord(r, zh: true) : (r.isNegative ? "dropped \(a)%" : "increased by \(a)%")
        put(key, text: text, value: r.doubleValue, unit: "%", rounding: Self.rateRounding, formula: "year-on-year growth", row: row)
    }

    mutating func gap(_ x: BulletinRow, _ m: BulletinRow) {
        guard let gx = x.yearOnYear.value, let gm = m.yearOnYear.value else { return }
        let g = gx.rounded(places: 1).subtracting(gm.rounded(places: 1))
        let a = g.magnitude.trimmedDescription
        let text = zh ? (g.isNegative ? "小于进口\(a)个百分点" : "大于进口\(a)个百分点") : (g.isNegative ? "\(a) percentage points less than imports" : "\(a) percentage points more than imports")
        put("gap", text: text, value: g.doubleValue, unit: "percentage points", rounding: "difference of two rates at 0.1", formula: "g_X − g_M", row: x)
    }

    mutating func balanceFigures(_ row: BulletinRow) {
        guard let v = row.value else { return }
        let deficit = v.level.hundredths < 0
        values["balance.kind"] = zh ? (deficit ? "逆差" : "顺差") : (deficit ? "deficit" : "surplus")
        amount("balance.amount", row)
        switch row.balanceMovement {
        case .surplusToDeficit?, .deficitToSurplus?:
            notApplicable.formUnion(["balance.change", "gap"])
            let turned = row.balanceMovement == .surplusToDeficit
            values["balance.turn"] = zh ? (turned ? "由顺差转为逆差" : "由逆差转为顺差") : (turned ? "turned from a surplus into a deficit" : "turned from a deficit into a surplus")
        default:
            if row.balanceMovement != nil { notApplicable.insert("balance.turn") }
            if let r = row.yearOnYear.value {
                put("balance.change", text: Self.growthWord(r, zh: zh), value: r.doubleValue, unit: "%", rounding: Self.rateRounding,
                    formula: "(|B_t| − |B_{t−1}|) / |B_{t−1}| × 100", row: row)
            }
        }
        if let d = row.balanceChange {
            // A smaller deficit (or a larger surplus) is positive; the sentence speaks of the size.
            let sizeChange = deficit ? -d.hundredths : d.hundredths
            let texts = Self.levelTexts(Level(hundredths: abs(sizeChange)))
            let amount = zh ? "\(texts.zh)亿元" : texts.en
            let text = zh ? (sizeChange < 0 ? "减少\(amount)" : "增加\(amount)") : (sizeChange < 0 ? "a decrease of \(amount)" : "an increase of \(amount)")
            put("balance.diff", text: text, value: Double(sizeChange) / 1e10, unit: Self.yi.description, rounding: "as published, or B_t − B_{t−1} at 0.1",
                formula: "|B_t| − |B_{t−1}|", row: row)
        }
    }

    mutating func versus(_ key: String, _ row: BulletinRow, year: Int) {
        guard let v = row.versusBase.value else { return }
        let a = v.rounded(places: 1).magnitude.trimmedDescription
        let text = zh ? Self.growthWord(v, zh: true) : (v.isNegative ? "fell by \(a)%" : "grew by \(a)%")
        put(key, text: text, value: v.doubleValue, unit: "%", rounding: Self.rateRounding,
            formula: "X_t / X_\(year) − 1 (\(row.versusBase.source?.rawValue ?? ""))", row: row)
    }

    mutating func average(_ key: String, _ row: BulletinRow, years n: Int) {
        guard let a = row.averageGrowth.value, n > 0 else { return }
        let abs = a.rounded(places: 1).magnitude.trimmedDescription
        let label = zh ? (n == 2 ? "两年平均" : "\(n)年平均") : (n == 2 ? "a two-year average of" : "an average of")
        let text = zh ? label + Self.growthWord(a, zh: true) : (n == 2 ? "\(label) \(abs)%" : "\(label) \(abs)% a year")
        put(key, text: text, value: a.doubleValue, unit: "%", rounding: Self.rateRounding,
            formula: "(X_t / X_{t−\(n)})^(1/\(n)) − 1, geometric mean (\(row.averageGrowth.source?.rawValue ?? ""))", row: row)
    }

    mutating func ranking(_ calculator: BulletinCalculator, ytd: PeriodSpan, month: PeriodSpan) {
        let sectors = Sectors.standard.mainComponents.map(\.code)
        for span in [ytd, month] {
            let rows = sectors.map { calculator.row(SeriesKey(region: "CN", sector: $0, flow: .total, currency: .cny), span) }
            let ranked = Rankings.fastestGrowing(rows, limit: 3)
            guard ranked.count >= 2 else { continue }
            let names = ranked.map { r -> String in
                let s = Sectors.standard.sector(code: r.key.sector)
                return zh ? (s?.chineseNameMOFCOM ?? r.key.sector) : (Self.englishNames[r.key.sector] ?? s?.englishName.lowercased() ?? r.key.sector)
            }
            let rates = ranked.compactMap { $0.yearOnYear.value.map { "\($0.rounded(places: 1).trimmedDescription)%" } }
            values["fastest.names"] = Self.list(names, zh: zh)
            values["fastest.rates"] = Self.list(rates, zh: zh)
            values["fastest.count"] = zh ? ["", "", "两", "三"][ranked.count] : ["", "", "two", "three"][ranked.count]
            values["fastest.period"] = zh ? (span.isMonth ? "\(span.end.month)月份" : values["period"] ?? "") : (span.isMonth ? "in \(Self.monthNames[span.end.month - 1])" : (values["period"] ?? "").lowercased())
            for (i, r) in ranked.enumerated() { growth("fastest.\(i + 1)", r) }
            return
        }
    }

    /// "A、B和C" / "A, B and C".
    static func list(_ items: [String], zh: Bool) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: zh ? "、" : ", ") + (zh ? "和" : " and ") + last
    }
}
