import Dispatch
import Synchronization
import TradeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// **Hot path** for the plain tidy layout `period,region,sector,flow,value` (exactly these columns,
/// ASCII, no quotes): the shape of a regional statistics panel and of bench/gen.py.
///
/// A file of 32 MiB or more is cut at line starts into one part per core; the parts are parsed side by
/// side, each into its own state, and merged in file order (`State.merge`). Each part reads 8 MiB
/// chunks and parses each row in place:
/// - the period is checked from its 7 bytes (the previous row's period is reused when equal);
/// - the `region,sector,flow` key is matched first against the series that followed the previous
///   row's series last time (rows of a period-major file repeat the same series order), and only
///   on a miss is hashed ([[SeriesInterner]]);
/// - values go into month-major staging rows (one contiguous row of series per month, so the writes
///   of a period-major file are sequential) and are transposed into per-series arrays in cache-sized
///   blocks at the end.
///
/// Anything unusual (quotes, non-ASCII bytes, an invalid or unknown code, a bad number, a negative
/// export, a conflicting duplicate) makes it return `nil`; the caller then reads the file with the
/// general ``ObservationReader`` path, which reports the exact error. Both paths give the same batch.
struct FastPanelReader {
    static let header = Array("period,region,sector,flow,value".utf8)
    static let absent = Int64.min

    let reader: ObservationReader
    let file: String
    let release: String
    /// Files from this size on are parsed in parts side by side.
    var partMinimum = 32 << 20
    /// How many parts a large file is cut into (`nil`: one per core, at most 8).
    var pieces: Int? = nil
    /// Parts parsed on threads side by side (`false`: one after another on the caller's thread, the
    /// same cut and merge without the thread hand-offs, for the fuzz target).
    var sideBySide = true

    func read(path: String, progress: ((Int, Int) -> Void)?) -> ImportBatch? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int(st.st_size) : 0
        // A large file is cut at line starts into one part per core; each part is parsed on its own
        // and the parts are merged in file order (see `State.merge`).
        let cores = self.pieces ?? Swift.max(1, Swift.min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let pieces = size >= partMinimum ? Swift.max(1, cores) : 1
        var bounds = [0]
        for k in 1..<pieces {
            guard let b = Self.lineStart(fd, atOrAfter: size * k / pieces, size: size), b > bounds[bounds.count - 1]
            else { continue }
            bounds.append(b)
        }
        bounds.append(size)
        let cuts = bounds
        let parts = cuts.count - 1
        let reader = self.reader
        let done = ProgressCounter()
        let others = Mutex([State?](repeating: nil, count: parts))
        let group = DispatchGroup()
        for k in 1..<Swift.max(1, parts) {
            let work: @Sendable () -> Void = {
                let part = Self.parse(
                    fd: fd, from: cuts[k], to: cuts[k + 1], header: false, reader: reader, done: done)
                others.withLock { $0[k] = part }
            }
            if sideBySide { DispatchQueue.global().async(group: group, execute: work) } else { work() }
        }
        let first = Self.parse(
            fd: fd, from: 0, to: size > 0 ? bounds[1] : Int.max, header: true, reader: reader, done: done
        ) { progress?(done.total, size) }
        // The progress line goes on until the other parts are done too.
        while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut { progress?(done.total, size) }
        guard var state = first else { return nil }
        for k in 1..<Swift.max(1, parts) {
            guard let part = others.withLock({ $0[k].take() }), state.merge(part) else { return nil }
        }
        guard state.rows > 0 else { return nil }
        return state.batch(file: file, release: release, releaseDate: reader.options.releaseDate)
    }

    /// Bytes parsed so far by all parts, for the progress line.
    final class ProgressCounter: Sendable {
        private let bytes = Atomic<Int>(0)
        var total: Int { bytes.load(ordering: .relaxed) }
        func add(_ n: Int) { bytes.add(n, ordering: .relaxed) }
    }

