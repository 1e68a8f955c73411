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
        let width = months.count
        let m = month.month
        // Index of (back, monthOfYear) in `months`.
        func slot(_ back: Int, _ mo: Int) -> Int { back * m + mo - 1 }
        func measures(_ s: Int) -> [Int64?] {
            let base = s * width
            func ytd(_ back: Int) -> Int64? {
                var sum: Int64 = 0
                for mo in 1...m {
                    guard let v = values[base + slot(back, mo)] else { return nil }
                    let (t, overflow) = sum.addingReportingOverflow(v)
                    if overflow { return nil }
                    sum = t
                }
                return sum
            }
            return [values[base + slot(0, m)], ytd(0), values[base + slot(1, m)], ytd(1), ytd(2)]
        }
        // Integer codes: index 0 is ALL; groups are (region, sector, flow X/M) cells of five sums.
        let regionNames = ["ALL"] + Set(keys.map(\.region)).sorted(by: byteOrder)
        let sectorNames = ["ALL"] + Set(keys.map(\.sector)).sorted(by: byteOrder)
        let regionIndex = Dictionary(uniqueKeysWithValues: regionNames.enumerated().map { ($1, $0) })
        let sectorIndex = Dictionary(uniqueKeysWithValues: sectorNames.enumerated().map { ($1, $0) })
        let nS = sectorNames.count
        let cells = regionNames.count * nS * 2
        var sums = [Int64](repeating: 0, count: cells * 5)
        var unknown = [Bool](repeating: false, count: cells * 5)
        var seen = [Bool](repeating: false, count: cells)
        for (s, key) in keys.enumerated() where key.flow == .export || key.flow == .import {
            guard let r = regionIndex[key.region], let c = sectorIndex[key.sector] else { continue }
            let f = key.flow == .export ? 0 : 1
            let ms = measures(s)
            for (rr, cc) in [(r, c), (0, c), (r, 0), (0, 0)] {
                let cell = (rr * nS + cc) * 2 + f
                seen[cell] = true
                for k in 0..<5 {
                    if let x = ms[k] {
                        let (t, overflow) = sums[cell * 5 + k].addingReportingOverflow(x)
                        sums[cell * 5 + k] = t
                        if overflow { unknown[cell * 5 + k] = true }
                    } else {
                        unknown[cell * 5 + k] = true
                    }
                }
            }
        }
        func levels(_ cell: Int) -> [Int64?] { (0..<5).map { unknown[cell * 5 + $0] ? nil : sums[cell * 5 + $0] } }
        func growth(_ cur: Int64?, _ base: Int64?) -> Double? {
            guard let cur, let base, base > 0 else { return nil }
            return (Double(cur) / Double(base) - 1) * 100
        }
        var out: [Row] = []
        out.reserveCapacity(regionNames.count * nS * 4)
        for (r, region) in regionNames.enumerated() {
            for (c, sector) in sectorNames.enumerated() {
                let xc = (r * nS + c) * 2, mc = xc + 1
                guard seen[xc] && seen[mc] else { continue }
                let xl = levels(xc), ml = levels(mc)
                let tl = (0..<5).map { k -> Int64? in
                    xl[k].flatMap { x in ml[k].flatMap { m in Self.exact(x.addingReportingOverflow(m)) } }
                }
                let bl = (0..<5).map { k -> Int64? in
                    xl[k].flatMap { x in ml[k].flatMap { m in Self.exact(x.subtractingReportingOverflow(m)) } }
                }
                for (flow, l) in [("B", bl), ("M", ml), ("T", tl), ("X", xl)] {
                    var avg: Double?
                    if let cur = l[1], let base = l[4], base > 0, cur >= 0 {
                        avg = ((Double(cur) / Double(base)).squareRoot() - 1) * 100
                    }
                    out.append(
                        Row(
                            region: region, sector: sector, flow: flow, levels: l,
                            rates: [growth(l[0], l[2]), growth(l[1], l[3]), avg]))
                }
            }
        }
        return out
    }

    static func exact(_ r: (partialValue: Int64, overflow: Bool)) -> Int64? { r.overflow ? nil : r.partialValue }

    static func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }
}
