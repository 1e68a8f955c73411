import TradeCore

/// The per-file state of ``ObservationReader``: the layout, the panel being filled and the figures.
struct ReadState {
    let file: String
    let reader: ObservationReader
    let defaultRelease: String
    var layout: ImportLayout?
    var expectedFields = 0
    /// Fast-path column indices, fixed once the header is read (-1 when absent).
    var panelMode = false
    var periodColumn = -1
    var valueColumn = -1
    var keyColumns: [Int] = []

    // Panel path.
    var interner = SeriesInterner()
    var entrySeries: [Int] = []  // interned entry -> panel series index
    var entryUnit: [MonetaryUnit] = []  // interned entry -> unit of its values
    var entryAllowsNegative: [Bool] = []  // interned entry -> balance series
    var seriesIndex: [PanelKey: Int] = [:]
    var panel = MonthlyPanel()
    var scratch: [UInt8] = []
    var repeatedRows = 0

    // Figures path.
    var figures: [ImportedFigure] = []
    var releases: [String: String?] = [:]
    var notes: [String] = []
    var rowCount = 0

    struct PanelKey: Hashable {
        let key: SeriesKey
        let release: String
    }

    init(file: String, reader: ObservationReader, defaultRelease: String) {
        self.file = file
        self.reader = reader
        self.defaultRelease = defaultRelease
        scratch.reserveCapacity(128)
    }

    // MARK: - Rows

    mutating func take(line: Int, fields: UnsafeBufferPointer<CSVScanner.Field>, bytes: UnsafeBufferPointer<UInt8>)
        throws
    {
        guard let layout else {
            let names = fields.map { $0.string(in: bytes) }
            if names.count == 1 && names[0].isEmpty {
                throw ImportError(
                    .missingHeader, file: file, line: line,
                    message: "the first line is blank; expected a header such as period,region,sector,flow,value")
            }
            // Old Mac line ends (CR alone) make the whole file one header line.
            if let i = names.indices.first(where: { !fields[$0].isQuoted && names[$0].contains("\r") }) {
                let before = names[i].prefix { $0 != "\r" }
                let name = String(before).trimmingCharacters(in: " \t")
                throw ImportError.carriageReturn(
                    file: file, line: line, column: fields[i].column(in: bytes) + before.count,
                    field: name.isEmpty ? nil : name)
            }
            let parsed = try ImportLayout.parse(names, columns: fields.map { $0.column(in: bytes) }, file: file)
            layout = parsed
            expectedFields = names.count
            panelMode = !parsed.carriesFigures
            periodColumn = parsed.index[.period] ?? -1
            valueColumn = parsed.index[.value] ?? -1
            keyColumns = [ImportLayout.Role.region, .sector, .flow, .currency, .unit, .release, .releaseDate, .source]
                .map { parsed.index[$0] ?? -1 }
            return
        }
        if fields.count == 1 && fields[0].isEmpty && !fields[0].isQuoted { return }  // blank line
        guard fields.count == expectedFields else {
            let at = fields.count > expectedFields ? fields[expectedFields].column(in: bytes) : 0
            throw ImportError(
                .wrongFieldCount, file: file, line: line, column: at,
                message:
                    "expected \(expectedFields) fields (\(layout.names.joined(separator: ","))), found \(fields.count); quote fields that contain commas"
            )
        }
        rowCount += 1
        if panelMode && periodColumn >= 0 {
            let f = fields[periodColumn]
            // Fast path: a plain `YYYY-MM` month goes to the panel.
            if f.end - f.start == 7, let month = Self.month(bytes, f.start) {
                try takePanelRow(line: line, month: month, fields: fields, bytes: bytes)
                return
            }
        }
        try takeFigureRow(line: line, fields: fields, bytes: bytes, layout: layout)
    }

    /// Parses `YYYY-MM` at `start`, or `nil` (the slow path then reports the precise error).
    static func month(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) -> Period? {
        func d(_ i: Int) -> Int? {
            let c = b[s + i]
            return c >= 48 && c <= 57 ? Int(c - 48) : nil
        }
        guard b[s + 4] == UInt8(ascii: "-"), let y0 = d(0), let y1 = d(1), let y2 = d(2), let y3 = d(3),
            let m0 = d(5), let m1 = d(6)
        else { return nil }
        return Period(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1)
    }

