/// A deterministic generator of an **illustrative** pilot-region × sector monthly panel.
///
/// No monthly figures for single pilot localities are published, so regional breakdowns in the demo
/// use this panel, labelled illustrative wherever it is shown. Construction (all integer, exact):
/// 1. National monthly exports and imports of total services per year come from the year-to-date
///    totals the figure book can give (published or derived); the increase between two known
///    cumulative points is spread over its months with a seasonal profile (February low, December
///    high), months after the last known point follow the profile at the known average. So every
///    national year-to-date total that is known is met exactly (to the hundredth of a yuan).
/// 2. Each national month is split over the twelve EBOPS main components with fixed illustrative
///    weights perturbed by seeded noise, then over the 2020 pilot localities (without the new areas
///    that overlap a listed city) and `CN-REST`, by largest remainders, so the parts add up exactly.
/// 3. The overlapping new areas (Xixian, Gui'an) get a seeded fraction of the city they overlap and
///    are not part of any sum.
///
/// The random stream is SplitMix64 from `seed`: the same inputs give the same panel on every platform.
public struct IllustrativePanel {
    /// The release name every generated value carries.
    public static let release = "illustrative-pilot-panel"

    /// Source text of every generated value; outputs tell generated values by their status
    /// (``FigureStatus/illustrative``), never by this text.
    public static func source(seed: UInt64) -> String { "svctrade generate (illustrative, seed \(seed))" }

    /// A generated panel as an import batch (release ``release``), stored without a file in between.
    public static func importBatch(_ panel: MonthlyPanel, file: String = "generated panel") -> ImportBatch {
        ImportBatch(
            file: file, layout: "illustrative panel", panel: panel, figures: [], releases: [release: nil], notes: [],
            rowCount: panel.observationCount)
    }

    /// Unit of the generated values: 万元 with two decimals.
    public static let unit = MonetaryUnit(.cny, .tenThousand)

    /// Fixed illustrative sector weights (percent of total services), roughly China's 2021 structure.
    static let sectorWeights: [(String, Double)] = [
        ("SA", 6), ("SB", 3), ("SC", 26), ("SD", 16), ("SE", 5), ("SF", 4), ("SG", 1.5), ("SH", 9),
        ("SI", 15), ("SJ", 13), ("SK", 1), ("SL", 0.5),
    ]

    /// Seasonal profile of monthly services trade (January…December).
    static let season: [Int64] = [97, 74, 102, 99, 100, 103, 102, 100, 101, 99, 103, 120]

