/// Which series and spans a bulletin table covers.
public struct BulletinQuery: Sendable {
    /// The breakdown of a table.
    public enum Breakdown: String, Sendable, CaseIterable {
        /// One region, by sector.
        case sector
        /// One sector, by region.
        case region
    }

    /// The last month covered.
    public var through: Period
    /// Region of a sector breakdown (default the nation).
    public var region: String = Regions.nation.code
    /// The breakdown.
    public var breakdown: Breakdown = .sector
    /// Sector codes; `nil` for every sector with figures (a region breakdown uses `S` by default).
    public var sectors: [String]?
    /// Flows, in bulletin order.
    public var flows: [Flow] = [.total, .export, .import, .balance]
    /// Currency.
    public var currency: Currency = .cny

    /// Creates a query.
    public init(through: Period) {
        self.through = through
    }

    /// The spans of each series: the month and the January-to-month total (one span in January).
    public var spans: [PeriodSpan] {
        let month = PeriodSpan(month: through)
        let ytd = PeriodSpan.yearToDate(through: through)
        return ytd == month ? [month] : [month, ytd]
    }

    /// The series keys, in table order.
    public func keys(in book: FigureBook, sectors codelist: Sectors = .standard, regions: Regions = .standard)
        -> [SeriesKey]
    {
        let present = book.keys.filter { $0.currency == currency }
        let order = Dictionary(uniqueKeysWithValues: codelist.all.enumerated().map { ($1.code, $0) })
        func sectorRank(_ code: String) -> (Int, String) { (order[code] ?? Int.max, code) }
        let regionOrder = Dictionary(uniqueKeysWithValues: regions.all.enumerated().map { ($1.code, $0) })
        func regionRank(_ code: String) -> (Int, String) { (regionOrder[code] ?? Int.max, code) }
        var out: [SeriesKey] = []
        switch breakdown {
        case .sector:
            let codes =
                sectors
                ?? Set(present.filter { $0.region == region }.map(\.sector)).sorted { sectorRank($0) < sectorRank($1) }
            for s in codes {
                for f in flows { out.append(SeriesKey(region: region, sector: s, flow: f, currency: currency)) }
            }
        case .region:
            let codes = sectors ?? ["S"]
            var regionCodes = Set(present.map(\.region))
            // Pilot totals are rolled up whenever any locality of the list is present.
            for batch in [2016, 2018, 2020] {
                let members = regions.pilots(batch: batch).map(\.code)
                if members.contains(where: regionCodes.contains),
                    let agg = regions.all.first(where: { $0.kind == .aggregate && $0.pilotBatches == [batch] })
                {
                    regionCodes.insert(agg.code)
                }
            }
            regionCodes.insert(Regions.nation.code)
            for r in regionCodes.sorted(by: { regionRank($0) < regionRank($1) }) {
                for s in codes {
                    for f in flows { out.append(SeriesKey(region: r, sector: s, flow: f, currency: currency)) }
                }
            }
        }
        return out
    }

    /// What the store must read for this table: the region (and the localities of a pilot list) for a
    /// sector breakdown, or every region with the asked sectors and everything they may be built
    /// from for a region breakdown; the currency; the months from the earliest comparison year.
    public func selection(baseYear: Int? = nil, asOf: String? = nil, regions codelist: Regions = .standard)
        -> FigureSelection
    {
        var selection = FigureSelection(
            currencies: [currency], months: FigureSelection.window(through: through, baseYear: baseYear), asOf: asOf)
        switch breakdown {
        case .sector:
            var codes: Set<String> = [region]
            if let r = codelist.region(code: region), r.kind == .aggregate, let batch = r.pilotBatches.first {
                codes.formUnion(RegionRollup.members(of: batch, in: codelist))
            }
            selection.regions = codes
        case .region:
            selection.sectors = FigureSelection.sectorsNeeded(for: sectors ?? ["S"])
        }
        return selection
    }
}
