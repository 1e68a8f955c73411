/// "Nice" axis steps from {1, 2, 2.5, 5} × 10^k (<doc:ChartSpecification>).
public enum NiceTicks {
    /// The smallest step from {1, 2, 2.5, 5, 10} × 10^k giving at most `target` intervals over
    /// [min, max] (0 is included by the caller when bars need it), and the domain rounded out to it.
    ///
    /// All-zero or single-value data get a unit-sized domain around the value.
    public static func axis(min lo: Double, max hi: Double, target: Int = 5) -> (
        domain: ClosedRange<Double>, step: Double
    ) {
        var a = lo, b = hi
        if !(a.isFinite && b.isFinite) { return (0...1, 0.2) }
        if a > b { swap(&a, &b) }
        if a == b {
            // A single value (or all zeros): span from 0 to the value, or a unit range at 0.
            if a == 0 { b = 1 } else if a > 0 { a = 0 } else { b = 0 }
        }
        let span = b - a
        let raw = span / Double(Swift.max(1, target))
        var k = floor10(raw)
        let multipliers: [Double] = [1, 2, 2.5, 5, 10]
        while true {
            for m in multipliers {
                let step = m * k
                let start = (a / step).rounded(.down) * step
                let end = (b / step).rounded(.up) * step
                if ((end - start) / step).rounded() <= Double(target) + 1e-9 {
                    return (start...end, step)
                }
            }
            k *= 10
        }
    }

    /// The tick values of an axis, from the domain start by `step`.
    public static func ticks(_ domain: ClosedRange<Double>, step: Double) -> [Double] {
        let n = Int(((domain.upperBound - domain.lowerBound) / step).rounded())
        return (0...n).map { domain.lowerBound + Double($0) * step }.map { abs($0) < step * 1e-9 ? 0 : $0 }
    }

    /// The largest power of ten not above `x` (x > 0).
    static func floor10(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        var p = 1.0
        while p > x { p /= 10 }
        while p * 10 <= x { p *= 10 }
        return p
    }

    /// Decimals a tick label needs for `step` (2.5 → 1, 0.25 → 2, 50 → 0).
    public static func decimals(for step: Double) -> Int {
        var d = 0
        var s = step
        while d < 6 && abs(s - s.rounded()) > 1e-9 {
            s *= 10
            d += 1
        }
        return d
    }

    /// A secondary (rate) axis with exactly `intervals` intervals sharing the primary gridlines and
    /// 0 on a gridline: the smallest step from {1, 2, 2.5, 5, 10, 20, 25, 50, 100, …} with
    /// ⌈−min/step⌉ + ⌈max/step⌉ ≤ intervals; spare intervals go on top. `nil` when none fits.
    public static func sharedSecondaryAxis(min lo: Double, max hi: Double, intervals: Int) -> (
        domain: ClosedRange<Double>, step: Double
    )? {
        let a = Swift.min(lo, 0), b = Swift.max(hi, 0)
        var steps: [Double] = []
        var k = 0.1
        while k <= 1000 {
            steps += [1, 2, 2.5, 5].map { $0 * k }
            k *= 10
        }
        for step in steps {
            let below = Int((-a / step - 1e-9).rounded(.up))
            let above = Int((b / step - 1e-9).rounded(.up))
            if below + above <= intervals && below >= 0 {
                let start = -Double(below) * step
                return (start...(start + Double(intervals) * step), step)
            }
        }
        return nil
    }
}

/// A linear map from a data domain to a pixel range (y ranges run downwards).
public struct LinearScale: Sendable {
    /// Data domain.
    public let domain: ClosedRange<Double>
    /// Pixel at the domain's lower bound.
    public let from: Double
    /// Pixel at the domain's upper bound.
    public let to: Double

    /// Creates a scale.
    public init(domain: ClosedRange<Double>, from: Double, to: Double) {
        self.domain = domain
        self.from = from
        self.to = to
    }

    /// The pixel of a value.
    public func callAsFunction(_ x: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span != 0 else { return from }
        return from + (x - domain.lowerBound) / span * (to - from)
    }
}

/// Equal bands for categories, with inner padding.
public struct BandScale: Sendable {
    /// Left edge of the first band.
    public let start: Double
    /// Band width.
    public let band: Double

    /// `count` bands over [start, end].
    public init(count: Int, start: Double, end: Double) {
        self.start = start
        band = (end - start) / Double(Swift.max(1, count))
    }

    /// Centre of band `i`.
    public func center(_ i: Int) -> Double { start + band * (Double(i) + 0.5) }
}
