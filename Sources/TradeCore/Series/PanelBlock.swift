/// A packed block as read, before the blocks are put in release order.
public struct PanelBlock: Sendable {
    /// Where a block goes: series in id order, and within a series the releases by publication
    /// date (undated first), then import order, each later one overwriting the months it holds.
    public struct Order: Sendable {
        /// The series' id in its store.
        public var seriesID: Int64
        /// The release's publication date (`YYYY-MM-DD`), if known.
        public var published: String?
        /// The release's id in its store (import order).
        public var releaseID: Int64

        /// A place in the order.
        public init(seriesID: Int64, published: String?, releaseID: Int64) {
            self.seriesID = seriesID
            self.published = published
            self.releaseID = releaseID
        }

        /// Whether a block in this place is read before one in `b`'s.
        public func precedes(_ b: Order) -> Bool {
            if seriesID != b.seriesID { return seriesID < b.seriesID }
            if published != b.published {
                guard let pa = published else { return true }
                guard let pb = b.published else { return false }
                return pa < pb
            }
            return releaseID < b.releaseID
        }

        /// Indices of `orders` in that order (a release written series by series reads back in
        /// order: sorted only when it is not).
        public static func sorted(_ orders: [Order]) -> [Int] {
            let inOrder = orders.indices.dropFirst().allSatisfy { !orders[$0].precedes(orders[$0 - 1]) }
            return inOrder ? Array(orders.indices) : orders.indices.sorted { orders[$0].precedes(orders[$1]) }
        }
    }

    /// Where the block goes.
    public var order: Order
    /// The series.
    public var key: SeriesKey
    /// The unit of its values.
    public var unit: MonetaryUnit
    /// Published decimals.
    public var decimals: Int
    /// The release it came with.
    public var release: String
    /// Where the release was published.
    public var source: String
    /// The month index of its first value.
    public var start: Int
    /// Levels in hundredths of `unit`, month by month from `start`.
    public var values: [Int64]
    /// Whether each month holds a value.
    public var present: [Bool]

    /// A block read from a store.
    public init(
        order: Order, key: SeriesKey, unit: MonetaryUnit, decimals: Int, release: String, source: String, start: Int,
        values: [Int64], present: [Bool]
    ) {
        self.order = order
        self.key = key
        self.unit = unit
        self.decimals = decimals
        self.release = release
        self.source = source
        self.start = start
        self.values = values
        self.present = present
    }

    /// The panel from blocks read in any order (a store need not sort them: a server sorting rows
    /// that carry packed blocks spills them to disk), put in ``Order``.
    public static func assemble(_ blocks: [PanelBlock]) -> MonthlyPanel {
        var assembler = MonthlyPanelAssembler()
        for i in Order.sorted(blocks.map(\.order)) {
            let b = blocks[i]
            assembler.add(
                key: b.key, unit: b.unit, decimals: b.decimals, release: b.release, source: b.source, start: b.start,
                values: b.values, present: b.present)
        }
        return assembler.panel
    }
}

extension PanelSlice {
    /// The blocks of one part of a read (a range of blocks one connection reads), each decoded over the
    /// slice's window straight from the store's buffers, with their months in one flat array: no array
    /// per block (36,000 blocks in the bench panel). Parts are put in order by ``init(parts:months:)``.
    public struct Part: Sendable {
        /// The months asked for (``Period/index``).
        public let months: [Int]
        /// Where each block goes.
        var orders: [PanelBlock.Order] = []
        /// Each block's series.
        var keys: [SeriesKey] = []
        /// The unit of each block's values.
        var units: [MonetaryUnit] = []
        /// `picked[b * months.count + k]`: block b's hundredths in month `months[k]`, `nil` where absent.
        var picked: [Int64?] = []
        /// The decoded window of the block being added (reused).
        private var window: [Int64] = []
        private let lowest: Int, highest: Int

        /// An empty part for `months`, with room for `capacity` blocks (a reader that knows how many
        /// rows it will read saves the arrays' regrowth).
        public init(months: [Int], capacity: Int = 0) {
            self.months = months
            lowest = months.min() ?? 0
            highest = months.max() ?? 0
            let room = max(0, min(capacity, 1 << 20))
            orders.reserveCapacity(room)
            keys.reserveCapacity(room)
            units.reserveCapacity(room)
            picked.reserveCapacity(room * months.count)
        }

        /// The number of blocks added.
        public var count: Int { orders.count }

        /// Adds a packed block (``MonthlyBlockCodec``) of `count` months from month index `first`,
        /// decoding only the window from the first to the last month asked for; a block holding none of
        /// that window is left out. Returns a level of the window beyond
        /// ``MonthlyBlockCodec/maximumMagnitude`` (a damaged store: the caller refuses the read), else `nil`.
        public mutating func add(
            order: PanelBlock.Order, key: SeriesKey, unit: MonetaryUnit, first: Int, count: Int,
            bitmap: UnsafeRawBufferPointer, packed: UnsafeRawBufferPointer
        ) -> Int64? {
            let needed = min(count, highest - first + 1)
            let skip = max(0, lowest - first)
            guard needed > skip else { return nil }
            MonthlyBlockCodec.decodeValues(
                pointer: packed.baseAddress, bytes: packed.count, from: skip, count: needed, into: &window)
            if let v = MonthlyBlockCodec.impossibleLevel(in: window) { return v }
            orders.append(order)
            keys.append(key)
            units.append(unit)
            for m in months {
                let i = m - first
                if i >= skip && i < needed && i >> 3 < bitmap.count && bitmap[i >> 3] & (1 << UInt8(i & 7)) != 0 {
                    picked.append(window[i - skip])
                } else {
                    picked.append(nil)
                }
            }
            return nil
        }
    }

    /// The slice from parts read in any order: series in id order, later releases over earlier ones
    /// (the unit of a series is its first block's).
    public init(parts: [Part], months: [Int]) {
        self.init(keys: [], units: [], months: months, values: [])
        let width = months.count
        // Block i of the concatenated parts: (part, index within it).
        var place: [(part: Int, index: Int)] = []
        place.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for (p, part) in parts.enumerated() { place += (0..<part.count).map { (p, $0) } }
        values.reserveCapacity(place.count * width)
        var lastSeries: Int64?
        for i in PanelBlock.Order.sorted(parts.flatMap(\.orders)) {
            let (p, b) = place[i]
            let part = parts[p]
            if part.orders[b].seriesID != lastSeries {
                lastSeries = part.orders[b].seriesID
                keys.append(part.keys[b])
                units.append(part.units[b])
                values.append(contentsOf: repeatElement(nil, count: width))
            }
            let base = (keys.count - 1) * width
            for k in 0..<width where part.picked[b * width + k] != nil { values[base + k] = part.picked[b * width + k] }
        }
    }
}
