/// The codes of svctrade's own SDMX dataflows, `SVCTRADE:DF_SVC_TRADE(1.0)` (one observation per
/// series key and period: the copy the bulletin uses) and `SVCTRADE:DF_SVC_TRADE_COPIES(1.0)` (every
/// copy, told apart by a `COPY` dimension), which reuse the concept IDs of the IMF/OECD
/// balance-of-payments structures (BOP) so that SDMX tools map them at sight. ``SDMXStructure``
/// describes them as SDMX-ML (`svctrade export --format sdmx-structure`).
///
/// Dimensions: `FREQ` (SDMX CL_FREQ: `M`, `Q`, `S`), `REF_AREA`, `COUNTERPART_AREA` (`W1`, rest of the
/// world, or `BRI` for China's trade with the Belt and Road countries: ``partnerScopes``), `ACCOUNTING_ENTRY`, `INT_ACC_ITEM`, `CURRENCY` (the currency of the series),
/// `UNIT_MEASURE`, `ACCUMULATION` (`P` the period alone, `YTD` January to the end of the period),
/// [`COPY`], `TIME_PERIOD`. Measure: `OBS_VALUE`. Attributes: `UNIT_MULT` (8 for every level and
/// balance change, 0 for rates: one per series key), `UNIT_MULT_PUBLISHED` (the power of ten the
/// agency printed the level in), `DECIMALS` (the places the agency printed, moved to 亿: 0 for 33900
/// 亿元, −2 for 2.33 万亿元; never inferred from trailing zeros), `OBS_STATUS`, `SOURCE` (the page to cite, or the publisher for a figure
/// read at a mirror), `RELEASE`, `PUBLISHER`, `PUBLICATION_DATE`,
/// `PREFERRED` (the copy kept among sources of one release), `PANEL` (`1` for a month of an imported
/// monthly panel rather than a published figure), `FIGURE` (rows of one stored figure share a
/// number: a level and the rates printed with it), `SOURCE_COPY` (the mirror's address a figure was
/// read from: evidence, not to be cited). The command reference ("export") documents every code.
public enum SDMXCodes {
    /// The maintenance agency of svctrade's structures.
    public static let agency = "SVCTRADE"
    /// The version of svctrade's structures.
    public static let version = "1.0"
    /// The dataflow of one observation per key, as written in `DATAFLOW` (1.0) or `STRUCTURE_ID` (2.0).
    public static let dataflow = "SVCTRADE:DF_SVC_TRADE(1.0)"
    /// The dataflow of every copy (`--all-sources`): the same dimensions and a `COPY` dimension.
    public static let copiesDataflow = "SVCTRADE:DF_SVC_TRADE_COPIES(1.0)"
    /// The power of ten every level and balance change is written in (`UNIT_MULT` 8, 亿): one unit
    /// per series key whatever unit the agency printed (that one is `UNIT_MULT_PUBLISHED`).
    public static let levelMultiplier = Magnitude.hundredMillion
    /// The rest of the world (BOP's `W1`): every figure is against all partners but those of a
    /// ``partnerScopes`` region.
    public static let counterpart = "W1"
    /// Regions of the store that are groups of partner countries, not reporters: the store's `BRI` is
    /// China's trade with the Belt and Road countries, so it is `REF_AREA` `CN` × `COUNTERPART_AREA`
    /// `BRI` (read as those countries' trade with the world it would be wrong).
    public static let partnerScopes: Set<String> = ["BRI"]

    /// `REF_AREA` and `COUNTERPART_AREA` of a region of the store.
    public static func areas(region: String) -> (reference: String, counterpart: String) {
        partnerScopes.contains(region) ? ("CN", region) : (region, counterpart)
    }

    /// The region of the store of a `REF_AREA` and `COUNTERPART_AREA` (an empty counterpart is `W1`),
    /// or `nil` when svctrade holds no such pair. Files of svctrade before 1.0 of the structure wrote
    /// `BRI` × `W1`; that reads as `BRI` too.
    public static func region(reference: String, counterpart c: String) -> String? {
        if c.isEmpty || c == counterpart { return reference }
        return reference == "CN" && partnerScopes.contains(c) ? c : nil
    }

    /// `ACCOUNTING_ENTRY`: `C` credit (exports), `D` debit (imports), `B` balance (net), and `T`
    /// (credit plus debit, our code for total trade, which BOP does not publish as such).
    public static func accountingEntry(_ flow: Flow) -> String {
        switch flow {
        case .export: "C"
        case .import: "D"
        case .balance: "B"
        case .total: "T"
        }
    }

    /// The flow of an `ACCOUNTING_ENTRY` code.
    public static func flow(accountingEntry code: String) -> Flow? {
        switch code {
        case "C": .export
        case "D": .import
        case "B": .balance
        case "T": .total
        default: nil
        }
    }