    /// The offset of the first line that starts at or after `offset` (just after a newline), or `nil`.
    static func lineStart(_ fd: Int32, atOrAfter offset: Int, size: Int) -> Int? {
        guard offset > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var at = offset - 1
        while at < size {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return pread(fd, base, raw.count, off_t(at))
            }
            guard n > 0 else { return nil }
            if let i = buffer[0..<n].firstIndex(of: 10) { return at + i + 1 }
            at += n
        }
        return nil
    }

    /// Parses the lines in bytes `from..<to` of the file (`to` may be past the end) into a new state;
    /// `nil` when a line needs the general path. Only the part at offset 0 has the header.
    static func parse(
        fd: Int32, from: Int, to: Int, header: Bool, reader: ObservationReader, done: ProgressCounter,
        progress: () -> Void = {}
    ) -> State? {
        var state = State(reader: reader)
        // Small files, small buffers; `to` is Int.max when the size is unknown.
        let chunk = to == Int.max ? 8 << 20 : Swift.min(8 << 20, Swift.max(4096, to - from + 1))
        var buffer = [UInt8](repeating: 0, count: chunk + 1)
        var filled = 0
        var offset = from
        var headerDone = !header
        var sinceProgress = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return pread(fd, base + filled, Swift.min(chunk - filled, to - offset), off_t(offset))
            }
            if n < 0 { return nil }
            filled += n
            offset += n
            let eof = n == 0
            var start = 0
            let ok: Bool = buffer.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return false }
                if !headerDone {
                    guard let end = Self.lineEnd(p, 0, filled) else { return eof ? false : true }
                    var h = end
                    if h > 0 && p[h - 1] == 13 { h -= 1 }
                    guard h == Self.header.count, (0..<h).allSatisfy({ p[$0] == Self.header[$0] }) else { return false }
                    headerDone = true
                    start = end + 1
                }
                while start < filled {
                    guard let end = Self.lineEnd(p, start, filled) else {
                        if eof {
                            // Last line without a newline.
                            if !state.row(p, start, filled) { return false }
                            start = filled
                        }
                        break
                    }
                    if end > start && !(end == start + 1 && p[start] == 13) {
                        if !state.row(p, start, end) { return false }
                    }
                    start = end + 1
                }
                return true
            }
            guard ok, headerDone || !eof else { return nil }
            done.add(start)
            sinceProgress += start
            if sinceProgress >= 1 << 24 {
                progress()
                sinceProgress = 0
            }
            if eof { break }
            let tail = filled - start
            if tail > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    guard let base = b.baseAddress else { return }
                    base.update(from: base + start, count: tail)
                }
            }
            filled = tail
            if filled >= chunk { return nil }  // a line longer than the chunk: not a plain panel
        }
        return state
    }

    @inline(__always)
    static func lineEnd(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        guard from < to else { return nil }
        let found = memchr(p + from, 10, to - from)
        guard let found else { return nil }
        return p.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// One series' months from the staging rows: the first month with a value (a slot), values and presence.
    struct Column: Sendable {
        var first: Int?
        var values: [Int64]
        var present: [Bool]
    }

    /// Per-file state of the fast path.
    struct State {
        let reader: ObservationReader
        let unit: MonetaryUnit
        var interner = SeriesInterner(capacity: 4096)
        var keys: [SeriesKey] = []
        var allowsNegative: [Bool] = []
        var decimals: [Int] = []
        var successor: [Int32] = []
        var previous: Int32 = -1
        // Month-major staging: months[m - baseMonth][entry].
        var months: [[Int64]] = []
        var baseMonth = 0
        var lastPeriod: UInt64 = 0
        var lastMonth = -1
        var rows = 0
        var repeated = 0

        init(reader: ObservationReader) {
            self.reader = reader
            unit = reader.options.defaultUnit
        }

        /// Parses one row `p[start..<end]`; false when the row needs the general path.
        @inline(__always)
        mutating func row(_ p: UnsafePointer<UInt8>, _ start: Int, _ lineEnd: Int) -> Bool {
            var end = lineEnd
            if end > start && p[end - 1] == 13 { end -= 1 }
            guard end - start >= 16, p[start + 7] == 44 else { return false }
            // Period.
            let period = UnsafeRawPointer(p + start).loadUnaligned(as: UInt64.self) & 0x00FF_FFFF_FFFF_FFFF
            let month: Int
            if period == lastPeriod && lastMonth >= 0 {
                month = lastMonth
            } else {
                guard let m = FastPanelReader.month(p, start) else { return false }
                month = m
                lastPeriod = period
                lastMonth = m
            }
            // Key: up to the third comma after the period.
            var i = start + 8
            var commas = 0
            let keyStart = i
            while i < end {
                let b = p[i]
                if b == 44 {
                    commas += 1
                    if commas == 3 { break }
                } else if b == 34 || b >= 0x80 {
                    return false
                }
                i += 1
            }
            guard commas == 3 else { return false }
            let keyEnd = i
            let key = UnsafeBufferPointer(start: p + keyStart, count: keyEnd - keyStart)
            var entry: Int32 = -1
            if previous >= 0 {
                let guess = successor[Int(previous)]
                if guess >= 0 && interner.matches(Int(guess), key) { entry = guess }
            }
            if entry < 0 {
                let (e, isNew) = interner.intern(key)
                if isNew && !register(key) { return false }
                entry = Int32(e)
                if previous >= 0 { successor[Int(previous)] = entry }
            }
            previous = entry
            // Value.
            guard let (mantissa, places) = FastPanelReader.decimal(p, keyEnd + 1, end) else { return false }
            let shift = unit.magnitude.exponent + 2 - places
            guard shift >= 0, shift <= 18 else { return false }
            let (h, overflow) = mantissa.multipliedReportingOverflow(by: FastPanelReader.powers[shift])
            guard !overflow else { return false }
            let e = Int(entry)
            if h < 0 && !allowsNegative[e] { return false }
            if places > decimals[e] { decimals[e] = places }
            guard put(h, slot: slot(of: month), entry: e) else { return false }
            rows += 1
            return true
        }

        /// The staging row of `month`, made (with rows for earlier months put in front) when missing.
        @inline(__always)
        mutating func slot(of month: Int) -> Int {
            if months.isEmpty { baseMonth = month }
            if month < baseMonth {
                months.insert(contentsOf: repeatElement([], count: baseMonth - month), at: 0)
                baseMonth = month
            }
            let slot = month - baseMonth
            if slot >= months.count { months.append(contentsOf: repeatElement([], count: slot + 1 - months.count)) }
            return slot
        }

        /// Stores value `v` of series `e` in staging row `slot`: the same value again is a repeat, another
        /// value a conflict (`false`: the general path reports it).
        @inline(__always)
        mutating func put(_ v: Int64, slot: Int, entry e: Int) -> Bool {
            if e >= months[slot].count {
                months[slot].append(
                    contentsOf: repeatElement(
                        FastPanelReader.absent, count: Swift.max(e + 1, keys.count) - months[slot].count))
            }
            let old = months[slot][e]
            if old != FastPanelReader.absent {
                if old != v { return false }
                repeated += 1
            }
            months[slot][e] = v
            return true
        }

        /// Validates the codes of a new key; false sends the file to the general path.
        mutating func register(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
            let parts = key.split(separator: 44, omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
            guard parts.count == 3, let region = reader.regions.lookup(parts[0])?.code,
                let flow = Flow(code: parts[2])
            else { return false }
            let sector: String
            if let s = reader.sectors.lookup(parts[1]) {
                sector = s.code
            } else if reader.sectors.extensionParent(of: parts[1]) != nil {
                sector = parts[1].uppercased()
            } else {
                return false
            }
            keys.append(SeriesKey(region: region, sector: sector, flow: flow, currency: unit.currency))
            allowsNegative.append(!flow.isNonNegative)
            decimals.append(0)
            successor.append(-1)
            return true
        }

        /// Appends the part of the file that follows this one: its new series after this part's (so
        /// series stay in order of first appearance in the file), its months into the staging rows. A
        /// month both parts hold (a file cut inside a month) is merged value by value: the same value
        /// twice is a repeat, two different values a conflict (`false`: the general path reports it).
        mutating func merge(_ other: State) -> Bool {
            var map = [Int](repeating: 0, count: other.keys.count)
            for e1 in 0..<other.keys.count {
                let bytes = other.interner.bytes(of: e1)
                let (e, isNew) = bytes.withUnsafeBufferPointer { interner.intern($0) }
                if isNew {
                    keys.append(other.keys[e1])
                    allowsNegative.append(other.allowsNegative[e1])
                    decimals.append(other.decimals[e1])
                    successor.append(-1)
                } else if other.decimals[e1] > decimals[e] {
                    decimals[e] = other.decimals[e1]
                }
                map[e1] = e
            }
            for (s1, row) in other.months.enumerated() {
                let target = slot(of: other.baseMonth + s1)
                for (e1, v) in row.enumerated() where v != FastPanelReader.absent {
                    guard put(v, slot: target, entry: map[e1]) else { return false }
                }
            }
            rows += other.rows
            repeated += other.repeated
            return true
        }

        /// Transposes the staging rows into per-series arrays, in blocks of series that fit in cache.
        func batch(file: String, release: String, releaseDate: String?) -> ImportBatch? {
            // Two keys that differ only in spelling (e.g. `X` and `export`) must be one series.
            guard Set(keys).count == keys.count else { return nil }
            // Per series, the first and last month with a value, then the values copied column-wise in
            // blocks of series so that each staging row is read sequentially; runs of series side by
            // side on every core (each run reads its columns of every staging row), in series order.
            let months = self.months
            let absent = FastPanelReader.absent
            let runs = OrderedParallelMap.ranges(
                count: keys.count,
                pieces: Swift.min(4 * Swift.max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))), keys.count / 16))
            let columns = OrderedParallelMap.map(runs.isEmpty ? [0..<keys.count] : runs) { run -> [Column] in
                var first = [Int](repeating: Int.max, count: run.count)
                var last = [Int](repeating: -1, count: run.count)
                for (slot, row) in months.enumerated() {
                    var e = run.lowerBound
                    while e < Swift.min(run.upperBound, row.count) {
                        if row[e] != absent {
                            if first[e - run.lowerBound] == Int.max { first[e - run.lowerBound] = slot }
                            last[e - run.lowerBound] = slot
                        }
                        e += 1
                    }
                }
                var values: [[Int64]] = (0..<run.count).map { k in
                    last[k] < 0 ? [] : [Int64](repeating: 0, count: last[k] - first[k] + 1)
                }
                var present: [[Bool]] = values.map { [Bool](repeating: false, count: $0.count) }
                var start = run.lowerBound
                while start < run.upperBound {
                    let end = Swift.min(run.upperBound, start + 256)
                    for (slot, row) in months.enumerated() {
                        var e = start
                        while e < Swift.min(end, row.count) {
                            let v = row[e]
                            if v != absent {
                                let k = e - run.lowerBound
                                values[k][slot - first[k]] = v
                                present[k][slot - first[k]] = true
                            }
                            e += 1
                        }
                    }
                    start = end
                }
                return (0..<run.count).map {
                    Column(first: last[$0] < 0 ? nil : first[$0], values: values[$0], present: present[$0])
                }
            }
            let source = "file:\(ObservationReader.baseName(file))"
            var series: [MonthlyPanel.Series] = []
            series.reserveCapacity(keys.count)
            for (e, key) in keys.enumerated() {
                var s = MonthlyPanel.Series(
                    key: key, unit: unit, decimals: decimals[e], release: release, source: source)
                if let first = columns[e].first {
                    s.firstMonth = baseMonth + first
                    s.values = columns[e].values
                    s.present = columns[e].present
                }
                series.append(s)
            }
            var notes: [String] = []
            if repeated > 0 {
                notes.append("\(repeated) rows repeated an earlier row with the same value; each value is stored once")
            }
            let date: String? = releaseDate ?? (ReleaseDate.isValid(release) ? release : nil)
            return ImportBatch(
                file: file, layout: "tidy long", panel: MonthlyPanel(series: series), figures: [],
                releases: [release: date], notes: notes, rowCount: rows)
        }
    }

    static let powers: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { r, _ in r * 10 } }

    /// `YYYY-MM` at `s` as a month index, or `nil`.
    @inline(__always)
    static func month(_ p: UnsafePointer<UInt8>, _ s: Int) -> Int? {
        guard p[s + 4] == 45 else { return nil }
        var y = 0
        for k in 0..<4 {
            let d = Int(p[s + k]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            y = y * 10 + d
        }
        let m1 = Int(p[s + 5]) - 48, m2 = Int(p[s + 6]) - 48
        guard m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9 else { return nil }
        let m = m1 * 10 + m2
        guard (1...12).contains(m), (1900...9999).contains(y) else { return nil }
        return y * 12 + m - 1
    }

    /// A plain decimal `-?digits(.digits)?` in `p[from..<to]` as (mantissa, places), or `nil`.
    @inline(__always)
    static func decimal(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> (Int64, Int)? {
        var i = from
        guard i < to else { return nil }
        var negative = false
        if p[i] == 45 {
            negative = true
            i += 1
        }
        var m: Int64 = 0
        var digits = 0
        var places = 0
        var point = false
        while i < to {
            let b = p[i]
            if b == 46 {
                if point { return nil }
                point = true
            } else {
                let d = Int64(b) - 48
                guard d >= 0 && d <= 9 else { return nil }
                m = m &* 10 &+ d
                digits += 1
                if point { places += 1 }
            }
            i += 1
        }
        guard digits > 0, digits <= 18 else { return nil }
        return (negative ? -m : m, places)
    }
}
