/// A place a services-trade figure is reported for: the nation, a province, a city, a set of
/// districts, a national new area, or a published aggregate of places.
///
/// The pilot programme for innovation-driven development of trade in services mixes these kinds
/// (<doc:Methodology>, `datasets/pilot-regions.csv`): whole provinces (Hainan), part of a
/// municipality (21 districts of Chongqing), prefecture cities and national new areas that overlap
/// pilot cities (Xixian New Area spans Xi'an and Xianyang; Gui'an New Area spans Guiyang and Anshun).
public struct Region: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What kind of place a region is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A country (`CN`).
        case country
        /// A province-level unit: province or municipality.
        case province
        /// A prefecture-level city.
        case city
        /// A set of districts of a municipality (Chongqing's 21 districts).
        case districtSet = "district-set"
        /// A national new area (国家级新区).
        case newArea = "new-area"
        /// A published aggregate of several places ("pilot areas combined", "Eastern region").
        case aggregate
        /// A numbered region of an anonymised or synthetic panel (`R001`).
        case panel
        /// The nation on another statistical basis (SAFE's balance-of-payments months, `CN-BOP`): its
        /// own series, never summed with, compared with or taken as a share of MOFCOM's national series.
        case basis
    }

    /// The code: `CN`, a lower-case slug (`beijing`, `xixian`), an aggregate id (`PILOT2016`), or `R` + digits.
    public let code: String
    /// English name.
    public let englishName: String
    /// Chinese name.
    public let chineseName: String
    /// Kind of place.
    public let kind: Kind
    /// The province the place lies in (English), empty for the nation and aggregates.
    public let province: String
    /// The pilot lists the region is on: 2016, 2018, 2020.
    public let pilotBatches: [Int]
    /// Codes of other regions this one overlaps geographically, so a sum over both counts some
    /// trade twice.
    public let overlaps: [String]

    /// Creates a region.
    public init(
        code: String, englishName: String, chineseName: String, kind: Kind, province: String = "",
        pilotBatches: [Int] = [], overlaps: [String] = []
    ) {
        self.code = code
        self.englishName = englishName
        self.chineseName = chineseName
        self.kind = kind
        self.province = province
        self.pilotBatches = pilotBatches
        self.overlaps = overlaps
    }

    /// `beijing Beijing`.
    public var description: String { "\(code) \(englishName)" }
}