    mutating func takePanelRow(
        line: Int, month: Period, fields: UnsafeBufferPointer<CSVScanner.Field>, bytes: UnsafeBufferPointer<UInt8>
    ) throws {
        scratch.removeAll(keepingCapacity: true)
        for i in keyColumns {
            if i >= 0 {
                let f = fields[i]
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[f.start..<f.end]))
            }
            scratch.append(0x1F)
        }
        let (entry, isNew) = scratch.withUnsafeBufferPointer { interner.intern($0) }
        if isNew, let layout {
            try registerEntry(line: line, fields: fields, bytes: bytes, layout: layout)
        }
        let s = entrySeries[entry]
        if s < 0, let layout {
            // The series already holds values from another source in this release: keep this row as a
            // figure, reconciled with the others at the end.
            try takeFigureRow(line: line, fields: fields, bytes: bytes, layout: layout)
            return
        }
        let unit = entryUnit[entry]
        let vf = fields[valueColumn]
        guard let number = Self.decimal(bytes, vf.start, vf.end) else {
            let text = vf.string(in: bytes)
            if text.isEmpty {
                throw ImportError(
                    .noValue, file: file, line: line, column: vf.column(in: bytes), field: "value",
                    message:
                        "empty value; a row of a tidy file must carry a number (leave the row out for a missing month)")
            }
            throw ImportError(
                .badNumber, file: file, line: line, column: vf.column(in: bytes), field: "value",
                message:
                    "\"\(text)\" is not a number; expected a plain decimal such as 12345.67 (no thousands separators or exponents)"
            )
        }
        let level: Level
        do {
            level = try Level(number, in: unit)
        } catch {
            throw levelError(
                error, text: vf.string(in: bytes), unit: unit, line: line, column: vf.column(in: bytes), field: "value")
        }
        if level.hundredths < 0 && !entryAllowsNegative[entry] {
            let flow = panel.series[s].key.flow
            throw ImportError(
                .negativeLevel, file: file, line: line, column: vf.column(in: bytes), field: "value",
                message:
                    "\(vf.string(in: bytes)) is negative, but \(flow.rawValue) levels cannot be; only a balance may be negative"
            )
        }
        if number.places > panel.series[s].decimals { panel.series[s].decimals = number.places }
        if let previous = panel.series[s].set(level.hundredths, at: month.index) {
            if previous != level.hundredths {
                let key = panel.series[s].key
                let old = Level(hundredths: previous).exactDecimal(in: unit)
                throw ImportError(
                    .conflictingDuplicate, file: file, line: line, column: vf.column(in: bytes), field: "value",
                    message:
                        "\(key) \(month) appears twice with different values (\(old) earlier in the file, \(number) here); keep one row, or put the other in a separate release"
                )
            }
            repeatedRows += 1
        }
    }

    /// Validates the codes of a key seen for the first time and creates its panel series.
    mutating func registerEntry(
        line: Int, fields: UnsafeBufferPointer<CSVScanner.Field>, bytes: UnsafeBufferPointer<UInt8>,
        layout: ImportLayout
    ) throws {
        let text = { (role: ImportLayout.Role) -> String? in layout.index[role].map { fields[$0].string(in: bytes) } }
        let col = { (role: ImportLayout.Role) -> Int in layout.index[role].map { fields[$0].column(in: bytes) } ?? 0 }
        let region = try resolveRegion(text(.region) ?? "", line: line, column: col(.region), field: "region")
        let sector = try resolveSector(text(.sector) ?? "", line: line, column: col(.sector))
        let flow = try resolveFlow(text(.flow) ?? "", line: line, column: col(.flow))
        let (currency, unit) = try resolveCurrencyAndUnit(
            currency: text(.currency), unit: text(.unit), hasValue: true, line: line,
            currencyColumn: col(.currency), unitColumn: col(.unit))
        guard let unit else {
            throw ImportError(
                .missingUnit, file: file, line: line, column: col(.unit), field: "unit",
                message: "empty unit; expected \(MonetaryUnit.accepted)")
        }
        let release = try resolveRelease(
            text(.release), date: text(.releaseDate), line: line, column: col(.release), dateColumn: col(.releaseDate))
        let key = SeriesKey(region: region, sector: sector, flow: flow, currency: currency)
        let pk = PanelKey(key: key, release: release)
        let givenSource = text(.source).flatMap { $0.isEmpty ? nil : $0 }
        let source = givenSource ?? "file:\(ObservationReader.baseName(file))"
        var s: Int
        if let existing = seriesIndex[pk] {
            s = existing
            if panel.series[existing].source != source { s = -1 }
        } else {
            s = panel.series.count
            seriesIndex[pk] = s
            panel.series.append(
                MonthlyPanel.Series(key: key, unit: unit, decimals: 0, release: release, source: source))
        }
        entrySeries.append(s)
        entryUnit.append(unit)
        entryAllowsNegative.append(!flow.isNonNegative)
    }

    mutating func takeFigureRow(
        line: Int, fields: UnsafeBufferPointer<CSVScanner.Field>, bytes: UnsafeBufferPointer<UInt8>,
        layout: ImportLayout
    ) throws {
        let text = { (role: ImportLayout.Role) -> String? in
            layout.index[role].map { fields[$0].string(in: bytes).trimmingCharacters(in: " \t") }
        }
        let col = { (role: ImportLayout.Role) -> Int in layout.index[role].map { fields[$0].column(in: bytes) } ?? 0 }

        // Period span.
        let span: PeriodSpan
        do {
            if let p = text(.period) {
                span = try PeriodSpan(parsing: p)
            } else {
                let from = try Period(parsing: text(.periodFrom) ?? "")
                let to: Period
                do {
                    to = try Period(parsing: text(.periodTo) ?? "")
                } catch {
                    throw ImportError(
                        .badPeriod, file: file, line: line, column: col(.periodTo), field: "period_to",
                        message: "\(error)")
                }
                span = try PeriodSpan(start: from, end: to)
            }
        } catch let e as ImportError {
            throw e
        } catch let e as PeriodParseError {
            let role: ImportLayout.Role = layout.index[.period] != nil ? .period : .periodFrom
            let kind: ImportError.Kind = e.text.contains("/") ? .badSpan : .badPeriod
            throw ImportError(kind, file: file, line: line, column: col(role), field: role.rawValue, message: "\(e)")
        }
        if let kindText = text(.periodKind), !kindText.isEmpty {
            let ok: Bool
            switch kindText.lowercased() {
            case "month": ok = span.kind == .month
            case "quarter": ok = span.kind == .quarter
            case "half": ok = span.kind == .half
            case "year": ok = span.kind == .year
            case "cumulative", "ytd", "year-to-date", "janfeb": ok = span.isYearToDate
            default:
                throw ImportError(
                    .periodKindMismatch, file: file, line: line, column: col(.periodKind), field: "period_kind",
                    message: "unknown period kind \"\(kindText)\"; expected month, cumulative, quarter, half or year")
            }
            guard ok else {
                throw ImportError(
                    .periodKindMismatch, file: file, line: line, column: col(.periodKind), field: "period_kind",
                    message: "\"\(kindText)\" does not match the span \(span), which is \(span.kind.label)")
            }
        }
        let regionRole: ImportLayout.Role = layout.index[.region] != nil ? .region : .scope
        let region = try resolveRegion(
            text(regionRole) ?? "", line: line, column: col(regionRole), field: regionRole.rawValue)
        let sector = try resolveSector(text(.sector) ?? "", line: line, column: col(.sector))
        let flow = try resolveFlow(text(.flow) ?? "", line: line, column: col(.flow))
        let valueText = text(.value) ?? ""
        let (currency, unit) = try resolveCurrencyAndUnit(
            currency: text(.currency), unit: text(.unit),
            hasValue: !valueText.isEmpty || !(text(.balanceChange) ?? "").isEmpty,
            line: line, currencyColumn: col(.currency), unitColumn: col(.unit))

        var value: Level?
        var decimals: Int?
        if !valueText.isEmpty {
            guard let number = DecimalNumber(parsing: valueText) else {
                throw ImportError(
                    .badNumber, file: file, line: line, column: col(.value), field: "value",
                    message:
                        "\"\(valueText)\" is not a number; expected a plain decimal such as 15644.5 (no thousands separators or exponents)"
                )
            }
            guard let unit else {
                throw ImportError(
                    .missingUnit, file: file, line: line, column: col(.unit), field: "unit",
                    message: "a value needs a unit; expected \(MonetaryUnit.accepted)")
            }
            do {
                value = try Level(number, in: unit)
            } catch {
                throw levelError(error, text: valueText, unit: unit, line: line, column: col(.value), field: "value")
            }
            // The places as printed (0 for a whole number); the precision a rounding comparison assumes
            // is ``TradeCore/Observation/claimedDecimals``.
            decimals = number.places
            if number.isNegative && flow.isNonNegative {
                throw ImportError(
                    .negativeLevel, file: file, line: line, column: col(.value), field: "value",
                    message:
                        "\(valueText) is negative, but \(flow.rawValue) levels cannot be; only a balance may be negative (write a fall as a rate in yoy_pct)"
                )
            }
        }
        var rates = PublishedRates()
        func rate(_ role: ImportLayout.Role) throws -> DecimalNumber? {
            guard let t = text(role), !t.isEmpty else { return nil }
            guard let d = DecimalNumber(parsing: t) else {
                throw ImportError(
                    .badNumber, file: file, line: line, column: col(role), field: role.rawValue,
                    message: "\"\(t)\" is not a number; expected a rate in percent such as 23.2 or -10 (no % sign)")
            }
            return d
        }
        rates.yearOnYear = try rate(.yoy)
        rates.versus2019 = try rate(.vs2019)
        rates.twoYearAverage = try rate(.twoYearAverage)
        rates.share = try rate(.share)
        rates.shareChange = try rate(.shareChange)
        if let bc = try rate(.balanceChange) {
            guard let unit else {
                throw ImportError(
                    .missingUnit, file: file, line: line, column: col(.unit), field: "unit",
                    message: "balance_change needs a unit; expected \(MonetaryUnit.accepted)")
            }
            do {
                rates.balanceChange = try Level(bc, in: unit)
            } catch {
                throw levelError(
                    error, text: bc.description, unit: unit, line: line, column: col(.balanceChange),
                    field: "balance_change")
            }
        }
        if value == nil && rates.isEmpty {
            throw ImportError(
                .noValue, file: file, line: line, column: col(.value), field: "value",
                message: "the row carries neither a value nor a rate; fill one in or leave the row out")
        }
        let release = try resolveRelease(
            text(.release), date: text(.releaseDate), line: line, column: col(.release), dateColumn: col(.releaseDate))
        let source = text(.source) ?? text(.sourceURL) ?? ""
        let publisher = text(.publisher).flatMap { $0.isEmpty ? nil : $0 }
        let publishedOn = text(.publishedOn).flatMap { $0.isEmpty ? nil : $0 }
        if let d = publishedOn, !ReleaseDate.isValid(d), !ReleaseDate.isValidMonth(d) {
            throw ImportError(
                .badDate, file: file, line: line, column: col(.publishedOn), field: "published_on",
                message: "\"\(d)\" is not a date; expected YYYY-MM-DD, or YYYY-MM when the source gives only the month")
        }
        let observation = Observation(
            key: SeriesKey(region: region, sector: sector, flow: flow, currency: currency), span: span, value: value,
            unit: value == nil && rates.balanceChange == nil ? nil : unit, decimals: decimals, rates: rates,
            source: source.isEmpty ? "file:\(ObservationReader.baseName(file))" : source, release: release,
            publisher: publisher, publishedOn: publishedOn)
        figures.append(ImportedFigure(observation: observation, line: line, isPreferred: true))
    }

    // MARK: - Codes

    func resolveRegion(_ t: String, line: Int, column: Int, field: String) throws(ImportError) -> String {
        if let r = reader.regions.lookup(t) { return r.code }
        let near = reader.regions.suggestions(for: t)
        throw ImportError(
            .unknownRegion, file: file, line: line, column: column, field: field,
            message: "unknown region \"\(t)\""
                + (near.isEmpty ? "" : " (did you mean \(near.map { "\"\($0)\"" }.joined(separator: " or "))?)")
                + "; expected a region code such as CN, beijing or xixian (the nation, the pilot localities and published aggregates), or R and digits for a numbered panel"
        )
    }

    func resolveSector(_ t: String, line: Int, column: Int) throws(ImportError) -> String {
        if let s = reader.sectors.lookup(t) { return s.code }
        if reader.sectors.extensionParent(of: t) != nil { return t.uppercased() }
        let near = reader.sectors.suggestions(for: t)
        throw ImportError(
            .unknownSector, file: file, line: line, column: column, field: "sector",
            message: "unknown sector \"\(t)\""
                + (near.isEmpty ? "" : " (did you mean \(near.map { "\"\($0)\"" }.joined(separator: " or "))?)")
                + "; expected an EBOPS 2010 code such as S, SC, SD, SI2, a group such as KIS, or a published name such as travel"
        )
    }

    func resolveFlow(_ t: String, line: Int, column: Int) throws(ImportError) -> Flow {
        if let f = Flow(code: t) { return f }
        throw ImportError(
            .unknownFlow, file: file, line: line, column: column, field: "flow",
            message: "unknown flow \"\(t)\"; expected export, import, total or balance (or X, M, T, B)")
    }

    func resolveCurrencyAndUnit(
        currency: String?, unit: String?, hasValue: Bool, line: Int, currencyColumn: Int, unitColumn: Int
    ) throws(ImportError) -> (Currency, MonetaryUnit?) {
        var parsedUnit: MonetaryUnit?
        if let unit {
            if !unit.isEmpty {
                guard let u = MonetaryUnit(parsing: unit) else {
                    throw ImportError(
                        .unknownUnit, file: file, line: line, column: unitColumn, field: "unit",
                        message: "unknown unit \"\(unit)\"; expected \(MonetaryUnit.accepted)")
                }
                parsedUnit = u
            }
        } else {
            parsedUnit = reader.options.defaultUnit
        }
        var parsedCurrency: Currency?
        if let currency, !currency.isEmpty {
            guard let c = Currency(code: currency) else {
                throw ImportError(
                    .unknownCurrency, file: file, line: line, column: currencyColumn, field: "currency",
                    message: "unknown currency \"\(currency)\"; expected CNY or USD")
            }
            parsedCurrency = c
        }
        if let c = parsedCurrency, let u = parsedUnit, c != u.currency {
            throw ImportError(
                .currencyMismatch, file: file, line: line, column: unitColumn, field: "unit",
                message: "the unit \(u) is not in the row's currency \(c.rawValue)")
        }
        return (parsedCurrency ?? parsedUnit?.currency ?? reader.options.defaultUnit.currency, parsedUnit)
    }

    /// The release a row belongs to: its `release` field, else `--release`, else the file name. Its date
    /// comes from `release_date`, else `--release-date`, else the name itself when it is a date.
    mutating func resolveRelease(
        _ t: String?, date dateText: String? = nil, line: Int, column: Int, dateColumn: Int = 0
    ) throws(ImportError) -> String {
        let name = (t?.isEmpty ?? true) ? defaultRelease : (t ?? defaultRelease)
        var date: String? = (dateText?.isEmpty ?? true) ? nil : dateText
        if let d = date, !ReleaseDate.isValid(d) {
            throw ImportError(
                .badDate, file: file, line: line, column: dateColumn, field: "release_date",
                message: "\"\(d)\" is not a date; expected YYYY-MM-DD")
        }
        if date == nil, name == defaultRelease { date = reader.options.releaseDate }
        if date == nil, ReleaseDate.isValid(name) { date = name }
        if let known = releases[name] {
            if let d = date, let k = known, d != k {
                throw ImportError(
                    .badDate, file: file, line: line, column: dateColumn, field: "release_date",
                    message: "release \"\(name)\" was dated \(k) on an earlier row, \(d) here; one release has one date"
                )
            }
            if known == nil, date != nil { releases[name] = .some(date) }
        } else {
            releases[name] = .some(date)
        }
        return name
    }

    func levelError(_ e: Level.ParseFailure, text: String, unit: MonetaryUnit, line: Int, column: Int, field: String)
        -> ImportError
    {
        switch e {
        case .tooPrecise:
            return ImportError(
                .tooPrecise, file: file, line: line, column: column, field: field,
                message:
                    "\(text) \(unit) has digits below 0.01 of a currency unit, which svctrade does not keep; round it or use a larger unit"
            )
        case .outOfRange:
            return ImportError(
                .badNumber, file: file, line: line, column: column, field: field,
                message: "\(text) \(unit) is too large (limit ±9.2e16 currency units)")
        case .notANumber:
            return ImportError(
                .badNumber, file: file, line: line, column: column, field: field,
                message: "\"\(text)\" is not a number; expected a plain decimal")
        }
    }

    /// Fast decimal parse of a byte range (a leading `+` is allowed here); `nil` when not a plain decimal.
    static func decimal(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> DecimalNumber? {
        guard let base = b.baseAddress, start < end else { return nil }
        let from = base[start] == UInt8(ascii: "+") ? start + 1 : start
        guard let (m, places) = FastPanelReader.decimal(base, from, end), places <= 18 else { return nil }
        return DecimalNumber(mantissa: m, places: places)
    }

    // MARK: - End of file

    mutating func finish() throws(ImportError) -> ImportBatch {
        let layoutName = layout?.name ?? "empty"
        if rowCount == 0 {
            throw ImportError(.emptyFile, file: file, line: 1, message: "the file has a header but no data rows")
        }
        if repeatedRows > 0 {
            notes.append("\(repeatedRows) rows repeated an earlier row with the same value; each value is stored once")
        }
        try reconcileFigures()
        return ImportBatch(
            file: file, layout: layoutName, panel: panel, figures: figures, releases: releases, notes: notes,
            rowCount: rowCount)
    }

    /// Groups figures of the same series, span and release. Copies from different sources are
    /// reconciled (the most precise is marked preferred; disagreements beyond rounding are reported);
    /// copies from one source must agree. No copy is changed.
    mutating func reconcileFigures() throws(ImportError) {
        struct GroupKey: Hashable, CustomStringConvertible {
            let key: SeriesKey
            let span: PeriodSpan
            let release: String
            var description: String { "\(key) \(span)" }
        }
        var groups: [GroupKey: [Int]] = [:]
        var order: [GroupKey] = []
        for (i, f) in figures.enumerated() {
            let k = GroupKey(key: f.observation.key, span: f.observation.span, release: f.observation.release)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(i)
        }
        for k in order {
            guard let members = groups[k], members.count > 1 else { continue }
            // Same source twice with different content is a conflict.
            for (a, ia) in members.enumerated() {
                for ib in members[(a + 1)...] {
                    let x = figures[ia], y = figures[ib]
                    if x.observation.source == y.observation.source && !Self.agree(x.observation, y.observation) {
                        throw ImportError(
                            .conflictingDuplicate, file: file, line: y.line, column: 0,
                            message:
                                "\(k.key) \(k.span) appears twice from the same source with different figures (line \(x.line) and line \(y.line)); keep one row or give each its source"
                        )
                    }
                }
            }
            let best = Self.keptCopy(members.map { figures[$0].observation }).map { members[$0] } ?? members[0]
            for i in members where i != best { figures[i].isPreferred = false }
            // Report values and rates that disagree. Every copy is stored as its page printed it: readers
            // fill the kept copy's missing rates from the others, each with its own page
            // (``TradeCore/FigureSelection/keptCopies(_:observation:preferred:)``).
            var merged = figures[best].observation
            for i in members where i != best {
                let other = figures[i].observation
                if let a = merged.value, let b = other.value,
                    let ha = merged.roundingHalfWidth, let hb = other.roundingHalfWidth,
                    (a.hundredths - b.hundredths).magnitude > UInt64(ha + hb)
                {
                    let unit = MonetaryUnit(k.key.currency, .hundredMillion)
                    notes.append(
                        "sources disagree beyond rounding on \(k.key) \(k.span): \(a.exactDecimal(in: unit)) (line \(figures[best].line)) vs \(b.exactDecimal(in: unit)) (line \(figures[i].line)) \(unit); kept line \(figures[best].line) (\(figures[best].observation.sourceKind.rawValue) site)"
                    )
                }
                Self.fill(
                    &merged.rates.yearOnYear, other.rates.yearOnYear, "yoy_pct", k, figures[best].line, figures[i].line,
                    &notes)
                Self.fill(
                    &merged.rates.versus2019, other.rates.versus2019, "vs2019_pct", k, figures[best].line,
                    figures[i].line, &notes)
                Self.fill(
                    &merged.rates.twoYearAverage, other.rates.twoYearAverage, "two_year_avg_pct", k, figures[best].line,
                    figures[i].line, &notes)
                Self.fill(
                    &merged.rates.share, other.rates.share, "share_pct", k, figures[best].line, figures[i].line, &notes)
                Self.fill(
                    &merged.rates.shareChange, other.rates.shareChange, "share_change_pp", k, figures[best].line,
                    figures[i].line, &notes)
                if merged.rates.balanceChange == nil { merged.rates.balanceChange = other.rates.balanceChange }
            }
        }
    }

    /// Which of several copies of one figure to keep (index into `copies`), or `nil` when none has a level.
    ///
    /// A copy's status comes first (``TradeCore/Observation/storedStatus``): the publisher's own dollar
    /// figure, even read at a mirror's copy of its page, is kept before a reporter's conversion at a
    /// better site (2019 services, USD 785 bn: MOFCOM's press-conference page copied at a mirror, not
    /// the undated Global Times report), so reconciling never turns a published figure into a
    /// conversion. Among copies of one status, the anchor is the copy read at the most authoritative
    /// site (``SourceKind``: the publisher's own site, then official, state media, media, industry,
    /// unknown, mirror; then the more precise; then the first). Copies that disagree with the anchor
    /// beyond both roundings are not candidates: the publisher's 211.27 bn stands against a news site's
    /// 211.28 bn. Among the anchor and the copies that agree with it, the most quotable is kept, then
    /// the most precise (the same figure, better known), then the better site, then the first.
    static func keptCopy(_ copies: [Observation]) -> Int? {
        let withValue = copies.indices.filter { copies[$0].value != nil }
        func precision(_ i: Int) -> Int64 { copies[i].roundingHalfWidth ?? .max }
        func rank(_ i: Int) -> Int { copies[i].sourceKind.rank }
        let status = copies.map(\.storedStatus.rank)
        guard
            let anchor = withValue.min(by: {
                (status[$0], rank($0), precision($0), $0) < (status[$1], rank($1), precision($1), $1)
            }),
            let a = copies[anchor].value
        else { return nil }
        let ha = copies[anchor].roundingHalfWidth ?? 0
        let agreeing = withValue.filter { i in
            guard let b = copies[i].value else { return false }
            return (a.hundredths - b.hundredths).magnitude <= UInt64(ha + (copies[i].roundingHalfWidth ?? 0))
        }
        return agreeing.min(by: {
            (status[$0], precision($0), rank($0), $0) < (status[$1], precision($1), rank($1), $1)
        })
    }

    static func fill(
        _ mine: inout DecimalNumber?, _ other: DecimalNumber?, _ name: String, _ k: some CustomStringConvertible,
        _ lineA: Int, _ lineB: Int, _ notes: inout [String]
    ) {
        guard let other else { return }
        guard let m = mine else {
            mine = other
            return
        }
        if !m.isNumericallyEqual(to: other) {
            notes.append(
                "sources disagree on \(name) of \(k): \(m) (line \(lineA)) vs \(other) (line \(lineB)); kept \(m)")
        }
    }

    /// Whether two copies of a figure from one source can both stand: their values agree (equal at the
    /// same precision, or within each other's rounding at different precisions) and no rate is given
    /// twice with different values. Copies that complement each other (a level and a rate) agree.
    static func agree(_ a: Observation, _ b: Observation) -> Bool {
        if let x = a.value, let y = b.value {
            if a.roundingHalfWidth == b.roundingHalfWidth {
                if x != y { return false }
            } else if let ha = a.roundingHalfWidth, let hb = b.roundingHalfWidth,
                (x.hundredths - y.hundredths).magnitude > UInt64(ha + hb)
            {
                return false
            }
        }
        let pairs: [(DecimalNumber?, DecimalNumber?)] = [
            (a.rates.yearOnYear, b.rates.yearOnYear), (a.rates.versus2019, b.rates.versus2019),
            (a.rates.twoYearAverage, b.rates.twoYearAverage), (a.rates.share, b.rates.share),
            (a.rates.shareChange, b.rates.shareChange),
        ]
        for (x, y) in pairs {
            if let x, let y, !x.isNumericallyEqual(to: y) { return false }
        }
        if let x = a.rates.balanceChange, let y = b.rates.balanceChange, x != y { return false }
        return true
    }
}
