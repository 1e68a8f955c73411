#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps the raw bytes of a series key (region, sector, flow, currency fields) to a dense index.
///
/// **Hot path** of the panel import: one lookup per row, no allocation for keys already seen.
/// Open addressing with linear probing over FNV-1a hashes; key bytes live in one arena.
struct SeriesInterner {
    private var slots: [Int32]  // -1 empty, else index into entries
    private var hashes: [UInt64]
    private var starts: [Int]
    private var lengths: [Int]
    private var arena: [UInt8] = []
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        hashes = []
        starts = []
        lengths = []
    }

    /// Number of distinct keys.
    var count: Int { starts.count }

    /// The bytes of key `index`.
    func bytes(of index: Int) -> ArraySlice<UInt8> { arena[starts[index]..<(starts[index] + lengths[index])] }

    /// True when entry `index` has exactly these bytes.
    @inline(__always)
    func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lengths[index] == key.count else { return false }
        let start = starts[index]
        return arena.withUnsafeBufferPointer { a in
            guard let base = a.baseAddress, let k = key.baseAddress else { return key.isEmpty }
            return memcmp(base + start, k, key.count) == 0
        }
    }

    /// Returns the index of `key`, and whether it was newly added.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { break }
            if hashes[e] == h && lengths[e] == key.count {
                let start = starts[e]
                var same = true
                arena.withUnsafeBufferPointer { a in
                    for k in 0..<key.count where a[start + k] != key[k] {
                        same = false
                        break
                    }
                }
                if same { return (e, false) }
            }
            s = (s + 1) & mask
        }
        let index = starts.count
        slots[s] = Int32(index)
        hashes.append(h)
        starts.append(arena.count)
        lengths.append(key.count)
        arena.append(contentsOf: key)
        if starts.count * 2 > slots.count { grow() }
        return (index, true)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (e, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(e)
        }
    }
}
