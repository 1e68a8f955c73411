/// The bulletin of one month over a whole panel: for every region and sector of a monthly panel and
/// their rollups (each region over all sectors, each sector over all regions, everything), the month,
/// the year to date, the same a year earlier, the year to date two years earlier, and their growth
/// rates — the W2 workload of the bench workload of `Benchmarks/RESULTS.md`.
///
/// Sectors are treated as disjoint (a flat panel's codes, as bench/gen.py writes them): `ALL` sums
/// every code present. A year-to-date total needs every month from January (a missing month makes it
/// empty, never a partial sum). Growth is `(cur / base − 1) × 100`, empty when the base is not positive;
/// the two-year average is `(sqrt(cur / base₂) − 1) × 100`, empty unless base₂ > 0 and cur ≥ 0.
/// Rates are left unrounded here (a checking output); bulletins round them at output.
public enum PanelBulletin {
    /// One output row: levels in hundredths, rates in percent.
    public struct Row: Sendable {
        /// Region code or `ALL`.
        public var region: String
        /// Sector code or `ALL`.
        public var sector: String
        /// `B`, `M`, `T` or `X`.
        public var flow: String
        /// cur_month, cur_ytd, prev_month, prev_ytd, prev2_ytd (hundredths).
        public var levels: [Int64?]
        /// yoy_month_pct, yoy_ytd_pct, avg2y_ytd_pct.
        public var rates: [Double?]
    }

    /// The months needed for `month`: the month and January…month of its year and the two before.
    public static func months(for month: Period) -> [Int] {
        (0...2).flatMap { back in (1...month.month).map { (month.year - back) * 12 + $0 - 1 } }
    }

    /// Computes every row, sorted by region, sector, flow in byte order (`ALL` first; flows B, M, T, X).
    public static func rows(keys: [SeriesKey], values: [Int64?], months: [Int], month: Period) -> [Row] {
        let sums = Sums(keys: keys, values: values, months: months, month: month)
        var out: [Row] = []
        for r in sums.regionNames.indices {
            for c in sums.sectorNames.indices {
                guard let lines = sums.lines(region: r, sector: c) else { continue }
                for line in lines {
                    out.append(
                        Row(
                            region: sums.regionNames[r], sector: sums.sectorNames[c], flow: line.flow,
                            levels: (0..<5).map { line.level($0) }, rates: (0..<3).map { line.rate($0) }))
                }
            }
        }
        return out
    }

    /// One output line without allocation: a flow's five levels and three rates (``Row``'s values).
    public struct Line: Sendable {
        /// `B`, `M`, `T` or `X`.
        public var flow: String
        var levels: (Int64, Int64, Int64, Int64, Int64)
        /// Bit k set: level k is known.
        var known: UInt8

        /// Level `k` (cur_month, cur_ytd, prev_month, prev_ytd, prev2_ytd), hundredths, or `nil`.
        public func level(_ k: Int) -> Int64? {
            guard known & (1 << UInt8(k)) != 0 else { return nil }
            switch k {
            case 0: return levels.0
            case 1: return levels.1
            case 2: return levels.2
            case 3: return levels.3
            default: return levels.4
            }
        }

        /// Rate `k` (yoy_month_pct, yoy_ytd_pct, avg2y_ytd_pct), percent, or `nil`.
        public func rate(_ k: Int) -> Double? {
            switch k {
            case 0: return PanelBulletin.growth(level(0), level(2))
            case 1: return PanelBulletin.growth(level(1), level(3))
            default:
                guard let cur = level(1), let base = level(4), base > 0, cur >= 0 else { return nil }
                return ((Double(cur) / Double(base)).squareRoot() - 1) * 100
            }
        }
    }

    /// The summed cells of a panel bulletin: exports and imports of every (region, sector) pair and
    /// their `ALL` rollups, five levels each; the output lines are read from them in any order
    /// (``lines(region:sector:)``), so a renderer can write ranges of regions side by side.
    public struct Sums: Sendable {
        /// `ALL`, then the panel's regions in byte order.
        public let regionNames: [String]
        /// `ALL`, then the panel's sectors in byte order.
        public let sectorNames: [String]
        /// `(cell * 5 + k)`: level k of a cell `(region * sectors + sector) * 2 + flow` (0 exports, 1 imports).
        var sums: [Int64]
        /// A level with a missing month or an overflow.
        var unknown: [Bool]
        /// A cell some series fell into.
        var seen: [Bool]

