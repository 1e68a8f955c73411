import Foundation
import GRDB
import TradeCore

/// A stored figure with its vintage.
public struct StoredFigure: Sendable, Equatable {
    /// The figure as published.
    public var observation: Observation
    /// The release's publication date, `YYYY-MM-DD`, when known.
    public var releaseDate: String?
    /// Line of the imported file.
    public var line: Int
    /// Whether this copy is the preferred one among several sources of one release.
    public var isPreferred: Bool
}

extension TradeDatabase {
    /// Figures of the store, optionally only one series' and only what was published by `asOf`
    /// (`YYYY-MM-DD`; releases without a date count as published), in key, period and release order.
    ///
    /// - Parameter preferredOnly: leave out less precise copies from other sources (default).
    public func figures(key: SeriesKey? = nil, asOf: String? = nil, preferredOnly: Bool = true) throws -> [StoredFigure] {
        try queue.read { db in
            var sql = """
                SELECT s.region, s.sector, s.flow, s.currency, f.period_from, f.period_to, f.value, f.unit, f.decimals,
                       f.yoy_pct, f.vs2019_pct, f.two_year_avg_pct, f.share_pct, f.share_change_pp, f.balance_change,
                       src.address, r.name, r.published, f.line, f.preferred, f.publisher, f.published_on
                FROM figure f JOIN series s ON s.id = f.series_id JOIN release r ON r.id = f.release_id
                JOIN source src ON src.id = f.source_id
                WHERE 1 = 1
                """
            var args: [(any DatabaseValueConvertible)?] = []
            if preferredOnly { sql += " AND f.preferred = 1" }
            if let key {
                sql += " AND s.region = ? AND s.sector = ? AND s.flow = ? AND s.currency = ?"
                args += [key.region, key.sector, key.flow.rawValue, key.currency.rawValue]
            }
            if let asOf {
                sql += " AND (r.published IS NULL OR r.published <= ?)"
                args.append(asOf)
            }
            sql += " ORDER BY s.region, s.sector, s.flow, s.currency, f.period_to, f.period_from, r.id, f.line"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).compactMap(Self.decodeFigure)
        }
    }

    static func decodeFigure(_ row: Row) -> StoredFigure? {
        guard let flow = Flow(rawValue: row[2]), let currency = Currency(rawValue: row[3]),
            let from = Period(yyyymm: row[4]), let to = Period(yyyymm: row[5]),
            let span = try? PeriodSpan(start: from, end: to)
        else { return nil }
        let unitText: String? = row[7]
        let rate = { (i: Int) -> DecimalNumber? in (row[i] as String?).flatMap { DecimalNumber(parsing: $0) } }
        let rates = PublishedRates(
            yearOnYear: rate(9), versus2019: rate(10), twoYearAverage: rate(11), share: rate(12), shareChange: rate(13),
            balanceChange: (row[14] as Int64?).map { Level(hundredths: $0) })
        let o = Observation(
            key: SeriesKey(region: row[0], sector: row[1], flow: flow, currency: currency), span: span,
            value: (row[6] as Int64?).map { Level(hundredths: $0) }, unit: unitText.flatMap { MonetaryUnit(parsing: $0) },
            decimals: row[8], rates: rates, source: row[15], release: row[16], publisher: row[20], publishedOn: row[21])
        return StoredFigure(observation: o, releaseDate: row[17], line: row[18], isPreferred: (row[19] as Int) == 1)
    }

    /// Monthly panel series (from tidy imports), optionally restricted to what was published by `asOf`.
    /// When several releases hold the same month, the latest release wins.
    public func monthlyPanel(asOf: String? = nil) throws -> MonthlyPanel {
        try queue.read { db in
            var sql = """
                SELECT s.region, s.sector, s.flow, s.currency, b.first_month, b.month_count, b.unit, b.decimals,
                       b.present, b.vals, r.name, src.address
                FROM monthly_block b JOIN series s ON s.id = b.series_id JOIN release r ON r.id = b.release_id
                JOIN source src ON src.id = b.source_id
                """
            var args: [(any DatabaseValueConvertible)?] = []
            if let asOf {
                sql += " WHERE (r.published IS NULL OR r.published <= ?)"
                args.append(asOf)
            }
            sql += " ORDER BY b.series_id, r.id"
            var panel = MonthlyPanel()
            var index: [SeriesKey: Int] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) {
                guard let flow = Flow(rawValue: row[2]), let currency = Currency(rawValue: row[3]),
                    let unit = MonetaryUnit(parsing: row[6] as String)
                else { continue }
                let key = SeriesKey(region: row[0], sector: row[1], flow: flow, currency: currency)
                let count: Int = row[5]
                let first: Int = row[4]
                let present = MonthlyBlockCodec.decodePresence(row[8], count: count)
                let values = MonthlyBlockCodec.decodeValues(row[9], count: count)
                if let s = index[key] {
                    // A later release overrides month by month.
                    for k in 0..<count where present[k] { panel.series[s].set(values[k], at: first + k) }
                    panel.series[s].release = row[10]
                } else {
                    index[key] = panel.series.count
                    var series = MonthlyPanel.Series(key: key, unit: unit, decimals: row[7], release: row[10], source: row[11])
                    series.firstMonth = first
                    series.values = values
                    series.present = present
                    panel.series.append(series)
                }
            }
            return panel
        }
    }
}
