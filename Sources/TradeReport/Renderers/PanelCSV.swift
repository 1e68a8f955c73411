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
        header + render(rows[...], unit: unit)
    }

    /// The CSV lines of the rows, without the header, as UTF-8 bytes (a piece of a larger output).
    public static func render(_ rows: ArraySlice<PanelBulletin.Row>, unit: MonetaryUnit) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 110)
        let shift = unit.magnitude.exponent + 2
        var divisor: Int64 = 1
        for _ in 0..<shift { divisor *= 10 }
        // A rate's shortest round-trip digits (its `description`) written into one reused buffer: no
        // string allocated per rate (220,000 rates in the bench panel).
        var digits = ""
        digits.reserveCapacity(40)
        for r in rows {
            out.append(contentsOf: r.region.utf8)
            out.append(44)
            out.append(contentsOf: r.sector.utf8)
            out.append(44)
            out.append(contentsOf: r.flow.utf8)
            for l in r.levels {
                out.append(44)
                if let l { DerivedCSV.fixed(l, divisor: divisor, places: shift, &out) }
            }
            for x in r.rates {
                out.append(44)
                if let x {
                    digits.removeAll(keepingCapacity: true)
                    x.write(to: &digits)
                    out.append(contentsOf: digits.utf8)
                }
            }
            out.append(10)
        }
        return out
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
