/// The codes of svctrade's own SDMX dataflow, `SVCTRADE:DF_SVC_TRADE(1.0)`, which reuses the concept
/// IDs of the IMF/OECD balance-of-payments structures (BOP) so that SDMX tools map them at sight.
///
/// Dimensions: `FREQ`, `REF_AREA`, `COUNTERPART_AREA` (always `W1`, rest of the world),
/// `ACCOUNTING_ENTRY`, `INT_ACC_ITEM`, `CURRENCY` (the currency of the series), `UNIT_MEASURE`.
/// Measure: `OBS_VALUE`. Attributes: `UNIT_MULT`, `DECIMALS` (as published; negative for a level
/// rounded to tens or hundreds of its unit), `OBS_STATUS`, `SOURCE`, `RELEASE`, `PUBLISHER`,
/// `PUBLICATION_DATE`, `PREFERRED` (the copy kept among sources of one release), `PANEL` (`1` for a
/// month of an imported monthly panel rather than a published figure), `FIGURE` (rows of one stored
/// figure share a number: a level and the rates printed with it). The command reference ("export") documents every code.
public enum SDMXCodes {
    /// The dataflow reference written in `DATAFLOW` (1.0) or `STRUCTURE_ID` (2.0).
    public static let dataflow = "SVCTRADE:DF_SVC_TRADE(1.0)"
    /// The rest of the world (BOP's `W1`): every figure is against all partners.
    public static let counterpart = "W1"

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

    /// `FREQ` and `TIME_PERIOD` of a span: `M` `2021-04`; `Q` `2021-Q2`; `S` `2021-S1`; `A` `2021`;
    /// `YTD` `2021-01/2021-04` (January to a month, our code); `P` `2021-04/2021-06` (any other span).
    public static func time(_ span: PeriodSpan) -> (freq: String, period: String) {
        let (s, e) = (span.start, span.end)
        if span.isMonth { return ("M", s.description) }
        if s.year == e.year {
            if s.month == 1 && e.month == 12 { return ("A", String(s.year)) }
            if (s.month - 1) % 3 == 0 && e.month == s.month + 2 { return ("Q", "\(s.year)-Q\((s.month + 2) / 3)") }
            if (s.month == 1 && e.month == 6) || (s.month == 7 && e.month == 12) {
                return ("S", "\(s.year)-S\(s.month == 1 ? 1 : 2)")
            }
            if s.month == 1 { return ("YTD", "\(s)/\(e)") }
        }
        return ("P", "\(s)/\(e)")
    }

    /// The span of a `FREQ` and `TIME_PERIOD`, or `nil` when they do not fit together.
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