        /// Sums every export and import series of the panel into its cell and the cells of its rollups.
        public init(keys: [SeriesKey], values: [Int64?], months: [Int], month: Period) {
            let width = months.count
            let m = month.month
            regionNames = ["ALL"] + Set(keys.map(\.region)).sorted(by: PanelBulletin.byteOrder)
            sectorNames = ["ALL"] + Set(keys.map(\.sector)).sorted(by: PanelBulletin.byteOrder)
            // A code spelt `ALL` in the panel falls into the rollup (never a trap on a duplicate key).
            let regionIndex = Dictionary(regionNames.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
            let sectorIndex = Dictionary(sectorNames.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
            let nS = sectorNames.count
            let cells = regionNames.count * nS * 2
            var sums = [Int64](repeating: 0, count: cells * 5)
            var unknown = [Bool](repeating: false, count: cells * 5)
            var seen = [Bool](repeating: false, count: cells)
            // The five measures of one series (cur_month, cur_ytd, prev_month, prev_ytd, prev2_ytd),
            // reused; `nil` for a missing month or an overflow. Index of (back, monthOfYear): back * m + mo - 1.
            var measures = [Int64?](repeating: nil, count: 5)
            // Series come in id order, so a region's or sector's code repeats: its index is kept.
            var lastRegion = (name: "", index: -1), lastSector = (name: "", index: -1)
            for (s, key) in keys.enumerated() where key.flow == .export || key.flow == .import {
                if key.region != lastRegion.name || lastRegion.index < 0 {
                    lastRegion = (key.region, regionIndex[key.region] ?? -1)
                }
                if key.sector != lastSector.name || lastSector.index < 0 {
                    lastSector = (key.sector, sectorIndex[key.sector] ?? -1)
                }
                let r = lastRegion.index, c = lastSector.index
                guard r >= 0, c >= 0 else { continue }
                let base = s * width
                func ytd(_ back: Int) -> Int64? {
                    var sum: Int64 = 0
                    for mo in 1...m {
                        guard let v = values[base + back * m + mo - 1] else { return nil }
                        let (t, overflow) = sum.addingReportingOverflow(v)
                        if overflow { return nil }
                        sum = t
                    }
                    return sum
                }
                measures[0] = values[base + m - 1]
                measures[1] = ytd(0)
                measures[2] = values[base + m + m - 1]
                measures[3] = ytd(1)
                measures[4] = ytd(2)
                let f = key.flow == .export ? 0 : 1
                for target in 0..<4 {
                    let rr = target & 1 == 0 ? r : 0, cc = target & 2 == 0 ? c : 0
                    let cell = (rr * nS + cc) * 2 + f
                    seen[cell] = true
                    for k in 0..<5 {
                        if let x = measures[k] {
                            let (t, overflow) = sums[cell * 5 + k].addingReportingOverflow(x)
                            sums[cell * 5 + k] = t
                            if overflow { unknown[cell * 5 + k] = true }
                        } else {
                            unknown[cell * 5 + k] = true
                        }
                    }
                }
            }
            self.sums = sums
            self.unknown = unknown
            self.seen = seen
        }

        /// The four lines (flows B, M, T, X) of a (region, sector) pair, or `nil` when the panel has
        /// no exports or no imports there.
        public func lines(region r: Int, sector c: Int) -> [Line]? {
            guard let (b, mm, t, x) = flows(region: r, sector: c) else { return nil }
            return [b, mm, t, x]
        }

        /// The four lines of a pair as a tuple (no allocation): balance, imports, total, exports.
        public func flows(region r: Int, sector c: Int) -> (Line, Line, Line, Line)? {
            let xc = (r * sectorNames.count + c) * 2, mc = xc + 1
            guard seen[xc] && seen[mc] else { return nil }
            var x = Line(flow: "X", levels: (0, 0, 0, 0, 0), known: 0)
            var mm = Line(flow: "M", levels: (0, 0, 0, 0, 0), known: 0)
            var t = Line(flow: "T", levels: (0, 0, 0, 0, 0), known: 0)
            var b = Line(flow: "B", levels: (0, 0, 0, 0, 0), known: 0)
            for k in 0..<5 {
                let bit = UInt8(1) << UInt8(k)
                let xv = sums[xc * 5 + k], mv = sums[mc * 5 + k]
                let xKnown = !unknown[xc * 5 + k], mKnown = !unknown[mc * 5 + k]
                if xKnown { x.set(k, xv, bit) }
                if mKnown { mm.set(k, mv, bit) }
                guard xKnown && mKnown else { continue }
                let (sum, o1) = xv.addingReportingOverflow(mv)
                if !o1 { t.set(k, sum, bit) }
                let (diff, o2) = xv.subtractingReportingOverflow(mv)
                if !o2 { b.set(k, diff, bit) }
            }
            return (b, mm, t, x)
        }
    }

    static func growth(_ cur: Int64?, _ base: Int64?) -> Double? {
        guard let cur, let base, base > 0 else { return nil }
        return (Double(cur) / Double(base) - 1) * 100
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}

extension PanelBulletin.Line {
    mutating func set(_ k: Int, _ value: Int64, _ bit: UInt8) {
        known |= bit
        switch k {
        case 0: levels.0 = value
        case 1: levels.1 = value
        case 2: levels.2 = value
        case 3: levels.3 = value
        default: levels.4 = value
        }
    }
}
