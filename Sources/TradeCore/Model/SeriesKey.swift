/// What identifies a series: where, which services, which direction, in which currency.
public struct SeriesKey: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Region code (`CN`, `beijing`, `R001`).
    public let region: String
    /// Sector code or group id (`S`, `SD`, `KIS`).
    public let sector: String
    /// Flow.
    public let flow: Flow
    /// Currency of the levels.
    public let currency: Currency

    /// A hash of the four parts computed once (FNV-1a): large tables look keys up hundreds of
    /// thousands of times, and hashing two strings on every lookup was their largest single cost.
    private let digest: UInt64

    private enum CodingKeys: String, CodingKey {
        case region, sector, flow, currency
    }

    /// Creates a key.
    public init(region: String, sector: String, flow: Flow, currency: Currency) {
        self.region = region
        self.sector = sector
        self.flow = flow
        self.currency = currency
        self.digest = Self.digest(region, sector, flow, currency)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            region: try c.decode(String.self, forKey: .region), sector: try c.decode(String.self, forKey: .sector),
            flow: try c.decode(Flow.self, forKey: .flow), currency: try c.decode(Currency.self, forKey: .currency))
    }

    private static func digest(_ region: String, _ sector: String, _ flow: Flow, _ currency: Currency) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        for b in region.utf8 { mix(b) }
        mix(0x1f)
        for b in sector.utf8 { mix(b) }
        mix(0x1f)
        for b in flow.rawValue.utf8 { mix(b) }
        mix(0x1f)
        for b in currency.rawValue.utf8 { mix(b) }
        return h
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    public static func == (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        lhs.digest == rhs.digest && lhs.region == rhs.region && lhs.sector == rhs.sector && lhs.flow == rhs.flow
            && lhs.currency == rhs.currency
    }

    /// `CN/S/export/CNY`.
    public var description: String { "\(region)/\(sector)/\(flow.rawValue)/\(currency.rawValue)" }

    public static func < (lhs: SeriesKey, rhs: SeriesKey) -> Bool {
        (lhs.region, lhs.sector, lhs.flow.rawValue, lhs.currency.rawValue)
            < (rhs.region, rhs.sector, rhs.flow.rawValue, rhs.currency.rawValue)
    }
}

/// The rates a release printed next to a level (or alone).
///
/// They are kept as published: the published rate rests on the agency's comparable (restated) base
/// and is authoritative (<doc:Methodology>).
public struct PublishedRates: Hashable, Sendable, Codable {
    /// Year-on-year change, percent. On a balance: the change of the balance's size.
    public var yearOnYear: DecimalNumber?
    /// Change versus the same period of 2019, percent.
    public var versus2019: DecimalNumber?
    /// Two-year average growth, percent: `sqrt(v_t / v_{t−2}) − 1` (<doc:Methodology>).
    public var twoYearAverage: DecimalNumber?
    /// Share of this sector in the same flow of total services (regions: of the national total), percent.
    public var share: DecimalNumber?
    /// Change of that share versus a year earlier, percentage points.
    public var shareChange: DecimalNumber?
    /// Change of the balance versus a year earlier, in the figure's unit (smaller deficit positive).
    public var balanceChange: Level?

    /// Creates a set of rates.
    public init(
        yearOnYear: DecimalNumber? = nil, versus2019: DecimalNumber? = nil, twoYearAverage: DecimalNumber? = nil,
        share: DecimalNumber? = nil, shareChange: DecimalNumber? = nil, balanceChange: Level? = nil
    ) {
        self.yearOnYear = yearOnYear
        self.versus2019 = versus2019
        self.twoYearAverage = twoYearAverage
        self.share = share
        self.shareChange = shareChange
        self.balanceChange = balanceChange
    }

    /// One of the rates, by what it measures (the store's column names are ``Field/column``).
    public enum Field: String, Hashable, Sendable, Codable, CaseIterable {
        /// ``PublishedRates/yearOnYear``.
        case yearOnYear = "yoy_pct"
        /// ``PublishedRates/versus2019``.
        case versus2019 = "vs2019_pct"
        /// ``PublishedRates/twoYearAverage``.
        case twoYearAverage = "two_year_avg_pct"
        /// ``PublishedRates/share``.
        case share = "share_pct"
        /// ``PublishedRates/shareChange``.
        case shareChange = "share_change_pp"
        /// ``PublishedRates/balanceChange``.
        case balanceChange = "balance_change"

        /// The column of the store's figure table and of the import files.
        public var column: String { rawValue }
    }

    /// Whether `field` is present.
    public func has(_ field: Field) -> Bool {
        switch field {
        case .yearOnYear: yearOnYear != nil
        case .versus2019: versus2019 != nil
        case .twoYearAverage: twoYearAverage != nil
        case .share: share != nil
        case .shareChange: shareChange != nil
        case .balanceChange: balanceChange != nil
        }
    }

    /// Copies `field` from `other` (its value or its absence).
    public mutating func take(_ field: Field, from other: PublishedRates) {
        switch field {
        case .yearOnYear: yearOnYear = other.yearOnYear
        case .versus2019: versus2019 = other.versus2019
        case .twoYearAverage: twoYearAverage = other.twoYearAverage
        case .share: share = other.share
        case .shareChange: shareChange = other.shareChange
        case .balanceChange: balanceChange = other.balanceChange
        }
    }

    /// True when no rate is present.
    public var isEmpty: Bool {
        yearOnYear == nil && versus2019 == nil && twoYearAverage == nil && share == nil && shareChange == nil
            && balanceChange == nil
    }
}

