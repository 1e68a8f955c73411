#if PostgreSQL
    import PostgresNIO
    import Synchronization
    import TradeCore

    /// The panel read of the PostgreSQL store in parts (series id ranges), each fetched once, by
    /// whichever connection is free, as one packed value (``PostgresSQL/sliceBlocks``) and decoded over
    /// the window while that connection fetches its next part.
    final class SliceParts: Sendable {
        let parts: [ClosedRange<Int64>]
        /// The months asked for (``TradeCore/Period/index``).
        let months: [Int]
        /// Publication dates by release id, releases after the as-of date left out.
        let published: [Int64: String?]
        private let next = Atomic<Int>(0)

        init(parts: [ClosedRange<Int64>], months: [Int], published: [Int64: String?]) {
            self.parts = parts
            self.months = months
            self.published = published
        }

        /// Fetches and decodes parts on `c` until none is left (or the read is given up: a part the other
        /// connection could not read is an error of the whole read).
        func read(_ c: PostgresConnection) async throws -> [PanelSlice.Block] {
            try await withThrowingTaskGroup(of: [PanelSlice.Block].self) { group in
                while !Task.isCancelled, case let k = next.add(1, ordering: .relaxed).oldValue, k < parts.count {
                    var binds = PostgresBindings()
                    binds.append(months.min() ?? 0)
                    binds.append(months.max() ?? 0)
                    binds.append(parts[k].lowerBound)
                    binds.append(parts[k].upperBound)
                    let row = try await PostgresStore.rows(c, PostgresSQL.sliceBlocks, binds).first
                    let (count, bytes) = try row?.decode((Int, ByteBuffer?).self) ?? (0, nil)
                    let part = PackedPart(count: count, bytes: bytes)
                    group.addTask { try self.blocks(in: part) }
                }
                var all: [PanelSlice.Block] = []
                for try await blocks in group { all += blocks }
                return all
            }
        }

        /// The blocks of one packed part, decoded over the window; blocks of releases after the as-of
        /// date are left out.
        func blocks(in part: PackedPart) throws -> [PanelSlice.Block] {
            var units: [String: MonetaryUnit] = [:]
            var blocks: [PanelSlice.Block] = []
            try PostgresStore.unpack(part, "monthly blocks") { r in
                let (seriesID, releaseID, first, count) = (try r.int64(), try r.int64(), try r.int32(), try r.int32())
                let (unitText, bitmap, packed, keyText) = (try r.text(), try r.data(), try r.data(), try r.text())
                let key = try Self.key(keyText)
                guard let date = published[releaseID], let key,
                    let unit = units[unitText] ?? MonetaryUnit(parsing: unitText)
                else { return }  // a release after asOf
                units[unitText] = unit
                guard MonthlyBlockCodec.isPossibleBlock(first: first, count: count, bitmapBytes: bitmap.count) else {
                    throw PostgresStore.damaged(
                        "an impossible monthly block (first month index \(first), \(count) months)", "\(key)")
                }
                let window = PanelSlice.pick(months: months, first: first, count: count, bitmap: bitmap, packed: packed)
                guard let (values, picked) = window else { return }
                if let v = MonthlyBlockCodec.impossibleLevel(in: values) {
                    throw PostgresStore.damaged("an impossible level (\(v) hundredths)", "\(key)")
                }
                blocks.append(
                    PanelSlice.Block(
                        order: PanelBlock.Order(seriesID: seriesID, published: date, releaseID: releaseID),
                        key: key, unit: unit, picked: picked))
            }
            return blocks
        }

        /// A series key from `region␟sector␟flow␟currency`; `nil` for a flow or currency svctrade does not
        /// know (left out, as every reader does).
        static func key(_ text: String) throws -> SeriesKey? {
            let f = text.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard f.count == 4 else {
                throw PostgresStoreError(
                    "error: a series key in the store holds the control character U+001F (\"\(text)\"); the store was edited outside svctrade. Restore it from a backup, or import into a new store"
                )
            }
            guard let flow = Flow(rawValue: String(f[2])), let currency = Currency(rawValue: String(f[3])) else {
                return nil
            }
            return SeriesKey(region: String(f[0]), sector: String(f[1]), flow: flow, currency: currency)
        }
    }
#endif
