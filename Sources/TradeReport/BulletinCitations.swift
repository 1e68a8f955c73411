import TradeCore

/// Whom a bulletin cites for its figures: the publisher of each series ("资料来源：商务部") with the
/// release dates the source addresses give, and the addresses a reader may follow. Mirror copies and
/// unknown hosts are never listed (they stay as evidence in the provenance JSON and the datasets).
public struct BulletinCitations: Sendable, Equatable {
    /// One publisher's figures in the bulletin.
    public struct Entry: Sendable, Equatable {
        /// The agency.
        public var publisher: Publisher
        /// Release dates (`YYYY-MM-DD`, or `YYYY-MM` where the address gives only the month) of the
        /// figures for the reference period.
        public var current: [String]
        /// First and last release date of the comparison figures (earlier periods), when known.
        public var earlier: ClosedRange<String>?
        /// Addresses of the reference period's figures that may be cited, with the kind of site.
        public var addresses: [(address: String, kind: SourceKind)]

        public static func == (a: Entry, b: Entry) -> Bool {
            a.publisher == b.publisher && a.current == b.current && a.earlier == b.earlier
                && a.addresses.map(\.address) == b.addresses.map(\.address)
        }
    }

    /// Publishers in order: MOFCOM first, then the others by code.
    public var entries: [Entry]

    /// Builds the citations of the figures a bulletin draws on: those whose span ends in `through`
    /// are the reference period's; the others are comparison figures. A rate borrowed from another copy
    /// of a figure (``TradeCore/Observation/borrowed``) cites that copy's page and date.
    public init(figures: [Observation], through: Period) {
        var byPublisher: [String: (Publisher, [Observation])] = [:]
        for f in figures.flatMap({ f in [f] + f.borrowed.values.sorted { $0.source < $1.source } }) {
            let p = f.publishingAgency
            byPublisher[p.code, default: (p, [])].1.append(f)
        }
        entries = byPublisher.values.map { publisher, list in
            let current = list.filter { $0.span.end == through }
            let earlier = list.filter { $0.span.end != through }.compactMap(\.publishedOn).sorted()
            var seen = Set<String>()
            var addresses: [(String, SourceKind)] = []
            for f in current.sorted(by: { ($0.sourceKind, $0.source) < ($1.sourceKind, $1.source) })
            where f.sourceKind.isCitable {
                if seen.insert(f.source).inserted { addresses.append((f.source, f.sourceKind)) }
            }
            return Entry(
                publisher: publisher, current: Array(Set(current.compactMap(\.publishedOn))).sorted(),
                earlier: earlier.first.flatMap { first in earlier.last.map { first...$0 } }, addresses: addresses)
        }.sorted { a, b in
            (a.publisher == .mofcom ? 0 : 1, a.publisher.code) < (b.publisher == .mofcom ? 0 : 1, b.publisher.code)
        }
    }

    /// "2021年6月3日" / "3 June 2021"; a month-only date as "2021年6月" / "June 2021".
    public static func date(_ d: String, zh: Bool) -> String {
        let parts = d.split(separator: "-").compactMap { Int($0) }
        guard parts.count >= 2, (1...12).contains(parts[1]) else { return d }
        let month = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ][parts[1] - 1]
        if parts.count == 3 { return zh ? "\(parts[0])年\(parts[1])月\(parts[2])日" : "\(parts[2]) \(month) \(parts[0])" }
        return zh ? "\(parts[0])年\(parts[1])月" : "\(month) \(parts[0])"
    }

    /// The source line: "资料来源：商务部（本期数据2021年6月3日发布；比较数据2017年8月至2021年5月各期发布）。"
    public func line(zh: Bool) -> String {
        let parts = entries.map { e -> String in
            var details: [String] = []
            if !e.current.isEmpty {
                let dates = e.current.map { Self.date($0, zh: zh) }
                details.append(
                    zh
                        ? "本期数据\(dates.joined(separator: "、"))发布"
                        : "figures for the period released \(dates.joined(separator: ", "))")
            }
            if let r = e.earlier {
                let a = Self.date(r.lowerBound, zh: zh), b = Self.date(r.upperBound, zh: zh)
                details.append(
                    zh
                        ? (a == b ? "比较数据\(a)发布" : "比较数据\(a)至\(b)各期发布")
                        : (a == b
                            ? "comparison figures released \(a)" : "comparison figures from releases of \(a) to \(b)"))
            }
            let name = zh ? e.publisher.chineseName : e.publisher.englishName
            return details.isEmpty
                ? name : name + (zh ? "（\(details.joined(separator: "；"))）" : " (\(details.joined(separator: "; ")))")
        }
        return zh ? "资料来源：" + parts.joined(separator: "；") + "。" : "Source: " + parts.joined(separator: "; ") + "."
    }
}
