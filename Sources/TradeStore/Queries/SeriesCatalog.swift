import Foundation
import GRDB
import TradeCore

extension TradeDatabase {
    /// Summaries of every series, ordered by key.
    public func seriesSummaries() throws -> [SeriesSummary] {
        try seriesSummaries(.everything)
    }

    /// Summaries of the selected series, ordered by key: only their figure rows and blocks are read.
    public func seriesSummaries(_ selection: FigureSelection) throws -> [SeriesSummary] {
        try queue.read { db in
            var keys: [Int64: SeriesKey] = [:]
            var filter = ""
            var args: [(any DatabaseValueConvertible)?] = []
            Self.seriesFilter(selection, sql: &filter, args: &args)
            let ids = "SELECT s.id FROM series s WHERE 1 = 1" + filter
            for row in try Row.fetchAll(
                db, sql: "SELECT s.id, s.region, s.sector, s.flow, s.currency FROM series s WHERE 1 = 1" + filter,
                arguments: StatementArguments(args))
            {
                guard let flow = Flow(rawValue: row[3]), let currency = Currency(rawValue: row[4]) else { continue }
                keys[row[0]] = SeriesKey(region: row[1], sector: row[2], flow: flow, currency: currency)
            }
            var covered: [Int64: Set<Int>] = [:]
            var counts: [Int64: Int] = [:]
            var releases: [Int64: Set<Int64>] = [:]
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT series_id, period_from, period_to, release_id FROM figure WHERE preferred = 1 AND series_id IN (\(ids))",
                arguments: StatementArguments(args))
            {
                let id: Int64 = row[0]
                guard let from = Period(yyyymm: row[1]), let to = Period(yyyymm: row[2]),
                    let span = try? PeriodSpan(start: from, end: to)
                else { continue }
                covered[id, default: []].formUnion(SeriesSummary.coveredMonths(of: span))
                counts[id, default: 0] += 1
                releases[id, default: []].insert(row[3])
            }
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT series_id, release_id, first_month, month_count, present FROM monthly_block WHERE series_id IN (\(ids))",
                arguments: StatementArguments(args))
            {
                let id: Int64 = row[0]
                let first: Int = row[2]
                let presence: Data = row[4] ?? Data()
                try StoredValueCheck.block(
                    first: first, count: row[3], bitmapBytes: presence.count, key: "series \(id)")
                let present = MonthlyBlockCodec.decodePresence([UInt8](presence), count: row[3])
                var set = covered[id, default: []]
                for (k, p) in present.enumerated() where p { set.insert(first + k) }
                covered[id] = set
                counts[id, default: 0] += present.lazy.filter { $0 }.count
                releases[id, default: []].insert(row[1])
            }
            var out: [SeriesSummary] = []
            for (id, key) in keys {
                if let summary = SeriesSummary(
                    key: key, covered: covered[id] ?? [], observationCount: counts[id] ?? 0,
                    vintageCount: releases[id]?.count ?? 0)
                {
                    out.append(summary)
                }
            }
            return out.sorted { $0.key < $1.key }
        }
    }
}
