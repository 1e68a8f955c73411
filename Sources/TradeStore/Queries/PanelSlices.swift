import Foundation
import GRDB
import GRDBSQLite
import TradeCore

extension TradeDatabase {
    /// The values of every panel series in `months`, as of a release date (later releases override
    /// earlier ones month by month). **Hot path** of `svctrade table --panel`.
    public func panelSlice(months: [Int], asOf: String? = nil) throws -> PanelSlice {
        try queue.read { db in
            var sql = """
                SELECT b.series_id, s.region, s.sector, s.flow, s.currency, b.unit, b.first_month, b.month_count, b.present, b.vals
                FROM monthly_block b JOIN series s ON s.id = b.series_id JOIN release r ON r.id = b.release_id
                """
            var args: [(any DatabaseValueConvertible)?] = []
            if let asOf {
                sql += " WHERE (r.published IS NULL OR r.published <= ?)"
                args.append(asOf)
            }
            sql += " ORDER BY b.series_id, r.published, r.id"
            var slice = PanelSlice(keys: [], units: [], months: months, values: [])
            var lastSeries: Int64 = -1
            var unitCache: [String: MonetaryUnit] = [:]
            let width = months.count
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(StatementArguments(args))
            let s = statement.sqliteStatement
            while true {
                let rc = sqlite3_step(s)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: rc)) }
                let id = sqlite3_column_int64(s, 0)
                if id != lastSeries {
                    lastSeries = id
                    let text = { (i: Int32) in String(cString: sqlite3_column_text(s, i)) }
                    let unitText = text(5)
                    let unit = unitCache[unitText] ?? MonetaryUnit(parsing: unitText)
                    unitCache[unitText] = unit
                    guard let flow = Flow(rawValue: text(3)), let currency = Currency(rawValue: text(4)), let unit
                    else { continue }
                    slice.keys.append(SeriesKey(region: text(1), sector: text(2), flow: flow, currency: currency))
                    slice.units.append(unit)
                    slice.values.append(contentsOf: repeatElement(nil, count: width))
                }
                let first = Int(sqlite3_column_int64(s, 6))
                let count = Int(sqlite3_column_int64(s, 7))
                // Decode only as far as the last month asked for, straight from SQLite's buffers.
                let needed = min(count, (months.max() ?? 0) - first + 1)
                guard needed > 0 else { continue }
                let values = MonthlyBlockCodec.decodeValues(
                    pointer: sqlite3_column_blob(s, 9), bytes: Int(sqlite3_column_bytes(s, 9)), count: needed)
                let bits = sqlite3_column_blob(s, 8)?.assumingMemoryBound(to: UInt8.self)
                let bitBytes = Int(sqlite3_column_bytes(s, 8))
                let base = (slice.keys.count - 1) * width
                for (k, m) in months.enumerated() {
                    let i = m - first
                    guard i >= 0 && i < needed, let bits, i >> 3 < bitBytes else { continue }
                    if bits[i >> 3] & (1 << UInt8(i & 7)) != 0 { slice.values[base + k] = values[i] }
                }
            }
            return slice
        }
    }

    static func blob(_ s: OpaquePointer, _ i: Int32) -> Data {
        let n = Int(sqlite3_column_bytes(s, i))
        guard n > 0, let p = sqlite3_column_blob(s, i) else { return Data() }
        return Data(bytes: p, count: n)
    }
}
