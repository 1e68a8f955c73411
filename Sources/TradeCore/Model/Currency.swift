/// The currency a level is expressed in.
///
/// Each currency's growth is computed from its own level series, never converted
/// (<doc:Methodology>).
public enum Currency: String, Hashable, Sendable, Codable, CaseIterable {
    /// Renminbi yuan.
    case cny = "CNY"
    /// US dollar.
    case usd = "USD"

    /// Reads `CNY`/`RMB`/`人民币` or `USD`/`美元` (case-insensitive).
    public init?(code: some StringProtocol) {
        switch code.uppercased() {
        case "CNY", "RMB", "人民币": self = .cny
        case "USD", "美元": self = .usd
        default: return nil
        }
    }
}
