/// An exact decimal number: an integer mantissa and a count of fraction digits.
///
/// Used for published rates (`23.2`, `-10`, `0.25`) and for every rounded output. Arithmetic that
/// produces a rate is done on integers (``quotient(_:_:places:)``) and rounded once, half away from
/// zero, as agencies do ("本表计数采用四舍五入原则", <doc:Methodology>) — never half-even.
public struct DecimalNumber: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The integer mantissa: the value is `mantissa / 10^places`.
    public let mantissa: Int64
    /// The number of fraction digits, 0...18.
    public let places: Int

    /// Creates `mantissa / 10^places`.
    public init(mantissa: Int64, places: Int) {
        precondition((0...18).contains(places), "places must be 0...18")
        self.mantissa = mantissa
        self.places = places
    }

    /// Creates an integer value.
    public init(_ integer: Int) {
        self.init(mantissa: Int64(integer), places: 0)
    }

    /// Parses plain decimal text: optional sign, digits, optional fraction (`-10`, `23.2`, `+0.25`, `.5`).
    /// Returns `nil` for anything else (exponents, grouping, empty text) or more than 18 significant digits.
    public init?(parsing text: some StringProtocol) {
        var mantissa: Int64 = 0
        var places = 0
        var negative = false
        var seenDigit = false
        var seenPoint = false
        var first = true
        for b in text.utf8 {
            defer { first = false }
            if first && (b == UInt8(ascii: "-") || b == UInt8(ascii: "+")) {
                negative = b == UInt8(ascii: "-")
                continue
            }
            if b == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
                continue
            }
            guard b >= 48, b <= 57 else { return nil }
            let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (m2, o2) = m1.addingReportingOverflow(Int64(b - 48))
            if o1 || o2 { return nil }
            mantissa = m2
            seenDigit = true
            if seenPoint { places += 1 }
        }
        guard seenDigit, places <= 18 else { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, places: places)
    }

    /// The value as a binary double (for charts and square roots only, never for levels).
    public var doubleValue: Double { Double(mantissa) / pow10(places) }

    /// True when the value is below zero.
    public var isNegative: Bool { mantissa < 0 }

    /// The absolute value.
    public var magnitude: DecimalNumber { DecimalNumber(mantissa: mantissa < 0 ? -mantissa : mantissa, places: places) }

    /// The negated value.
    public static prefix func - (x: DecimalNumber) -> DecimalNumber {
        DecimalNumber(mantissa: -x.mantissa, places: x.places)
    }

    /// Rounds to `places` fraction digits, half away from zero (12.25 → 12.3, −12.25 → −12.3).
    public func rounded(places target: Int) -> DecimalNumber {
        if target >= places { return rescaled(to: target) ?? self }
        let divisor = Int128(pow10Int(places - target))
        return DecimalNumber(mantissa: Int64(Self.divideRoundingHalfAway(Int128(mantissa), divisor)), places: target)
    }

    /// The same value with `target` fraction digits, or `nil` when it would lose digits or overflow.
    public func rescaled(to target: Int) -> DecimalNumber? {
        if target == places { return self }
        if target < places {
            let d = Int64(pow10Int(places - target))
            guard mantissa % d == 0 else { return nil }
            return DecimalNumber(mantissa: mantissa / d, places: target)
        }
        let (m, o) = mantissa.multipliedReportingOverflow(by: Int64(pow10Int(target - places)))
        return o ? nil : DecimalNumber(mantissa: m, places: target)
    }

    /// The text with exactly `places` fraction digits (`23.2`, `-10.0`, `3`).
    public var description: String {
        let negative = mantissa < 0
        let digits = String(mantissa.magnitude)
        guard places > 0 else { return (negative ? "-" : "") + digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
    }

    /// The text without trailing fraction zeros (`10`, `23.2`, `0.25`): MOFCOM drops ".0".
    public var trimmedDescription: String {
        var d = self
        while d.places > 0, d.mantissa % 10 == 0 {
            d = DecimalNumber(mantissa: d.mantissa / 10, places: d.places - 1)
        }
        return d.description
    }

    /// A percentage as a table prints it: the agency's own figure at the places it was printed
    /// (`-10` for "下降10%", `40`, `23.2`: a padded `-10.0` would claim ±0.05 the agency did not
    /// publish), anything computed at 0.1 (<doc:Methodology>).
    public func printedPercent(published: Bool) -> DecimalNumber {
        published ? self : rounded(places: 1)
    }

    /// `a / b` rounded to `places` fraction digits, half away from zero, computed exactly on integers.
    ///
    /// - Returns: `nil` when `b` is zero or the result overflows.
    public static func quotient(_ a: Int128, _ b: Int128, places: Int) -> DecimalNumber? {
        guard b != 0 else { return nil }
        let scaled = a * Int128(pow10Int(places))
        let q = divideRoundingHalfAway(scaled, b)
        guard let m = Int64(exactly: q) else { return nil }
        return DecimalNumber(mantissa: m, places: places)
    }

    /// Integer division of `a` by `b` rounded half away from zero.
    public static func divideRoundingHalfAway(_ a: Int128, _ b: Int128) -> Int128 {
        let negative = (a < 0) != (b < 0)
        let ua = a.magnitude, ub = b.magnitude
        var q = ua / ub
        let r = ua % ub
        if r * 2 >= ub { q += 1 }
        return negative ? -Int128(q) : Int128(q)
    }

    /// Compares by value (`1.50 == 1.5` compare equal in order, though they are different values for `==`).
    public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
        let p = max(lhs.places, rhs.places)
        let l = Int128(lhs.mantissa) * Int128(pow10Int(p - lhs.places))
        let r = Int128(rhs.mantissa) * Int128(pow10Int(p - rhs.places))
        return l < r
    }

    /// True when both denote the same number, whatever their places.
    public func isNumericallyEqual(to other: DecimalNumber) -> Bool { !(self < other) && !(other < self) }
}

/// 10^n as an integer, n in 0...38.
@inlinable
public func pow10Int(_ n: Int) -> Int128 {
    var r: Int128 = 1
    for _ in 0..<n { r *= 10 }
    return r
}

/// 10^n as a double.
@inlinable
public func pow10(_ n: Int) -> Double {
    var r = 1.0
    for _ in 0..<n { r *= 10 }
    return r
}
