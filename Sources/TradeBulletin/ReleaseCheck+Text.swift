import Foundation
import TradeCore

// The small readers the release check needs: sections and tables of a bulletin's Markdown, printed
// numbers with their rounding, dates in the two languages, and excerpts.

extension ReleaseCheck {
    /// One language of `bulletin.md`: from its `# ` title to the `---` line before the next language.
    struct MarkdownSection {
        /// The lines with their 0-based index in the file.
        var lines: [(index: Int, text: String)]

        /// The language of the title: Chinese when it holds a CJK character.
        var language: Language {
            let title = lines.first { $0.text.hasPrefix("# ") }?.text ?? lines.first?.text ?? ""
            return title.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ? .zh : .en
        }

        /// The line of the title (or the first line).
        var titleLine: Int { (lines.first { $0.text.hasPrefix("# ") } ?? lines.first)?.index ?? 0 }

        /// The header: the title and the lines under it up to the first table or `##` heading.
        var header: [(index: Int, text: String)] {
            var out: [(index: Int, text: String)] = []
            for line in lines {
                if line.text.hasPrefix("|") || line.text.hasPrefix("## ") { break }
                out.append(line)
            }
            return out
        }

        /// The lead: the header's paragraphs and the sentences up to the first `##` heading.
        var lead: [(index: Int, text: String)] {
            var out: [(index: Int, text: String)] = []
            for line in lines {
                if line.text.hasPrefix("## ") { break }
                out.append(line)
            }
            return out
        }

        /// The release date of the header, `**发布日期**：YYYY-MM-DD` (also `发布时间`, `Release date`,
        /// `Released`), with its 0-based line.
        var releaseDate: (date: String, line: Int)? {
            for line in header {
                if let date = Self.releaseDate(in: line.text) { return (date, line.index + 1) }
            }
            return nil
        }

        static let releaseLabels: Set<String> = ["发布日期", "发布时间", "release date", "released"]

        /// True for the header line of the next release, `**下次发布**：…` / `**Next release**: …`.
        static func isNextRelease(_ line: String) -> Bool {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("**下次发布**") || trimmed.lowercased().hasPrefix("**next release**")
        }

        static func releaseDate(in line: String) -> String? {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("**") else { return nil }
            let rest = trimmed.dropFirst(2)
            guard let close = rest.range(of: "**") else { return nil }
            let label = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces).lowercased()
            guard releaseLabels.contains(label) else { return nil }
            let value = rest[close.upperBound...].drop { $0 == ":" || $0 == "：" || $0 == " " }
            let date = String(value.prefix(10))
            return isISODate(date) ? date : nil
        }

        /// The lines of the `## 资料来源` / `## Sources` section.
        var sources: [(index: Int, text: String)] {
            var out: [(index: Int, text: String)] = []
            var inside = false
            for line in lines {
                if line.text.hasPrefix("## ") || line.text.hasPrefix("# ") {
                    let title = line.text.drop { $0 == "#" || $0 == " " }.lowercased()
                    inside = title.hasPrefix("资料来源") || title.hasPrefix("sources")
                    continue
                }
                if inside { out.append(line) }
            }
            return out
        }

