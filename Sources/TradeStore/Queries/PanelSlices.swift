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
                    return Self.slice(reads.flatMap { $0 }, months: months)
                }
            }
        }
        return try queue.read { db in Self.slice(try Self.sliceBlocks(db, months, asOf, nil), months: months) }
    }

    /// A block's values in the months asked for (`nil` where it holds nothing), before ordering.
    struct SliceBlock: Sendable {
        var order: PanelBlock.Order
        var key: SeriesKey
        var unit: MonetaryUnit
        var picked: [Int64?]
    }

    static func sliceBlocks(_ db: Database, _ months: [Int], _ asOf: String?, _ rowids: ClosedRange<Int64>?) throws
        -> [SliceBlock]
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
        var blocks: [SliceBlock] = []
        var unitCache: [String: MonetaryUnit] = [:]
        let lowest = months.min() ?? 0
        let highest = months.max() ?? 0
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
            let needed = min(count, highest - first + 1)
            let skip = max(0, lowest - first)
            guard needed > skip else { return }
            let values = MonthlyBlockCodec.decodeValues(
                pointer: sqlite3_column_blob(s, 9), bytes: Int(sqlite3_column_bytes(s, 9)), from: skip, count: needed)
            try StoredValueCheck.levels(values, key: "\(row.text(1))/\(row.text(2))/\(row.text(3))/\(row.text(4))")
            let bits = sqlite3_column_blob(s, 8)?.assumingMemoryBound(to: UInt8.self)
            let bitBytes = Int(sqlite3_column_bytes(s, 8))
            var picked = [Int64?](repeating: nil, count: months.count)
            for (k, m) in months.enumerated() {
                let i = m - first
                guard i >= skip && i < needed, let bits, i >> 3 < bitBytes else { continue }
                if bits[i >> 3] & (1 << UInt8(i & 7)) != 0 { picked[k] = values[i - skip] }
            }
            blocks.append(
                SliceBlock(
                    order: PanelBlock.Order(
                        seriesID: sqlite3_column_int64(s, 0), published: release.published,
                        releaseID: sqlite3_column_int64(s, 10)),
                    key: SeriesKey(region: row.text(1), sector: row.text(2), flow: flow, currency: currency),
                    unit: unit,
                    picked: picked))
        }
        return blocks
    }

    /// The slice from blocks in any order: series in id order, later releases over earlier ones.
    static func slice(_ blocks: [SliceBlock], months: [Int]) -> PanelSlice {
        var slice = PanelSlice(keys: [], units: [], months: months, values: [])
        var lastSeries: Int64?
        for i in PanelBlock.Order.sorted(blocks.map(\.order)) {
            let block = blocks[i]
            if block.order.seriesID != lastSeries {
                lastSeries = block.order.seriesID
                slice.keys.append(block.key)
                slice.units.append(block.unit)
                slice.values.append(contentsOf: repeatElement(nil, count: months.count))
            }
            let base = (slice.keys.count - 1) * months.count
            for (k, value) in block.picked.enumerated() where value != nil { slice.values[base + k] = value }
        }
        return slice
    }
}
