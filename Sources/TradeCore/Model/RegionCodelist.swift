/// The regions svctrade knows: the nation, the pilot localities and the published aggregates.
///
/// ```swift
/// Regions.standard.region(code: "xixian")?.overlaps   // ["xian"]
/// Regions.standard.pilots(batch: 2020).count          // 28
/// ```
public struct Regions: Sendable {
    /// All regions in codelist order.
    public let all: [Region]
    private let byCode: [String: Int]
    private let byName: [String: Int]

    /// Builds a codelist.
    public init(_ regions: [Region]) {
        all = regions
        var byCode: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (i, r) in regions.enumerated() {
            byCode[r.code.lowercased()] = i
            for n in [r.englishName, r.chineseName] where byName[n.lowercased()] == nil {
                byName[n.lowercased()] = i
            }
        }
        self.byCode = byCode
        self.byName = byName
    }

    /// The nation.
    public static let nation = Region(code: "CN", englishName: "China", chineseName: "全国", kind: .country)

    /// The nation's services trade on the balance-of-payments basis, as published monthly by SAFE
    /// (scope `China (SAFE BoP)` in `datasets/safe-bop-services-2017-2025.csv`). A series of its own:
    /// SAFE's basis, coverage and revisions differ from MOFCOM's, so it is never summed or mixed with
    /// `CN`, and it has no parent for shares or contributions.
    public static let balanceOfPayments = Region(
        code: "CN-BOP", englishName: "China (SAFE BoP)", chineseName: "全国（国际收支口径，国家外汇管理局）", kind: .basis)

    /// The shipped codelist.
    public static let standard = Regions([nation, balanceOfPayments] + pilotLocalities + aggregates)

    /// Published aggregates found in MOFCOM releases (scope names of `datasets/mofcom-published-2017-2022.csv`).
    static let aggregates: [Region] = [
        Region(
            code: "PILOT2016", englishName: "Innovation pilot areas (2016 batch, combined)",
            chineseName: "服务贸易创新发展试点地区(2016年批次合计)", kind: .aggregate, pilotBatches: [2016]),
        Region(
            code: "PILOT2018", englishName: "Innovation pilot areas (2018 batch, 17 areas combined)",
            chineseName: "17个服务贸易创新发展试点地区合计", kind: .aggregate, pilotBatches: [2018]),
        Region(
            code: "PILOT2020", englishName: "Comprehensive pilot areas (2020 batch, 28 localities combined)",
            chineseName: "28个全面深化服务贸易创新发展试点地区合计", kind: .aggregate, pilotBatches: [2020]),
        Region(code: "CN-EAST", englishName: "Eastern region", chineseName: "东部地区", kind: .aggregate),
        Region(code: "CN-CENTRAL", englishName: "Central region", chineseName: "中部地区", kind: .aggregate),
        Region(code: "CN-WEST", englishName: "Western region", chineseName: "西部地区", kind: .aggregate),
        Region(
            code: "CN-CENTRAL-WEST", englishName: "Central and western regions", chineseName: "中西部地区", kind: .aggregate),
        Region(
            code: "CN-NORTH", englishName: "Northern region (北部 as published; probably the Northeast)",
            chineseName: "北部地区", kind: .aggregate),
        Region(
            code: "CN-REST", englishName: "Rest of China (outside the listed pilot localities)",
            chineseName: "其他地区(试点地区以外)", kind: .aggregate),
        Region(
            code: "BRI", englishName: "Belt and Road countries (partner scope)", chineseName: "“一带一路”沿线国家",
            kind: .aggregate),
    ]

    /// Scope names of the published-figures file mapped to codes (several wordings of one aggregate).
    static let scopeAliases: [String: String] = [
        "china": "CN", "national": "CN", "nation": "CN", "china (safe bop)": "CN-BOP",
        "innovation pilot areas (17 areas combined)": "PILOT2018",
    ]

    /// The region with this code (case-insensitive), or a numbered panel region `R` + digits.
    public func region(code: some StringProtocol) -> Region? {
        if let i = byCode[code.lowercased()] { return all[i] }
        return Regions.panelRegion(code: code)
    }

    /// Finds a region by code, English or Chinese name, or a published scope wording.
    public func lookup(_ text: some StringProtocol) -> Region? {
        if let r = region(code: text) { return r }
        let key = text.lowercased().trimmingSpaces
        if let i = byName[key] { return all[i] }
        if let code = Regions.scopeAliases[key] { return region(code: code) }
        return nil
    }

    /// A numbered region of an anonymised or synthetic panel: `R` followed by 1–6 digits.
    ///
    /// Statistical offices publish anonymised regional panels; bench/gen.py writes `R001`…`R300`.
    public static func panelRegion(code: some StringProtocol) -> Region? {
        let u = Array(code.utf8)
        guard (2...7).contains(u.count), u[0] == UInt8(ascii: "R"),
            u.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        let c = String(code)
        return Region(code: c, englishName: "Region \(c.dropFirst())", chineseName: "地区\(c.dropFirst())", kind: .panel)
    }

    /// The localities on one pilot list (2016, 2018 or 2020), in list order.
    public func pilots(batch: Int) -> [Region] {
        all.filter { $0.kind != .aggregate && $0.pilotBatches.contains(batch) }
    }

    /// Pairs of regions in `codes` that overlap, so that a plain sum over `codes` double-counts.
    public func overlappingPairs(in codes: [String]) -> [(String, String)] {
        let set = Set(codes)
        var pairs: [(String, String)] = []
        for c in codes {
            guard let r = region(code: c) else { continue }
            for o in r.overlaps where set.contains(o) && c < o { pairs.append((c, o)) }
        }
        return pairs
    }

    /// Up to three codes or names closest to `text`, for "did you mean" hints.
    public func suggestions(for text: some StringProtocol) -> [String] {
        NearestText.closest(to: String(text), among: all.flatMap { [$0.code, $0.englishName] }, limit: 3)
    }
}
