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
    /// A packed block's values in the months of a slice, as read, before the blocks are put in order.
    public struct Block: Sendable {
        /// Where the block goes.
        public var order: PanelBlock.Order
        /// The series.
        public var key: SeriesKey
        /// The unit of its values.
        public var unit: MonetaryUnit
        /// Hundredths in each month asked for, `nil` where the block holds nothing.
        public var picked: [Int64?]

        /// A block read from a store.
        public init(order: PanelBlock.Order, key: SeriesKey, unit: MonetaryUnit, picked: [Int64?]) {
            self.order = order
            self.key = key
            self.unit = unit
            self.picked = picked
        }
    }

    /// The values of a packed block (``MonthlyBlockCodec``) in `months`, decoded straight from the
    /// store's buffers over the window from the first to the last month asked for only: `nil` when the
    /// block holds none of that window; else the decoded window (for the store's own check of every
    /// level) and the value of each month asked for (`nil` where the bitmap says absent).
    public static func pick(
        months: [Int], first: Int, count: Int, bitmap: UnsafeRawBufferPointer, packed: UnsafeRawBufferPointer
    ) -> (window: [Int64], picked: [Int64?])? {
        let lowest = months.min() ?? 0
        let highest = months.max() ?? 0
        let needed = min(count, highest - first + 1)
        let skip = max(0, lowest - first)
        guard needed > skip else { return nil }
        let values = MonthlyBlockCodec.decodeValues(
            pointer: packed.baseAddress, bytes: packed.count, from: skip, count: needed)
        var picked = [Int64?](repeating: nil, count: months.count)
        for (k, m) in months.enumerated() {
            let i = m - first
            guard i >= skip && i < needed && i >> 3 < bitmap.count else { continue }
            if bitmap[i >> 3] & (1 << UInt8(i & 7)) != 0 { picked[k] = values[i - skip] }
        }
        return (values, picked)
    }

    /// The slice from blocks in any order: series in id order, later releases over earlier ones (the
    /// unit of a series is its first block's).
    public init(blocks: [Block], months: [Int]) {
        self.init(keys: [], units: [], months: months, values: [])
        var lastSeries: Int64?
        for i in PanelBlock.Order.sorted(blocks.map(\.order)) {
            let block = blocks[i]
            if block.order.seriesID != lastSeries {
                lastSeries = block.order.seriesID
                keys.append(block.key)
                units.append(block.unit)
                values.append(contentsOf: repeatElement(nil, count: months.count))
            }
            let base = (keys.count - 1) * months.count
            for (k, value) in block.picked.enumerated() where value != nil { values[base + k] = value }
        }
    }
}
