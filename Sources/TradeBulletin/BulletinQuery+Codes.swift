import TradeCore

extension BulletinQuery {
    /// The query of codes given as text (`svctrade table`): a region and comma-separated sectors
    /// looked up in the standard codelists (names and aliases accepted), comma-separated flows.
    /// Codes ``problem(region:sectors:flows:)`` would refuse are kept as given (sectors, the region)
    /// or left out (flows).
    public init(
        through: Period, region: String, breakdown: Breakdown, sectors: String?, flows: String, currency: Currency
    ) {
        self.init(through: through)
        self.region = Regions.standard.lookup(region)?.code ?? region
        self.breakdown = breakdown
        self.sectors = sectors.map {
            $0.split(separator: ",").map { Sectors.standard.lookup($0)?.code ?? $0.uppercased() }
        }
        self.flows = flows.split(separator: ",").compactMap { Flow(code: $0) }
        self.currency = currency
    }

    /// The first code or value `svctrade table` cannot use, as a message naming the option, or `nil`:
    /// flows, sectors, region, then the unit of levels, the rank limit and the comparison year.
    public static func problem(
        region: String, sectors: String?, flows: String, unit: String? = nil, rank: Int? = nil,
        baseYear: Int? = nil, through: Period? = nil
    ) -> String? {
        for f in flows.split(separator: ",") where Flow(code: f) == nil {
            return "--flows: unknown flow \"\(f)\"; expected export, import, total or balance"
        }
        for code in (sectors ?? "").split(separator: ",")
        where Sectors.standard.lookup(code) == nil && Sectors.standard.extensionParent(of: code) == nil {
            let near = Sectors.standard.suggestions(for: code)
            return "--sectors: unknown sector \"\(code)\""
                + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)")
        }
        if Regions.standard.lookup(region) == nil {
            return "--region: unknown region \"\(region)\"; e.g. CN, beijing, xixian"
        }
        if let unit, MonetaryUnit(parsing: unit) == nil {
            return "--unit: unknown unit \"\(unit)\"; expected \(MonetaryUnit.accepted)"
        }
        if let rank, rank < 1 { return "--rank must be at least 1" }
        if let baseYear, let through, baseYear >= through.year {
            return "--vs-year \(baseYear) must be before the year of --through"
        }
        return nil
    }
}
