import TradeCore

/// The columns of an input file, recognised from its header.
///
/// Two layouts are read, and any mix of their columns:
/// - tidy long: `period,region,sector,flow,value` with optional `currency,unit,release,source`
///   (what bench/gen.py writes);
/// - published figures: `period_from,period_to,period_kind,scope,sector,flow,currency,unit,value,
///   yoy_pct,vs2019_pct,two_year_avg_pct,share_pct,share_change_pp,balance_change,source_url`.
struct ImportLayout {
    enum Role: String, CaseIterable {
        case period, periodFrom = "period_from", periodTo = "period_to", periodKind = "period_kind"
        case region, scope, sector, flow, currency, unit, value
        case release, releaseDate = "release_date", source, sourceURL = "source_url"
        case publisher, publishedOn = "published_on"
        case yoy = "yoy_pct", vs2019 = "vs2019_pct", twoYearAverage = "two_year_avg_pct"
        case share = "share_pct", shareChange = "share_change_pp", balanceChange = "balance_change"
    }

    /// Column index of each role present.
    var index: [Role: Int] = [:]
    /// Header names in file order.
    var names: [String] = []

    /// True when the file carries rates or the published layout's `source_url`: every row becomes a
    /// published figure. A tidy file with a plain `source` column stays a panel (one source per series).
    var carriesFigures: Bool {
        [.yoy, .vs2019, .twoYearAverage, .share, .shareChange, .balanceChange, .sourceURL]
            .contains { index[$0] != nil }
    }

    var name: String { index[.periodFrom] != nil || index[.scope] != nil ? "published figures" : "tidy long" }

    static let accepted = Role.allCases.map(\.rawValue).joined(separator: ", ")

    /// Reads the header; throws when a column is unknown, repeated or a required one is missing.
    static func parse(_ header: [String], columns: [Int], file: String) throws(ImportError) -> ImportLayout {
        var layout = ImportLayout()
        layout.names = header
        for (i, raw) in header.enumerated() {
            let name = raw.lowercased().trimmingCharacters(in: " \t")
            guard let role = Role(rawValue: name) else {
                let near = NearestText.closest(to: name, among: Role.allCases.map(\.rawValue), limit: 1)
                let hint = near.first.map { " (did you mean \"\($0)\"?)" } ?? ""
                let looksLikeData = name.first.map { $0.isNumber } ?? false
                throw ImportError(
                    looksLikeData ? .missingHeader : .unknownColumn, file: file, line: 1, column: columns[i],
                    message: looksLikeData
                        ? "the first line must be a header naming the columns, found data \"\(raw)\"; expected e.g. period,region,sector,flow,value"
                        : "unknown column \"\(raw)\"\(hint); the columns svctrade reads are: \(accepted)")
            }
            if layout.index[role] != nil {
                throw ImportError(
                    .duplicateColumn, file: file, line: 1, column: columns[i],
                    message: "column \"\(name)\" appears twice in the header")
            }
            layout.index[role] = i
        }
        func require(_ ok: Bool, _ what: String) throws(ImportError) {
            if !ok {
                throw ImportError(
                    .missingColumn, file: file, line: 1,
                    message: "the header has no \(what) column; found: \(header.joined(separator: ","))")
            }
        }
        let has = { (r: Role) in layout.index[r] != nil }
        try require(
            has(.period) || (has(.periodFrom) && has(.periodTo)), "\"period\" (or \"period_from\" and \"period_to\")")
        try require(
            !(has(.period) && has(.periodFrom)),
            "single period (give \"period\" or \"period_from\"/\"period_to\", not both) —")
        try require(has(.region) || has(.scope), "\"region\" (or \"scope\")")
        try require(!(has(.region) && has(.scope)), "single region (give \"region\" or \"scope\", not both) —")
        try require(has(.sector), "\"sector\"")
        try require(has(.flow), "\"flow\"")
        try require(has(.value), "\"value\"")
        try require(!(has(.source) && has(.sourceURL)), "single source (give \"source\" or \"source_url\", not both) —")
        return layout
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
