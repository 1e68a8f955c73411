import TradeCore

/// Panel-bulletin rows as CSV bytes, fast: levels exact in the panel's unit,
/// rates as shortest round-trip doubles, empty for null.
public enum PanelBulletinCSV {
    /// The header line, as UTF-8 bytes.
    public static let header = Array(
        "region,sector,flow,cur_month,cur_ytd,prev_month,prev_ytd,prev2_ytd,yoy_month_pct,yoy_ytd_pct,avg2y_ytd_pct\n"
            .utf8)

    /// The CSV text of the rows, header first, as UTF-8 bytes.
    public static func render(_ rows: [PanelBulletin.Row], unit: MonetaryUnit) -> [UInt8] {
        var out = header
        var writer = Writer(unit: unit)
        for r in rows {
            writer.line(Array(r.region.utf8), Array(r.sector.utf8), r.flow, r.levels, r.rates, &out)
        }
        return out
    }

    /// The CSV lines of the regions `regions` (indices into ``PanelBulletin/Sums/regionNames``), without
    /// the header, as UTF-8 bytes: a piece of the whole, written straight from the sums (no row values).
    public static func render(_ sums: PanelBulletin.Sums, regions: Range<Int>, unit: MonetaryUnit) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(regions.count * sums.sectorNames.count * 4 * 100)
        var writer = Writer(unit: unit)
        let sectorBytes = sums.sectorNames.map { Array($0.utf8) }
        for r in regions {
            let region = Array(sums.regionNames[r].utf8)
            for c in sectorBytes.indices {
                guard let (b, m, t, x) = sums.flows(region: r, sector: c) else { continue }
                func write(_ line: PanelBulletin.Line) {
                    writer.line(
                        region, sectorBytes[c], line.flow,
                        (line.level(0), line.level(1), line.level(2), line.level(3), line.level(4)),
                        (line.rate(0), line.rate(1), line.rate(2)), &out)
                }
                write(b)
                write(m)
                write(t)
                write(x)
            }
        }
        return out
    }

    /// Writes lines: levels exact in the panel's unit, rates as shortest round-trip doubles.
    struct Writer {
        let shift: Int
        let divisor: Int64
        // A rate's shortest round-trip digits (its `description`) written into one reused buffer: no
        // string allocated per rate (220,000 rates in the bench panel).
        var digits = ""

        init(unit: MonetaryUnit) {
            shift = unit.magnitude.exponent + 2
            var d: Int64 = 1
            for _ in 0..<shift { d *= 10 }
            divisor = d
            digits.reserveCapacity(40)
        }

        mutating func line(
            _ region: [UInt8], _ sector: [UInt8], _ flow: String, _ levels: [Int64?], _ rates: [Double?],
            _ out: inout [UInt8]
        ) {
            head(region, sector, flow, &out)
            for l in levels { level(l, &out) }
            for x in rates { rate(x, &out) }
            out.append(10)
        }

        mutating func line(
            _ region: [UInt8], _ sector: [UInt8], _ flow: String,
            _ levels: (Int64?, Int64?, Int64?, Int64?, Int64?), _ rates: (Double?, Double?, Double?),
            _ out: inout [UInt8]
        ) {
            head(region, sector, flow, &out)
            level(levels.0, &out)
            level(levels.1, &out)
            level(levels.2, &out)
            level(levels.3, &out)
            level(levels.4, &out)
            rate(rates.0, &out)
            rate(rates.1, &out)
            rate(rates.2, &out)
            out.append(10)
        }

        func head(_ region: [UInt8], _ sector: [UInt8], _ flow: String, _ out: inout [UInt8]) {
            out.append(contentsOf: region)
            out.append(44)
            out.append(contentsOf: sector)
            out.append(44)
            out.append(contentsOf: flow.utf8)
        }

        @inline(__always)
        func level(_ l: Int64?, _ out: inout [UInt8]) {
            out.append(44)
            if let l { DerivedCSV.fixed(l, divisor: divisor, places: shift, &out) }
        }

        @inline(__always)
        mutating func rate(_ x: Double?, _ out: inout [UInt8]) {
            out.append(44)
            guard let x else { return }
            digits.removeAll(keepingCapacity: true)
            x.write(to: &digits)
            digits.withUTF8 { out.append(contentsOf: $0) }
        }
    }
}

/// CSV rows of derived series (`svctrade derive --csv`), written straight into a byte buffer.
public enum DerivedCSV {
    public static func append(_ s: MonthlyPanel.Series, _ d: PanelDerivation.Derived, to out: inout [UInt8]) {
        let key = Array((",\(s.key.region),\(s.key.sector),\(s.key.flow == .export ? "X" : "M"),").utf8)
        let shift = s.unit.magnitude.exponent + 2
        var divisor: Int64 = 1
        for _ in 0..<shift { divisor *= 10 }
        for k in 0..<s.values.count where s.present[k] {
            let m = s.firstMonth + k
            appendInt(Int64(m / 12), &out)
            out.append(45)
            let mo = m % 12 + 1
            out.append(UInt8(48 + mo / 10))
            out.append(UInt8(48 + mo % 10))
            out.append(contentsOf: key)
            fixed(s.values[k], divisor: divisor, places: shift, &out)
            out.append(44)
            if let y = d.ytd[k] { fixed(y, divisor: divisor, places: shift, &out) }
            out.append(44)
            if let g = d.yoyMonth[k] { rate(g, &out) }
            out.append(44)
            if let g = d.yoyYTD[k] { rate(g, &out) }
            out.append(10)
        }
    }

    /// `value / divisor` exactly, `places` fraction digits with trailing zeros dropped.
    @inline(__always)
    public static func fixed(_ value: Int64, divisor: Int64, places: Int, _ out: inout [UInt8]) {
        var v = value
        if v < 0 {
            out.append(45)
            v = -v
        }
        appendInt(v / divisor, &out)
        var frac = v % divisor
        guard frac != 0 else { return }
        var width = places
        while frac % 10 == 0 {
            frac /= 10
            width -= 1
        }
        out.append(46)
        let start = out.count
        for _ in 0..<width {
            out.append(UInt8(48 + frac % 10))
            frac /= 10
        }
        reverse(&out, from: start)
    }

    /// A rate with nine decimals (1e-9 percentage points).
    @inline(__always)
    public static func rate(_ g: Double, _ out: inout [UInt8]) {
        guard g.isFinite, abs(g) < 9e9 else {
            out.append(contentsOf: g.description.utf8)
            return
        }
        fixed(Int64((g * 1e9).rounded(.toNearestOrAwayFromZero)), divisor: 1_000_000_000, places: 9, &out)
    }

    @inline(__always)
    public static func appendInt(_ x: Int64, _ out: inout [UInt8]) {
        var v = x
        let start = out.count
        repeat {
            out.append(UInt8(48 + v % 10))
            v /= 10
        } while v > 0
        reverse(&out, from: start)
    }

    @inline(__always)
    public static func reverse(_ out: inout [UInt8], from start: Int) {
        var i = start, j = out.count - 1
        while i < j {
            out.swapAt(i, j)
            i += 1
            j -= 1
        }
    }
}
