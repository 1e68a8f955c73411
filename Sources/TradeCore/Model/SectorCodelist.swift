/// The EBOPS 2010 codelist to the second level, with the named groups a Chinese bulletin uses.
///
/// ```swift
/// Sectors.standard.sector(code: "SD")?.chineseNameMOFCOM   // "旅行"
/// Sectors.standard.lookup("knowledge-intensive")?.code     // "KIS"
/// Sectors.standard.lookup("旅行服务")?.code                  // "SD"
/// ```
///
/// Sources: MSITS 2010 Annex I / OECD BOP6 hierarchy for codes and English names; SAFE item table
/// 1.1–1.12 and the MOFCOM indicator note for the Chinese names of main components
/// (<doc:Methodology>–2.2). Chinese names below the main components are this project's
/// translations; neither SAFE nor MOFCOM publishes that level.
public struct Sectors: Sendable {
    /// All categories and groups in codelist order.
    public let all: [Sector]
    private let byCode: [String: Int]
    private let byName: [String: Int]
    private let childrenByCode: [String: [Sector]]

    /// Builds a codelist from categories and groups.
    public init(_ sectors: [Sector]) {
        all = sectors
        var byCode: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (i, s) in sectors.enumerated() {
            byCode[s.code.uppercased()] = i
            for name in [s.englishName, s.chineseNameSAFE, s.chineseNameMOFCOM] {
                let key = Sectors.normalise(name)
                if byName[key] == nil { byName[key] = i }
            }
        }
        self.byCode = byCode
        self.byName = byName
        self.childrenByCode = Dictionary(grouping: sectors.filter { $0.parent != nil }, by: { $0.parent ?? "" })
    }

    /// The category or group with this code (case-insensitive).
    public func sector(code: some StringProtocol) -> Sector? {
        // Codes are stored upper case; most lookups already are (no allocation then).
        if let i = byCode[String(code)] { return all[i] }
        return byCode[code.uppercased()].map { all[$0] }
    }

    /// Finds a sector by code, by English name (also the published-file aliases such as
    /// `IP royalties`) or by either Chinese name (with or without the word 服务).
    public func lookup(_ text: some StringProtocol) -> Sector? {
        if let s = sector(code: text) { return s }
        let key = Sectors.normalise(text)
        if let i = byName[key] { return all[i] }
        if let code = Sectors.aliases[key] { return sector(code: code) }
        if key.hasSuffix("服务"), let i = byName[String(key.dropLast(2))] { return all[i] }
        if let i = byName[key + "服务"] { return all[i] }
        return nil
    }

    /// The children of a code in the EBOPS hierarchy.
    public func children(of code: String) -> [Sector] { childrenByCode[code] ?? [] }

    /// The main components (`SA`…`SL`, `SN`).
    public var mainComponents: [Sector] { children(of: "S") }

    /// The codes whose sum is `code`'s level: its children, without the residual "services not
    /// allocated" (SN), which MOFCOM does not publish — its twelve categories SA…SL are its partition of
    /// total services (MSITS 2010 Annex I; domain reference §2.1). A sum of children is a total only
    /// when every code of the partition has a level for the span; empty for a code without children.
    public func partition(of code: String) -> [Sector] {
        children(of: code).filter { !Self.residuals.contains($0.code) }
    }

    /// Residual categories left out of a parent's partition.
    static let residuals: Set<String> = ["SN"]

    /// The leaf codes a group or category sums over (the members of a group, or the code itself).
    public func constituents(of code: String) -> [String] {
        guard let s = sector(code: code) else { return [] }
        return s.members ?? [s.code]
    }

