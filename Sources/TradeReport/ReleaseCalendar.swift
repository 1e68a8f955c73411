import Foundation
import TradeCore

/// The moment a bulletin is released: its date, its time (when the calendar gives one) and the time
/// zone, as one instant. A bulletin is under embargo until then (`svctrade serve` answers 404).
///
/// Rule for a date without a time: the embargo lifts at 00:00 of the release date in the calendar's
/// time zone (`time_zone`, default Beijing time, UTC+08:00, MOFCOM's).
public struct ReleaseMoment: Sendable, Equatable, CustomStringConvertible {
    /// `YYYY-MM-DD`.
    public var date: String
    /// `HH:MM`, or `nil` when the calendar gives only the date.
    public var time: String?
    /// Offset of the time zone from UTC at that moment, in seconds.
    public var offsetSeconds: Int
    /// The instant, in seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int

    /// The instant as a `Date`.
    public var instant: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    /// `2025-12-03 00:00 UTC+08:00`: date, time (00:00 when none was given) and offset.
    public var description: String { "\(date) \(time ?? "00:00") \(ReleaseCalendar.offsetText(offsetSeconds))" }
}

/// Reading and checking the release calendar's values (`release_date`, `release_time`, `time_zone`,
/// `next_release`) of `release.toml`.
public enum ReleaseCalendar {
    /// The time zone when the file names none: Beijing time (MOFCOM's).
    public static let defaultTimeZone = "+08:00"

    /// Why a calendar value is not valid and how to write it, or `nil` when it is.
    static func problem(key: String, value: String) -> (problem: String, fix: String)? {
        let bare = key.hasSuffix("_zh") ? String(key.dropLast(3)) : key
        switch bare {
        case "release_date" where !CalendarDate.isValid(value):
            return (
                "release_date \"\(value)\" is not a date", "write it YYYY-MM-DD, e.g. release_date = \"2021-06-03\""
            )
        case "release_time" where clock(value) == nil:
            return (
                "release_time \"\(value)\" is not a time of day",
                "write it HH:MM on a 24-hour clock, e.g. release_time = \"15:00\" (the zone goes in time_zone)"
            )
        case "time_zone" where offset(of: value, atUTC: 0) == nil:
            return (
                "time_zone \"\(value)\" is not a time zone",
                "give an offset such as \"+08:00\" or a zone name such as \"Asia/Shanghai\""
            )
        case "next_release" where !(CalendarDate.isValid(value) || isMonth(value) || value == unannounced):
            return (
                "next_release \"\(value)\" is not a date",
                "write YYYY-MM-DD, YYYY-MM when only the month is known, or \"\(unannounced)\""
            )
        default:
            return nil
        }
    }

    /// The `next_release` value of a release whose date is not known yet.
    public static let unannounced = "unannounced"

    /// Minutes after midnight of `HH:MM`, or `nil`.
    static func clock(_ text: String) -> Int? {
        let u = Array(text.utf8)
        guard u.count == 5, u[2] == 58, [0, 1, 3, 4].allSatisfy({ u[$0] >= 48 && u[$0] <= 57 }) else { return nil }
        let h = Int(u[0] - 48) * 10 + Int(u[1] - 48), m = Int(u[3] - 48) * 10 + Int(u[4] - 48)
        return h < 24 && m < 60 ? h * 60 + m : nil
    }

    static func isMonth(_ text: String) -> Bool { (try? Period(parsing: text)) != nil && text.utf8.count == 7 }

    /// The offset from UTC in seconds of `zone` (`+08:00`, `UTC`, `Z` or a zone name such as
    /// `Asia/Shanghai`) at the instant `atUTC` (seconds since 1970), or `nil` when it is none.
    static func offset(of zone: String, atUTC: Int) -> Int? {
        if zone == "UTC" || zone == "Z" { return 0 }
        let u = Array(zone.utf8)
        if u.count == 6, u[0] == 43 || u[0] == 45, u[3] == 58, let minutes = clock(String(zone.dropFirst())) {
            return (u[0] == 45 ? -1 : 1) * minutes * 60
        }
        guard zone.contains("/"), let tz = TimeZone(identifier: zone) else { return nil }
        return tz.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(atUTC)))
    }

    /// `UTC+08:00`.
    static func offsetText(_ seconds: Int) -> String {
        let m = abs(seconds) / 60
        let hh = m / 60 < 10 ? "0\(m / 60)" : "\(m / 60)"
        let mm = m % 60 < 10 ? "0\(m % 60)" : "\(m % 60)"
        return "UTC\(seconds < 0 ? "−" : "+")\(hh):\(mm)"
    }

    /// Days from 1970-01-01 to a valid `YYYY-MM-DD` (Howard Hinnant's days-from-civil).
    static func days(_ date: String) -> Int? {
        guard CalendarDate.isValid(date) else { return nil }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let y = parts[1] <= 2 ? parts[0] - 1 : parts[0], m = parts[1], d = parts[2]
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The moment of `date` at `time` (00:00 when `nil`) in `zone`, or `nil` when a value is not valid.
    public static func moment(date: String, time: String?, zone: String) -> ReleaseMoment? {
        guard let day = days(date), let minutes = time.map(clock) ?? 0 else { return nil }
        let local = day * 86_400 + minutes * 60
        // The offset of a named zone at that wall-clock time (taken at the local time read as UTC,
        // then at the instant it gives, so a change of offset that day is followed).
        guard let first = offset(of: zone, atUTC: local), let offset = offset(of: zone, atUTC: local - first) else {
            return nil
        }
        return ReleaseMoment(date: date, time: time, offsetSeconds: offset, secondsSince1970: local - offset)
    }

    /// How a bulletin shows a `next_release` value: what the next release will cover, the reference
    /// period after `period` written as the header writes reference periods (`2021年1—5月数据`,
    /// `January–May 2021 data`; after a December bulletin `2022年1月数据`, `January 2022 data`), and
    /// for `unannounced` the same period with the date said to be unknown (`2025年1—11月数据（日期尚未公布）`,
    /// `January–November 2025 data (date not announced)`). The date itself stays in `release.toml` (checked there, never printed): a
    /// bulletin prints no date later than its own release date, so no reader or checker takes the
    /// next release for a source published after it.
    public static func nextReleaseText(_ value: String, after period: Period, zh: Bool) -> String {
        let next = ReleaseHeader.reference(through: period.advanced(by: 1), zh: zh)
        let covers = zh ? next + "数据" : next + " data"
        guard value == unannounced else { return covers }
        return zh ? covers + "（日期尚未公布）" : covers + " (date not announced)"
    }
}
