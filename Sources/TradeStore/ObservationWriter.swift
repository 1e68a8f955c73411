import Foundation
import GRDB
import TradeCore

/// Writes import batches inside one open transaction.
struct ObservationWriter {
    let db: Database

    func write(_ batches: [ImportBatch]) throws -> TradeDatabase.ImportSummary {
        var summary = TradeDatabase.ImportSummary(releases: [], newSeries: 0, figures: 0, monthlyValues: 0)
        var seriesIDs: [SeriesKey: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, region, sector, flow, currency FROM series") {
            guard let flow = Flow(rawValue: row[3]), let currency = Currency(rawValue: row[4]) else { continue }
            seriesIDs[SeriesKey(region: row[1], sector: row[2], flow: flow, currency: currency)] = row[0]
        }
        let insertSeries = try db.makeStatement(
            sql: "INSERT INTO series (region, sector, flow, currency) VALUES (?, ?, ?, ?)")
        func seriesID(_ key: SeriesKey) throws -> Int64 {
            if let id = seriesIDs[key] { return id }
            try insertSeries.execute(arguments: [key.region, key.sector, key.flow.rawValue, key.currency.rawValue])
            let id = db.lastInsertedRowID
            seriesIDs[key] = id
            summary.newSeries += 1
            return id
        }
        var sourceIDs: [String: Int64] = [:]
        func sourceID(_ address: String) throws -> Int64 {
            if let id = sourceIDs[address] { return id }
            try db.execute(sql: "INSERT OR IGNORE INTO source (address) VALUES (?)", arguments: [address])
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE address = ?", arguments: [address]) ?? 0
            sourceIDs[address] = id
            return id
        }
        var releaseIDs: [String: Int64] = [:]
        for batch in batches {
            for (name, date) in batch.releases.sorted(by: { $0.key < $1.key }) {
                if releaseIDs[name] != nil {
                    throw StoreError(.releaseExists, "release \"\(name)\" is given by two of the files imported together; give each file its own --release")
                }
                if let existing = try String.fetchOne(db, sql: "SELECT imported_from FROM release WHERE name = ?", arguments: [name]) {
                    throw StoreError(.releaseExists, "release \"\(name)\" is already in the store (imported from \(existing)); a new vintage needs its own name: svctrade import \(batch.file) --release NAME [--release-date YYYY-MM-DD]")
                }
                try db.execute(
                    sql: "INSERT INTO release (name, published, imported_from, row_count) VALUES (?, ?, ?, ?)",
                    arguments: [name, date, batch.file, batch.rowCount])
                releaseIDs[name] = db.lastInsertedRowID
                summary.releases.append(name)
            }
        }
        let insertFigure = try db.makeStatement(sql: """
            INSERT INTO figure (series_id, period_from, period_to, release_id, source_id, line, preferred, value, unit,
                decimals, yoy_pct, vs2019_pct, two_year_avg_pct, share_pct, share_change_pp, balance_change)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertBlock = try db.makeStatement(sql: """
            INSERT INTO monthly_block (series_id, release_id, first_month, month_count, unit, decimals, source_id, present, vals)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for batch in batches {
            for f in batch.figures {
                let o = f.observation
                let r = o.rates
                let sid = try seriesID(o.key)
                let src = try sourceID(o.source)
                var args: [(any DatabaseValueConvertible)?] = [sid, o.span.start.yyyymm, o.span.end.yyyymm]
                args += [releaseIDs[o.release], src, f.line, f.isPreferred ? 1 : 0]
                args += [o.value?.hundredths, o.unit?.description, o.decimals]
                args += [r.yearOnYear?.description, r.versus2019?.description, r.twoYearAverage?.description]
                args += [r.share?.description, r.shareChange?.description, r.balanceChange?.hundredths]
                try insertFigure.execute(arguments: StatementArguments(args))
                summary.figures += 1
            }
            for s in batch.panel.series where !s.values.isEmpty {
                let sid = try seriesID(s.key)
                let src = try sourceID(s.source)
                var args: [(any DatabaseValueConvertible)?] = [sid, releaseIDs[s.release], s.firstMonth]
                args += [s.values.count, s.unit.description, s.decimals, src]
                args += [MonthlyBlockCodec.encodePresence(s.present), MonthlyBlockCodec.encodeValues(s.values)]
                try insertBlock.execute(arguments: StatementArguments(args))
                summary.monthlyValues += s.observationCount
            }
        }
        return summary
    }
}

/// The packed encoding of `monthly_block.present` and `monthly_block.vals`.
enum MonthlyBlockCodec {
    /// One bit per month, least significant bit first.
    static func encodePresence(_ present: [Bool]) -> Data {
        var bytes = [UInt8](repeating: 0, count: (present.count + 7) / 8)
        for (i, p) in present.enumerated() where p {
            let mask: UInt8 = 1 << UInt8(i & 7)
            bytes[i >> 3] |= mask
        }
        return Data(bytes)
    }

    static func decodePresence(_ data: Data, count: Int) -> [Bool] {
        let bytes = [UInt8](data)
        var out = [Bool](repeating: false, count: count)
        for i in 0..<count where i >> 3 < bytes.count {
            let mask: UInt8 = 1 << UInt8(i & 7)
            out[i] = bytes[i >> 3] & mask != 0
        }
        return out
    }

    /// Little-endian 64-bit integers.
    static func encodeValues(_ values: [Int64]) -> Data {
        let le = values.map { $0.littleEndian }
        return le.withUnsafeBytes { Data($0) }
    }

    static func decodeValues(_ data: Data, count: Int) -> [Int64] {
        var out = [Int64](repeating: 0, count: count)
        let n = min(count * 8, data.count)
        out.withUnsafeMutableBytes { dst in
            data.withUnsafeBytes { src in
                if let d = dst.baseAddress, let s = src.baseAddress { d.copyMemory(from: s, byteCount: n) }
            }
        }
        return out.map { Int64(littleEndian: $0) }
    }
}
