/// The scale a level is published in: yuan, 万 (10 thousand), 亿 (100 million), billion, trillion.
///
/// Chinese releases count in 万 and 亿 (and 万亿, 10^12, which equals an English trillion);
/// English releases shift the decimal point to billions and trillions (<doc:Methodology>).
public enum Magnitude: Int, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// One currency unit (yuan, dollar).
    case one = 0
    /// 10^4, 万.
    case tenThousand = 4
    /// 10^6, million.
    case million = 6
    /// 10^8, 亿.
    case hundredMillion = 8
    /// 10^9, billion.
    case billion = 9
    /// 10^12, trillion (万亿).
    case trillion = 12

    /// The power of ten.
    public var exponent: Int { rawValue }

    /// The short label used in unit strings: `""`, `10k`, `m`, `100m`, `bn`, `trillion`.
    public var label: String {
        switch self {
        case .one: ""
        case .tenThousand: "10k"
        case .million: "m"
        case .hundredMillion: "100m"
        case .billion: "bn"
        case .trillion: "trillion"
        }
    }

    public static func < (lhs: Magnitude, rhs: Magnitude) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A currency and a magnitude: the unit a level is published in, e.g. `CNY 100m` (亿元).
public struct MonetaryUnit: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The currency.
    public let currency: Currency
    /// The scale.
    public let magnitude: Magnitude

    /// Creates a unit.
    public init(_ currency: Currency, _ magnitude: Magnitude) {
        self.currency = currency
        self.magnitude = magnitude
    }

    /// Parses `CNY 100m`, `CNY bn`, `CNY trillion`, `USD 100m`, `USD bn`, `CNY 10k`, `CNY` and the Chinese
    /// forms `亿元`, `万元`, `万亿元`, `元`, `亿美元`, `万美元`, `美元`. Returns `nil` when unknown.
    public init?(parsing text: some StringProtocol) {
        let t = text.trimmingSpaces
        let chinese: [String: MonetaryUnit] = [
            "元": .init(.cny, .one), "万元": .init(.cny, .tenThousand), "亿元": .init(.cny, .hundredMillion),
            "万亿元": .init(.cny, .trillion), "美元": .init(.usd, .one), "万美元": .init(.usd, .tenThousand),
            "亿美元": .init(.usd, .hundredMillion), "万亿美元": .init(.usd, .trillion),
        ]
        if let u = chinese[t] {
            self = u
            return
        }
        let parts = t.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(parts.count), let currency = Currency(code: parts[0]) else { return nil }
        let magnitude: Magnitude
        if parts.count == 1 {
            magnitude = .one
        } else {
            switch parts[1].lowercased() {
            case "1", "one", "unit": magnitude = .one
            case "10k", "10000", "wan": magnitude = .tenThousand
            case "m", "mn", "million": magnitude = .million
            case "100m", "yi": magnitude = .hundredMillion
            case "bn", "billion": magnitude = .billion
            case "trillion", "tn": magnitude = .trillion
            default: return nil
            }
        }
        self.init(currency, magnitude)
    }

    /// `CNY 100m`, or `CNY` for single units.
    public var description: String {
        magnitude == .one ? currency.rawValue : "\(currency.rawValue) \(magnitude.label)"
    }

    /// The unit words the parser accepts, for error messages.
    public static let accepted =
        "CNY or USD followed by 10k, m, 100m, bn or trillion (e.g. \"CNY 100m\"), or 元, 万元, 亿元, 万亿元, 美元, 亿美元"
}

extension StringProtocol {
    /// The text without leading and trailing ASCII spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
