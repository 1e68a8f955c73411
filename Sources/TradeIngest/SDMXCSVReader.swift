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
/// Columns the reader does not know (other attributes, labels) are ignored.
///
/// Every row is stored as it says or the file is refused with file:line:column: each code is checked
/// against its codelist and each attribute against its type (also on rows whose value is missing); a
/// panel month goes to the series of its own `RELEASE` (one block per series and release, so one
/// `SOURCE` and one `UNIT_MULT` per block: months that disagree are refused); the address stored is
/// `SOURCE_COPY` where given (a mirror's address, `SOURCE` then citing the publisher), else `SOURCE`,
/// so an export read back keeps the addresses it was read from; a month or a figure
/// given twice with different values is refused, as in the tidy reader; a file that is not read to
/// its end as lines (old Mac line ends) or has no data rows is refused.
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
            throw ImportError(error, file: file, field: nil)
        }
        defer { scanner.close() }
        var state = State(file: file, named: named, releaseDate: releaseDate)
        do {
            try scanner.forEachRecord { line, fields, bytes, _ in
                try state.take(line: line, fields: fields, bytes: bytes)
            }
        } catch let e as ImportError {
            throw e
        } catch let f as CSVScanner.Failure {
            throw ImportError(f, file: file, field: state.columnName(f.fieldIndex))
        } catch {
            throw ImportError(.unreadableFile, file: file, message: "cannot read the file")
        }
        return try state.finish()
    }

    /// The columns svctrade reads (others are ignored); each may appear once.
    static let known: Set<String> = [
        "DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "ACTION", "FREQ", "REF_AREA", "COUNTERPART_AREA", "ACCOUNTING_ENTRY",
        "INT_ACC_ITEM", "CURRENCY", "UNIT_MEASURE", "TIME_PERIOD", "OBS_VALUE", "UNIT_MULT", "DECIMALS", "OBS_STATUS",
        "SOURCE", "RELEASE", "PUBLISHER", "PUBLICATION_DATE", "PREFERRED", "PANEL", "FIGURE", "ACCUMULATION", "COPY",
        "UNIT_MULT_PUBLISHED", "SOURCE_COPY",
    ]

    /// The dataflows svctrade writes (one observation per key, and every copy).
    static let dataflows = [SDMXCodes.dataflow, SDMXCodes.copiesDataflow]

    /// The codes of `FREQ` in a file with `ACCUMULATION` (SDMX CL_FREQ), with what they mean.
    static let standardFrequencies = [("M", "month"), ("Q", "quarter"), ("S", "half year"), ("A", "year")]

    /// The codes of `FREQ` in a file without `ACCUMULATION` (svctrade's first exports), with what they mean.
    static let frequencies = [
        ("M", "month"), ("Q", "quarter"), ("S", "half year"), ("A", "year"), ("YTD", "January to a month"),
        ("P", "any other span"),
    ]

    /// A rate at the `DECIMALS` it was published with, when that changes no digit: `19.0` from a
    /// client that writes every number as a double is `19` with `DECIMALS` 0, `3.3` with `DECIMALS` 2
    /// is `3.30`; `nil` when a non-zero digit would be dropped (the value is then kept as written).
    static func rescaled(_ x: DecimalNumber, places: Int) -> DecimalNumber? {
        guard (0...18).contains(places) else { return nil }
        var m = Int128(x.mantissa)
        var p = x.places
        while p > places {
            guard m % 10 == 0 else { return nil }
            m /= 10
            p -= 1
        }
        while p < places {
            m *= 10
            p += 1
        }
        return Int64(exactly: m).map { DecimalNumber(mantissa: $0, places: p) }
    }

    /// `1`/`0`/`true`/`false` (any case); `nil` for anything else.
    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true": true
        case "0", "false": false
        default: nil
        }
    }

    /// The reading of one file, row by row.
    struct State {
        let file: String
        let named: String?
        let releaseDate: String?
        let defaultRelease: String
        var headerRead = false
        var names: [String] = []
        var index: [String: Int] = [:]
        // Figures in file order; a row joins the figure just before it when it has the same key, span,
        // release and source and is a rate that figure does not have yet (svctrade writes a figure's
        // level first, then its rates), else it starts a new figure.
        var figures: [(key: FigureKey, observation: Observation, line: Int)] = []
        /// For each figure, the line each measure was read on (a measure given twice is a conflict).
        var measureLines: [[SDMXCodes.Measure: Int]] = []
        var lastFigureNumber: Int?
        /// Panel series by key and release: the store keeps one block per series and release.
        var panelIndex: [PanelKey: Int] = [:]
        var panel: [MonthlyPanel.Series] = []
        /// The line that started each panel series (for messages).
        var panelLine: [Int] = []
        var releases: [String: String?] = [:]
        var rows = 0
        var repeatedMonths = 0

        struct PanelKey: Hashable {
            let key: SeriesKey
            let release: String
        }

        init(file: String, named: String?, releaseDate: String?) {
            self.file = file
            self.named = named
            self.releaseDate = releaseDate
            self.defaultRelease = ObservationReader.baseName(file)
        }

        /// The header name of a column, for messages.
        func columnName(_ i: Int) -> String? {
            guard i >= 0, i < names.count else { return nil }
            return String(names[i].prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces)
        }

        mutating func take(
            line: Int, fields: UnsafeBufferPointer<CSVScanner.Field>, bytes: UnsafeBufferPointer<UInt8>
        ) throws(ImportError) {
            let f = fields.map { $0.string(in: bytes) }
            // A field holding a carriage return unquoted: the file has old Mac line ends (CR alone),
            // so what follows the first line was read as more fields of it.
            func carriageReturn() -> ImportError? {
                guard let i = f.indices.first(where: { !fields[$0].isQuoted && f[$0].contains("\r") }) else {
                    return nil
                }
                // Named and placed where the first line ends: the header's last name and the carriage return.
                let before = f[i].prefix { $0 != "\r" }
                let name = String((headerRead ? columnName(i) ?? "" : String(before)).prefix { $0 != "\r" })
                    .trimmingCharacters(in: .whitespaces)
                return .carriageReturn(
                    file: file, line: line, column: fields[i].column(in: bytes) + before.count,
                    field: name.isEmpty ? nil : name)
            }
            if !headerRead {
                try readHeader(f, line: line, fields: fields, bytes: bytes)
                if let e = carriageReturn() { throw e }
                return
            }
            if f.count == 1 && f[0].isEmpty && !fields[0].isQuoted { return }
            guard f.count == names.count else {
                if let e = carriageReturn() { throw e }
                throw ImportError(
                    .wrongFieldCount, file: file, line: line,
                    column: f.count > names.count ? fields[names.count].column(in: bytes) : 0,
                    message:
                        "expected \(names.count) fields as in the header, found \(f.count); quote fields that contain commas"
                )
            }
            if let e = carriageReturn() { throw e }
            try takeRow(line: line, f, fields: fields, bytes: bytes)
        }

        mutating func readHeader(
            _ f: [String], line: Int, fields: UnsafeBufferPointer<CSVScanner.Field>, bytes: UnsafeBufferPointer<UInt8>
        ) throws(ImportError) {
            headerRead = true
            names = f.map { $0.replacingOccurrences(of: "\u{FEFF}", with: "").uppercased() }
            for i in names.indices {
                // SDMX-CSV 2.0 may label columns "FREQ: Frequency"; the ID is before the colon.
                guard let id = columnName(i), !id.contains("\r") else { continue }
                if index[id] != nil, SDMXCSVReader.known.contains(id) {
                    throw ImportError(
                        .duplicateColumn, file: file, line: line, column: fields[i].column(in: bytes),
                        message: "column \(id) appears twice in the header")
                }
                if index[id] == nil { index[id] = i }
            }
            for required in ["FREQ", "REF_AREA", "ACCOUNTING_ENTRY", "INT_ACC_ITEM", "TIME_PERIOD", "OBS_VALUE"]
            where index[required] == nil {
                // Old Mac line ends leave the header's last name joined to the first row: say that instead.
                if f.contains(where: { $0.contains("\r") }) { return }
                throw ImportError(
                    .missingColumn, file: file, line: 1,
                    message:
                        "SDMX-CSV without a \(required) column; svctrade reads its own dataflow \(SDMXCodes.dataflow) (svctrade export --format sdmx-csv)"
                )
            }
        }

        mutating func finish() throws(ImportError) -> ImportBatch {
            if rows == 0 {
                throw ImportError(
                    .emptyFile, file: file, line: 1,
                    message:
                        "the file has a header but no data rows; svctrade export --format sdmx-csv writes one row per value"
                )
            }
            // One source gives one figure once: copies of a figure that disagree are refused, as in the
            // tidy reader.
            struct GroupKey: Hashable {
                let key: SeriesKey
                let span: PeriodSpan
                let release: String
                let source: String
            }
            var seen: [GroupKey: [Int]] = [:]
            for (i, figure) in figures.enumerated() {
                let o = figure.observation
                let k = GroupKey(key: o.key, span: o.span, release: o.release, source: o.source)
                for j in seen[k] ?? [] where !ReadState.agree(figures[j].observation, o) {
                    throw ImportError(
                        .conflictingDuplicate, file: file, line: figure.line,
                        message:
                            "\(o.key) \(o.span) appears twice from the same source with different figures (line \(figures[j].line) and line \(figure.line)); keep one row or give each its source"
                    )
                }
                seen[k, default: []].append(i)
            }
            var notes: [String] = []
            if repeatedMonths > 0 {
                notes.append(
                    "\(repeatedMonths) rows repeated an earlier row with the same value; each value is stored once")
            }
            let imported = figures.map {
                ImportedFigure(observation: $0.observation, line: $0.line, isPreferred: $0.key.preferred)
            }
            return ImportBatch(
                file: file, layout: "SDMX-CSV", panel: MonthlyPanel(series: panel), figures: imported,
                releases: releases, notes: notes, rowCount: rows)
        }
    }
}

