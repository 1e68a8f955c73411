/// The packed encoding of a monthly block's presence and values, as both stores keep them
/// (SQLite's `monthly_block` blobs and PostgreSQL's `bytea` columns): a presence bitmap and
/// delta-coded values, read straight from the store's buffers.
public enum MonthlyBlockCodec {
    /// Decodes the first `count` values of a block straight from a byte buffer (either format).
    /// Months `skip..<count` of a block (all of them by default): the deltas before `skip` are summed,
    /// not stored (a window at the end of a long block costs one pass and an array of the window only).
    public static func decodeValues(pointer: UnsafeRawPointer?, bytes n: Int, from skip: Int = 0, count: Int) -> [Int64]
    {
        let width = max(0, count - max(0, skip))
        guard let pointer, n > 0 else { return [Int64](repeating: 0, count: width) }
        guard isDeltaCoded(pointer) else {
            let raw = [UInt8](UnsafeRawBufferPointer(start: pointer, count: n))
            return Array(decodeValues(raw, count: count).dropFirst(skip))
        }
        return [Int64](unsafeUninitializedCapacity: width) { buffer, initialized in
            decodeWindow(pointer, n, from: skip, count: count, into: buffer)
            initialized = buffer.count < width ? 0 : width
        }
    }

    /// ``decodeValues(pointer:bytes:from:count:)`` into `values`, replacing what it held: a buffer a
    /// reader reuses from block to block, so that no array is made per block.
    public static func decodeValues(
        pointer: UnsafeRawPointer?, bytes n: Int, from skip: Int = 0, count: Int, into values: inout [Int64]
    ) {
        let width = max(0, count - max(0, skip))
        guard let pointer, n > 0, isDeltaCoded(pointer) else {
            values = decodeValues(pointer: pointer, bytes: n, from: skip, count: count)
            return
        }
        if values.count != width { values = [Int64](repeating: 0, count: width) }
        values.withUnsafeMutableBufferPointer { decodeWindow(pointer, n, from: skip, count: count, into: $0) }
    }

    static func isDeltaCoded(_ pointer: UnsafeRawPointer) -> Bool {
        let format = pointer.load(as: UInt8.self)
        return format == 1 || format == 2
    }

    /// Months `skip..<count` of a delta-coded block (formats 1 and 2) into `buffer`, which holds at
    /// least `count - skip` values.
    @inline(__always)
    static func decodeWindow(
        _ pointer: UnsafeRawPointer, _ n: Int, from skip: Int, count: Int,
        into buffer: UnsafeMutableBufferPointer<Int64>
    ) {
        let width = max(0, count - max(0, skip))
        guard buffer.count >= width else { return }
        let b = pointer.assumingMemoryBound(to: UInt8.self)
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
        for k in 0..<width {
            previous = previous &+ next()
            buffer[k] = previous &* scale
        }
    }

    /// One bit per month, least significant bit first.
    public static func encodePresence(_ present: [Bool]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: (present.count + 7) / 8)
        for (i, p) in present.enumerated() where p {
            let mask: UInt8 = 1 << UInt8(i & 7)
            bytes[i >> 3] |= mask
        }
        return bytes
    }

    /// The first `count` months of a presence bitmap (months past its end are absent).
    public static func decodePresence(_ bytes: [UInt8], count: Int) -> [Bool] {
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
    public static func encodeValues(_ values: [Int64], checkpoints: Bool = true) -> [UInt8] {
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
        guard interval > 0 else { return [1, k] + stream }
        var out: [UInt8] = [2, k, UInt8(interval)]
        append(unsigned: UInt64(table.count), to: &out)
        return out + table + stream
    }

    /// Months between checkpoints of format 2.
    public static let checkpointInterval = 12

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
    static func legacy(_ values: [Int64]) -> [UInt8] {
        let le = values.map { $0.littleEndian }
        return [0] + le.withUnsafeBytes { [UInt8]($0) }
    }

    /// The first `count` values of a packed block (any format).
    public static func decodeValues(_ data: [UInt8], count: Int) -> [Int64] {
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

extension MonthlyBlockCodec {
    /// The most months one stored block may cover: three centuries. A block claiming more comes from a
    /// damaged or hand-edited store (a month count of 4e12 would ask for terabytes).
    public static let maximumMonths = 12 * 300
    /// The largest magnitude of a stored level, hundredths of its own unit: 10^18, a ninth of `Int64`'s
    /// range, so that a sum of a few of them cannot trap.
    public static let maximumMagnitude: Int64 = 1_000_000_000_000_000_000

    /// Whether a stored block's shape is possible: its month count within bounds, a presence bitmap
    /// long enough for it, a first month index within ten thousand years.
    public static func isPossibleBlock(first: Int, count: Int, bitmapBytes: Int) -> Bool {
        (1...maximumMonths).contains(count) && bitmapBytes >= (count + 7) / 8 && first >= 0 && first <= 12 * 10_000
    }

    /// The first level of `values` beyond ``maximumMagnitude``, if any.
    public static func impossibleLevel(in values: [Int64]) -> Int64? {
        values.first { $0.magnitude > UInt64(maximumMagnitude) }
    }
}
