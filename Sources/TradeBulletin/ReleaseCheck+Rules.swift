import Foundation
import TradeCore

// The rules of the release check, one function per rule or per kind of file.

extension ReleaseCheck {
    // MARK: - placeholder

    /// Phrases that are placeholders wherever they stand.
    static let placeholderPhrases = [
        "请在此填写", "在此填写", "set the issuing office here", "set the issuer", "templates/release.toml", "lorem ipsum",
        "lorem",
    ]
    /// Upper-case markers that are placeholders as whole words.
    static let placeholderWords = ["TODO", "TBD", "XXX", "FIXME"]

    func placeholders(_ document: Document) -> [Finding] {
        var out: [Finding] = []
        for (index, line) in document.lines.enumerated() {
            var seen: [Range<String.Index>] = []
            for phrase in Self.placeholderPhrases {
                for range in line.ranges(of: phrase, caseInsensitive: true)
                where !seen.contains(where: { $0.overlaps(range) }) {
                    seen.append(range)
                    out.append(
                        Finding(
                            file: document.path, line: index + 1, text: String(line[range]), rule: .placeholder,
                            message: "placeholder text left in; fill it in before sending"))
                }
            }
            for word in Self.placeholderWords {
                for range in Self.occurrences(of: word, in: line) {
                    out.append(
                        Finding(
                            file: document.path, line: index + 1, text: Self.excerpt(line, around: range),
                            rule: .placeholder, message: "placeholder marker \(word) left in"))
                }
            }
        }
        return out
    }

    // MARK: - mirror-host

    func citedHosts(_ document: Document) -> [Finding] {
        var out: [Finding] = []
        var inStyle = false
        for (index, line) in document.lines.enumerated() {
            if document.kind == .html {
                if line.contains("<style") { inStyle = true }
                if line.contains("</style>") {
                    inStyle = false
                    continue
                }
                if inStyle { continue }
            }
            for (address, range) in Self.addresses(in: line) {
                if document.kind == .html || document.kind == .markdown, Self.isNamespace(line, before: range) {
                    continue
                }
                let kind = hosts.kind(ofAddress: address)
                guard !kind.isCitable else { continue }
                let host = SourceHosts.host(of: address) ?? address
                let why =
                    kind == .mirror
                    ? "cites \(host), a mirror site (kept as evidence, never cited)"
                    : "cites \(host), a host not in the classification (datasets/source-hosts.csv)"
                out.append(
                    Finding(
                        file: document.path, line: index + 1, text: address, rule: .mirrorHost,
                        message: why + "; cite the publisher, an official site or a news report"))
            }
        }
        return out
    }

    /// The `http(s)://` addresses of a line.
    static func addresses(in line: String) -> [(String, Range<String.Index>)] {
        var out: [(String, Range<String.Index>)] = []
        var start = line.startIndex
        while let found = line.range(of: "http", options: [.caseInsensitive], range: start..<line.endIndex) {
            let rest = line[found.lowerBound...]
            guard rest.lowercased().hasPrefix("http://") || rest.lowercased().hasPrefix("https://") else {
                start = found.upperBound
                continue
            }
            let end =
                rest.firstIndex { $0.isWhitespace || "\"'<>)]）」，。；".contains($0) } ?? line.endIndex
            var address = String(line[found.lowerBound..<end])
            while let last = address.last, ".,;:".contains(last) { address.removeLast() }
            out.append((address, found.lowerBound..<end))
            start = end
        }
        return out
    }

    /// Whether the address is an XML namespace (`xmlns="http://www.w3.org/2000/svg"`), not a citation.
    static func isNamespace(_ line: String, before range: Range<String.Index>) -> Bool {
        let before = line[..<range.lowerBound].suffix(40)
        guard let eq = before.lastIndex(of: "=") else { return false }
        let attribute = before[..<eq].split(whereSeparator: { $0 == " " || $0 == "<" }).last ?? ""
        return attribute.hasPrefix("xmlns") || attribute == "version"
    }