extension SDMXCSVReader.State {
    mutating func takeRow(
        line: Int, _ f: [String], fields: UnsafeBufferPointer<CSVScanner.Field>, bytes: UnsafeBufferPointer<UInt8>
    ) throws(ImportError) {
        let index = self.index
        let file = self.file
        func cell(_ id: String) -> String? {
            index[id].map { f[$0].trimmingCharacters(in: .whitespaces) }
        }
        func located(_ kind: ImportError.Kind, _ id: String, _ message: String) -> ImportError {
            ImportError(
                kind, file: file, line: line, column: index[id].map { fields[$0].column(in: bytes) } ?? 0,
                field: index[id] == nil ? nil : id, message: message)
        }
        // The leading columns.
        if let d = cell("DATAFLOW"), !SDMXCSVReader.dataflows.contains(d) {
            throw located(
                .unknownCode, "DATAFLOW",
                "\"\(d)\" is not svctrade's dataflow; svctrade reads \(SDMXCodes.dataflow) (svctrade export --format sdmx-csv)"
            )
        }
        if let s = cell("STRUCTURE"), s.lowercased() != "dataflow" {
            throw located(.unknownCode, "STRUCTURE", "unknown STRUCTURE \"\(s)\"; expected dataflow")
        }
        if let d = cell("STRUCTURE_ID"), !SDMXCSVReader.dataflows.contains(d) {
            throw located(
                .unknownCode, "STRUCTURE_ID",
                "\"\(d)\" is not svctrade's dataflow; svctrade reads \(SDMXCodes.dataflow) (svctrade export --format sdmx-csv)"
            )
        }
        if let action = cell("ACTION")?.uppercased(), !["I", "A", "R", "M", ""].contains(action) {
            throw located(
                .unknownCode, "ACTION",
                action == "D"
                    ? "ACTION D (delete) is not applied: a store keeps every release; import a new release instead"
                    : "unknown ACTION \"\(action)\"; expected I, A, R or M")
        }
        rows += 1

        // Dimensions, each against its codelist (also on rows whose value is missing).
        let freq = cell("FREQ") ?? ""
        // With ACCUMULATION, FREQ is SDMX's; without, svctrade's first codes (YTD, P) are read too.
        var accumulation: SDMXCodes.Accumulation?
        if let a = cell("ACCUMULATION") {
            guard let code = SDMXCodes.Accumulation(rawValue: a) else {
                throw located(
                    .unknownCode, "ACCUMULATION",
                    "unknown ACCUMULATION \"\(a)\"; expected P (the period alone) or YTD (January to the end of the period)"
                )
            }
            accumulation = code
        }
        let frequencies = accumulation == nil ? SDMXCSVReader.frequencies : SDMXCSVReader.standardFrequencies
        guard frequencies.contains(where: { $0.0 == freq }) else {
            let codes = frequencies.map { "\($0.0) (\($0.1))" }
            throw located(
                .unknownCode, "FREQ",
                "unknown FREQ \"\(freq)\"; expected \(codes.dropLast().joined(separator: ", ")) or \(codes.last ?? "")")
        }
        let reference = cell("REF_AREA") ?? ""
        let counterpart = cell("COUNTERPART_AREA") ?? ""
        guard let regionCode = SDMXCodes.region(reference: reference, counterpart: counterpart) else {
            throw located(
                .unknownRegion, "COUNTERPART_AREA",
                "COUNTERPART_AREA \"\(counterpart)\" with REF_AREA \"\(reference)\": svctrade holds trade with the world (W1), and China's (CN) with \(SDMXCodes.partnerScopes.sorted().joined(separator: ", "))"
            )
        }
        guard let region = Regions.standard.region(code: regionCode) else {
            let near = Regions.standard.suggestions(for: regionCode)
            throw located(
                .unknownRegion, "REF_AREA",
                "unknown REF_AREA \"\(regionCode)\""
                    + (near.isEmpty ? "" : " (did you mean \(near.map { "\"\($0)\"" }.joined(separator: " or "))?)")
                    + "; expected one of \(Regions.standard.all.map(\.code).joined(separator: ", ")), or R and 1–6 digits for a numbered panel region"
            )
        }
        let entry = cell("ACCOUNTING_ENTRY") ?? ""
        guard let flow = SDMXCodes.flow(accountingEntry: entry) else {
            throw located(
                .unknownFlow, "ACCOUNTING_ENTRY", "unknown ACCOUNTING_ENTRY \"\(entry)\"; expected C, D, B or T")
        }
        let sectorCode = cell("INT_ACC_ITEM") ?? ""
        let sector: String
        if let s = Sectors.standard.sector(code: sectorCode) {
            sector = s.code
        } else if Sectors.standard.extensionParent(of: sectorCode) != nil {
            sector = sectorCode.uppercased()
        } else {
            throw located(
                .unknownSector, "INT_ACC_ITEM",
                "unknown INT_ACC_ITEM \"\(sectorCode)\"; expected an EBOPS 2010 code: \(Sectors.standard.all.map(\.code).joined(separator: ", "))"
            )
        }
        let currencyText = cell("CURRENCY") ?? ""
        var currency: Currency?
        if !currencyText.isEmpty {
            guard let c = Currency(rawValue: currencyText) else {
                throw located(.unknownCurrency, "CURRENCY", "unknown CURRENCY \"\(currencyText)\"; expected CNY or USD")
            }
            currency = c
        }
        let unitMeasure = cell("UNIT_MEASURE") ?? ""
        let measure: SDMXCodes.Measure
        if let c = Currency(rawValue: unitMeasure) {
            if let currency, currency != c {
                throw located(
                    .currencyMismatch, "UNIT_MEASURE",
                    "\(c.rawValue) is not the row's CURRENCY \(currency.rawValue); a level's UNIT_MEASURE is its CURRENCY"
                )
            }
            currency = c
            measure = .level
        } else if let m = SDMXCodes.Measure(rawValue: unitMeasure) {
            measure = m
        } else {
            throw located(
                .unknownUnit, "UNIT_MEASURE",
                "unknown UNIT_MEASURE \"\(unitMeasure)\"; expected CNY, USD or \(SDMXCodes.Measure.allCases.map(\.rawValue).filter { !$0.isEmpty }.joined(separator: ", "))"
            )
        }
        guard let currency else {
            throw located(
                .unknownCurrency, "CURRENCY", "no currency: give CURRENCY (CNY or USD) or a currency UNIT_MEASURE")
        }
        let period = cell("TIME_PERIOD") ?? ""
        let span: PeriodSpan
        if let accumulation {
            guard let s = SDMXCodes.span(freq: freq, accumulation: accumulation, period: period) else {
                throw located(
                    .badPeriod, "TIME_PERIOD",
                    "TIME_PERIOD \"\(period)\" does not fit FREQ \"\(freq)\" (M 2021-04, Q 2021-Q2, S 2021-S1, A 2021)")
            }
            span = s
        } else {
            guard let s = SDMXCodes.span(freq: freq, period: period) else {
                throw located(
                    .badPeriod, "TIME_PERIOD",
                    "TIME_PERIOD \"\(period)\" does not fit FREQ \"\(freq)\" (M 2021-04, Q 2021-Q2, S 2021-S1, A 2021, YTD 2021-01/2021-04, P 2021-04/2021-06)"
                )
            }
            span = s
        }
        if let c = cell("COPY"), !c.isEmpty, (Int(c) ?? 0) < 1 {
            throw located(.badNumber, "COPY", "\"\(c)\" is not a copy number; expected 1, 2, 3 …")
        }

        // Attributes, each against its type.
        let multText = cell("UNIT_MULT") ?? ""
        guard let magnitude = Magnitude(rawValue: multText.isEmpty ? 0 : Int(multText) ?? -1) else {
            throw located(
                .unknownUnit, "UNIT_MULT",
                "UNIT_MULT \"\(multText)\" is not one of \(Magnitude.allCases.map { String($0.rawValue) }.joined(separator: ", "))"
            )
        }
        // The unit the agency printed the level in; OBS_VALUE is in UNIT_MULT (svctrade writes 亿).
        var printed = magnitude
        if let t = cell("UNIT_MULT_PUBLISHED"), !t.isEmpty {
            guard let m = Int(t).flatMap(Magnitude.init(rawValue:)) else {
                throw located(
                    .unknownUnit, "UNIT_MULT_PUBLISHED",
                    "UNIT_MULT_PUBLISHED \"\(t)\" is not one of \(Magnitude.allCases.map { String($0.rawValue) }.joined(separator: ", "))"
                )
            }
            printed = m
        }
        var decimals: Int?
        if let d = cell("DECIMALS"), !d.isEmpty {
            guard let n = Int(d), (-18...18).contains(n) else {
                throw located(
                    .badNumber, "DECIMALS",
                    "\"\(d)\" is not a whole number of decimal places; expected e.g. 1, 0, or -2 for a level rounded to hundreds"
                )
            }
            decimals = n
        }
        var status: FigureStatus?
        // `U`: a published balance change the bulletin withholds (svctrade's every-copy files), stored as
        // published, in the figure its FIGURE number names (its `PREFERRED` 0 marks the row, not the copy).
        let withheld = cell("OBS_STATUS") == SDMXCodes.withheldStatus
        if let s = cell("OBS_STATUS"), !s.isEmpty, !withheld {
            guard let st = SDMXCodes.status(observationStatus: s) else {
                throw located(
                    .unknownCode, "OBS_STATUS",
                    "unknown OBS_STATUS \"\(s)\"; expected A (published), E (derived), I (implied), G (illustrative) or U (a withheld balance change)"
                )
            }
            status = st
        }
        if withheld && measure != .balanceChange {
            throw located(
                .conflictingAttribute, "OBS_STATUS",
                "OBS_STATUS U marks a withheld balance change (UNIT_MEASURE BAL_CHG), not \(measure == .level ? "a level" : measure.rawValue); give A"
            )
        }
        let publisher = cell("PUBLISHER").flatMap { $0.isEmpty ? nil : $0 }
        let publishedOn = cell("PUBLICATION_DATE").flatMap { $0.isEmpty ? nil : $0 }
        if let d = publishedOn, !ReleaseDate.isValid(d), !ReleaseDate.isValidMonth(d) {
            throw located(
                .badDate, "PUBLICATION_DATE",
                "\"\(d)\" is not a date; expected YYYY-MM-DD, or YYYY-MM when the source gives only the month")
        }
        func flag(_ id: String) throws(ImportError) -> Bool? {
            guard let t = cell(id), !t.isEmpty else { return nil }
            guard let b = SDMXCSVReader.flag(t) else {
                throw located(.badFlag, id, "\"\(t)\" is not a flag; expected 1 or 0 (true or false)")
            }
            return b
        }
        var preferred = try flag("PREFERRED")
        let isPanel = try flag("PANEL") ?? false
        var figureNumber: Int?
        if let t = cell("FIGURE"), !t.isEmpty {
            guard let n = Int(t), n > 0 else {
                throw located(.badNumber, "FIGURE", "\"\(t)\" is not a figure number; expected 1, 2, 3 … or empty")
            }
            figureNumber = n
        }
        let release = named ?? cell("RELEASE").flatMap { $0.isEmpty ? nil : $0 } ?? defaultRelease
        if withheld, let figureNumber, figureNumber == lastFigureNumber, let last = figures.last {
            preferred = last.key.preferred
        }
        // The address the figure was read at: a mirror's copy (`SOURCE_COPY`) where `SOURCE` cites the
        // publisher instead, so that an export read back keeps the address it was read from.
        let source = cell("SOURCE_COPY").flatMap { $0.isEmpty ? nil : $0 } ?? cell("SOURCE") ?? ""
        let key = SeriesKey(region: region.code, sector: sector, flow: flow, currency: currency)
        let written = MonetaryUnit(currency, magnitude)
        let unit = MonetaryUnit(currency, printed)

        // The value.
        let raw = cell("OBS_VALUE") ?? ""
        if raw.isEmpty || raw.uppercased() == "NAN" || raw.uppercased() == "#N/A" { return }
        func level() throws(ImportError) -> (Level, Int) {
            let v: Level
            do {
                v = try Level(parsing: raw, in: written)
            } catch {
                throw located(.badNumber, "OBS_VALUE", "OBS_VALUE \"\(raw)\" is not a number in \(written)")
            }
            // Places in the printed unit: 33900 (亿) with DECIMALS −2 printed in 万亿 has 2.
            let places = decimals ?? raw.split(separator: ".").dropFirst().first?.count ?? 0
            return (v, places - magnitude.exponent + printed.exponent)
        }

        if isPanel {
            guard measure == .level, span.isMonth else {
                throw located(.badSpan, "PANEL", "a PANEL row must be the level of one month")
            }
            try takePanelMonth(
                line: line, key: key, month: span.start, level: try level(), unit: unit, release: release,
                source: source, status: status, publisher: publisher, publishedOn: publishedOn,
                preferred: preferred, figureNumber: figureNumber, located: located)
            return
        }
        // `E` on a dollar figure is svctrade's mark of a reporter's conversion; the store tells it again
        // from the source, so it reads like `A`.
        if let status, status != .published, !(status == .derived && key.currency == .usd) {
            throw located(
                .conflictingAttribute, "OBS_STATUS",
                "OBS_STATUS \(SDMXCodes.observationStatus(status)): the store keeps published figures only (A); import published values, or a PANEL month in release \(IllustrativePanel.release) for an illustrative one"
            )
        }
        let fk = SDMXCSVReader.FigureKey(
            key: key, span: span, release: release, source: source, publisher: publisher, publishedOn: publishedOn,
            preferred: preferred ?? true)
        let continues: Bool
        if let figureNumber, let last = figures.last {
            // svctrade's own files number their figures: rows of one number are one figure.
            continues = lastFigureNumber == figureNumber && last.key == fk
        } else if figureNumber == nil, let last = figures.last, last.key == fk, measure != .level {
            continues = measureLines[figures.count - 1][measure] == nil
        } else {
            continues = false
        }
        lastFigureNumber = figureNumber
        if !continues {
            figures.append(
                (
                    fk,
                    Observation(
                        key: key, span: span, value: nil, unit: nil, decimals: nil, source: source, release: release,
                        publisher: publisher, publishedOn: publishedOn), line
                ))
            measureLines.append([:])
        }
        let n = figures.count - 1
        var o = figures[n].observation
        if let earlier = measureLines[n][measure] {
            // The same measure twice in one figure: the same value is a repeat, another one a conflict.
            let same: Bool
            switch measure {
            case .level: same = (try? level().0) == o.value
            case .balanceChange: same = (try? level().0) == o.rates.balanceChange
            default:
                let old: DecimalNumber?
                switch measure {
                case .yearOnYear: old = o.rates.yearOnYear
                case .versus2019: old = o.rates.versus2019
                case .twoYearAverage: old = o.rates.twoYearAverage
                case .share: old = o.rates.share
                case .shareChange: old = o.rates.shareChange
                case .level, .balanceChange: old = nil
                }
                same = DecimalNumber(parsing: raw).map { old?.isNumericallyEqual(to: $0) ?? false } ?? false
            }
            if same { return }
            let what = measure == .level ? "the level" : measure.rawValue
            let before = figureValueText(o, measure)
            throw located(
                .conflictingDuplicate, "OBS_VALUE",
                "figure \(figureNumber.map(String.init) ?? "") has \(what) \(before) on line \(earlier) and \(raw) here; keep one row"
            )
        }
        measureLines[n][measure] = line
        switch measure {
        case .level:
            let (v, d) = try level()
            o.value = v
            o.unit = unit
            o.decimals = d
        case .balanceChange:
            o.rates.balanceChange = try level().0
            // A change its page printed without a unit is written with `UNIT_MULT_PUBLISHED` empty: it
            // stays without one (files from before that attribute give it UNIT_MULT's).
            if o.unit == nil && cell("UNIT_MULT_PUBLISHED")?.isEmpty != true { o.unit = unit }
        case let rate:
            guard let parsed = DecimalNumber(parsing: raw) else {
                throw located(.badNumber, "OBS_VALUE", "OBS_VALUE \"\(raw)\" is not a number")
            }
            let d = decimals.flatMap { SDMXCSVReader.rescaled(parsed, places: $0) } ?? parsed
            switch rate {
            case .yearOnYear: o.rates.yearOnYear = d
            case .versus2019: o.rates.versus2019 = d
            case .twoYearAverage: o.rates.twoYearAverage = d
            case .share: o.rates.share = d
            case .shareChange: o.rates.shareChange = d
            case .level, .balanceChange: break
            }
        }
        figures[n].observation = o
        if releases[release] == nil { releases.updateValue(releaseDate, forKey: release) }
    }

    /// The value of a measure of a figure as it was written.
    func figureValueText(_ o: Observation, _ measure: SDMXCodes.Measure) -> String {
        switch measure {
        case .level:
            guard let v = o.value, let unit = o.unit else { return "" }
            return v.formatted(in: unit, places: max(0, o.decimals ?? 0))
        case .balanceChange:
            guard let v = o.rates.balanceChange, let unit = o.unit else { return "" }
            return v.exactDecimal(in: unit).description
        case .yearOnYear: return o.rates.yearOnYear?.description ?? ""
        case .versus2019: return o.rates.versus2019?.description ?? ""
        case .twoYearAverage: return o.rates.twoYearAverage?.description ?? ""
        case .share: return o.rates.share?.description ?? ""
        case .shareChange: return o.rates.shareChange?.description ?? ""
        }
    }

    /// A panel month: stored in the block of its series and its own release, or refused where the
    /// store could not keep what the row says.
    mutating func takePanelMonth(
        line: Int, key: SeriesKey, month: Period, level: (Level, Int), unit: MonetaryUnit, release: String,
        source: String, status: FigureStatus?, publisher: String?, publishedOn: String?, preferred: Bool?,
        figureNumber: Int?, located: (ImportError.Kind, String, String) -> ImportError
    ) throws(ImportError) {
        let kept =
            "the store keeps it for figures only: leave it empty, or leave PANEL empty to import the row as a figure"
        if publisher != nil {
            throw located(.conflictingAttribute, "PUBLISHER", "a PANEL month has no PUBLISHER; \(kept)")
        }
        if publishedOn != nil {
            throw located(.conflictingAttribute, "PUBLICATION_DATE", "a PANEL month has no PUBLICATION_DATE; \(kept)")
        }
        if preferred == false {
            throw located(
                .conflictingAttribute, "PREFERRED",
                "a PANEL month is always the copy kept (PREFERRED 1); PREFERRED 0 is for figures: \(kept)")
        }
        if figureNumber != nil {
            throw located(.conflictingAttribute, "FIGURE", "a PANEL month is not part of a figure; leave FIGURE empty")
        }
        // The store marks a panel month illustrative by its release alone.
        let implied = FigureStatus.ofPanelMonth(release: release)
        if let status, status != implied {
            throw located(
                .conflictingAttribute, "OBS_STATUS",
                implied == .illustrative
                    ? "OBS_STATUS \(SDMXCodes.observationStatus(status)), but every month of release \(IllustrativePanel.release) is illustrative (G); give it G, or give the month another RELEASE"
                    : "OBS_STATUS \(SDMXCodes.observationStatus(status)), but a month of release \"\(release)\" is stored as published (A); only release \(IllustrativePanel.release) holds illustrative (G) months"
            )
        }
        let (value, decimals) = level
        let pk = PanelKey(key: key, release: release)
        let s: Int
        if let existing = panelIndex[pk] {
            s = existing
            let series = panel[s]
            if series.source != source {
                throw located(
                    .conflictingAttribute, "SOURCE",
                    "\"\(source)\" differs from \"\(series.source)\" on line \(panelLine[s]) for \(key) in release \(release); the store keeps one source per series and release: give these months the same SOURCE or their own RELEASE"
                )
            }
            if series.unit != unit {
                throw located(
                    .conflictingAttribute, "UNIT_MULT",
                    "\(unit.magnitude.rawValue) differs from \(series.unit.magnitude.rawValue) on line \(panelLine[s]) for \(key) in release \(release); the store keeps one unit per series and release: write its months in one UNIT_MULT"
                )
            }
        } else {
            s = panel.count
            panelIndex[pk] = s
            panel.append(
                MonthlyPanel.Series(key: key, unit: unit, decimals: decimals, release: release, source: source))
            panelLine.append(line)
        }
        panel[s].decimals = max(panel[s].decimals, decimals)
        if let previous = panel[s].set(value.hundredths, at: month.index) {
            if previous != value.hundredths {
                let places = max(0, panel[s].decimals)
                throw located(
                    .conflictingDuplicate, "OBS_VALUE",
                    "\(key) \(month) appears twice with different values (\(Level(hundredths: previous).formatted(in: unit, places: places)) earlier in the file, \(value.formatted(in: unit, places: places)) here); keep one row, or put the other in a separate release"
                )
            }
            repeatedMonths += 1
        }
        if releases[release] == nil { releases.updateValue(releaseDate, forKey: release) }
    }
}
