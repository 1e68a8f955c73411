/// A value of a set registered in `allCases` and named by its raw value (the table formats of
/// TradeReport, the chart kinds of TradeCharts): looked up, compared and printed by name.
public protocol RegisteredCase: RawRepresentable, CaseIterable, Hashable, CustomStringConvertible, Sendable
where RawValue == String, AllCases == [Self] {}

extension RegisteredCase {
    /// The registered value named `rawValue`, if any.
    public init?(rawValue: String) {
        guard let found = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = found
    }

    public var description: String { rawValue }

    public static func == (a: Self, b: Self) -> Bool { a.rawValue == b.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Every name in registration order, comma-separated (help texts): "text, csv, md".
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