    // MARK: - bulletin.md

    func markdownChecks(_ document: Document, _ reference: Reference) -> [Finding] {
        var out: [Finding] = []
        for section in MarkdownSection.split(document.lines) {
            out += draft(document, section.header)
            let release = section.releaseDate
            if release == nil {
                let title = section.lines.first { $0.index == section.titleLine }?.text ?? ""
                out.append(
                    Finding(
                        file: document.path, line: section.titleLine + 1, text: Self.excerpt(title),
                        rule: .noReleaseDate,
                        message: section.language == .zh
                            ? "no release date in the header; add “**发布日期**：YYYY-MM-DD”"
                            : "no release date in the header; add “**Release date**: YYYY-MM-DD”"))
            }
            if let release {
                // Sources and prose alike: nothing published after the release date is cited or described
                // (the header's "Next release" line is left alone: it names the period the next
                // release covers, and an older bulletin may still give its date).
                for line in section.lines
                where !line.text.hasPrefix("|") && line.index != release.line - 1
                    && !MarkdownSection.isNextRelease(line.text)
                {
                    for (date, text) in Self.dates(in: line.text)
                    where date.count == 7 ? date > release.date.prefix(7) : date > release.date {
                        out.append(
                            Finding(
                                file: document.path, line: line.index + 1, text: text, rule: .newerInput,
                                message:
                                    "source dated \(date), after the release date \(release.date) (line \(release.line))"
                            ))
                    }
                }
            }
            let figures = reference.figures(section.language)
            out += unmarkedComputed(
                document, lines: section.lead.map { ($0.index, $0.text) }, figures: figures, language: section.language)
            out += unsupportedClaims(document, lines: section.lead.map { ($0.index, $0.text) }, figures: figures)
            let tables = MarkdownTable.tables(in: section.lines)
            out += precision(document, tables, figures: reference.figures(nil))
            out += legend(document, tables: tables, lines: section.lines)
            for table in tables { out += coherence(document, table) }
        }
        return out
    }

    // MARK: - draft

    static func isDraftMarker(_ line: String) -> Range<String.Index>? {
        if let range = line.range(of: "草稿") { return range }
        return occurrences(of: "draft", in: line, caseInsensitive: true).first
    }

    func draft(_ document: Document, _ header: [(index: Int, text: String)]) -> [Finding] {
        for line in header {
            let text = document.kind == .html ? Self.strippingTags(line.text) : line.text
            if let range = Self.isDraftMarker(text) {
                return [
                    Finding(
                        file: document.path, line: line.index + 1, text: Self.excerpt(text, around: range),
                        rule: .draft, message: "the bulletin is marked as a draft; a draft must not be sent")
                ]
            }
        }
        return []
    }

    // MARK: - bulletin.html

    func htmlChecks(_ document: Document) -> [Finding] {
        let lines = Array(document.lines.enumerated()).map { (index: $0.offset, text: $0.element) }
        var header: [(index: Int, text: String)] = []
        var inHead = false
        for line in lines {
            if line.text.contains("<table") || line.text.contains("<h2") { break }
            if line.text.contains("<style") || line.text.contains("<script") { inHead = true }
            if !inHead { header.append(line) }
            if line.text.contains("</style>") || line.text.contains("</script>") { inHead = false }
        }
        var out = draft(document, header)
        // "*" in a table cell needs a line explaining it.
        var firstMarked: (index: Int, text: String)?
        var hasLegend = false
        var inStyle = false
        for line in lines {
            if line.text.contains("<style") || line.text.contains("<script") { inStyle = true }
            defer { if line.text.contains("</style>") || line.text.contains("</script>") { inStyle = false } }
            if inStyle { continue }
            if line.text.contains("<td") {
                if firstMarked == nil, let cell = Self.markedHTMLCell(line.text) { firstMarked = (line.index, cell) }
            } else if Self.isLegend(Self.strippingTags(line.text)) {
                hasLegend = true
            }
        }
        if let firstMarked, !hasLegend {
            out.append(
                Finding(
                    file: document.path, line: firstMarked.index + 1, text: firstMarked.text, rule: .legendMissing,
                    message: "table cells are marked with * but no line explains the mark"))
        }
        return out
    }

