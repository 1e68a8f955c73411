import Foundation
import TradeCore

/// Reads SDMX-CSV 1.0 (`DATAFLOW` first) and 2.0 (`STRUCTURE`, `STRUCTURE_ID`, `ACTION`) in the
/// dataflow of ``SDMXCodes``, as `svctrade export --format sdmx-csv` writes it: the rows of one
/// `FIGURE` number (a level and the rates printed with it) become one figure; without `FIGURE`, a rate
/// row joins the figure just before it when that one has the same series, span, release and source
/// and not that rate yet. `PANEL` rows become panel months.
///
/// Actions `I`, `A`, `R` and `M` add what the rows say (a store never overwrites: a revision is a new
/// release); `D` is refused. `NaN`, `#N/A` and an empty `OBS_VALUE` are missing values (skipped).
/// Columns the reader does not know (other attributes, labels) are ignored; unknown codes get located
/// errors as for the other layouts.
public enum SDMXCSVReader {
    /// Whether a header starts an SDMX-CSV file.
    public static func isSDMX(header firstField: String) -> Bool {
        let f = firstField.trimmingCharacters(in: .whitespaces).uppercased()
        return f == "DATAFLOW" || f == "STRUCTURE"
    }

    /// Whether the file at `path` starts with an SDMX-CSV header.
    public static func sniff(path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 64)) ?? Data()
        let text = String(decoding: head, as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
        return isSDMX(header: String(text.prefix { $0 != "," && $0 != "\n" && $0 != "\r" }))
    }

    struct FigureKey: Hashable {
        let key: SeriesKey
        let span: PeriodSpan
        let release: String
        let source: String
        let publisher: String?
        let publishedOn: String?
        let preferred: Bool
    }

    /// Reads the file into one batch. `release` (`svctrade import --release`) names the release of
    /// every row instead of the `RELEASE` column; `releaseDate` dates the releases read.
    public static func read(path: String, file: String, release named: String? = nil, releaseDate: String? = nil)
        throws(ImportError) -> ImportBatch
    {
        let scanner: CSVScanner
        do {
            scanner = try CSVScanner(path: path)
        } catch {
            throw ImportError(.unreadableFile, file: file, message: "cannot read the file")
        }
        defer { scanner.close() }
        var index: [String: Int] = [:]
        var names: [String] = []
        // Figures in file order; a row joins the figure just before it when it has the same key, span,
        // release and source and is a rate that figure does not have yet (svctrade writes a figure's
        // level first, then its rates), else it starts a new figure.
        var figures: [(FigureKey, Observation, Int)] = []
        var lastFigureNumber: Int?
        var panel: [SeriesKey: MonthlyPanel.Series] = [:]
        var panelOrder: [SeriesKey] = []
        var releases: [String: String?] = [:]
        var rows = 0
        var failure: ImportError?
        let defaultRelease = ObservationReader.baseName(file)
        do {
            try scanner.forEachRecord { line, fields, bytes, _ in
                guard failure == nil else { return }
                let f = fields.map { $0.string(in: bytes) }
                if line == 1 {
                    names = f.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").uppercased() }
                    for (i, n) in names.enumerated() {
                        // SDMX-CSV 2.0 may label columns "FREQ: Frequency"; the ID is before the colon.
                        let id = String(n.prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
                        if index[id] == nil { index[id] = i }
                    }
                    for required in [
                        "FREQ", "REF_AREA", "ACCOUNTING_ENTRY", "INT_ACC_ITEM", "TIME_PERIOD", "OBS_VALUE",
                    ]
                    where index[required] == nil {
                        failure = ImportError(
                            .missingColumn, file: file, line: 1,
                            message:
                                "SDMX-CSV without a \(required) column; svctrade reads its own dataflow \(SDMXCodes.dataflow) (svctrade export --format sdmx-csv)"
                        )
                        return
                    }
                    return
                }
                if f.count == 1 && f[0].isEmpty { return }
                guard f.count == names.count else {
                    failure = ImportError(
                        .wrongFieldCount, file: file, line: line,
                        message: "expected \(names.count) fields as in the header, found \(f.count)")
                    return
                }
                func cell(_ id: String) -> String? {
                    index[id].map { f[$0].trimmingCharacters(in: .whitespaces) }
                }
                func fail(_ kind: ImportError.Kind, _ id: String, _ message: String) {
                    failure = ImportError(
                        kind, file: file, line: line, column: (index[id] ?? 0) + 1, field: id, message: message)
                }
                if let action = cell("ACTION")?.uppercased() {
                    guard ["I", "A", "R", "M", ""].contains(action) else {
                        fail(
                            .badNumber, "ACTION",
                            action == "D"
                                ? "ACTION D (delete) is not applied: a store keeps every release; import a new release instead"
                                : "unknown ACTION \"\(action)\"; expected I, A, R or M")
                        return
                    }
                }
                rows += 1
                let raw = cell("OBS_VALUE") ?? ""
                if raw.isEmpty || raw.uppercased() == "NAN" || raw.uppercased() == "#N/A" { return }
                if let c = cell("COUNTERPART_AREA"), !c.isEmpty, c != SDMXCodes.counterpart {
                    fail(
                        .unknownRegion, "COUNTERPART_AREA",
                        "COUNTERPART_AREA \"\(c)\": svctrade holds trade with the world (W1) only")
                    return
                }
                let regionCode = cell("REF_AREA") ?? ""
                guard let region = Regions.standard.lookup(regionCode) else {
                    fail(.unknownRegion, "REF_AREA", "unknown REF_AREA \"\(regionCode)\"; e.g. CN, CN-BOP, beijing")
                    return
                }
                let sectorCode = cell("INT_ACC_ITEM") ?? ""
                guard let sector = Sectors.standard.lookup(sectorCode) else {
                    fail(
                        .unknownSector, "INT_ACC_ITEM",
                        "unknown INT_ACC_ITEM \"\(sectorCode)\"; EBOPS 2010 codes S, SA … SL, or KIS")
                    return
                }
                let entry = cell("ACCOUNTING_ENTRY") ?? ""
                guard let flow = SDMXCodes.flow(accountingEntry: entry) else {
                    fail(
                        .unknownFlow, "ACCOUNTING_ENTRY", "unknown ACCOUNTING_ENTRY \"\(entry)\"; expected C, D, B or T"
                    )
                    return
                }
                let unitMeasure = cell("UNIT_MEASURE") ?? ""
                let measure = SDMXCodes.Measure(rawValue: unitMeasure)
                guard let currency = Currency(code: cell("CURRENCY") ?? unitMeasure) ?? Currency(code: unitMeasure)
                else {
                    fail(
                        .unknownCurrency, "CURRENCY",
                        "no currency: give CURRENCY (CNY or USD) or a currency UNIT_MEASURE")
                    return
                }
                guard measure != nil || Currency(code: unitMeasure) != nil else {
                    fail(
                        .unknownUnit, "UNIT_MEASURE",
                        "unknown UNIT_MEASURE \"\(unitMeasure)\"; expected CNY, USD or \(SDMXCodes.Measure.allCases.map(\.rawValue).filter { !$0.isEmpty }.joined(separator: ", "))"
                    )
                    return
                }
                let freq = cell("FREQ") ?? ""
                let period = cell("TIME_PERIOD") ?? ""
                guard let span = SDMXCodes.span(freq: freq, period: period) else {
                    fail(
                        .badPeriod, "TIME_PERIOD",
                        "TIME_PERIOD \"\(period)\" does not fit FREQ \"\(freq)\" (M 2021-04, Q 2021-Q2, S 2021-S1, A 2021, YTD 2021-01/2021-04)"
                    )
                    return
                }
                let key = SeriesKey(region: region.code, sector: sector.code, flow: flow, currency: currency)
                let multText = cell("UNIT_MULT") ?? "0"
                let magnitude = Magnitude(rawValue: Int(multText.isEmpty ? "0" : multText) ?? -1)
                func level() -> (Level, MonetaryUnit, Int)? {
                    guard let magnitude else {
                        fail(.unknownUnit, "UNIT_MULT", "UNIT_MULT \"\(multText)\" is not one of 0, 4, 6, 8, 9, 12")
                        return nil
                    }
                    let unit = MonetaryUnit(currency, magnitude)
                    guard let v = try? Level(parsing: raw, in: unit) else {
                        fail(.badNumber, "OBS_VALUE", "OBS_VALUE \"\(raw)\" is not a number")
                        return nil
                    }
                    let written = raw.split(separator: ".").dropFirst().first?.count ?? 0
                    return (v, unit, cell("DECIMALS").flatMap { Int($0) } ?? written)
                }
                let release = named ?? cell("RELEASE").flatMap { $0.isEmpty ? nil : $0 } ?? defaultRelease
                let source = cell("SOURCE") ?? ""
                if cell("PANEL") == "1" {
                    guard measure == .level || measure == nil, span.isMonth, let (v, unit, decimals) = level() else {
                        if failure == nil { fail(.badSpan, "PANEL", "a PANEL row must be the level of one month") }
                        return
                    }
                    var series =
                        panel[key]
                        ?? MonthlyPanel.Series(
                            key: key, unit: unit, decimals: decimals, release: release, source: source)
                    if panel[key] == nil { panelOrder.append(key) }
                    series.decimals = max(series.decimals, decimals)
                    series.set(v.hundredths, at: span.start.index)
                    panel[key] = series
                    if releases[release] == nil { releases.updateValue(releaseDate, forKey: release) }
                    return
                }
                let publisher = cell("PUBLISHER").flatMap { $0.isEmpty ? nil : $0 }
                let publishedOn = cell("PUBLICATION_DATE").flatMap { $0.isEmpty ? nil : $0 }
                let fk = FigureKey(
                    key: key, span: span, release: release, source: source, publisher: publisher,
                    publishedOn: publishedOn, preferred: cell("PREFERRED") != "0")
                var o: Observation
                var continues: Bool
                let figureNumber = cell("FIGURE").flatMap { Int($0) }
                if let figureNumber, let last = figures.last {
                    // svctrade's own files number their figures: rows of one number are one figure.
                    continues = lastFigureNumber == figureNumber && last.0 == fk
                } else if let last = figures.last, last.0 == fk, measure != .level, measure != nil {
                    let r = last.1.rates
                    switch measure {
                    case .yearOnYear?: continues = r.yearOnYear == nil
                    case .versus2019?: continues = r.versus2019 == nil
                    case .twoYearAverage?: continues = r.twoYearAverage == nil
                    case .share?: continues = r.share == nil
                    case .shareChange?: continues = r.shareChange == nil
                    case .balanceChange?: continues = r.balanceChange == nil
                    default: continues = false
                    }
                } else {
                    continues = false
                }
                lastFigureNumber = figureNumber
                if continues, let last = figures.last {
                    o = last.1
                } else {
                    o = Observation(
                        key: key, span: span, value: nil, unit: nil, decimals: nil, source: source, release: release,
                        publisher: publisher, publishedOn: publishedOn)
                    figures.append((fk, o, line))
                }
                switch measure {
                case .level?, nil:
                    guard let (v, unit, decimals) = level() else { return }
                    o.value = v
                    o.unit = unit
                    o.decimals = decimals
                case .balanceChange?:
                    guard let (v, unit, _) = level() else { return }
                    o.rates.balanceChange = v
                    if o.unit == nil { o.unit = unit }
                case let rate?:
                    guard let d = DecimalNumber(parsing: raw) else {
                        fail(.badNumber, "OBS_VALUE", "OBS_VALUE \"\(raw)\" is not a number")
                        return
                    }
                    switch rate {
                    case .yearOnYear: o.rates.yearOnYear = d
                    case .versus2019: o.rates.versus2019 = d
                    case .twoYearAverage: o.rates.twoYearAverage = d
                    case .share: o.rates.share = d
                    case .shareChange: o.rates.shareChange = d
                    case .level, .balanceChange: break
                    }
                }
                figures[figures.count - 1].1 = o
                if releases[release] == nil { releases.updateValue(releaseDate, forKey: release) }
            }
        } catch {
            throw ImportError(.unreadableFile, file: file, message: "cannot read the file (\(error))")
        }
        if let failure { throw failure }
        let imported = figures.map { ImportedFigure(observation: $0.1, line: $0.2, isPreferred: $0.0.preferred) }
        return ImportBatch(
            file: file, layout: "SDMX-CSV", panel: MonthlyPanel(series: panelOrder.compactMap { panel[$0] }),
            figures: imported, releases: releases, notes: [], rowCount: rows)
    }
}