    /// What an observation measures: a level in the series' currency, or one of the rates a release
    /// printed next to it (`UNIT_MEASURE`).
    public enum Measure: String, Sendable, CaseIterable {
        /// A level: `UNIT_MEASURE` is the currency (`CNY`, `USD`), `UNIT_MULT` its power of ten.
        case level = ""
        /// Year-on-year change, percent.
        case yearOnYear = "PC_YOY"
        /// Change versus the same period of 2019, percent.
        case versus2019 = "PC_VS2019"
        /// Two-year average growth, percent.
        case twoYearAverage = "PC_AVG2Y"
        /// Share in total services (or in the nation), percent.
        case share = "PC_SHARE"
        /// Change of that share, percentage points.
        case shareChange = "PP_SHARE_CHG"
        /// Change of a balance versus a year earlier, in the currency (`UNIT_MULT` its power of ten).
        case balanceChange = "BAL_CHG"
    }

    /// `ACCUMULATION`: what part of the year an observation covers, read with `FREQ` and `TIME_PERIOD`.
    public enum Accumulation: String, Sendable, CaseIterable {
        /// The period alone: the month (`M`), quarter (`Q`) or half year (`S`) of `TIME_PERIOD`.
        case period = "P"
        /// January to the end of `TIME_PERIOD` (year to date, 1–N月累计); `FREQ` `M` and the last month.
        case yearToDate = "YTD"
    }

    /// `FREQ`, `ACCUMULATION` and `TIME_PERIOD` of a span: a month is `M` `P` `2021-04`; January to a
    /// month (Jan–Feb, Q1, H1 and the whole year included) is `M` `YTD` with the last month, `2021-04`,
    /// so that one key holds the whole year-to-date series; another quarter is `Q` `P` `2021-Q2`, the
    /// second half year `S` `P` `2021-S2`.
    public static func time(_ span: PeriodSpan) -> (freq: String, accumulation: Accumulation, period: String) {
        let (s, e) = (span.start, span.end)
        if span.isMonth { return ("M", .period, s.description) }
        if s.month == 1 { return ("M", .yearToDate, e.description) }
        if e.month - s.month == 2 { return ("Q", .period, "\(s.year)-Q\((s.month + 2) / 3)") }
        return ("S", .period, "\(s.year)-S\(s.month == 1 ? 1 : 2)")
    }

    /// The span of a `FREQ`, `ACCUMULATION` and `TIME_PERIOD` (`M`, `Q`, `S` or `A`; `YTD` runs from
    /// January to the period's end), or `nil` when they do not fit together.
    public static func span(freq: String, accumulation: Accumulation, period: String) -> PeriodSpan? {
        guard ["M", "Q", "S", "A"].contains(freq), let span = span(freq: freq, period: period) else { return nil }
        guard accumulation == .yearToDate, let january = Period(year: span.end.year, month: 1) else { return span }
        return try? PeriodSpan(start: january, end: span.end)
    }

    /// The span of a `FREQ` and `TIME_PERIOD` of a file without `ACCUMULATION` (svctrade before 1.0 of
    /// the structure wrote `YTD` `2021-01/2021-04` and `P` for other spans), or `nil` when they do not
    /// fit together.
    public static func span(freq: String, period: String) -> PeriodSpan? {
        func month(_ y: Int, _ m: Int) -> Period? { Period(year: y, month: m) }
        switch freq {
        case "M":
            return (try? Period(parsing: period)).map { PeriodSpan(month: $0) }
        case "A":
            guard period.count == 4, let y = Int(period), let a = month(y, 1), let b = month(y, 12) else { return nil }
            return try? PeriodSpan(start: a, end: b)
        case "Q", "S":
            let parts = period.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), parts[1].first == Character(freq),
                let n = Int(parts[1].dropFirst())
            else { return nil }
            let length = freq == "Q" ? 3 : 6
            guard n >= 1, n <= 12 / length, let a = month(y, (n - 1) * length + 1), let b = month(y, n * length)
            else { return nil }
            return try? PeriodSpan(start: a, end: b)
        case "YTD", "P":
            let parts = period.split(separator: "/")
            guard parts.count == 2, let a = try? Period(parsing: parts[0]), let b = try? Period(parsing: parts[1]),
                let span = try? PeriodSpan(start: a, end: b)
            else { return nil }
            if freq == "YTD" && (a.month != 1 || a.year != b.year) { return nil }
            return span
        default:
            return nil
        }
    }

    /// `OBS_STATUS` of a figure's status, in SDMX's CL_OBS_STATUS: published and computed `A` (normal
    /// value; computed is exact arithmetic on published figures), derived `E` (estimated), implied `I`
    /// (imputed), illustrative `G` (experimental: generated, never quotable).
    public static func observationStatus(_ status: FigureStatus) -> String {
        switch status {
        case .published, .computed: "A"
        case .derived, .reportedConversion: "E"
        case .implied: "I"
        case .illustrative: "G"
        }
    }
}

extension SDMXCodes {
    /// `OBS_STATUS` of a published balance change the bulletin withholds because it contradicts the
    /// balances (``FigureBook/withheldBalanceChanges()``), in `--all-sources` files only (the default
    /// export leaves it out): CL_OBS_STATUS's `U`, low reliability.
    public static let withheldStatus = "U"

    /// The status of an `OBS_STATUS` code (`A` reads as published).
    public static func status(observationStatus code: String) -> FigureStatus? {
        switch code {
        case "A", "": .published
        case "E": .derived
        case "I": .implied
        case "G": .illustrative
        default: nil
        }
    }
}
