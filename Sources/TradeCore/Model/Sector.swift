/// A services category of the Extended Balance of Payments Services classification (EBOPS 2010),
/// or a named group of categories such as knowledge-intensive services.
///
/// Codes follow MSITS 2010 Annex I as used in SDMX BOP codelists (<doc:Methodology>):
/// `S` is total services, `SA`…`SL` (and `SN`) the main components, `SC1` etc. the second level.
/// Chinese names come in two variants, the SAFE balance-of-payments table and MOFCOM's bulletin
/// wording (<doc:Methodology>).
public struct Sector: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code: an EBOPS 2010 code (`SD`), or a group id (`KIS`).
    public let code: String
    /// English name.
    public let englishName: String
    /// Chinese name in SAFE's balance-of-payments table.
    public let chineseNameSAFE: String
    /// Chinese name in MOFCOM's bulletin.
    public let chineseNameMOFCOM: String
    /// The parent code in the EBOPS hierarchy (`S` for main components), `nil` for `S` and groups.
    public let parent: String?
    /// For a group: the member codes whose sum it is, or `nil` when it is published only as its own
    /// series (no exact EBOPS definition).
    public let members: [String]?
    /// Codes subtracted from the sum of `members` (for "excluding travel": S minus SD).
    public let excluded: [String]
    /// Whether this is a group rather than an EBOPS category.
    public var isGroup: Bool { members != nil || parent == nil && code != "S" }
    /// Hierarchy depth: 0 for `S`, 1 for main components, 2 for the second level; groups are 1.
    public var depth: Int {
        if code == "S" { return 0 }
        guard parent != nil else { return 1 }
        return code.count <= 2 ? 1 : 2
    }

    /// Creates a category or group.
    public init(
        code: String, englishName: String, chineseNameSAFE: String, chineseNameMOFCOM: String? = nil,
        parent: String?, members: [String]? = nil, excluded: [String] = []
    ) {
        self.code = code
        self.englishName = englishName
        self.chineseNameSAFE = chineseNameSAFE
        self.chineseNameMOFCOM = chineseNameMOFCOM ?? chineseNameSAFE
        self.parent = parent
        self.members = members
        self.excluded = excluded
    }

    /// `SD Travel`.
    public var description: String { "\(code) \(englishName)" }
}
