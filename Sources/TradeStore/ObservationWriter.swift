import Foundation
import GRDB
import TradeCore

/// Writes import batches inside one open transaction.
struct ObservationWriter {
    let db: Database
    /// Hears how long the rows took (``TradeCore/StoreEvent/rowsWritten(_:)``).
    var events: StoreEventHandler = { _ in }

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
            try RawBind(statement: insertSeries).run([
                .text(key.region), .text(key.sector), .text(key.flow.rawValue), .text(key.currency.rawValue),
            ])
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
                    throw StoreError(
                        .releaseExists,
                        "release \"\(name)\" is given by two of the files imported together; give each file its own --release"
                    )
                }
                if let existing = try String.fetchOne(
                    db, sql: "SELECT imported_from FROM release WHERE name = ?", arguments: [name])
                {
                    throw StoreError(
                        .releaseExists,
                        "release \"\(name)\" is already in the store (imported from \(existing)); a new vintage needs its own name: svctrade import \(batch.file) --release NAME [--release-date YYYY-MM-DD]"
                    )
                }
                try db.execute(
                    sql: "INSERT INTO release (name, published, imported_from, row_count) VALUES (?, ?, ?, ?)",
                    arguments: [name, date, batch.file, batch.rowCount])
                releaseIDs[name] = db.lastInsertedRowID
                summary.releases.append(name)
            }
        }
        let insertFigure = try db.makeStatement(
            sql: """
                INSERT INTO figure (series_id, period_from, period_to, release_id, source_id, line, preferred, value, unit,
                    decimals, yoy_pct, vs2019_pct, two_year_avg_pct, share_pct, share_change_pp, balance_change,
                    publisher, published_on, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertBlock = try db.makeStatement(
            sql: """
                INSERT INTO monthly_block (series_id, release_id, first_month, month_count, unit, decimals, source_id, present, vals,
                    status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertJSON = try db.makeStatement(
            sql: "INSERT INTO monthly_json (series_id, release_id, vals_json_scale, vals_json) VALUES (?, ?, ?, ?)")
        let clock = ContinuousClock()
        let t0 = clock.now
        defer { events(.rowsWritten(clock.now - t0)) }
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
                let status = FigureStatus.ofStoredFigure(
                    currency: o.key.currency, source: o.source, hasOwnRate: r.yearOnYear != nil)
                args += [o.publisher, o.publishedOn, status.rawValue]
                try insertFigure.execute(arguments: StatementArguments(args))
                summary.figures += 1
            }
            // The blocks are packed side by side on every core, then inserted in series order.
            let series = batch.panel.series
            let packed = OrderedParallelMap.map(
                OrderedParallelMap.ranges(count: series.count, pieces: series.count >= 512 ? 16 : 1)
            ) { range in
                range.map { i -> (present: Data, values: Data, json: (text: String, scale: Int64), count: Int) in
                    let s = series[i]
                    guard !s.values.isEmpty else { return (Data(), Data(), ("", 1), 0) }
                    return (
                        MonthlyBlockCodec.encodePresence(s.present), MonthlyBlockCodec.encodeValues(s.values),
                        TidyViews.json(values: s.values, present: s.present, unit: s.unit, decimals: s.decimals),
                        s.observationCount
                    )
                }
            }
            for (s, (presence, packed, json, count)) in zip(series, packed) where !s.values.isEmpty {
                let sid = try seriesID(s.key)
                let src = try sourceID(s.source)
                guard let release = releaseIDs[s.release] else { continue }
                try RawBind(statement: insertBlock).run([
                    .int(sid), .int(release), .int(Int64(s.firstMonth)), .int(Int64(s.values.count)),
                    .text(s.unit.description),
                    .int(Int64(s.decimals)), .int(src), .blob(presence), .blob(packed), .text(s.status.rawValue),
                ])
                try RawBind(statement: insertJSON).run([.int(sid), .int(release), .int(json.scale), .text(json.text)])
                summary.monthlyValues += count
            }
        }
        return summary
    }
}

/// The packed encoding of `monthly_block.present` and `monthly_block.vals`.
enum MonthlyBlockCodec {
    /// Decodes the first `count` values of a block straight from a byte buffer (either format).
    /// Months `skip..<count` of a block (all of them by default): the deltas before `skip` are summed,
    /// not stored (a window at the end of a long block costs one pass and an array of the window only).
    static func decodeValues(pointer: UnsafeRawPointer?, bytes n: Int, from skip: Int = 0, count: Int) -> [Int64] {
        let width = max(0, count - max(0, skip))
        guard let pointer, n > 0 else { return [Int64](repeating: 0, count: width) }
        let b = pointer.assumingMemoryBound(to: UInt8.self)
        guard b[0] == 1 || b[0] == 2 else {
            return Array(decodeValues(Data(bytes: pointer, count: n), count: count).dropFirst(skip))
        }
        var scale: Int64 = 1
        for _ in 0..<min(18, Int(n > 1 ? b[1] : 0)) { scale *= 10 }
        var i = 2
        var previous: Int64 = 0
        @inline(__always) func next() -> Int64 {
            var z: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                let byte = b[i]
                i += 1
                z |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
        }
        var skipped = 0
        if b[0] == 2 {
            // Checkpoints: jump to the last one at or before the window instead of summing every delta.
            let interval = n > 2 ? Int(b[2]) : 0
            i = 3
            let tableBytes = Int(truncatingIfNeeded: unsignedVarint(b, n, &i))
            let stream = i + tableBytes
            var offset = 0
            if interval > 0 {
                while skipped + interval <= min(max(0, skip), count) && i < stream {
                    offset += Int(truncatingIfNeeded: unsignedVarint(b, n, &i))
                    previous = next()
                    skipped += interval
                }
            }
            i = min(n, stream + offset)
        }
        for _ in skipped..<max(skipped, min(max(0, skip), count)) { previous = previous &+ next() }
        return [Int64](unsafeUninitializedCapacity: width) { buffer, initialized in
            for k in 0..<width {
                previous = previous &+ next()
                buffer[k] = previous &* scale
            }
            initialized = width
        }
    }

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