/// One published figure: a level (or only rates) for a series and a period span, with where it came from.
public struct Observation: Hashable, Sendable, Codable {
    /// The series.
    public var key: SeriesKey
    /// The period covered.
    public var span: PeriodSpan
    /// The level, exact, or `nil` when the release printed only rates.
    public var value: Level?
    /// The unit the level was published in (`CNY 100m`).
    public var unit: MonetaryUnit?
    /// Fraction digits the level was printed with, in `unit`: `1` for 15644.5 亿元, `0` for a whole
    /// number written as such (33900 亿元), never inferred from trailing zeros (a file read back may
    /// say less, as SDMX-CSV's `DECIMALS` −2 does for a level rounded to hundreds).
    public var decimals: Int?
    /// Rates printed with it.
    public var rates: PublishedRates
    /// Address the figure was read at (may be empty).
    public var source: String
    /// The release (vintage) it belongs to.
    public var release: String
    /// The agency whose figure it is (`MOFCOM`, `SAFE`), whatever the site it was read at; `nil`
    /// when the file did not say (then ``Publisher/ofRegion(_:)`` applies).
    public var publisher: String?
    /// The date the source address gives for its publication, `YYYY-MM-DD` or `YYYY-MM` (the date of
    /// the agency's statement as far as the address tells), when known.
    public var publishedOn: String?
    /// The rates this copy did not print, filled in from another copy of the same release when the store
    /// is read (``FigureSelection/keptCopies(_:observation:preferred:)``), each with the copy it came
    /// from (its page, unit and date): "as published" holds measure by measure. Empty for a copy as
    /// stored.
    public var borrowed: [PublishedRates.Field: Observation] = [:]

    /// Creates a figure.
    public init(
        key: SeriesKey, span: PeriodSpan, value: Level?, unit: MonetaryUnit?, decimals: Int?,
        rates: PublishedRates = PublishedRates(), source: String = "", release: String,
        publisher: String? = nil, publishedOn: String? = nil
    ) {
        self.publisher = publisher
        self.publishedOn = publishedOn
        self.key = key
        self.span = span
        self.value = value
        self.unit = unit
        self.decimals = decimals
        self.rates = rates
        self.source = source
        self.release = release
    }

    /// The copy as its page printed it: without the rates ``borrowed`` from other copies.
    public var asPrinted: Observation {
        var o = self
        for field in borrowed.keys { o.rates.take(field, from: PublishedRates()) }
        o.borrowed = [:]
        return o
    }

    /// Fills the rates this copy lacks from `other`, another copy of the same figure (series, span,
    /// release), recording where each came from. Rates already present are kept.
    public mutating func borrowRates(from other: Observation) {
        for field in PublishedRates.Field.allCases where !rates.has(field) && other.rates.has(field) {
            rates.take(field, from: other.rates)
            borrowed[field] = other.borrowed[field] ?? other.asPrinted
        }
    }

    /// The status of the figure as stored, from where it was read
    /// (``FigureStatus/ofStoredFigure(currency:source:hasOwnRate:publisher:hosts:)``): a dollar level
    /// counts as printed with its own rate only when its page printed the rate (not when it was
    /// ``borrowed``).
    public var storedStatus: FigureStatus {
        FigureStatus.ofStoredFigure(
            currency: key.currency, source: source, hasOwnRate: rates.yearOnYear != nil && borrowed[.yearOnYear] == nil,
            publisher: publishingAgency)
    }

    /// The copy without its published balance change, printed or ``borrowed`` (a change the bulletin
    /// withholds: ``FigureBook/withholdingContradictedBalanceChanges()``).
    public var withoutBalanceChange: Observation {
        var o = self
        o.rates.balanceChange = nil
        o.borrowed[.balanceChange] = nil
        return o
    }

    /// The page a rate was read at: this copy's, or the copy it was borrowed from.
    public func source(of field: PublishedRates.Field) -> String { borrowed[field]?.source ?? source }

    /// The agency whose figure it is.
    public var publishingAgency: Publisher { publisher.map(Publisher.named) ?? Publisher.ofRegion(key.region) }

    /// The kind of site the figure was read at (``SourceHosts``).
    public var sourceKind: SourceKind { SourceHosts.standard.kind(ofAddress: source) }

    /// The precision the level claims when copies are compared, in fraction digits of `unit`:
    /// ``decimals``, or for a whole number minus its trailing zeros ("1970" CNY bn may be "1.97
    /// trillion" restated in billions: known to ±5 bn, not ±0.5 bn; "4502" 亿元 is known to ±0.5 亿元).
    /// Zero keeps 0. A tolerance for reconciling copies, never what the agency printed (that is
    /// ``decimals``).
    public var claimedDecimals: Int? {
        guard let decimals, decimals == 0, let value, let unit else { return decimals }
        let number = value.exactDecimal(in: unit)
        guard number.places == 0, number.mantissa != 0 else { return decimals }
        var m = number.mantissa.magnitude
        var zeros = 0
        while m % 10 == 0 {
            m /= 10
            zeros += 1
        }
        return -zeros
    }

    /// Half the width of the rounding interval of the published level, in hundredths of the currency
    /// unit: a level published as 15644.5 (亿元) is anything within ±0.05 亿元.
    ///
    /// A whole number is taken at its ``claimedDecimals``: 33900 亿元 as anything within ±50 亿元.
    public var roundingHalfWidth: Int64? {
        guard let unit, let decimals = claimedDecimals else { return nil }
        let shift = unit.magnitude.exponent + 2 - decimals
        guard shift > 0 else { return 0 }
        return Int64(pow10Int(shift) / 2)
    }
}
