import TradeCore

/// The monthly bulletin in one language: press prose, the main features, tables, charts, the pilot
/// programme, sources and notes, as Markdown and as an HTML section.
///
/// Charts arrive as finished SVG text (TradeCharts draws them); this type only lays them out.
public struct BulletinDocument: Sendable {
    /// A chart placed in the bulletin.
    public struct Chart: Sendable {
        /// Caption.
        public var caption: String
        /// The SVG document.
        public var svg: String
        /// File name next to the Markdown (`charts/combo-zh.svg`).
        public var file: String

        /// Creates a chart entry.
        public init(caption: String, svg: String, file: String) {
            self.caption = caption
            self.svg = svg
            self.file = file
        }
    }

    /// `zh` or `en`.
    public var language: PressFigures.Language
    /// Last month covered.
    public var through: Period
    /// Press sentences.
    public var release: PressRelease
    /// The bulletin table.
    public var table: Table
    /// National charts.
    public var charts: [Chart]
    /// Charts of the pilot section (illustrative data).
    public var pilotCharts: [Chart]
    /// One line for each chart left out because its figures would draw too little (under the charts).
    public var chartsNotDrawn: [String] = []
    /// Pilot best practices.
    public var practices: [PilotPractice]
    /// Illustrative sentence on the pilot localities' combined figures, if any.
    public var pilotFigures: String?
    /// Whom the figures are cited to, with release dates and citable addresses.
    public var citations: BulletinCitations
    /// Trade by service category (EBOPS main components), when the store has category figures.
    public var categoryTable: Table?
    /// The year to date in yuan and in dollars side by side, where MOFCOM published both.
    public var currencyTable: Table?
    /// The last thirteen months, month by month, and the year to date.
    public var monthlyTable: Table?
    /// Published months against the months implied by two year-to-date releases.
    public var revisionsTable: Table?
    /// Figures printed again with another value or rate in a later release (first print against latest).
    public var revisedTable: Table?
    /// The release header (issuer, dates, status), from `templates/release.toml`.
    public var header = ReleaseHeader()

    /// Creates a bulletin.
    public init(
        language: PressFigures.Language, through: Period, release: PressRelease, table: Table, charts: [Chart],
        pilotCharts: [Chart],
        practices: [PilotPractice], pilotFigures: String?, citations: BulletinCitations
    ) {
        self.language = language
        self.through = through
        self.release = release
        self.table = table
        self.charts = charts
        self.pilotCharts = pilotCharts
        self.practices = practices
        self.pilotFigures = pilotFigures
        self.citations = citations
    }

    var zh: Bool { language == .zh }

    /// Whether the bulletin is a draft: every page says so (title, banner), and `svctrade check`
    /// refuses to pass it.
    public var isDraft: Bool { header.isDraft(through: through) }

    /// The release date: the publication date of the bulletin's newest input (``BulletinComposer``).
    public var releaseDate: String? { header.releaseDate(through: through) }

    /// "2021年1—4月我国服务贸易发展情况" / "China's trade in services, January–April 2021"; a draft
    /// begins "草稿 — " / "DRAFT — ".
    public var title: String { (isDraft ? (zh ? "草稿 — " : "DRAFT — ") : "") + plainTitle }

    var plainTitle: String {
        let m = through.month
        if zh { return m == 1 ? "\(through.year)年1月我国服务贸易发展情况" : "\(through.year)年1—\(m)月我国服务贸易发展情况" }
        let names = PressFigures.monthNames
        return m == 1
            ? "China's trade in services, January \(through.year)"
            : "China's trade in services, January–\(names[m - 1]) \(through.year)"
    }

    static let leadBlocks: Set<String> = ["headline", "usd", "balance", "balance-turned", "base-year"]

    var lead: [String] { release.sentences.filter { Self.leadBlocks.contains($0.id) }.map(\.text) }