    /// Accepts a code of a national sub-classification below a known main component, such as `SA1`
    /// or `SD21` (EBOPS is extended nationally; bench/gen.py writes such codes). Returns the main
    /// component it belongs to.
    public func extensionParent(of code: some StringProtocol) -> Sector? {
        let c = code.uppercased()
        guard c.count >= 3, c.count <= 6, c.hasPrefix("S"),
            c.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }),
            let main = sector(code: c.prefix(2)), main.parent == "S"
        else { return nil }
        return main
    }

    /// Up to three codes or names closest to `text` (edit distance), for "did you mean" hints.
    public func suggestions(for text: some StringProtocol) -> [String] {
        let candidates = all.flatMap { [$0.code, $0.englishName] } + Array(Sectors.aliases.keys)
        return NearestText.closest(to: String(text), among: candidates, limit: 3)
    }

    static func normalise(_ s: some StringProtocol) -> String {
        s.lowercased().trimmingSpaces
    }

    /// English names as written in `mofcom-published-2017-2022.csv` and common variants.
    static let aliases: [String: String] = [
        "total": "S", "services": "S", "total services": "S", "服务贸易": "S", "服务": "S",
        "transport": "SC", "travel": "SD", "construction": "SE", "insurance": "SF", "financial": "SG",
        "ip royalties": "SH", "intellectual property": "SH",
        "telecom, computer and information": "SI", "other business": "SJ",
        "professional and management consulting": "SJ2",
        "personal, cultural and recreational": "SK", "maintenance and repair": "SB",
        "manufacturing services on inputs owned by others": "SA", "processing": "SA",
        "government": "SL", "knowledge-intensive": "KIS", "knowledge intensive": "KIS",
        "emerging services": "EMERGING", "excluding travel": "EXTRAVEL",
        "traditional (travel, transport, construction)": "TRAD3",
        "traditional (transport, travel, construction, processing)": "TRAD4",
        "computer and information": "SI23", "technical services": "TECH",
        "services share of foreign trade (goods+services)": "SGS",
    ]

    /// The shipped codelist: EBOPS 2010 to the second level plus groups.
    public static let standard = Sectors(ebops2010 + groups)

    static let ebops2010: [Sector] = [
        Sector(code: "S", englishName: "Services", chineseNameSAFE: "服务", chineseNameMOFCOM: "服务贸易", parent: nil),
        Sector(
            code: "SA", englishName: "Manufacturing services on physical inputs owned by others",
            chineseNameSAFE: "加工服务", parent: "S"),
        Sector(
            code: "SAY", englishName: "Goods for processing in reporting economy", chineseNameSAFE: "在本经济体加工的货物",
            parent: "SA"),
        Sector(code: "SAZ", englishName: "Goods for processing abroad", chineseNameSAFE: "在国外加工的货物", parent: "SA"),
        Sector(
            code: "SB", englishName: "Maintenance and repair services n.i.e.", chineseNameSAFE: "维护和维修服务", parent: "S"),
        Sector(code: "SC", englishName: "Transport", chineseNameSAFE: "运输", chineseNameMOFCOM: "运输服务", parent: "S"),
        Sector(code: "SC1", englishName: "Sea transport", chineseNameSAFE: "海运", parent: "SC"),
        Sector(code: "SC2", englishName: "Air transport", chineseNameSAFE: "空运", parent: "SC"),
        Sector(code: "SC3", englishName: "Other modes of transport", chineseNameSAFE: "其他运输方式", parent: "SC"),
        Sector(code: "SC4", englishName: "Postal and courier services", chineseNameSAFE: "邮政和快递服务", parent: "SC"),
        Sector(code: "SD", englishName: "Travel", chineseNameSAFE: "旅行", chineseNameMOFCOM: "旅行服务", parent: "S"),
        Sector(code: "SDA", englishName: "Business travel", chineseNameSAFE: "公务及商务旅行", parent: "SD"),
        Sector(code: "SDB", englishName: "Personal travel", chineseNameSAFE: "私人旅行", parent: "SD"),
        Sector(code: "SE", englishName: "Construction", chineseNameSAFE: "建设", chineseNameMOFCOM: "建筑", parent: "S"),
        Sector(code: "SE1", englishName: "Construction abroad", chineseNameSAFE: "境外建设", parent: "SE"),
        Sector(
            code: "SE2", englishName: "Construction in the reporting economy", chineseNameSAFE: "境内建设", parent: "SE"),
        Sector(
            code: "SF", englishName: "Insurance and pension services", chineseNameSAFE: "保险和养老金服务",
            chineseNameMOFCOM: "保险服务", parent: "S"),
        Sector(code: "SF1", englishName: "Direct insurance", chineseNameSAFE: "直接保险", parent: "SF"),
        Sector(code: "SF2", englishName: "Reinsurance", chineseNameSAFE: "再保险", parent: "SF"),
        Sector(code: "SF3", englishName: "Auxiliary insurance services", chineseNameSAFE: "保险辅助服务", parent: "SF"),
        Sector(
            code: "SF4", englishName: "Pension and standardized guarantee services", chineseNameSAFE: "养老金和标准化担保服务",
            parent: "SF"),
        Sector(code: "SG", englishName: "Financial services", chineseNameSAFE: "金融服务", parent: "S"),
        Sector(
            code: "SG1", englishName: "Explicitly charged and other financial services", chineseNameSAFE: "明确收费及其他金融服务",
            parent: "SG"),
        Sector(
            code: "SG2", englishName: "Financial intermediation services indirectly measured (FISIM)",
            chineseNameSAFE: "间接测算的金融中介服务", parent: "SG"),
        Sector(
            code: "SH", englishName: "Charges for the use of intellectual property n.i.e.", chineseNameSAFE: "知识产权使用费",
            parent: "S"),
        Sector(
            code: "SH1", englishName: "Franchises and trademarks licensing fees", chineseNameSAFE: "特许和商标使用费",
            parent: "SH"),
        Sector(
            code: "SH2", englishName: "Licences for the use of outcomes of research and development",
            chineseNameSAFE: "研发成果使用许可费", parent: "SH"),
        Sector(
            code: "SH3", englishName: "Licences to reproduce and/or distribute computer software",
            chineseNameSAFE: "计算机软件复制和分销许可费", parent: "SH"),
        Sector(
            code: "SH4", englishName: "Licences to reproduce and/or distribute audio-visual and related products",
            chineseNameSAFE: "视听及相关产品复制和分销许可费", parent: "SH"),
        Sector(
            code: "SI", englishName: "Telecommunications, computer, and information services",
            chineseNameSAFE: "电信、计算机和信息服务", chineseNameMOFCOM: "电信计算机和信息服务", parent: "S"),
        Sector(code: "SI1", englishName: "Telecommunications services", chineseNameSAFE: "电信服务", parent: "SI"),
        Sector(code: "SI2", englishName: "Computer services", chineseNameSAFE: "计算机服务", parent: "SI"),
        Sector(code: "SI3", englishName: "Information services", chineseNameSAFE: "信息服务", parent: "SI"),
        Sector(code: "SJ", englishName: "Other business services", chineseNameSAFE: "其他商业服务", parent: "S"),
        Sector(code: "SJ1", englishName: "Research and development services", chineseNameSAFE: "研发服务", parent: "SJ"),
        Sector(
            code: "SJ2", englishName: "Professional and management consulting services", chineseNameSAFE: "专业和管理咨询服务",
            parent: "SJ"),
        Sector(
            code: "SJ3", englishName: "Technical, trade-related, and other business services",
            chineseNameSAFE: "技术、贸易相关等其他商业服务", parent: "SJ"),
        Sector(
            code: "SK", englishName: "Personal, cultural, and recreational services", chineseNameSAFE: "个人、文化和娱乐服务",
            chineseNameMOFCOM: "个人文化和娱乐服务", parent: "S"),
        Sector(code: "SK1", englishName: "Audiovisual and related services", chineseNameSAFE: "视听和相关服务", parent: "SK"),
        Sector(
            code: "SK2", englishName: "Other personal, cultural, and recreational services",
            chineseNameSAFE: "其他个人、文化和娱乐服务", parent: "SK"),
        Sector(
            code: "SL", englishName: "Government goods and services n.i.e.", chineseNameSAFE: "别处未提及的政府服务",
            chineseNameMOFCOM: "政府服务", parent: "S"),
        Sector(code: "SL1", englishName: "Embassies and consulates", chineseNameSAFE: "使领馆", parent: "SL"),
        Sector(code: "SL2", englishName: "Military units and agencies", chineseNameSAFE: "军事单位和机构", parent: "SL"),
        Sector(
            code: "SL3", englishName: "Other government goods and services n.i.e.", chineseNameSAFE: "其他政府货物和服务",
            parent: "SL"),
        Sector(code: "SN", englishName: "Services not allocated", chineseNameSAFE: "未分配的服务", parent: "S"),
    ]

    /// Named groups. `KIS` (知识密集型服务) = SF+SG+SH+SI+SJ+SK: MOFCOM's lists of faster-growing
    /// knowledge-intensive areas draw only from these six (<doc:Methodology>).
    static let groups: [Sector] = [
        Sector(
            code: "KIS", englishName: "Knowledge-intensive services", chineseNameSAFE: "知识密集型服务", parent: nil,
            members: ["SF", "SG", "SH", "SI", "SJ", "SK"]),
        Sector(
            code: "EXTRAVEL", englishName: "Services excluding travel", chineseNameSAFE: "剔除旅行服务", parent: nil,
            members: ["S"], excluded: ["SD"]),
        Sector(
            code: "TRAD3", englishName: "Traditional services (travel, transport, construction)",
            chineseNameSAFE: "三大传统服务", parent: nil,
            members: ["SC", "SD", "SE"]),
        Sector(
            code: "TRAD4", englishName: "Traditional services (transport, travel, construction, processing)",
            chineseNameSAFE: "传统服务(含加工)", parent: nil,
            members: ["SA", "SC", "SD", "SE"]),
        Sector(
            code: "SI23", englishName: "Computer and information services", chineseNameSAFE: "计算机和信息服务", parent: nil,
            members: ["SI2", "SI3"]),
        Sector(
            code: "EMERGING", englishName: "Emerging services (2017–2018 grouping)", chineseNameSAFE: "新兴服务",
            parent: nil),
        Sector(
            code: "TECH", englishName: "Technical services (as published; part of SJ3)", chineseNameSAFE: "技术服务",
            parent: nil),
        Sector(
            code: "SGS", englishName: "Services in goods and services trade (share only)",
            chineseNameSAFE: "服务贸易占对外贸易比重", parent: nil),
    ]
}
