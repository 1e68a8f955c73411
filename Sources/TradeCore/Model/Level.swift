/// An exact monetary level in hundredths of a currency unit (fen, cents).
///
/// Levels are held as 64-bit integers of 0.01 yuan (or cents), so sums never drift the way binary
/// floating-point sums do. The range, ±9.2 × 10^16 yuan, is far above any national services total
/// (about 6 × 10^12 yuan a year).
///
/// ```swift
/// let total = try Level(parsing: "1.56445", in: MonetaryUnit(.cny, .trillion))
/// total.formatted(in: .init(.cny, .hundredMillion), places: 1)   // "15644.5"
/// ```
public struct Level: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Hundredths of the currency unit.
    public let hundredths: Int64

    /// Creates a level from hundredths of the currency unit.
    public init(hundredths: Int64) {
        self.hundredths = hundredths
    }

    /// Zero.
    public static let zero = Level(hundredths: 0)

    /// Why a decimal text could not become a level.
    public enum ParseFailure: Error, Equatable, Sendable {
        /// Not a plain decimal number.
        case notANumber
        /// More fraction digits than 0.01 of the currency unit can hold.
        case tooPrecise
        /// Beyond ±9.2 × 10^16 currency units.
        case outOfRange
    }

    /// Parses a plain decimal text (`15644.5`, `-720.4`) published in `unit`, exactly.
    public init(parsing text: some StringProtocol, in unit: MonetaryUnit) throws(ParseFailure) {
        guard let d = DecimalNumber(parsing: text) else {
            // 19+ digit mantissas are out of range rather than malformed.
            let digitsOnly = text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 }
            throw digitsOnly && text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) ? .outOfRange : .notANumber
        }
        try self.init(d, in: unit)
    }

    /// Converts an exact decimal in `unit` to a level.
    public init(_ value: DecimalNumber, in unit: MonetaryUnit) throws(ParseFailure) {
        let shift = unit.magnitude.exponent + 2 - value.places
        if shift >= 0 {
            let m = Int128(value.mantissa) * pow10Int(shift)
            guard let h = Int64(exactly: m) else { throw .outOfRange }
            hundredths = h
        } else {
            let d = pow10Int(-shift)
            guard Int128(value.mantissa) % d == 0 else { throw .tooPrecise }
            hundredths = Int64(Int128(value.mantissa) / d)
        }
    }

    /// The level in `unit`, rounded half away from zero to `places` fraction digits.
    public func decimal(in unit: MonetaryUnit, places: Int) -> DecimalNumber {
        // value_in_unit = hundredths / 10^(e+2); mantissa at `places` = hundredths * 10^places / 10^(e+2)
        let shift = unit.magnitude.exponent + 2 - places
        if shift <= 0 {
            return DecimalNumber(mantissa: Int64(Int128(hundredths) * pow10Int(-shift)), places: places)
        }
        let q = DecimalNumber.divideRoundingHalfAway(Int128(hundredths), pow10Int(shift))
        return DecimalNumber(mantissa: Int64(q), places: places)
    }

    /// The exact level in `unit` with as many places as needed (no rounding).
    public func exactDecimal(in unit: MonetaryUnit) -> DecimalNumber {
        DecimalNumber(mantissa: hundredths, places: unit.magnitude.exponent + 2).trimmedToSignificant()
    }

    /// Formats in `unit` with `places` fraction digits, rounded half away from zero.
    public func formatted(in unit: MonetaryUnit, places: Int) -> String {
        decimal(in: unit, places: places).description
    }

    /// The value as a binary double in units (for charts only).
    public var doubleValue: Double { Double(hundredths) / 100 }

    /// Exact sum; `nil` on overflow.
    public func adding(_ other: Level) -> Level? {
        let (s, o) = hundredths.addingReportingOverflow(other.hundredths)
        return o ? nil : Level(hundredths: s)
    }

    /// Exact difference; `nil` on overflow.
    public func subtracting(_ other: Level) -> Level? {
        let (s, o) = hundredths.subtractingReportingOverflow(other.hundredths)
        return o ? nil : Level(hundredths: s)
    }

    /// The hundredths as text.
    public var description: String { DecimalNumber(mantissa: hundredths, places: 2).description }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.hundredths < rhs.hundredths }
}

extension DecimalNumber {
    /// Drops trailing fraction zeros (a value-preserving rescale).
    func trimmedToSignificant() -> DecimalNumber {
        var d = self
        while d.places > 0, d.mantissa % 10 == 0 {
            d = DecimalNumber(mantissa: d.mantissa / 10, places: d.places - 1)
        }
        return d
    }
}