    /// Packed values: a format byte (1), the power of ten `k` common to every value, then each value
    /// divided by 10^k as a zigzag LEB128 varint of its difference from the previous month.
    ///
    /// Format 2 (blocks of 24 months or more) puts a checkpoint table between the header and the
    /// same stream: the interval J (12), the table's length in bytes, then for every J-th month the
    /// stream offset where it starts (from the previous checkpoint) and the value before it, so that
    /// a window at the end of a long block skips to the last checkpoint before it instead of summing
    /// every delta (about 0.4 bytes more per month). Format 1 blocks of earlier stores still read.
    ///
    /// Monthly levels in 万元 with two decimals are multiples of 10^4 hundredths and move slowly, so
    /// a value takes about 2–3 bytes instead of 8 (the 8.64 M-value bench panel: 69 MB → about 22 MB).
    static func encodeValues(_ values: [Int64], checkpoints: Bool = true) -> Data {
        // The largest k ≤ 18 such that 10^k divides every value, in one pass.
        var k: UInt8 = 18
        var scale: Int64 = 1_000_000_000_000_000_000
        for v in values where v != 0 {
            while k > 0 && v % scale != 0 {
                k -= 1
                scale /= 10
            }
            if k == 0 { break }
        }
        if values.allSatisfy({ $0 == 0 }) {
            k = 0
            scale = 1
        }
        var stream: [UInt8] = []
        stream.reserveCapacity(values.count * 3)
        var table: [UInt8] = []
        let interval = checkpoints && values.count >= 2 * checkpointInterval ? checkpointInterval : 0
        var previous: Int64 = 0
        var lastOffset = 0
        for (m, v) in values.enumerated() {
            if interval > 0 && m > 0 && m % interval == 0 {
                // Where month m starts, and the value before it: a reader of a window from here on
                // starts at this point.
                append(unsigned: UInt64(stream.count - lastOffset), to: &table)
                append(unsigned: zigzag(previous), to: &table)
                lastOffset = stream.count
            }
            let q = v / scale
            let (d, overflow) = q.subtractingReportingOverflow(previous)
            if overflow { return legacy(values) }
            previous = q
            append(unsigned: zigzag(d), to: &stream)
        }
        guard interval > 0 else { return Data([1, k] + stream) }
        var out: [UInt8] = [2, k, UInt8(interval)]
        append(unsigned: UInt64(table.count), to: &out)
        return Data(out + table + stream)
    }

    /// Months between checkpoints of format 2.
    static let checkpointInterval = 12

    private static func zigzag(_ d: Int64) -> UInt64 { UInt64(bitPattern: (d << 1) ^ (d >> 63)) }

    private static func append(unsigned value: UInt64, to out: inout [UInt8]) {
        var z = value
        while z >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: z) | 0x80)
            z >>= 7
        }
        out.append(UInt8(z))
    }

    /// An unsigned LEB128 varint at `i` (advanced past it).
    private static func unsignedVarint(_ b: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> UInt64 {
        var z: UInt64 = 0
        var shift: UInt64 = 0
        while i < n && shift < 64 {
            let byte = b[i]
            i += 1
            z |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return z
    }

    /// Format 0: a zero byte, then raw little-endian 64-bit values; used only when deltas overflow.
    static func legacy(_ values: [Int64]) -> Data {
        let le = values.map { $0.littleEndian }
        return Data([0]) + le.withUnsafeBytes { Data($0) }
    }

    static func decodeValues(_ data: Data, count: Int) -> [Int64] {
        if data.first == 1 || data.first == 2 {
            return data.withUnsafeBytes { decodeValues(pointer: $0.baseAddress, bytes: $0.count, count: count) }
        }
        let raw = data.dropFirst()
        var out = [Int64](repeating: 0, count: count)
        let n = min(count * 8, raw.count)
        out.withUnsafeMutableBytes { dst in
            raw.withUnsafeBytes { src in
                if let d = dst.baseAddress, let s = src.baseAddress { d.copyMemory(from: s, byteCount: n) }
            }
        }
        return out.map { Int64(littleEndian: $0) }
    }
}
