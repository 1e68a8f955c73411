/// The direction of a services-trade figure.
///
/// Total is exports plus imports (进出口, X + M); balance is exports minus imports (差额, X − M),
/// positive for a surplus (顺差) and negative for a deficit (逆差). <doc:Methodology>
public enum Flow: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Exports (出口, credit).
    case export
    /// Imports (进口, debit).
    case `import`
    /// Exports plus imports (进出口).
    case total
    /// Exports minus imports (差额).
    case balance

    /// Reads `export`, `import`, `total`, `balance` and the short forms `X`, `M`, `T`, `B`
    /// (case-insensitive), or the Chinese words 出口, 进口, 进出口, 差额.
    public init?(code: some StringProtocol) {
        switch code.lowercased() {
        case "export", "exports", "x", "出口": self = .export
        case "import", "imports", "m", "进口": self = .import
        case "total", "t", "进出口": self = .total
        case "balance", "b", "差额": self = .balance
        default: return nil
        }
    }

    /// The one-letter code used in compact outputs (`X`, `M`, `T`, `B`).
    public var letter: String {
        switch self {
        case .export: "X"
        case .import: "M"
        case .total: "T"
        case .balance: "B"
        }
    }

    /// Chinese name as used by MOFCOM.
    public var chineseName: String {
        switch self {
        case .export: "出口"
        case .import: "进口"
        case .total: "进出口"
        case .balance: "差额"
        }
    }

    /// True for flows whose levels can never be negative.
    public var isNonNegative: Bool { self != .balance }

    private var order: Int {
        switch self {
        case .total: 0
        case .export: 1
        case .import: 2
        case .balance: 3
        }
    }

    /// Bulletin order: total, exports, imports, balance.
    public static func < (lhs: Flow, rhs: Flow) -> Bool { lhs.order < rhs.order }
}
