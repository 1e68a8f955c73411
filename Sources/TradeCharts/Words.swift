import TradeCore

/// Chart wording in Chinese and English: period names, units, growth words, source lines.
struct Words {
    let language: ChartTheme.Language
    var zh: Bool { language == .zh }

    static let monthsEN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "2021年1-4月" / "Jan–Apr 2021" (a month: "2021年4月" / "Apr 2021").
    func span(_ s: PeriodSpan) -> String {
        if zh {
            return s.isMonth ? "\(s.start.year)年\(s.start.month)月" : "\(s.start.year)年\(s.start.month)-\(s.end.month)月"
        }
        let a = Self.monthsEN[s.start.month - 1], b = Self.monthsEN[s.end.month - 1]
        return s.isMonth ? "\(a) \(s.start.year)" : "\(a)–\(b) \(s.start.year)"
    }

    /// Axis label of a year-to-date point: "1-2月", "4月" / "Jan–Feb", "Apr".
    func ytdAxis(_ month: Int) -> String {
        if zh { return month == 2 ? "1-2月" : "\(month)月" }
        return month == 2 ? "Jan–Feb" : Self.monthsEN[month - 1]
    }

    func ytdAxisShort(_ month: Int) -> String {
        zh ? "\(month)月" : String(Self.monthsEN[month - 1].prefix(1))
    }

    func year(_ y: Int) -> String { zh ? "\(y)年" : String(y) }

    var source: String { zh ? "资料来源：商务部" : "Source: MOFCOM" }
    var unit: String { zh ? "亿元" : "CNY 100 million" }
    var notePrefix: String { zh ? "注：" : "Note: " }
    var illustrative: String {
        zh
            ? "注：地区数据为示意数据（svctrade generate 生成），并非统计发布数。"
            : "Note: regional figures are illustrative (made by svctrade generate), not published statistics."
    }

    /// "增长3.3%" / "下降10%" and "up 3.3%" / "down 10%" (no minus sign; ".0" dropped).
    func growthWords(_ rate: DecimalNumber) -> String {
        let a = rate.magnitude.trimmedDescription
        if zh { return rate.isNegative ? "下降\(a)%" : "增长\(a)%" }
        return rate.isNegative ? "down \(a)%" : "up \(a)%"
    }

    /// A sector's display name.
    func sector(_ code: String) -> String {
        guard let s = Sectors.standard.sector(code: code) else { return code }
        if zh { return s.chineseNameMOFCOM }
        let short: [String: String] = [
            "S": "Services", "SC": "Transport", "SD": "Travel", "SE": "Construction", "SF": "Insurance",
            "SG": "Financial", "SH": "IP charges", "SI": "Telecom, computer, info.", "SJ": "Other business",
            "SK": "Personal, cultural", "SA": "Processing", "SB": "Maintenance", "SL": "Government",
            "KIS": "Knowledge-intensive", "EXTRAVEL": "Excluding travel",
        ]
        return short[code] ?? s.englishName
    }

    /// A region's display name.
    func region(_ code: String) -> String {
        guard let r = Regions.standard.region(code: code) else { return code }
        if zh { return r.chineseName }
        return r.englishName.split(separator: "(").first.map { String($0).trimmingCharacters() } ?? r.englishName
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        while s.first == " " { s = s.dropFirst() }
        return String(s)
    }
}
