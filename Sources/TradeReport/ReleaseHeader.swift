import TradeCore

/// The release header of a bulletin: who issues it, when, its status and the next release, read from
/// a small editable file (`templates/release.toml`) with sensible defaults.
///
/// The file is a subset of TOML: `key = "value"` lines, `[section]` headers, `#` comments. Keys:
/// `issuer`, `contact`, `status` (`preliminary` or `revised`), and per reference period, in a
/// section named after the month (`[2021-04]`): `release_date` (`YYYY-MM-DD`), `release_time`,
/// `next_release`, `status`. Chinese variants end in `_zh` (`issuer_zh`).
public struct ReleaseHeader: Sendable, Equatable {
    /// Values by key (`issuer`, `2021-04.release_date`, …).
    public var values: [String: String]

    /// Parses the file text; malformed lines are reported with their number.
    public init(parsing text: String) throws(ParseFailure) {
        var values: [String: String] = [:]
        var section = ""
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw).trimmingSpacesAndTabs()
            if line.hasSuffix("\r") { line = String(line.dropLast()).trimmingSpacesAndTabs() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast()).trimmingSpacesAndTabs()
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { throw ParseFailure(line: n + 1, text: line) }
            let key = String(line[..<eq]).trimmingSpacesAndTabs()
            var value = String(line[line.index(after: eq)...]).trimmingSpacesAndTabs()
            guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\""), !key.isEmpty else {
                throw ParseFailure(line: n + 1, text: line)
            }
            value = String(value.dropFirst().dropLast()).replacingAll("\\\"", with: "\"")
            values[section.isEmpty ? key : section + "." + key] = value
        }
        self.values = values
    }

    /// No file: the defaults only.
    public init() {
        values = [:]
    }

    /// A line that is not `key = "value"`, a `[section]` or a comment.
    public struct ParseFailure: Error, Equatable, CustomStringConvertible {
        /// 1-based line.
        public var line: Int
        /// The line.
        public var text: String

        /// Creates a failure.
        public init(line: Int, text: String) {
            self.line = line
            self.text = text
        }

        public var description: String {
            "release.toml:\(line): expected key = \"value\", [section] or # comment, found \(text)"
        }
    }

    /// Words a header value must not contain: the placeholders of the shipped `release.toml`.
    public static let placeholders = ["请在此填写", "set the issuing office here", "set the issuer in"]

    /// The issuer for a bulletin through `period` in a language; `nil` when unset or still a
    /// placeholder (a bulletin is then refused unless it is a draft).
    public func issuer(through period: Period, zh: Bool) -> String? {
        guard let v = value("issuer", period, zh: zh), !Self.placeholders.contains(where: { v.contains($0) }) else {
            return nil
        }
        return v
    }

    /// The release date of the bulletin through `period` (`[YYYY-MM] release_date`), when set.
    public func releaseDate(through period: Period) -> String? { value("release_date", period, zh: false) }

    /// Whether the bulletin through `period` is a draft (`[YYYY-MM] draft = "true"` or `draft = "true"`).
    public func isDraft(through period: Period) -> Bool { value("draft", period, zh: false) == "true" }

    func value(_ key: String, _ period: Period, zh: Bool) -> String? {
        let keys = zh ? ["\(period).\(key)_zh", "\(period).\(key)", "\(key)_zh", key] : ["\(period).\(key)", key]
        return keys.lazy.compactMap { self.values[$0] }.first { !$0.isEmpty }
    }

    /// The reference period of a bulletin through `period`: "2021年1—4月", "January–April 2021".
    public static func reference(through period: Period, zh: Bool) -> String {
        let month = PressFiguresWords.monthName(period.month)
        return zh
            ? (period.month == 1 ? "\(period.year)年1月" : "\(period.year)年1—\(period.month)月")
            : (period.month == 1 ? "January \(period.year)" : "January–\(month) \(period.year)")
    }

    /// The status of the figures of a bulletin through `period` (`status`): "Preliminary; may be
    /// revised" or "Revised", in a language.
    public func statusText(through period: Period, zh: Bool) -> String {
        let status = value("status", period, zh: false) ?? "preliminary"
        return zh
            ? (status == "revised" ? "修订数据" : "初步数据，以后可能修订")
            : (status == "revised" ? "Revised" : "Preliminary; may be revised")
    }

    /// The header lines for a bulletin through `period`, in a language: (label, value) pairs.
    public func lines(through period: Period, zh: Bool) -> [(String, String)] {
        let issuer =
            issuer(through: period, zh: zh) ?? (zh ? "草稿：未设发布单位" : "DRAFT: no issuer set")
        let reference = Self.reference(through: period, zh: zh)
        let statusText = statusText(through: period, zh: zh)
        var out: [(String, String)] = [
            (zh ? "发布单位" : "Issued by", issuer), (zh ? "统计期" : "Reference period", reference),
        ]
        if let date = value("release_date", period, zh: zh) {
            let time = value("release_time", period, zh: zh).map { " " + $0 } ?? ""
            out.append((zh ? "发布日期" : "Release date", date + time))
        }
        out.append((zh ? "数据状态" : "Status", statusText))
        if let next = value("next_release", period, zh: zh) { out.append((zh ? "下次发布" : "Next release", next)) }
        if let contact = value("contact", period, zh: zh) { out.append((zh ? "联系方式" : "Contact", contact)) }
        return out
    }
}

/// Month names for headers.
enum PressFiguresWords {
    static func monthName(_ m: Int) -> String { PressFigures.monthNames[max(0, min(11, m - 1))] }
}