    /// The sentences after the lead, as the numbered "main features" (the list numbers them).
    var features: [String] {
        let items = release.sentences.filter { !Self.leadBlocks.contains($0.id) }
        let ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return items.enumerated().map { i, sentence in
            guard let topic = Self.topic(sentence, zh: zh) else { return sentence.text }
            if zh { return (i < ordinals.count ? "\(ordinals[i])是" : "") + topic + "。" + sentence.text }
            return topic + ". " + sentence.text
        }
    }

    /// The topic sentence of a main feature, from what its first rate says (MOFCOM's 一是…二是… style).
    static func topic(_ sentence: PressRelease.Sentence, zh: Bool) -> String? {
        let rate = sentence.numbers.first { $0.unit == "%" && $0.key.contains("growth") }?.value
        let up = (rate ?? 0) >= 0
        switch sentence.id {
        case "month":
            return zh
                ? (up ? "当月服务进出口同比增长" : "当月服务进出口同比下降")
                : (up ? "The month grew year on year" : "The month fell year on year")
        case "fastest":
            return zh ? "部分领域增长较快" : "Some categories grew fast"
        case "kis":
            return zh
                ? (up ? "知识密集型服务贸易增长" : "知识密集型服务贸易下降")
                : (up ? "Knowledge-intensive services grew" : "Knowledge-intensive services fell")
        case "excluding-travel":
            return zh
                ? (up ? "剔除旅行服务后服务贸易增长" : "剔除旅行服务后服务贸易下降")
                : (up ? "Without travel, trade grew" : "Without travel, trade fell")
        case "travel":
            return zh ? (up ? "旅行服务进出口增长" : "旅行服务进出口下降") : (up ? "Travel grew" : "Travel fell")
        case "drag":
            return zh ? "旅行服务是主要拖累因素" : "Travel was the main drag"
        default:
            return nil
        }
    }

    /// The source section: the publishers with release dates, then the addresses a reader may follow
    /// (the publisher's own site, official sites and media reports; never a mirror copy).
    public var sources: [String] {
        var out = [citations.line(zh: zh)]
        if showsPilotProgramme {
            out.append(
                zh
                    ? "试点工作情况：商务部2021年6月3日例行新闻发布会答问（英文稿）。"
                    : "Pilot programme: MOFCOM regular press conference, 3 June 2021 (English transcript).")
        }
        for e in citations.entries {
            for (address, kind) in e.addresses {
                let label = kind == .publisher ? (zh ? "发布机构网站" : "publisher's site") : (zh ? "转载" : "reported by")
                out.append(zh ? "\(label)：\(address)" : "\(label): \(address)")
            }
        }
        return out
    }

    /// Practices by theme, one entry per practice with every locality that has it.
    var themes: [(PilotPractice, [(PilotPractice, [String])])] {
        var order: [String] = []
        var byTheme: [String: [(PilotPractice, [String])]] = [:]
        for p in practices {
            if byTheme[p.theme] == nil { order.append(p.theme) }
            if let i = byTheme[p.theme]?.firstIndex(where: { $0.0.practiceEnglish == p.practiceEnglish }) {
                byTheme[p.theme]?[i].1.append(p.locality)
            } else {
                byTheme[p.theme, default: []].append((p, [p.locality]))
            }
        }
        return order.compactMap { t in byTheme[t].flatMap { list in list.first.map { ($0.0, list) } } }
    }

    func locality(_ code: String) -> String {
        guard let r = Regions.standard.region(code: code) else { return code }
        return zh ? r.chineseName : r.englishName
    }

    var headings: (features: String, tables: String, charts: String, pilot: String, sources: String, notes: String) {
        zh
            ? ("主要特点", "数据表", "图表", "服务贸易创新发展试点", "资料来源", "说明")
            : (
                "Main features", "Tables", "Charts", "The pilot programme for innovation in trade in services",
                "Sources", "Notes"
            )
    }

    var appendixHeading: String {
        zh
            ? "附录：试点地区示意数据（生成数据，非统计数据，不得引用）"
            : "Appendix: pilot localities, illustrative data (generated, not statistics; not for quotation)"
    }