    static func markedHTMLCell(_ line: String) -> String? {
        for part in line.components(separatedBy: "</td>") {
            guard let open = part.lastIndex(of: ">") else { continue }
            let cell = String(part[part.index(after: open)...])
            if let printed = Printed(cell), printed.isMarked { return printed.text }
        }
        return nil
    }

    // MARK: - legend-missing

    /// A line that explains "*": it holds a "*" that is not Markdown bold, or a full-width "＊".
    static func isLegend(_ line: String) -> Bool {
        let unbolded = line.replacingOccurrences(of: "**", with: "")
        return unbolded.contains("*") || unbolded.contains("＊") || unbolded.contains("&#42;")
    }

    func legend(_ document: Document, tables: [MarkdownTable], lines: [(index: Int, text: String)]) -> [Finding] {
        var firstMarked: (index: Int, text: String)?
        for table in tables {
            for row in table.rows {
                if let cell = row.cells.compactMap(Printed.init).first(where: \.isMarked) {
                    firstMarked = (row.index, cell.text)
                    break
                }
            }
            if firstMarked != nil { break }
        }
        guard let firstMarked else { return [] }
        if lines.contains(where: { !$0.text.hasPrefix("|") && Self.isLegend($0.text) }) { return [] }
        return [
            Finding(
                file: document.path, line: firstMarked.index + 1, text: firstMarked.text, rule: .legendMissing,
                message: "table cells are marked with * but no line explains the mark")
        ]
    }

    // MARK: - newer-input

    func newerInputs(_ document: Document, _ reference: Reference) -> [Finding] {
        guard let release = reference.releaseDate(document.language) else { return [] }
        var out: [Finding] = []
        for (index, line) in document.lines.enumerated() {
            guard let key = line.range(of: "\"published_on\"") else { continue }
            let value = line[key.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\"" }
            let date = String(value.prefix(10))
            guard Self.isISODate(date), date > release.date else { continue }
            out.append(
                Finding(
                    file: document.path, line: index + 1, text: line.trimmingCharacters(in: .whitespaces),
                    rule: .newerInput,
                    message:
                        "an input was published on \(date), after the release date \(release.date) (\(Self.name(release.file)):\(release.line))"
                ))
        }
        return out
    }

    static func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    // MARK: - unmarked-computed

    /// The headings of the block where computed (not published) figures belong.
    static let computedHeadings = [
        "根据公布数据计算（非发布数）", "根据公布数据计算(非发布数)", "computed from published figures, not in the release",
    ]

    static func isComputedHeading(_ line: String) -> Bool {
        let lower = line.lowercased()
        return computedHeadings.contains { lower.contains($0) }
    }

    func unmarkedComputed(
        _ document: Document, lines: [(Int, String)], figures: [FiguresFile], language: Language?
    ) -> [Finding] {
        guard !figures.isEmpty else { return [] }
        var published: Set<String> = []
        var computed: [(text: String, status: String, key: String)] = []
        for file in figures {
            for sentence in file.sentences {
                for number in sentence.numbers {
                    guard let text = number.text, text.contains(where: \.isNumber) else { continue }
                    let status = number.status ?? "unknown"
                    if number.inRelease ?? (status == "published") {
                        published.insert(text)
                    } else if !computed.contains(where: { $0.text == text }) {
                        computed.append((text, status, number.key ?? sentence.id ?? "?"))
                    }
                }
            }
        }
        computed.removeAll { published.contains($0.text) }
        let heading =
            (language ?? document.language) == .en
            ? "Computed from published figures, not in the release" : "根据公布数据计算（非发布数）"
        var out: [Finding] = []
        let known = published.union(computed.map(\.text))
        for (index, line) in lines {
            if Self.isComputedHeading(line) { break }
            if line.hasPrefix("|") || line.hasPrefix("**") || line.hasPrefix("#") { continue }
            for number in computed where !Self.occurrences(of: number.text, in: line).isEmpty {
                out.append(
                    Finding(
                        file: document.path, line: index + 1, text: number.text, rule: .unmarkedComputed,
                        message:
                            "\(number.status) figure (\(number.key)) stated among published figures; move it under “\(heading)”"
                    ))
            }
            // An amount the figures file does not hold at all: a reporter's conversion, a figure from
            // elsewhere, a typing slip. Only press files: a bulletin's prose is checked against its tables.
            guard document.kind == .press else { continue }
            for amount in Self.amounts(in: line) where !known.contains(where: { $0.contains(amount) }) {
                out.append(
                    Finding(
                        file: document.path, line: index + 1, text: amount, rule: .unmarkedComputed,
                        message:
                            "an amount that is not among the release's figures (figures-\((language ?? document.language) == .en ? "en" : "zh").json): a reported conversion or a figure from elsewhere is not read out"
                    ))
            }
        }
        return out
    }

