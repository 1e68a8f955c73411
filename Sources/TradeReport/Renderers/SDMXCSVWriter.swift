import TradeCore

/// Writes observations as SDMX-CSV, version 1.0 (`DATAFLOW` first) or 2.0 (`STRUCTURE`,
/// `STRUCTURE_ID`, `ACTION`), in the dataflow of ``SDMXCodes``: one row per level and one per rate a
/// release printed, so that reading the file back gives the same figures.
public enum SDMXCSVWriter {
    /// A stored figure and whether it is the copy preferred among several sources of its release.
    public typealias Figure = (observation: Observation, preferred: Bool)

    /// The dimension and attribute columns after the version's leading columns.
    public static let columns = [
        "FREQ", "REF_AREA", "COUNTERPART_AREA", "ACCOUNTING_ENTRY", "INT_ACC_ITEM", "CURRENCY", "UNIT_MEASURE",
        "TIME_PERIOD", "OBS_VALUE", "UNIT_MULT", "DECIMALS", "OBS_STATUS", "SOURCE", "RELEASE", "PUBLISHER",
        "PUBLICATION_DATE",
        "PREFERRED", "PANEL", "FIGURE",
    ]

    /// The header line of a version (1 or 2).
    public static func header(version: Int) -> String {
        (version == 2 ? ["STRUCTURE", "STRUCTURE_ID", "ACTION"] : ["DATAFLOW"]).joined(separator: ",") + ","
            + columns.joined(separator: ",") + "\n"
    }

    /// The file: figures in the order given, then the panel's months series by series.
    public static func render(figures: [Figure], panel: MonthlyPanel, version: Int) -> String {
        let lead = version == 2 ? "dataflow,\(SDMXCodes.dataflow),I," : "\(SDMXCodes.dataflow),"
        var out = header(version: version)
        func row(
            _ key: SeriesKey, _ span: PeriodSpan, measure: SDMXCodes.Measure, value: String, mult: String,
            decimals: String = "", status: FigureStatus, source: String, release: String, publisher: String?,
            publishedOn: String?,
            preferred: Bool, panel: Bool = false, figure: Int = 0
        ) {
            let (freq, period) = SDMXCodes.time(span)
            let unitMeasure = measure == .level ? key.currency.rawValue : measure.rawValue
            let cells = [
                freq, key.region, SDMXCodes.counterpart, SDMXCodes.accountingEntry(key.flow), key.sector,
                key.currency.rawValue, unitMeasure, period, value, mult, decimals, SDMXCodes.observationStatus(status),
                source,
                release, publisher ?? "", publishedOn ?? "", preferred ? "1" : "0", panel ? "1" : "",
                figure > 0 ? String(figure) : "",
            ]
            out += lead + cells.map(CSVRenderer.escape).joined(separator: ",") + "\n"
        }
        for (n, (o, preferred)) in figures.enumerated() {
            func add(_ measure: SDMXCodes.Measure, _ value: String, mult: String = "0", decimals: String = "") {
                row(
                    o.key, o.span, measure: measure, value: value, mult: mult, decimals: decimals, status: .published,
                    source: o.source, release: o.release, publisher: o.publisher, publishedOn: o.publishedOn,
                    preferred: preferred, figure: n + 1)
            }
            if let v = o.value, let unit = o.unit {
                // DECIMALS keeps the published precision: 3.39 万亿元 stored in 亿元 has −2 (33900, to the hundred).
                let d = o.decimals ?? 0
                add(
                    .level, v.formatted(in: unit, places: max(0, d)), mult: String(unit.magnitude.exponent),
                    decimals: String(d))
            }
            let r = o.rates
            if let x = r.yearOnYear { add(.yearOnYear, x.description) }
            if let x = r.versus2019 { add(.versus2019, x.description) }
            if let x = r.twoYearAverage { add(.twoYearAverage, x.description) }
            if let x = r.share { add(.share, x.description) }
            if let x = r.shareChange { add(.shareChange, x.description) }
            if let x = r.balanceChange, let unit = o.unit {
                // Every digit of the change, even when the level is printed with fewer (or is absent):
                // 874.9 亿元 stays 874.9, not 875.
                let places = max(0, o.decimals ?? 0, x.exactDecimal(in: unit).places)
                add(.balanceChange, x.formatted(in: unit, places: places), mult: String(unit.magnitude.exponent))
            }
        }
        for s in panel.series {
            let status = s.status
            for (k, present) in s.present.enumerated() where present {
                guard let month = Period(index: s.firstMonth + k) else { continue }
                row(
                    s.key, PeriodSpan(month: month), measure: .level,
                    value: Level(hundredths: s.values[k]).formatted(in: s.unit, places: s.decimals),
                    mult: String(s.unit.magnitude.exponent), decimals: String(s.decimals), status: status,
                    source: s.source, release: s.release,
                    publisher: nil, publishedOn: nil, preferred: true, panel: true)
            }
        }
        return out
    }
}