    /// The pilot section describes the 2020 round as MOFCOM presented it on 3 June 2021: it appears only
    /// in bulletins released on or after that day (never citing what was published later), and says
    /// which round it describes.
    var showsPilotProgramme: Bool {
        guard let date = releaseDate else { return false }
        return date >= PilotProgramme.describedOn
    }

    var pilotIntro: String {
        let ended = (releaseDate ?? "") > PilotProgramme.ended
        if zh {
            return
                "据商务部2021年6月3日例行新闻发布会介绍：2020年8月，国务院决定在\(PilotProgramme.localities)个省市（区域）全面深化服务贸易创新发展试点，为期\(PilotProgramme.years)年"
                + (ended ? "（本节所述为该轮试点，已于2023年8月期满）" : "")
                + "；当时\(PilotProgramme.measures)项试点任务正有序推进。国务院服务贸易发展部际联席会议办公室印发了试点地区的\(PilotProgramme.bestPractices)项“最佳实践案例”，按主题归纳，各主题下所列地区共同形成相关做法（中文由本项目译自商务部英文发布稿）："
        }
        return
            "As MOFCOM described it at its press conference of 3 June 2021: in August 2020 the State Council launched pilot projects for deepening innovation-driven development of trade in services in \(PilotProgramme.localities) localities for \(PilotProgramme.years) years"
            + (ended ? " (this section describes that round, which ended in August 2023)" : "")
            + "; at the time, \(PilotProgramme.measures) pilot measures were under way. The office for the State Council inter-ministerial meeting for the development of trade in services circulated \(PilotProgramme.bestPractices) \"best practices\" from the pilot projects; by theme, the localities named under each theme jointly stand for its practices:"
    }

    func practiceLine(_ theme: PilotPractice, _ items: [(PilotPractice, [String])]) -> String {
        let name = zh ? theme.themeChinese : theme.themeEnglish
        let parts = items.map { p, places in
            let who = places.map(locality).joined(separator: zh ? "、" : ", ")
            return zh ? "\(who)：\(p.practiceChinese)" : "\(who): \(p.practiceEnglish)"
        }
        return zh
            ? "\(name)——" + parts.joined(separator: "；") + "。" : "\(name) — " + parts.joined(separator: "; ") + "."
    }

    var notes: [String] {
        var n: [String] = []
        // Said only when an amount of the text was written coarser than its inputs (974.2 − 933.3 billion: "410亿元").
        let coarsened = (release.sentences + release.computed).flatMap(\.numbers).contains {
            $0.rounding.hasPrefix(PressFigures.intervalRounding)
        }
        if zh {
            n.append(
                "金额单位为亿元人民币；增速、比重保留一位小数，公布数按公布时的写法列示（末位为0时省略，如“下降10%”即−10.0%）；计算的增速、比重按四舍五入（远离零）修约一次，正文中末位为0时省略。"
            )
            n.append("增速按可比口径：能由本库数据计算且在公布精度上与公布数一致时用计算值，否则采用公布数（见数据表 yoy_source 列）。")
            if !pilotCharts.isEmpty || pilotFigures != nil {
                n.append("试点地区的分地区数据为示意数据（svctrade generate 生成），全国合计与公布数一致，分地区、分领域构成为虚构，仅用于版式展示。")
            }
            n.append(
                "数字性质：文中数字均为公布数，或由公布数精确计算（如出口与进口之和）；由两期累计数相减推算的月度数、由公布增速反推的基期数和示意数据不写入正文。金额按其最精确来源的精度列示（如“3.27万亿元”）。"
                    + (coarsened ? "由修约后的公布数计算的金额，列示精度不超过其区间所允许的精度（如“410亿元”）。" : ""))
            n += release.notes
        } else {
            n.append(
                "Amounts in CNY (RMB); growth rates and shares have one decimal: published ones are printed as the agency printed them, a trailing .0 dropped (“down 10%” is −10.0%); computed ones are rounded half away from zero once, with a trailing .0 dropped in the text."
            )
            n.append(
                "Growth on a comparable basis: the rate computed from the store is used when it agrees with the published one at the published precision; otherwise the published rate (table column yoy_source)."
            )
            if !pilotCharts.isEmpty || pilotFigures != nil {
                n.append(
                    "Regional figures of the pilot localities are illustrative (made by svctrade generate): their national totals match the published ones, the regional and sector splits are invented and only show the layout."
                )
            }
            n.append(
                "What the numbers are: every number in the text is published, or computed exactly from published figures (exports plus imports); months derived from two cumulative releases, bases implied by published rates and illustrative data are not stated. Amounts are printed at the precision of their best source (\"RMB3.27 trillion\")."
                    + (coarsened
                        ? " An amount worked out from rounded figures is printed no finer than its interval allows (\"RMB41 billion\")."
                        : "")
            )
            n += release.notes
        }
        return n
    }