    /// Currency amounts in a line: "6.58万亿元", "9260亿美元", "RMB6.58 trillion", "USD 926 billion".
    static func amounts(in line: String) -> [String] {
        let patterns = [
            #"[0-9][0-9,.]*(?:万亿|亿|万)?(?:美元|元)"#,
            #"(?:RMB|USD|US\$|\$) ?[0-9][0-9,.]*(?: (?:trillion|billion|million))?"#,
        ]
        var out: [String] = []
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(line.startIndex..<line.endIndex, in: line)
            for match in regex.matches(in: line, range: range) {
                if let r = Range(match.range, in: line) { out.append(String(line[r])) }
            }
        }
        return out
    }

    // MARK: - claims

    /// Words of a ranking or superlative claim.
    static let claimWords = [
        "最快", "最大", "最高", "最多", "居首", "首次", "fastest", "largest", "highest", "biggest", "first since",
        "for the first time", "ranked first",
    ]

    /// A ranking or superlative stated in prose that the figures file does not back: only the claims
    /// the composer wrote after checking the whole compared set (sentence id `fastest`, written when all
    /// twelve categories have a rate) may be stated.
    func unsupportedClaims(_ document: Document, lines: [(Int, String)], figures: [FiguresFile]) -> [Finding] {
        let backed = figures.flatMap(\.sentences).filter { ($0.id ?? "").hasPrefix("fastest") }.compactMap(\.text)
        var out: [Finding] = []
        for (index, line) in lines {
            if line.hasPrefix("|") || line.hasPrefix("#") || line.hasPrefix("![") { continue }
            let lower = line.lowercased()
            guard let word = Self.claimWords.first(where: { lower.contains($0) }) else { continue }
            if backed.contains(where: { line.contains($0) || $0.contains(line) }) { continue }
            out.append(
                Finding(
                    file: document.path, line: index + 1, text: Self.excerpt(line), rule: .unsupportedClaim,
                    message:
                        "“\(word)”: a ranking or superlative needs the whole compared set (all twelve categories, every period); say what was compared or leave it out"
                ))
        }
        return out
    }

    // MARK: - precision

    /// The month of a monthly-table row label ("2025年10月", "Oct 2025"); `nil` for a year-to-date row.
    static func monthOfLabel(_ label: String) -> (year: Int, month: Int)? {
        if label.contains("—") || label.contains("–") || label.contains("-") { return nil }
        if let nian = label.firstIndex(of: "年"), let yue = label.firstIndex(of: "月"), nian < yue,
            let year = Int(label[..<nian]), let month = Int(label[label.index(after: nian)..<yue])
        {
            return (year, month)
        }
        let words = label.split(separator: " ")
        if words.count == 2, let month = month(named: words[0]), let year = Int(words[1]) { return (year, month) }
        return nil
    }

    /// The year-to-date span of a row label ("2025年1—10月", "Jan–Oct 2025"): year and last month.
    static func yearToDateOfLabel(_ label: String) -> (year: Int, month: Int)? {
        if let nian = label.firstIndex(of: "年"), let yue = label.lastIndex(of: "月"), nian < yue {
            let span = label[label.index(after: nian)..<yue]
            let parts = span.split(whereSeparator: { "—–-".contains($0) })
            if parts.count == 2, parts[0] == "1", let year = Int(label[..<nian]), let month = Int(parts[1]) {
                return (year, month)
            }
            return nil
        }
        let words = label.split(separator: " ")
        guard words.count == 2, let year = Int(words[1]) else { return nil }
        let parts = words[0].split(whereSeparator: { "—–-".contains($0) })
        guard parts.count == 2, month(named: parts[0]) == 1, let last = month(named: parts[1]) else { return nil }
        return (year, last)
    }

    /// The flow of an amount column from its header: `total`, `export`, `import`, `balance`; `nil` for a
    /// rate or a label.
    static func flowOfAmountHeader(_ header: String) -> String? {
        let lower = header.lowercased()
        guard lower.contains("亿") || lower.contains("100m") else { return nil }
        if lower.contains("进出口") || lower.hasPrefix("total") { return "total" }
        if lower.contains("出口") || lower.hasPrefix("export") { return "export" }
        if lower.contains("进口") || lower.hasPrefix("import") { return "import" }
        if lower.contains("差额") || lower.hasPrefix("balance") { return "balance" }
        return nil
    }

    static func isMonthlyTable(_ table: MarkdownTable) -> Bool {
        ["月份", "month"].contains(table.header.first?.lowercased() ?? "")
    }

    func precision(_ document: Document, _ tables: [MarkdownTable], figures: [FiguresFile]) -> [Finding] {
        // Inputs by period and series, and the months that have a published figure of their own.
        var inputs: [String: String] = [:]
        var publishedMonths: Set<String> = []
        for file in figures {
            for sentence in file.sentences {
                for number in sentence.numbers {
                    for input in number.inputs {
                        guard let period = input.period else { continue }
                        if let series = input.series, let value = input.value { inputs[period + " " + series] = value }
                        let ends = period.split(separator: "/")
                        if input.status == "published", ends.count == 1 || ends.count == 2 && ends[0] == ends[1] {
                            publishedMonths.insert(String(ends[0]))
                        }
                    }
                }
            }
        }
        var out: [Finding] = []
        for table in tables where Self.isMonthlyTable(table) {
            for row in table.rows {
                guard let label = row.cells.first, let month = Self.monthOfLabel(label) else { continue }
                let period = String(format: "%04d-%02d", month.year, month.month)
                for (column, cell) in row.cells.enumerated() {
                    guard column < table.header.count, let flow = Self.flowOfAmountHeader(table.header[column]),
                        let printed = Printed(cell), printed.isMarked, printed.decimals > 0
                    else { continue }
                    let series = "CN/S/\(flow)/CNY"
                    let current = inputs["\(month.year)-01/\(period) \(series)"]
                    let previous =
                        month.month > 1
                        ? inputs[
                            String(format: "%04d-01/%04d-%02d", month.year, month.year, month.month - 1) + " " + series]
                        : nil
                    if let current, let previous {
                        let coarsest = min(Printed(current)?.decimals ?? 0, Printed(previous)?.decimals ?? 0)
                        if coarsest < printed.decimals {
                            out.append(
                                Finding(
                                    file: document.path, line: row.index + 1, text: cell, rule: .precision,
                                    message:
                                        "\(label): a month derived from year-to-date totals \(current) and \(previous) printed to \(printed.decimals) decimal(s); its inputs support \(coarsest)"
                                ))
                        }
                    } else if month.month == 1 {
                        continue  // January's year to date is the month itself
                    } else if !publishedMonths.contains(period) {
                        out.append(
                            Finding(
                                file: document.path, line: row.index + 1, text: cell, rule: .precision,
                                message:
                                    "\(label): a derived month printed to \(printed.decimals) decimal(s), and no published figure for the month supports that precision; print it to the coarser input's step"
                            ))
                    }
                }
            }
        }
        return out
    }

    // MARK: - coherence

    static let flowWords: [String: String] = [
        "进出口": "total", "total": "total", "出口": "export", "exports": "export", "进口": "import",
        "imports": "import", "差额": "balance", "balance": "balance",
    ]

    func coherence(_ document: Document, _ table: MarkdownTable) -> [Finding] {
        var out: [Finding] = []
        func add(_ index: Int, _ text: String, _ message: String) {
            out.append(Finding(file: document.path, line: index + 1, text: text, rule: .coherence, message: message))
        }
        let amountColumns = table.header.indices.filter {
            let h = table.header[$0].lowercased()
            return h.contains("亿") || h.contains("100m")
        }
        // A revisions table compares a month with itself: its columns need not add up across flows.
        if table.header.contains(where: { $0.contains("修订") || $0.lowercased().contains("revision") }) { return [] }
        if let flowColumn = table.header.firstIndex(where: { ["流向", "flow"].contains($0.lowercased()) }) {
            // Rows by flow: exports + imports = total, exports − imports = balance, for each item.
            var groups: [String: [String: (index: Int, row: [String])]] = [:]
            var order: [String] = []
            for row in table.rows where flowColumn < row.cells.count {
                guard let flow = Self.flowWords[row.cells[flowColumn].lowercased()] else { continue }
                let item = flowColumn > 0 ? row.cells[0] : ""
                if groups[item] == nil { order.append(item) }
                groups[item, default: [:]][flow] = (row.index, row.cells)
            }
            for item in order {
                guard let group = groups[item] else { continue }
                for column in amountColumns {
                    func value(_ flow: String) -> Printed? {
                        guard let row = group[flow]?.row, column < row.count else { return nil }
                        return Printed(row[column])
                    }
                    let name = item.isEmpty ? table.header[column] : "\(item), \(table.header[column])"
                    if let e = value("export"), let i = value("import") {
                        if let t = value("total"), let index = group["total"]?.index {
                            let slack = e.halfWidth + i.halfWidth + t.halfWidth + 1e-9
                            if abs(t.value - (e.value + i.value)) > slack {
                                add(
                                    index, t.text,
                                    "\(name): exports \(e.text) + imports \(i.text) = \(Self.format(e.value + i.value)), but the total is \(t.text) (rounding allows ±\(Self.format(slack)))"
                                )
                            }
                        }
                        if let b = value("balance"), let index = group["balance"]?.index {
                            let slack = e.halfWidth + i.halfWidth + b.halfWidth + 1e-9
                            if abs(b.value - (e.value - i.value)) > slack {
                                add(
                                    index, b.text,
                                    "\(name): exports \(e.text) − imports \(i.text) = \(Self.format(e.value - i.value)), but the balance is \(b.text) (rounding allows ±\(Self.format(slack)))"
                                )
                            }
                        }
                    }
                }
            }
            // The services total is at least each part (knowledge-intensive, travel, excluding travel).
            if flowColumn > 0, let whole = order.first(where: { ["服务贸易", "services"].contains($0.lowercased()) }),
                let total = groups[whole]?["total"]
            {
                for item in order where item != whole {
                    guard let part = groups[item]?["total"] else { continue }
                    for column in amountColumns where column < part.row.count && column < total.row.count {
                        guard let p = Printed(part.row[column]), let t = Printed(total.row[column]) else { continue }
                        if p.value > t.value + p.halfWidth + t.halfWidth + 1e-9 {
                            add(
                                part.index, p.text,
                                "\(item) \(p.text) is larger than the services total \(t.text) it is part of")
                        }
                    }
                }
            }
        } else {
            // Flows in columns: exports + imports = total on every row.
            var byFlow: [String: Int] = [:]
            for column in amountColumns {
                if let flow = Self.flowOfAmountHeader(table.header[column]), byFlow[flow] == nil {
                    byFlow[flow] = column
                }
            }
            if let ce = byFlow["export"], let ci = byFlow["import"], let ct = byFlow["total"] {
                for row in table.rows where max(ce, ci, ct) < row.cells.count {
                    guard let e = Printed(row.cells[ce]), let i = Printed(row.cells[ci]), let t = Printed(row.cells[ct])
                    else { continue }
                    let slack = e.halfWidth + i.halfWidth + t.halfWidth + 1e-9
                    if abs(t.value - (e.value + i.value)) > slack {
                        add(
                            row.index, t.text,
                            "\(row.cells.first ?? ""): exports \(e.text) + imports \(i.text) = \(Self.format(e.value + i.value)), but the total is \(t.text) (rounding allows ±\(Self.format(slack)))"
                        )
                    }
                }
            }
            // Months add up to the year to date where every month is in the table.
            if Self.isMonthlyTable(table) {
                // A "1—2月" row stands for January and February together.
                var months: [String: [String]] = [:]
                var januaryFebruary: [Int: [String]] = [:]
                for row in table.rows {
                    guard let label = row.cells.first else { continue }
                    if let m = Self.monthOfLabel(label) {
                        months[String(format: "%04d-%02d", m.year, m.month)] = row.cells
                    } else if let ytd = Self.yearToDateOfLabel(label), ytd.month == 2 {
                        januaryFebruary[ytd.year] = row.cells
                    }
                }
                for row in table.rows {
                    guard let label = row.cells.first, let ytd = Self.yearToDateOfLabel(label), ytd.month > 1 else {
                        continue
                    }
                    let keys = (1...ytd.month).map { String(format: "%04d-%02d", ytd.year, $0) }
                    var rows = keys.compactMap { months[$0] }
                    if rows.count != keys.count, ytd.month > 2, let first = januaryFebruary[ytd.year] {
                        rows = [first] + keys.dropFirst(2).compactMap { months[$0] }
                        guard rows.count == keys.count - 1 else { continue }
                    } else if rows.count != keys.count {
                        continue
                    }
                    for column in amountColumns where column < row.cells.count {
                        guard let t = Printed(row.cells[column]) else { continue }
                        let parts = rows.compactMap { column < $0.count ? Printed($0[column]) : nil }
                        guard parts.count == rows.count else { continue }
                        let sum = parts.reduce(0) { $0 + $1.value }
                        let slack = parts.reduce(t.halfWidth) { $0 + $1.halfWidth } + 1e-9
                        if abs(sum - t.value) > slack {
                            add(
                                row.index, t.text,
                                "\(label), \(table.header[column]): the months add up to \(Self.format(sum)), not \(t.text) (rounding allows ±\(Self.format(slack)))"
                            )
                        }
                    }
                }
            }
        }
        return out
    }

    /// A sum printed to four decimals at most, without trailing zeros.
    static func format(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    // MARK: - coherence of a table CSV

    func csvCoherence(_ document: Document) -> [Finding] {
        let lines = document.lines
        guard let head = lines.first else { return [] }
        let header = Self.csvFields(head)
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let cRegion = column("region"), let cSector = column("sector"), let cFlow = column("flow"),
            let cCurrency = column("currency"), let cFrom = column("period_from"), let cTo = column("period_to"),
            let cValue = column("value")
        else { return [] }
        struct Row {
            var line: Int
            var text: String
            var region, sector, flow, currency, from, to: String
            var value: Printed
        }
        var rows: [Row] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let f = Self.csvFields(line)
            guard f.count > max(cRegion, cSector, cFlow, cCurrency, cFrom, cTo, cValue), let value = Printed(f[cValue])
            else { continue }
            rows.append(
                Row(
                    line: index + 1, text: Self.excerpt(line), region: f[cRegion], sector: f[cSector], flow: f[cFlow],
                    currency: f[cCurrency], from: f[cFrom], to: f[cTo], value: value))
        }
        var out: [Finding] = []
        func add(_ row: Row, _ message: String) {
            out.append(Finding(file: document.path, line: row.line, text: row.text, rule: .coherence, message: message))
        }
        // The same period: flows within a sector, and sectors within the services total.
        var byPeriod: [String: [Row]] = [:]
        var periodOrder: [String] = []
        for row in rows {
            let key = [row.region, row.currency, row.from, row.to].joined(separator: "|")
            if byPeriod[key] == nil { periodOrder.append(key) }
            byPeriod[key, default: []].append(row)
        }
        for key in periodOrder {
            guard let group = byPeriod[key] else { continue }
            var sectors: [String] = []
            for row in group where !sectors.contains(row.sector) { sectors.append(row.sector) }
            for sector in sectors {
                func find(_ flow: String) -> Row? { group.first { $0.sector == sector && $0.flow == flow } }
                guard let e = find("export"), let i = find("import") else { continue }
                let span = e.from == e.to ? e.to : "\(e.from)/\(e.to)"
                if let t = find("total") {
                    let slack = e.value.halfWidth + i.value.halfWidth + t.value.halfWidth + 1e-9
                    if abs(t.value.value - (e.value.value + i.value.value)) > slack {
                        add(
                            t,
                            "\(sector) \(span): exports \(e.value.text) + imports \(i.value.text) = \(Self.format(e.value.value + i.value.value)), but the total is \(t.value.text) (rounding allows ±\(Self.format(slack)))"
                        )
                    }
                }
                if let b = find("balance") {
                    let slack = e.value.halfWidth + i.value.halfWidth + b.value.halfWidth + 1e-9
                    if abs(b.value.value - (e.value.value - i.value.value)) > slack {
                        add(
                            b,
                            "\(sector) \(span): exports \(e.value.text) − imports \(i.value.text) = \(Self.format(e.value.value - i.value.value)), but the balance is \(b.value.text) (rounding allows ±\(Self.format(slack)))"
                        )
                    }
                }
            }
            if let whole = group.first(where: { $0.sector == "S" && $0.flow == "total" }) {
                for part in group where part.sector != "S" && part.flow == "total" {
                    if part.value.value > whole.value.value + part.value.halfWidth + whole.value.halfWidth + 1e-9 {
                        add(
                            part,
                            "\(part.sector) \(part.value.text) is larger than the services total \(whole.value.text) of the same period"
                        )
                    }
                }
            }
        }
        // Months add up to the year to date where every month is present.
        var months: [String: Row] = [:]
        for row in rows where row.from == row.to {
            months[[row.region, row.sector, row.flow, row.currency, row.to].joined(separator: "|")] = row
        }
        for row in rows where row.from != row.to && row.from.hasSuffix("-01") {
            let year = row.from.prefix(4)
            guard row.to.hasPrefix(year), let last = Int(row.to.suffix(2)), last > 1 else { continue }
            let parts = (1...last).compactMap {
                months[
                    [row.region, row.sector, row.flow, row.currency, "\(year)-" + String(format: "%02d", $0)]
                        .joined(separator: "|")]
            }
            guard parts.count == last else { continue }
            let sum = parts.reduce(0) { $0 + $1.value.value }
            let slack = parts.reduce(row.value.halfWidth) { $0 + $1.value.halfWidth } + 1e-9
            if abs(sum - row.value.value) > slack {
                add(
                    row,
                    "\(row.sector) \(row.flow) \(row.from)/\(row.to): the months add up to \(Self.format(sum)), not \(row.value.text) (rounding allows ±\(Self.format(slack)))"
                )
            }
        }
        return out
    }
}

extension String {
    /// Every range of `needle`, optionally ignoring case.
    fileprivate func ranges(of needle: String, caseInsensitive: Bool) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var start = startIndex
        let options: String.CompareOptions = caseInsensitive ? [.caseInsensitive] : []
        while let range = range(of: needle, options: options, range: start..<endIndex) {
            out.append(range)
            start = range.upperBound
        }
        return out
    }
}