        /// The file split at its `---` lines (outside tables).
        static func split(_ lines: [String]) -> [MarkdownSection] {
            var sections: [MarkdownSection] = []
            var current: [(index: Int, text: String)] = []
            for (index, text) in lines.enumerated() {
                if text.trimmingCharacters(in: .whitespaces) == "---" {
                    if !current.isEmpty { sections.append(MarkdownSection(lines: current)) }
                    current = []
                } else {
                    current.append((index, text))
                }
            }
            if current.contains(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
                sections.append(MarkdownSection(lines: current))
            }
            return sections
        }
    }

    /// A Markdown table: header cells and rows, each row with its 0-based line.
    struct MarkdownTable {
        var header: [String]
        var rows: [(index: Int, cells: [String])]

        /// The tables of a run of lines.
        static func tables(in lines: [(index: Int, text: String)]) -> [MarkdownTable] {
            var out: [MarkdownTable] = []
            var block: [(index: Int, text: String)] = []
            func flush() {
                if block.count >= 2, let first = block.first {
                    let rows = block.dropFirst(2).map { (index: $0.index, cells: cells(of: $0.text)) }
                    out.append(MarkdownTable(header: cells(of: first.text), rows: Array(rows)))
                }
                block = []
            }
            for line in lines {
                if line.text.hasPrefix("|") { block.append(line) } else { flush() }
            }
            flush()
            return out
        }

        static func cells(of line: String) -> [String] {
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("|") { text.removeFirst() }
            if text.hasSuffix("|") { text.removeLast() }
            return text.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// A number as printed: its value, its decimals (the rounding it carries) and the "*" mark.
    struct Printed {
        var text: String
        var value: Double
        var decimals: Int
        var isMarked: Bool

        /// Half the last printed digit: the rounding error the printed figure may carry.
        /// Half the rounding step. A whole number ending in zeros may be rounded to those zeros
        /// ("29100" 亿元 printed from "2.91 trillion" is ±50): trailing zeros widen the step.
        var halfWidth: Double {
            guard decimals == 0, value != 0 else { return 0.5 * pow(10, -Double(decimals)) }
            var zeros = 0
            var v = abs(value).rounded()
            while v >= 10, v.truncatingRemainder(dividingBy: 10) == 0 {
                v /= 10
                zeros += 1
            }
            return 0.5 * pow(10, Double(zeros))
        }

        init?(_ cell: String) {
            var body = cell.trimmingCharacters(in: .whitespaces)
            isMarked = body.hasSuffix("*")
            if isMarked { body = String(body.dropLast()).trimmingCharacters(in: .whitespaces) }
            body = body.replacingOccurrences(of: ",", with: "")
            guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
                let value = Double(body)
            else { return nil }
            text = cell.trimmingCharacters(in: .whitespaces)
            self.value = value
            decimals = body.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        }
    }

    /// `YYYY-MM-DD`.
    static func isISODate(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count == 10, chars[4] == "-", chars[7] == "-" else { return false }
        return chars.enumerated().allSatisfy {
            $0.offset == 4 || $0.offset == 7 || $0.element.isASCII && $0.element.isNumber
        }
    }

    static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// The month of an English month name or its abbreviation ("Oct", "October"), 1–12.
    static func month(named word: Substring) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3, let index = monthNames.firstIndex(of: String(lower.prefix(3))) else { return nil }
        let full = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ][index]
        return lower.count == 3 || full == lower ? index + 1 : nil
    }

    static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day), (1000...9999).contains(year) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The dates a line mentions, as `YYYY-MM-DD`: "2025年10月1日", "1 October 2025" and `2025-10-01`;
    /// a month without a day ("2021年8月") as `YYYY-MM`.
    static func dates(in line: String) -> [(date: String, text: String)] {
        var out: [(date: String, text: String)] = []
        let chars = Array(line)
        var i = 0
        func number(at start: Int) -> (value: Int, end: Int)? {
            var end = start
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            guard end > start, let value = Int(String(chars[start..<end])) else { return nil }
            return (value, end)
        }
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber),
                let first = number(at: i)
            else {
                i += 1
                continue
            }
            // 2025年10月1日
            if first.end - i == 4, first.end < chars.count, chars[first.end] == "年",
                let month = number(at: first.end + 1), month.end < chars.count, chars[month.end] == "月",
                let day = number(at: month.end + 1), day.end < chars.count, chars[day.end] == "日",
                let date = iso(first.value, month.value, day.value)
            {
                out.append((date, String(chars[i...day.end])))
                i = day.end + 1
                continue
            }
            // 2021年8月 (a month: later when the whole month is later)
            if first.end - i == 4, first.end < chars.count, chars[first.end] == "年",
                let month = number(at: first.end + 1), month.end < chars.count, chars[month.end] == "月",
                (1...12).contains(month.value)
            {
                out.append((String(format: "%04d-%02d", first.value, month.value), String(chars[i...month.end])))
                i = month.end + 1
                continue
            }
            // 2025-10-01
            if first.end - i == 4, first.end + 6 <= chars.count {
                let candidate = String(chars[i..<(first.end + 6)])
                if isISODate(candidate) {
                    out.append((candidate, candidate))
                    i = first.end + 6
                    continue
                }
            }
            // 1 October 2025
            if first.end - i <= 2, first.end < chars.count, chars[first.end] == " " {
                var wordEnd = first.end + 1
                while wordEnd < chars.count, chars[wordEnd].isLetter, chars[wordEnd].isASCII { wordEnd += 1 }
                let word = String(chars[(first.end + 1)..<wordEnd])
                if let month = month(named: Substring(word)), wordEnd < chars.count, chars[wordEnd] == " ",
                    let year = number(at: wordEnd + 1), year.end - (wordEnd + 1) == 4,
                    let date = iso(year.value, month, first.value)
                {
                    out.append((date, String(chars[i..<year.end])))
                    i = year.end
                    continue
                }
            }
            i = first.end
        }
        return out
    }

    /// The ranges where `needle` occurs in `line` as a whole: not inside a longer number or word.
    static func occurrences(of needle: String, in line: String, caseInsensitive: Bool = false) -> [Range<String.Index>]
    {
        guard !needle.isEmpty else { return [] }
        var out: [Range<String.Index>] = []
        var start = line.startIndex
        let options: String.CompareOptions = caseInsensitive ? [.caseInsensitive] : []
        while let range = line.range(of: needle, options: options, range: start..<line.endIndex) {
            start = range.upperBound
            if let first = needle.first, isWordCharacter(first), range.lowerBound > line.startIndex {
                let before = line[line.index(before: range.lowerBound)]
                if isWordCharacter(before) || first.isNumber && before == "." { continue }
            }
            if let last = needle.last, isWordCharacter(last), range.upperBound < line.endIndex {
                let after = line[range.upperBound]
                if isWordCharacter(after) { continue }
                if last.isNumber, after == ".", line.index(after: range.upperBound) < line.endIndex,
                    line[line.index(after: range.upperBound)].isNumber
                {
                    continue
                }
            }
            out.append(range)
        }
        return out
    }

    /// Latin letters, digits and `_` (a CJK neighbour does not join a word).
    static func isWordCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }

    /// At most 80 characters of `line` around `range`, trimmed.
    static func excerpt(_ line: String, around range: Range<String.Index>? = nil) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 80 else { return trimmed }
        guard let range else { return String(trimmed.prefix(77)) + "…" }
        let lower = line.distance(from: line.startIndex, to: range.lowerBound)
        let chars = Array(line)
        let from = max(0, lower - 30)
        let to = min(chars.count, from + 80)
        return (from > 0 ? "…" : "") + String(chars[from..<to]).trimmingCharacters(in: .whitespaces)
            + (to < chars.count ? "…" : "")
    }

    /// A line with its HTML tags removed.
    static func strippingTags(_ line: String) -> String {
        var out = ""
        var inTag = false
        for c in line {
            if c == "<" {
                inTag = true
            } else if c == ">" {
                inTag = false
            } else if !inTag {
                out.append(c)
            }
        }
        return out
    }

    /// The fields of one CSV line (RFC 4180 quotes).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}