    /// "服务贸易逆差" / "Deficit" (or surplus), from the sign of the stated balance.
    var balanceLabel: String {
        let balance = release.sentences.flatMap(\.numbers).first { $0.key == "balance.amount" }
        let deficit = (balance?.value ?? 0) < 0
        return zh ? (deficit ? "服务贸易逆差" : "服务贸易顺差") : (deficit ? "Deficit" : "Surplus")
    }

    /// The key figures box: the headline numbers as stated in the sentences (published or computed only).
    var keyFigures: [(String, String)] {
        let numbers = Dictionary(
            release.sentences.flatMap(\.numbers).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [(String, String, String?)] =
            zh
            ? [
                ("服务进出口总额", "total.amount", "total.growth"), ("出口", "export.amount", "export.growth"),
                ("进口", "import.amount", "import.growth"), (balanceLabel, "balance.amount", "balance.change"),
                ("以美元计", "usd.total.amount", "usd.total.growth"), ("知识密集型服务占比（%）", "kis.share", nil),
            ]
            : [
                ("Services trade", "total.amount", "total.growth"), ("Exports", "export.amount", "export.growth"),
                ("Imports", "import.amount", "import.growth"), (balanceLabel, "balance.amount", "balance.change"),
                ("In US dollars", "usd.total.amount", "usd.total.growth"),
                ("Knowledge-intensive share, %", "kis.share", nil),
            ]
        return rows.compactMap { label, level, rate in
            guard let l = numbers[level] else { return nil }
            if zh {
                let r = rate.flatMap { numbers[$0]?.text }
                return (label, l.text + (r.map { "，同比" + $0 } ?? ""))
            }
            // English sentences use the rate as "up by 7.5%" or "rose 7.5%": the box says "up 7.5% year on year".
            let number = rate.flatMap { numbers[$0] ?? numbers[$0 + ".by"] ?? numbers[$0 + ".verb"] }
            guard let value = number?.value else { return (label, l.text) }
            let magnitude = DecimalNumber(mantissa: Int64((abs(value) * 10).rounded()), places: 1).trimmedDescription
            let word = value > 0 ? "up" : value < 0 ? "down" : "unchanged at"
            return (label, l.text + ", \(word) \(magnitude)% year on year")
        }
    }

    /// The methodology note: source, definitions, comparable basis, averages, rounding, statuses.
    var methodology: [String] {
        zh
            ? [
                "数据来源：商务部服务贸易月度统计（按国际服务贸易统计手册口径）；国家外汇管理局国际收支口径的服务贸易数据另行单列，不与商务部数据相加或比较。",
                "知识密集型服务：保险服务、金融服务、知识产权使用费、电信计算机和信息服务、其他商业服务、个人文化和娱乐服务之和。",
                "同比增速按可比口径：公布增速与按上年公布数计算的结果不一致时，以公布增速为准（上年数据已修订）。",
                "两年平均增长率为以两年前同期为基期的几何平均增长率，即（本期÷两年前同期）的平方根减1。",
                "数字修约：增速和比重保留一位小数，公布数按公布时的写法列示（末位为0时省略，如“下降10%”即−10.0%）；计算的增速和比重四舍五入（远离零）一次；金额按其最精确来源的精度列示。",
                "数字性质：正文只使用公布数及由公布数精确计算的数字；由两期累计数相减推算的月度数、由增速反推的基期数和示意数据不入正文。",
            ]
            : [
                "Source: MOFCOM's monthly statistics of trade in services (MSITS basis). SAFE's balance-of-payments figures are a different basis and are shown apart, never added to or compared with MOFCOM's.",
                "Knowledge-intensive services: insurance, financial services, charges for the use of intellectual property, telecommunications, computer and information services, other business services, and personal, cultural and recreational services.",
                "Growth is on a comparable basis: where the published rate differs from one computed on last year's published level, the published rate stands (the base was revised).",
                "The two-year average growth rate is the geometric mean against the same period two years earlier: the square root of (this period ÷ two years earlier), minus one.",
                "Rounding: rates and shares have one decimal; published ones as the agency printed them, a trailing .0 dropped (“down 10%” is −10.0%); computed ones half away from zero, once; amounts at the precision of their best source.",
                "What the numbers are: the text uses published figures and figures computed exactly from them; months derived from two cumulative releases, bases implied by rates and illustrative data are not stated.",
            ]
    }

    /// The revisions heading and a sentence when neither revisions table has a row: the section is
    /// kept, saying what was compared and that nothing changed.
    var noRevisions: (String, String)? {
        guard revisionsTable == nil, revisedTable == nil else { return nil }
        return zh
            ? (
                "修订", "近13个月中，没有单独公布的月度数与由相邻两期累计数推算的结果相差超出修约误差，因此无隐含修订可列；也没有在后续发布中数值或增速有变化的数字（以库中各次公布为准）。"
            )
            : (
                "Revisions",
                "No month of the last thirteen published on its own differs from the one implied by two consecutive cumulative releases by more than their rounding, so there is no implied revision to show; and no figure was printed again with another value or rate (as far as the store's releases show)."
            )
    }

    /// The tables after the main one, with their headings.
    var extraTables: [(String, Table)] {
        var out: [(String, Table)] = []
        if let categoryTable { out.append((categoryHeading, categoryTable)) }
        if let currencyTable {
            out.append(
                (
                    zh ? "人民币与美元计（各自公布，不作换算）" : "In yuan and in US dollars (each as published, never converted)",
                    currencyTable
                ))
        }
        if let monthlyTable {
            out.append((zh ? "月度服务进出口（近13个月）" : "Month by month, the last thirteen months", monthlyTable))
        }
        if let revisionsTable {
            out.append(
                (
                    zh
                        ? "修订：公布的月度数与累计数推算值"
                        : "Revisions: published months against months implied by cumulative releases", revisionsTable
                ))
        }
        if let revisedTable {
            out.append(
                (
                    zh
                        ? "修订：后续发布中数值或增速有变化的数字（首次公布与最新）"
                        : "Revisions: figures printed again with another value or rate (first print against latest)",
                    revisedTable
                ))
        }
        return out
    }

    /// Whether a table marks a cell with ``PressFigures/derivedMarker``: the legend then follows the tables.
    var usesDerivedMark: Bool {
        ([table] + extraTables.map(\.1)).contains { t in
            t.rows.contains { row in row.contains { $0.hasSuffix(PressFigures.derivedMarker) } }
        }
    }

    /// Whether a table shows "—" for a figure not known: the legend says it is not zero.
    var usesDash: Bool {
        ([table] + extraTables.map(\.1)).contains { t in t.rows.contains { row in row.contains("—") } }
    }

    /// Whether the tables need a legend line.
    var needsLegend: Bool { usesDerivedMark || usesDash }

    /// What "*" means, as the legend under the tables and the workbook's notes say it (no final stop).
    public var derivedMarkMeaning: String {
        zh
            ? "带 * 的数字由两期累计数相减推算，非公布数"
            : "* marks a figure derived from two year-to-date releases, not published as such"
    }

    /// What "—" means, as the legend under the tables and the workbook's notes say it (no final stop).
    public var dashMeaning: String {
        zh
            ? "“—”表示库中没有发布日期（含）以前注明日期的公布数（未注明日期的不用），或推算区间过宽，不是零"
            : "“—” marks a figure with no copy in the store dated on or before the release date (undated copies are not used), or one whose derived interval is too wide; it is not zero"
    }

    /// What "*" and "—" mean, under the tables.
    var derivedLegend: String {
        let parts = (usesDerivedMark ? [derivedMarkMeaning] : []) + (usesDash ? [dashMeaning] : [])
        return zh ? "注：" + parts.joined(separator: "；") + "。" : "Note: " + parts.joined(separator: "; ") + "."
    }

    var categoryHeading: String { zh ? "分领域服务进出口（1月至当月累计）" : "Trade by service category, January to date" }
    var methodologyHeading: String { zh ? "方法说明" : "Methodology" }
    var keyFiguresHeading: String { zh ? "关键数据" : "Key figures" }

    // MARK: - Markdown

    /// The bulletin as Markdown (charts linked as files).
    public func markdown() -> String {
        var out = "# \(title)\n\n"
        // Chinese lines take the full-width colon, English ones ": ".
        out +=
            header.lines(through: through, zh: zh).map { zh ? "**\($0.0)**：\($0.1)" : "**\($0.0)**: \($0.1)" }
            .joined(separator: "  \n") + "\n\n"
        if !keyFigures.isEmpty {
            out +=
                "| \(keyFiguresHeading) | |\n|---|---|\n"
                + keyFigures.map { "| \($0.0) | \($0.1) |" }.joined(separator: "\n") + "\n\n"
        }
        out += lead.joined(separator: "\n\n") + "\n\n"
        let h = headings
        if !features.isEmpty {
            out += "## \(h.features)\n\n" + (zh ? "主要呈现以下特点：\n\n" : "The main features are as follows:\n\n")
            // Chinese items number themselves (一是…二是…); English ones are a numbered list.
            out +=
                (zh
                    ? features.joined(separator: "\n\n")
                    : features.enumerated().map { "\($0.offset + 1). \($0.element)" }
                        .joined(separator: "\n")) + "\n\n"
        }
        if !release.computed.isEmpty {
            out +=
                "### \(PressRelease.computedHeading(zh: zh))\n\n"
                + release.computed.map(\.text).joined(separator: "\n\n") + "\n\n"
        }
        out += "## \(h.tables)\n\n" + MarkdownRenderer.render(table) + "\n"
        for (heading, table) in extraTables {
            out += "### \(heading)\n\n" + MarkdownRenderer.render(table) + "\n"
        }
        if needsLegend { out += derivedLegend.replacingAll("*", with: "\\*") + "\n\n" }
        if let (heading, sentence) = noRevisions { out += "### \(heading)\n\n\(sentence)\n\n" }
        out += "## \(h.charts)\n\n" + charts.map { "![\($0.caption)](\($0.file))\n" }.joined(separator: "\n") + "\n"
        out += chartsNotDrawn.map { $0 + "\n\n" }.joined()
        if showsPilotProgramme {
            out += "## \(h.pilot)\n\n" + pilotIntro + "\n\n"
            out += themes.map { "- " + practiceLine($0.0, $0.1) }.joined(separator: "\n") + "\n\n"
        }
        out += "## \(methodologyHeading)\n\n" + methodology.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        out += "## \(h.sources)\n\n" + sources.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        out += "## \(h.notes)\n\n" + notes.map { "- \($0)" }.joined(separator: "\n") + "\n"
        if pilotFigures != nil || !pilotCharts.isEmpty {
            out += "\n## \(appendixHeading)\n\n"
            if let pilotFigures { out += pilotFigures + "\n\n" }
            out += pilotCharts.map { "![\($0.caption)](\($0.file))\n" }.joined(separator: "\n")
        }
        return out
    }

    // MARK: - HTML

    /// The bulletin as an HTML `<article>` with inline SVG charts.
    public func htmlArticle() -> String {
        let e = HTMLRenderer.escape
        let h = headings
        var out = "<article lang=\"\(zh ? "zh-CN" : "en")\">\n"
        if isDraft { out += "<div class=\"draft\">\(zh ? "草稿 — 不得发布" : "DRAFT — not for release")</div>\n" }
        out += "<h1>\(e(title))</h1>\n"
        out +=
            "<dl class=\"release\">\n"
            + header.lines(through: through, zh: zh).map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>\n" }.joined()
            + "</dl>\n"
        if !keyFigures.isEmpty {
            out += "<table class=\"key-figures\">\n<caption>\(e(keyFiguresHeading))</caption>\n"
            out +=
                keyFigures.map { "<tr><th scope=\"row\">\(e($0.0))</th><td>\(e($0.1))</td></tr>\n" }.joined()
                + "</table>\n"
        }
        out += lead.map { "<p>\(e($0))</p>\n" }.joined()
        if !features.isEmpty {
            out +=
                "<h2>\(e(h.features))</h2>\n<p>\(e(zh ? "主要呈现以下特点：" : "The main features are as follows:"))</p>\n"
            out +=
                zh
                ? features.map { "<p>\(e($0))</p>\n" }.joined()
                : "<ol>\n" + features.map { "<li>\(e($0))</li>\n" }.joined() + "</ol>\n"
        }
        if !release.computed.isEmpty {
            out +=
                "<section class=\"computed\">\n<h3>\(e(PressRelease.computedHeading(zh: zh)))</h3>\n"
                + release.computed.map { "<p>\(e($0.text))</p>\n" }.joined() + "</section>\n"
        }
        out += "<h2>\(e(h.tables))</h2>\n<div class=\"table\">\n" + HTMLRenderer.render(table) + "</div>\n"
        for (heading, table) in extraTables {
            out += "<h3>\(e(heading))</h3>\n<div class=\"table\">\n" + HTMLRenderer.render(table) + "</div>\n"
        }
        if needsLegend { out += "<p class=\"legend\">\(e(derivedLegend))</p>\n" }
        if let (heading, sentence) = noRevisions { out += "<h3>\(e(heading))</h3>\n<p>\(e(sentence))</p>\n" }
        out += "<h2>\(e(h.charts))</h2>\n" + charts.map(figure).joined()
        out += chartsNotDrawn.map { "<p class=\"note\">\(e($0))</p>\n" }.joined()
        if showsPilotProgramme {
            out +=
                "<h2>\(e(h.pilot))</h2>\n<p>\(e(pilotIntro))</p>\n<ul>\n"
                + themes.map { "<li>\(e(practiceLine($0.0, $0.1)))</li>\n" }.joined() + "</ul>\n"
        }
        out +=
            "<h2>\(e(h.sources))</h2>\n<ul class=\"sources\">\n" + sources.map { "<li>\(e($0))</li>\n" }.joined()
            + "</ul>\n"
        out += "<h2>\(e(h.notes))</h2>\n<ul>\n" + notes.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        if pilotFigures != nil || !pilotCharts.isEmpty {
            out += "<section class=\"illustrative\">\n<h2>\(e(appendixHeading))</h2>\n"
            if let pilotFigures { out += "<p>\(e(pilotFigures))</p>\n" }
            out += pilotCharts.map(figure).joined() + "</section>\n"
        }
        out += "</article>\n"
        return out
    }

    func figure(_ c: Chart) -> String {
        "<figure>\n" + c.svg.trimmingTrailingNewline()
            + "\n<figcaption>\(HTMLRenderer.escape(c.caption))</figcaption>\n</figure>\n"
    }

    /// The issuer of the bulletin in its language, or what a draft says instead.
    var issuerText: String { header.issuer(through: through, zh: zh) ?? (zh ? "草稿：未设发布单位" : "DRAFT: no issuer set") }

    /// The printed page's running header and footer in the bulletin's language (CSS paged media: a
    /// named page per language): title and reference period above, issuer, release date and
    /// "第 1 页 / 共 N 页" or "Page 1 of N" below.
    var printedMargins: String {
        func css(_ s: String) -> String {
            var out = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\"", "\\": out += "\\" + String(c)
                case "<", ">", "&": out += "\\" + String(c.value, radix: 16) + " "
                default: if c.value >= 0x20 { out.unicodeScalars.append(c) }
                }
            }
            return out + "\""
        }
        let name = zh ? "zh" : "en"
        let period = ReleaseHeader.reference(through: through, zh: zh)
        var footer = zh ? "发布单位：\(issuerText)" : "Issued by \(issuerText)"
        if let date = releaseDate { footer += zh ? " · 发布日期：\(date)" : " · released \(date)" }
        let number =
            zh ? #""第 " counter(page) " 页 / 共 " counter(pages) " 页""# : #""Page " counter(page) " of " counter(pages)"#
        let box = "font-size: 7.5pt; color: #595959;"
        return """
            article[lang="\(zh ? "zh-CN" : "en")"] { page: \(name); }
            @page \(name) { @top-left { content: \(css(title)); \(box) } @top-right { content: \(css(period)); \(box) }
              @bottom-left { content: \(css(footer)); \(box) } @bottom-right { content: \(number); \(box) } }
            """
    }

    /// A self-contained page: inline CSS and SVG, no scripts, no external references. Its `author`
    /// (the issuers) and `dcterms.created` (the release date) meta tags become the PDF's metadata
    /// when it is printed (``TradeBulletin/BulletinPrinter``).
    public static func page(_ documents: [BulletinDocument]) -> String {
        let lang = documents.count == 1 && documents.first?.zh == false ? "en" : "zh-CN"
        let title = documents.map(\.title).joined(separator: " · ")
        var authors: [String] = []
        for issuer in documents.map(\.issuerText) where !authors.contains(issuer) { authors.append(issuer) }
        let created = documents.compactMap(\.releaseDate).first.map {
            "<meta name=\"dcterms.created\" content=\"\(HTMLRenderer.escape($0))\">\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(lang)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="author" content="\(HTMLRenderer.escape(authors.joined(separator: " · ")))">
            \(created ?? "")<title>\(HTMLRenderer.escape(title))</title>
            <style>
            body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif; color: #1A1A1A; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #D9D9D9; }
            article + article { margin-top: 4rem; border-top: 3px solid #0072B2; }
            figure { margin: 1.5rem 0; } figure svg { max-width: 100%; height: auto; } figcaption { color: #595959; font-size: 0.85rem; }
            dl.release { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; font-size: 0.85rem; color: #333; margin: 0 0 1rem; }
            dl.release dt { font-weight: 600; } dl.release dd { margin: 0; }
            table.key-figures { border: 2px solid #0072B2; margin: 1rem 0; font-size: 0.95rem; }
            table.key-figures caption { text-align: left; font-weight: 700; color: #0072B2; padding: 0.2rem 0; }
            table.key-figures th { font-weight: 600; white-space: nowrap; } table.key-figures td { white-space: normal; }
            .table { overflow-x: auto; } table { border-collapse: collapse; font-size: 0.8rem; }
            th, td { border-bottom: 1px solid #D9D9D9; padding: 0.2rem 0.5rem; text-align: left; white-space: nowrap; }
            th { white-space: normal; vertical-align: bottom; min-width: 3rem; }
            @media print { @page { size: A4; margin: 15mm 12mm; } body { max-width: none; margin: 0; font-size: 10pt; }
              table, figure, dl.release, .key-figures { break-inside: avoid; page-break-inside: avoid; } h2, h3 { break-after: avoid; page-break-after: avoid; }
              article + article { break-before: page; page-break-before: always; border-top: none; } .table { overflow: visible; } }
            \(documents.map(\.printedMargins).joined(separator: "\n"))
            .draft { position: fixed; top: 0; right: 0; color: #B00020; font-weight: 700; border: 2px solid #B00020; padding: 0.1rem 0.5rem; background: #fff; }
            section.computed { border-left: 3px solid #E69F00; padding-left: 0.8rem; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; } .sources li { word-break: break-all; font-size: 0.85rem; }
            </style>
            </head>
            <body>
            \(documents.map { $0.htmlArticle() }.joined(separator: "\n"))</body>
            </html>

            """
    }
}

extension String {
    func trimmingTrailingNewline() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
