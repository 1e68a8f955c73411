import Foundation
import TradeCore

/// The release header of a bulletin: who issues it, when, its status and the next release, read from
/// a small editable file (`templates/release.toml`) with sensible defaults.
///
/// The file is a subset of TOML: `key = "value"` lines, `[section]` headers, `#` comments. Keys:
/// `issuer`, `contact`, `status` (`preliminary` or `revised`), and per reference period, in a
/// section named after the month (`[2021-04]`): `release_date` (`YYYY-MM-DD`), `release_time`
/// (`HH:MM`), `time_zone` (`+08:00` or `Asia/Shanghai`; also at the top), `next_release`
/// (`YYYY-MM-DD`, `YYYY-MM` or `unannounced`; the header shows what it will cover, "January–May 2021
/// data", never the date), `status`. Chinese variants end in `_zh` (`issuer_zh`).
public struct ReleaseHeader: Sendable, Equatable {
    /// Values by key (`issuer`, `2021-04.release_date`, …).
    public var values: [String: String]

    /// Parses the file text; a malformed line or a calendar value that is not valid (a date, time,
    /// time zone or next release) is reported at its line and column in `file`.
    public init(parsing text: String, file: String = "release.toml") throws(ParseFailure) {
        var values: [String: String] = [:]
        var section = ""
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw).trimmingSpacesAndTabs()
            if line.hasSuffix("\r") { line = String(line.dropLast()).trimmingSpacesAndTabs() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let indent = String(raw).prefix { $0 == " " || $0 == "\t" }.count
            func failure(_ column: Int, _ problem: String, _ fix: String) -> ParseFailure {
                ParseFailure(file: file, line: n + 1, column: indent + column, problem: problem, fix: fix)
            }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast()).trimmingSpacesAndTabs()
                guard (try? Period(parsing: section)) != nil else {
                    throw failure(
                        2, "section [\(section)] is not a month", "name a section after its month, e.g. [2021-04]")
                }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw failure(
                    1, "expected key = \"value\", [section] or # comment, found \(line)", "write key = \"value\"")
            }
            let key = String(line[..<eq]).trimmingSpacesAndTabs()
            let rest = line[line.index(after: eq)...]
            var value = String(rest).trimmingSpacesAndTabs()
            let valueColumn =
                line.distance(from: line.startIndex, to: eq) + 2 + rest.prefix { $0 == " " || $0 == "\t" }.count
            guard !key.isEmpty else { throw failure(1, "a value without a key", "write key = \"value\"") }
            guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
                throw failure(valueColumn, "the value of \(key) is not in double quotes", "write \(key) = \"…\"")
            }
            value = String(value.dropFirst().dropLast()).replacingAll("\\\"", with: "\"")
            if !value.isEmpty, let bad = ReleaseCalendar.problem(key: key, value: value) {
                throw failure(valueColumn + 1, bad.problem, bad.fix)
            }
            values[section.isEmpty ? key : section + "." + key] = value
        }
        self.values = values
    }

    /// No file: the defaults only.
    public init() {
        values = [:]
    }

    /// A line of the file that cannot be read: where (file, line, column), what, and how to fix it.
    public struct ParseFailure: Error, Equatable, CustomStringConvertible {
        /// The file (as given to the parser).
        public var file: String
        /// 1-based line.
        public var line: Int
        /// 1-based column of the first character at fault.
        public var column: Int
        /// What is wrong.
        public var problem: String
        /// How to write it instead.
        public var fix: String

        /// Creates a failure.
        public init(file: String, line: Int, column: Int, problem: String, fix: String) {
            self.file = file
            self.line = line
            self.column = column
            self.problem = problem
            self.fix = fix
        }

        public var description: String { "\(file):\(line):\(column): \(problem); \(fix)" }
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

    /// The moment the bulletin through `period` is released: `release_date` at `release_time` (00:00
    /// when none is set) in `time_zone` (default ``ReleaseCalendar/defaultTimeZone``); `nil` without a
    /// release date.
    public func releaseMoment(through period: Period) -> ReleaseMoment? {
        guard let date = releaseDate(through: period) else { return nil }
        return ReleaseCalendar.moment(
            date: date, time: value("release_time", period, zh: false),
            zone: value("time_zone", period, zh: false) ?? ReleaseCalendar.defaultTimeZone)
    }

    /// The months of the file (sections with a `release_date`) still under embargo at `now`, oldest first.
    public func embargoedMonths(at now: Date) -> [Period] {
        values.keys.compactMap { key -> Period? in
            guard key.hasSuffix(".release_date") else { return nil }
            return try? Period(parsing: key.dropLast(".release_date".count))
        }.filter { embargo(through: $0, at: now) != nil }.sorted()
    }

    /// The release moment when the bulletin through `period` is still under embargo at `now`, else `nil`.
    public func embargo(through period: Period, at now: Date) -> ReleaseMoment? {
        guard let moment = releaseMoment(through: period), now < moment.instant else { return nil }
        return moment
    }

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
            // A time is shown with its zone; a date alone as it is written.
            let time = releaseMoment(through: period).flatMap { m in
                m.time.map { " \($0) " + ReleaseCalendar.offsetText(m.offsetSeconds) }
            }
            out.append((zh ? "发布日期" : "Release date", date + (time ?? "")))
        }
        out.append((zh ? "数据状态" : "Status", statusText))
        if let next = value("next_release", period, zh: zh) {
            out.append((zh ? "下次发布" : "Next release", ReleaseCalendar.nextReleaseText(next, after: period, zh: zh)))
        }
        if let contact = value("contact", period, zh: zh) { out.append((zh ? "联系方式" : "Contact", contact)) }
        return out
    }
}

/// Month names for headers.
enum PressFiguresWords {
    static func monthName(_ m: Int) -> String { PressFigures.monthNames[max(0, min(11, m - 1))] }
}