    /// Generates the panel for `years`, or `nil` when the book knows no national total of those years.
    public static func generate(book: FigureBook, years: ClosedRange<Int>, seed: UInt64, regions: Regions = .standard)
        -> MonthlyPanel?
    {
        let resolver = LevelResolver(book: book)
        var rng = SplitMix64(seed: seed)
        let localities = RegionRollup.members(of: 2020, in: regions)
        let overlapping = RegionRollup.leftOut(of: 2020, in: regions)
        let receivers = localities + ["CN-REST"]
        // Region weights: a lognormal-ish size per locality; the rest of China holds about a quarter.
        // Rough relative sizes for the large service-trade centres; the rest drawn at random.
        let sizes: [String: Int64] = [
            "shanghai": 3000, "beijing": 2800, "shenzhen": 2000, "guangzhou": 1500, "hangzhou": 900, "suzhou": 900,
            "tianjin": 800, "chengdu": 700, "nanjing": 700, "wuhan": 600, "qingdao": 600, "xiamen": 500, "dalian": 500,
        ]
        var regionWeights = localities.map { code in (sizes[code] ?? 150) + Int64(rng.next() % 300) }
        let pilotTotal = regionWeights.reduce(0, +)
        regionWeights.append(pilotTotal / 3)  // the rest of China: about a quarter of the nation
        // Each region drifts at its own pace (−0.4 % to +0.8 % a month), so regional paths differ.
        let drift = regionWeights.map { _ in Int64(rng.next() % 13) - 4 }
        let firstMonth = years.lowerBound * 12  // Period.index of January of the first year
        var series: [String: MonthlyPanel.Series] = [:]
        var order: [String] = []
        func add(_ region: String, _ sector: String, _ flow: Flow, _ month: Int, _ hundredths: Int64) {
            let id = "\(region)|\(sector)|\(flow.rawValue)"
            if series[id] == nil {
                order.append(id)
                series[id] = MonthlyPanel.Series(
                    key: SeriesKey(region: region, sector: sector, flow: flow, currency: .cny), unit: unit, decimals: 2,
                    release: release, source: source(seed: seed))
            }
            series[id]?.set(hundredths, at: month)
        }
        var any = false
        for flow in [Flow.export, .import] {
            let key = SeriesKey(region: Regions.nation.code, sector: "S", flow: flow, currency: .cny)
            var previousYear: [Int64]?
            for year in years {
                guard let months = nationalMonths(resolver, key, year: year, previousYear: previousYear) else {
                    continue
                }
                any = true
                previousYear = months
                for (m, national) in months.enumerated() {
                    guard let period = Period(year: year, month: m + 1) else { continue }
                    // Work in units of 100 yuan (0.01 万元) so every part is a whole hundredth of 万元.
                    let units = national / 10_000
                    let sectorShares = split(
                        units, weights: sectorWeights.map { w in Int64(w.1 * 1000) + Int64(rng.next() % 200) })
                    for (s, sectorUnits) in sectorShares.enumerated() {
                        let sector = sectorWeights[s].0
                        let t = Int64(period.index - firstMonth)
                        let weights = regionWeights.indices.map { r in
                            Swift.max(1, regionWeights[r] * (1000 + drift[r] * t) / 1000 + Int64(rng.next() % 60))
                        }
                        let parts = split(sectorUnits, weights: weights)
                        for (r, part) in parts.enumerated() {
                            add(receivers[r], sector, flow, period.index, part * 10_000)
                        }
                        for code in overlapping {
                            guard let city = regions.region(code: code)?.overlaps.first,
                                let i = receivers.firstIndex(of: city)
                            else { continue }
                            let fraction = 15 + Int64(rng.next() % 20)  // 15–34 % of the city it overlaps
                            add(code, sector, flow, period.index, parts[i] * fraction / 100 * 10_000)
                        }
                    }
                }
            }
        }
        guard any else { return nil }
        return MonthlyPanel(series: order.compactMap { series[$0] })
    }

    /// National monthly levels (hundredths) of one year, meeting every known year-to-date total exactly.
    static func nationalMonths(_ r: LevelResolver, _ key: SeriesKey, year: Int, previousYear: [Int64]?) -> [Int64]? {
        var known: [(month: Int, total: Int64)] = [(0, 0)]
        for m in 1...12 {
            guard let p = Period(year: year, month: m), let e = r.estimate(key, PeriodSpan.yearToDate(through: p))
            else { continue }
            known.append((m, e.level.hundredths))
        }
        var months = [Int64](repeating: 0, count: 12)
        if known.count == 1 {
            guard let previousYear else { return nil }
            return previousYear.map { $0 + $0 / 20 }  // +5 %: illustrative continuation
        }
        for i in 1..<known.count {
            let (a, ca) = known[i - 1], (b, cb) = known[i]
            let parts = split(max(0, cb - ca) / 10_000_00, weights: Array(season[a..<b]))
            for (k, v) in parts.enumerated() { months[a + k] = v * 10_000_00 }
            // Put the sub-unit remainder on the last month so the cumulative total is exact.
            let assigned = parts.reduce(0, +) * 10_000_00
            months[b - 1] += max(0, cb - ca) - assigned
        }
        if let last = known.last, last.month < 12 {
            let average = last.total / Int64(last.month)
            for m in last.month..<12 { months[m] = average * season[m] / 100 / 10_000_00 * 10_000_00 }
        }
        return months
    }

    /// Splits `total` into parts proportional to `weights` by largest remainders (parts sum to `total`).
    public static func split(_ total: Int64, weights: [Int64]) -> [Int64] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { Int64(Int128(total) * Int128($0) / Int128(sum)) }
        var remainders = weights.enumerated().map { (i, w) in (Int128(total) * Int128(w) % Int128(sum), i) }
        remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        var left = total - parts.reduce(0, +)
        var k = 0
        while left > 0 {
            parts[remainders[k % remainders.count].1] += 1
            left -= 1
            k += 1
        }
        return parts
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fully specified 64-bit generator.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Seeds the generator.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
