import Foundation
import GRDB
import GRDBSQLite
import TradeCore

extension TradeDatabase {
    /// The values of every panel series in `months`, as of a release date (later releases override
    /// earlier ones month by month). **Hot path** of `svctrade table --panel`.
    ///
    /// Read like ``figureBook(_:)``: a large panel in parts side by side (block row-id ranges), each
    /// block decoded only over the months asked for (checkpoints skip the months before), the blocks
    /// then put in series and release order.
    public func panelSlice(months: [Int], asOf: String? = nil) throws -> PanelSlice {
        let parts = try panelParts()
        if parts.count > 1 {
            for _ in 0..<2 {
                if let reads = try readInParts(
                    parts, { db, _, rowids in try Self.sliceBlocks(db, months, asOf, rowids) })
                {
                    return PanelSlice(parts: reads, months: months)
                }
            }
        }
        return try queue.read { db in PanelSlice(parts: [try Self.sliceBlocks(db, months, asOf, nil)], months: months) }
    }

    static func sliceBlocks(_ db: Database, _ months: [Int], _ asOf: String?, _ rowids: ClosedRange<Int64>?) throws
        -> PanelSlice.Part
    {
        let releases = try releaseOrders(db, asOf: asOf)
        var sql = """
            SELECT b.series_id, s.region, s.sector, s.flow, s.currency, b.unit, b.first_month, b.month_count, b.present,
                   b.vals, b.release_id
            FROM monthly_block b CROSS JOIN series s ON s.id = b.series_id
            """
        var args: [(any DatabaseValueConvertible)?] = []
        if let rowids {
            sql += " WHERE b.rowid BETWEEN ? AND ?"
            args += [rowids.lowerBound, rowids.upperBound]
        }
        // A part of block row ids holds at most that many blocks.
        let span = rowids.map { $0.upperBound.subtractingReportingOverflow($0.lowerBound) }
        let rows = span.map { $0.overflow ? 0 : Int(clamping: $0.partialValue) + 1 } ?? 0
        var part = PanelSlice.Part(months: months, capacity: rows)
        var unitCache: [String: MonetaryUnit] = [:]
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(args))
        try RawRows(statement: statement).forEach { row in
            let s = row.statement
            guard let release = releases[sqlite3_column_int64(s, 10)] else { return }  // after asOf
            let unitText = row.text(5)
            guard let unit = unitCache[unitText] ?? MonetaryUnit(parsing: unitText),
                let flow = Flow(rawValue: row.text(3)), let currency = Currency(rawValue: row.text(4))
            else { return }
            unitCache[unitText] = unit
            let first = Int(sqlite3_column_int64(s, 6))
            let count = Int(sqlite3_column_int64(s, 7))
            try StoredValueCheck.block(
                first: first, count: count, bitmapBytes: Int(sqlite3_column_bytes(s, 8)),
                key: "\(row.text(1))/\(row.text(2))/\(row.text(3))/\(row.text(4))")
            // Decode only the months from the first to the last asked for, straight from SQLite's buffers.
            let impossible = part.add(
                order: PanelBlock.Order(
                    seriesID: sqlite3_column_int64(s, 0), published: release.published,
                    releaseID: sqlite3_column_int64(s, 10)),
                key: SeriesKey(region: row.text(1), sector: row.text(2), flow: flow, currency: currency),
                unit: unit, first: first, count: count,
                bitmap: UnsafeRawBufferPointer(
                    start: sqlite3_column_blob(s, 8), count: Int(sqlite3_column_bytes(s, 8))),
                packed: UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 9), count: Int(sqlite3_column_bytes(s, 9)))
            )
            if let impossible {
                try StoredValueCheck.level(
                    impossible, key: "\(row.text(1))/\(row.text(2))/\(row.text(3))/\(row.text(4))")
            }
        }
        return part
    }
}
