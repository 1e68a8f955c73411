#if PostgreSQL
    import PostgresNIO
    import Synchronization
    import TradeCore

    /// A read of monthly blocks in parts (ranges of series ids), each part fetched once, by whichever
    /// connection is free, as one value the server packs (``PackedRecords``), and decoded while that
    /// connection fetches its next part. The panel bulletin's slice and the panel of a table read this way.
    final class PartedRead<Output: Sendable>: Sendable {
        let parts: [ClosedRange<Int64>]
        /// The query of one part.
        let query: @Sendable (ClosedRange<Int64>) throws -> PostgresQuery
        /// The outputs of one part's records.
        let decode: @Sendable (PackedPart) throws -> [Output]
        private let next = Atomic<Int>(0)
        /// Set when a reader has given up (an error, or its task cancelled): no connection asks for more.
        private let stopped = Atomic<Bool>(false)

        init(
            parts: [ClosedRange<Int64>], query: @escaping @Sendable (ClosedRange<Int64>) throws -> PostgresQuery,
            decode: @escaping @Sendable (PackedPart) throws -> [Output]
        ) {
            self.parts = parts
            self.query = query
            self.decode = decode
        }

        /// Fetches and decodes parts on `c` until none is left (or the read is given up: a part the other
        /// connection could not read is an error of the whole read). Each part is asked for as soon as
        /// the one before it has come back, from the connection's event loop: decoding on every core
        /// never keeps the server waiting for a thread to ask (as it did when the asking waited for one of
        /// the tasks' threads, both decoding: measured, parts arrived only as decodes ended).
        func read(_ c: PostgresConnection) async throws -> [Output] {
            let (arrivals, sink) = AsyncThrowingStream<PackedPart, any Error>.makeStream()
            sink.onTermination = { [self] end in
                if case .finished(.none) = end { return }
                stopped.store(true, ordering: .relaxed)
            }
            fetchNext(on: c, into: sink)
            return try await withThrowingTaskGroup(of: [Output].self) { group in
                for try await part in arrivals {
                    group.addTask { try self.decode(part) }
                }
                try Task.checkCancellation()  // the stream ends early for a cancelled read: not a whole read
                var all: [Output] = []
                for try await outputs in group { all += outputs }
                return all
            }
        }

        /// Claims the next part and asks `c` for it; when it comes back, hands it to `sink` and asks for
        /// the one after (on the connection's event loop); ends `sink` when no part is left, on an error,
        /// or when a reader has given up.
        private func fetchNext(
            on c: PostgresConnection, into sink: AsyncThrowingStream<PackedPart, any Error>.Continuation
        ) {
            let k = next.add(1, ordering: .relaxed).oldValue
            guard k < parts.count, !stopped.load(ordering: .relaxed) else { return sink.finish() }
            let asked: PostgresQuery
            do { asked = try query(parts[k]) } catch { return sink.finish(throwing: error) }
            c.query(asked, logger: PostgresStore.logger).whenComplete { [self] result in
                do {
                    let (count, bytes) = try result.get().rows.first?.decode((Int, ByteBuffer?).self) ?? (0, nil)
                    sink.yield(PackedPart(count: count, bytes: bytes))
                    fetchNext(on: c, into: sink)
                } catch {
                    sink.finish(throwing: error)
                }
            }
        }
    }

    /// One record of ``PostgresSQL/partBlocks(_:)``, its bytes still in the packed value (valid while the
    /// part is being read).
    struct PartRecord {
        let seriesID: Int64
        let releaseID: Int64
        let sourceID: Int64
        let first: Int
        let count: Int
        let decimals: Int
        let unit: String
        let keyBytes: UnsafeRawBufferPointer
        let bitmap: UnsafeRawBufferPointer
        let packed: UnsafeRawBufferPointer

        /// Reads the fields in the order ``PostgresSQL/partBlocks(_:)`` packs them.
        init(_ r: inout PackedRecordReader) throws {
            keyBytes = try r.data()
            (seriesID, releaseID, sourceID) = (try r.int64(), try r.int64(), try r.int64())
            (first, count, decimals) = (try r.int32(), try r.int32(), try r.int32())
            (unit, bitmap, packed) = (try r.text(), try r.data(), try r.data())
        }

        /// The series key (``PostgresStore/key(_:)``).
        func key() throws -> SeriesKey? { try PostgresStore.key(keyBytes) }

        /// Refuses a block svctrade cannot have written.
        func check(_ key: SeriesKey) throws {
            guard MonthlyBlockCodec.isPossibleBlock(first: first, count: count, bitmapBytes: bitmap.count) else {
                throw PostgresStore.damaged(
                    "an impossible monthly block (first month index \(first), \(count) months)", "\(key)")
            }
        }
    }

    extension PostgresStore {
        /// How many series ids one part of a parted read covers (about 3 MB on the bench panel, far below
        /// the server's 1 GB limit on one value; enough parts to share between two connections).
        static let slicePartSize = 4096

        /// Reads every part of the series ids in `c`'s transaction (repeatable read, which this exports)
        /// and on a second connection opened by `helper` in the same snapshot; without a second connection
        /// (none asked, a single part, or the server refuses it) `c` reads every part.
        static func readInParts<Output: Sendable>(
            _ c: PostgresConnection, helper: PostgresConnection.Configuration?, deadline: Int, partSize: Int,
            query:
                @escaping @Sendable (_ ids: ClosedRange<Int64>, _ fields: PostgresSQL.PartFields) throws
                -> PostgresQuery,
            decode: @escaping @Sendable (PackedPart) throws -> [Output]
        ) async throws -> [Output] {
            let start = try await rows(c, PostgresSQL.partedReadStart).first?.decode(
                (String, Int64?, Int64?, Bool, Bool).self)
            guard case let (snapshot, low?, high?, heads, recent)? = start else { return [] }
            let fields = PostgresSQL.PartFields(heads: heads, recent: recent)
            let size = Int64(max(1, partSize))
            let work = PartedRead(
                parts: stride(from: low, through: high, by: max(1, partSize)).map { $0...min($0 + size - 1, high) },
                query: { ids in try query(ids, fields) }, decode: decode)
            // One part (a small store, the press site's usual case) is read without a second connection.
            let second = work.parts.count > 1 ? helper : nil
            async let helped = readOnSecondConnection(second, snapshot: snapshot, deadline: deadline, work)
            let mine = try await work.read(c)
            return mine + (try await helped)
        }

        /// The parts of a ``PartedRead`` read on a second connection in the first one's snapshot; none when
        /// the server refuses the connection (the first reads them all).
        static func readOnSecondConnection<Output: Sendable>(
            _ configuration: PostgresConnection.Configuration?, snapshot: String?, deadline: Int,
            _ work: PartedRead<Output>
        ) async throws -> [Output] {
            guard let configuration, let snapshot, snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
                return []
            }
            let opened = try? await withDeadline(seconds: deadline) {
                try await PostgresConnection.connect(configuration: configuration, id: 2, logger: logger)
            }
            guard let b = opened else { return [] }
            do {
                let outputs = try await withDeadline(seconds: deadline, onTimeout: { try? await b.close() }) {
                    _ = try await rows(b, "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    _ = try await rows(b, "SET TRANSACTION SNAPSHOT '\(snapshot)'")
                    let outputs = try await work.read(b)
                    _ = try await rows(b, "COMMIT")
                    return outputs
                }
                try? await b.close()
                return outputs
            } catch {
                try? await b.close()
                throw error
            }
        }

        /// Calls `body` with each block of a part that svctrade can read, checked: its release among
        /// `releases` (those after the as-of date are left out), its key and unit known.
        static func eachBlock<Release>(
            in part: PackedPart, releases: [Int64: Release],
            _ body: (PartRecord, SeriesKey, MonetaryUnit, Release) throws -> Void
        ) throws {
            var units: [String: MonetaryUnit] = [:]
            try unpack(part, "monthly blocks") { r in
                let block = try PartRecord(&r)
                guard let release = releases[block.releaseID], let key = try block.key(),
                    let unit = units[block.unit] ?? MonetaryUnit(parsing: block.unit)
                else { return }
                units[block.unit] = unit
                try block.check(key)
                try body(block, key, unit, release)
            }
        }

        /// Reads every record of a packed part with `record`, which reads each field of one record; the
        /// number read must be the number the server counted.
        static func unpack(
            _ part: PackedPart, _ what: String, _ record: (inout PackedRecordReader) throws -> Void
        ) throws {
            var read = 0
            try part.bytes?.withUnsafeReadableBytes { bytes in
                var reader = PackedRecordReader(bytes)
                while !reader.atEnd {
                    try record(&reader)
                    read += 1
                }
            }
            guard read == part.count else {
                throw PostgresStoreError(
                    "error: the PostgreSQL server counted \(part.count) rows of \(what) but packed \(read) (a row with an empty field); the store was edited outside svctrade. Restore it from a backup, or import into a new store"
                )
            }
        }

        /// A series key from `region␟sector␟flow␟currency` (``PostgresSQL/packedKey``); `nil` for a flow
        /// or currency svctrade does not know (left out, as every reader does).
        static func key(_ text: String) throws -> SeriesKey? {
            var text = text
            return try text.withUTF8 { try key(UnsafeRawBufferPointer($0)) }
        }

        /// ``key(_:)-(String)`` from the key's UTF-8 bytes as a packed record holds them, cut at the three
        /// separators byte by byte (a string split took a fifth of the panel read's time on the client).
        static func key(_ bytes: UnsafeRawBufferPointer) throws -> SeriesKey? {
            guard let a = bytes.firstIndex(of: 0x1F), let b = bytes[(a + 1)...].firstIndex(of: 0x1F),
                let c = bytes[(b + 1)...].firstIndex(of: 0x1F), !bytes[(c + 1)...].contains(0x1F)
            else {
                throw PostgresStoreError(
                    "error: a series key in the store holds the control character U+001F (\"\(String(decoding: bytes, as: UTF8.self))\"); the store was edited outside svctrade. Restore it from a backup, or import into a new store"
                )
            }
            func field(_ range: Range<Int>) -> String {
                String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            guard let flow = Flow(rawValue: field(b + 1..<c)),
                let currency = Currency(rawValue: field(c + 1..<bytes.count))
            else { return nil }
            return SeriesKey(region: field(0..<a), sector: field(a + 1..<b), flow: flow, currency: currency)
        }
    }
#endif
