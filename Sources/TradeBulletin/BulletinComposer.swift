import Foundation
import TradeCharts
import TradeCore
import TradeReport

/// The monthly bulletin: press texts, tables, charts, the pilot section and the illustrative
/// appendix, composed into files (`bulletin.md`, `bulletin.html`, `charts/*.svg` each with the CSV of its
/// plotted values, `figures-LANG.json`).
public enum BulletinComposer {
    /// A composed file: its path relative to the output folder and its bytes.
    public struct File: Sendable {
        /// Relative path (`charts/combo-zh.svg`).
        public var name: String
        /// Contents.
        public var data: Data
    }

    /// A composed bulletin: one document per language (press texts, tables, charts) and the files
    /// written from them.
    public struct Composition: Sendable {
        /// The documents, in the order of the languages asked.
        public var documents: [BulletinDocument]
        /// The files, in order (`bulletin.md`, `bulletin.html`, then per language the JSON, charts and workbook).
        public var files: [File]
    }

    /// Composes the bulletin through `through` in each language from the press templates, release
    /// settings and pilot practices of `resources`. The files come back in order; the caller writes
    /// them (nothing is written here).
    public static func compose(
        book: FigureBook, through: Period, languages: [Language], baseYear: Int?, resources: BulletinResources,
        history: [Observation] = []
    ) throws -> [File] {
        try composition(
            book: book, through: through, languages: languages, baseYear: baseYear, resources: resources,
            history: history
        ).files
    }

    /// The documents and files of ``compose(book:through:languages:baseYear:resources:history:)``:
    /// for callers that show the documents' parts (the press page) as well as offering the files.
    /// `header` replaces the release settings of `resources` (`--issuer`, the demo's example issuer).
    public static func composition(
        book: FigureBook, through: Period, languages: [Language], baseYear: Int?, resources: BulletinResources,
        history: [Observation] = [], header given: ReleaseHeader? = nil
    ) throws -> Composition {
        var files: [File] = []
        let practices = resources.practices
        let hasRegions = book.panel.series.contains { Regions.standard.region(code: $0.key.region)?.kind != .country }
        var documents: [BulletinDocument] = []
        // Who the figures are cited to: the same for every language and every file.
        let citations = BulletinCitations(figures: cited(book: book, through: through), through: through)
        for language in languages {
            let release = try PressDocuments.release(
                book: book, through: through, baseYear: baseYear, language: language, resources: resources)
            files.append(
                File(name: "figures-\(language.rawValue).json", data: Data(try PressDocuments.json(release).utf8)))
            let theme = ChartTheme(size: .bulletin, language: language == .zh ? .zh : .en)
            let suffix = "-" + language.rawValue
            var charts: [BulletinDocument.Chart] = []
            var pilotCharts: [BulletinDocument.Chart] = []
            var figureNumber = 0
            var notDrawn: [String] = []
            /// Adds a chart numbered in order ("图3 …", "Figure 3. …"); a kind without figures for the
            /// period is left out and the next candidate takes its number (the notes list what is missing).
            func add(
                _ kind: ChartKind, from: Period, to: Period, by: BulletinQuery.Breakdown = .sector, caption: String,
                into list: inout [BulletinDocument.Chart]
            ) {
                var request = ChartRequest(book: book, theme: theme, from: from, through: to)
                request.breakdown = by
                request.slugSuffix = suffix
                guard let drawn = try? kind.drawn(request) else {
                    notDrawn.append(
                        language == .zh
                            ? "未绘制「\(caption)」图：本期数据过少（折线每个序列不足三个点）。"
                            : "Chart not drawn: \(caption) (too few figures for the period; a line needs three points per series)."
                    )
                    return
                }
                let svg = drawn.svg
                figureNumber += 1
                let numbered = language == .zh ? "图\(figureNumber) \(caption)" : "Figure \(figureNumber). \(caption)"
                let file = "charts/\(kind.rawValue)\(by == .region ? "-regions" : "")\(suffix).svg"
                list.append(.init(caption: numbered, svg: svg, file: file))
                files.append(File(name: file, data: Data(svg.utf8)))
                files.append(File(name: PlottedValue.csvPath(beside: file), data: Data(drawn.csv.utf8)))
            }
            let zh = language == .zh
            let yearStart = Period(year: through.year - 1, month: 1) ?? through
            let fiveYears = Period(year: through.year - 4, month: 1) ?? through
            add(
                .combo, from: yearStart, to: through,
                caption: zh ? "服务进出口累计额及增速" : "Services trade year to date and growth", into: &charts)
            add(
                .lines, from: fiveYears, to: through, caption: zh ? "服务出口、进口与差额" : "Exports, imports and balance",
                into: &charts)
            // Whole years only, and none after the bulletin's month (a January–April bulletin shows
            // the years before it, never the full year it is part of).
            let lastFullYear = through.month == 12 ? through : (Period(year: through.year - 1, month: 12) ?? through)
            add(
                .composition, from: fiveYears, to: lastFullYear,
                caption: zh ? "服务进出口的领域构成" : "Services trade by category", into: &charts)
            add(
                .ranking, from: through, to: through,
                caption: zh ? "分领域服务进出口增速" : "Growth of services trade by category", into: &charts)
            if hasRegions {
                add(
                    .ranking, from: through, to: through, by: .region,
                    caption: zh ? "试点地区服务进出口额（示意数据）" : "Services trade of the pilot localities (illustrative)",
                    into: &pilotCharts)
                add(
                    .multiples, from: Period(year: through.year - 2, month: 1) ?? through, to: through,
                    caption: zh ? "试点地区走势（示意数据）" : "Pilot localities over time (illustrative)",
                    into: &pilotCharts)
            }
            var document = BulletinDocument(
                language: language, through: through, release: release,
                table: table(book: book, through: through, baseYear: baseYear, language: language),
                charts: charts, pilotCharts: pilotCharts, practices: practices,
                pilotFigures: hasRegions ? pilotSentence(book: book, through: through, language: language) : nil,
                citations: citations)
            document.chartsNotDrawn = notDrawn
            documents.append(document)
        }
        var header = given ?? resources.release
        // Without an issuing office a bulletin is a draft, marked on every page (`svctrade bulletin`
        // refuses one unless --draft is given).
        if languages.contains(where: { header.issuer(through: through, zh: $0 == .zh) == nil }) {
            header.values["\(through).draft"] = "true"
        }
        // The bulletin's date: as set for the month, else the publication date of its newest input.
        if header.releaseDate(through: through) == nil, let newest = newestInput(book: book, through: through) {
            header.values["\(through).release_date"] = newest
        }
        for i in documents.indices {
            documents[i].header = header
            documents[i].categoryTable = categoryTable(book: book, through: through, language: documents[i].language)
            documents[i].currencyTable = currencyTable(book: book, through: through, language: documents[i].language)
            documents[i].monthlyTable = monthlyTable(book: book, through: through, language: documents[i].language)
            documents[i].revisionsTable = revisionsTable(book: book, through: through, language: documents[i].language)
            documents[i].revisedTable = revisedTable(
                history: history, through: through, language: documents[i].language)
        }
        // The press office works in Excel: the bulletin's tables, one workbook per language.
        for document in documents {
            let status = statusTable(book: book, through: through, baseYear: baseYear, language: document.language)
            files.append(
                File(
                    name: "bulletin-\(document.language.rawValue).xlsx",
                    data: try BulletinWorkbook.data(document, status: status, citations: citations)))
        }
        let markdown = documents.map { $0.markdown() }.joined(separator: "\n---\n\n")
        let bulletin = [
            File(name: "bulletin.md", data: Data(markdown.utf8)),
            File(name: "bulletin.html", data: Data(BulletinDocument.page(documents).utf8)),
        ]
        return Composition(documents: documents, files: bulletin + files)
    }

    /// The rows of the bulletin table: total services by flow and the main groups, year to date.
    static func tableRows(book: FigureBook, through: Period, baseYear: Int?) -> [BulletinRow] {
        let calculator = BulletinCalculator(resolver: LevelResolver(book: book), baseYear: baseYear)
        let span = PeriodSpan.yearToDate(through: through)
        var rows: [BulletinRow] = []
        for (sector, flows) in [
            ("S", [Flow.total, .export, .import, .balance]), ("KIS", [.total]), ("SD", [.total]),
            ("EXTRAVEL", [.total]),
        ] {
            for flow in flows {
                let row = calculator.row(SeriesKey(region: "CN", sector: sector, flow: flow, currency: .cny), span)
                if row.value != nil || row.yearOnYear.value != nil { rows.append(row) }
            }
        }
        return rows
    }

    /// The bulletin table's figures with the status of each (published, computed, derived, implied)
    /// and where its rate comes from: the Excel sheet a press officer checks before quoting.
    public static func statusTable(book: FigureBook, through: Period, baseYear: Int?, language: Language) -> Table {
        var builder = BulletinTableBuilder()
        builder.language = language
        builder.maxPlaces = 1
        var t = builder.table(
            tableRows(book: book, through: through, baseYear: baseYear),
            columns: [
                "name", "flow", "period_from", "period_to", "value", "status", "yoy_pct", "yoy_status", "yoy_source",
            ])
        let zh = language == .zh
        let headers =
            zh
            ? ["项目", "流向", "起始月", "截止月", "金额（亿元）", "金额性质", "同比（%）", "增速性质", "增速来源"]
            : ["Item", "Flow", "From", "To", "CNY 100m", "Status of level", "YoY %", "Status of rate", "Rate from"]
        for (i, h) in headers.enumerated() where i < t.columns.count { t.columns[i].name = h }
        guard zh else { return t }
        // The Chinese sheet in Chinese: flows, statuses, sources and months in its words.
        let words = [
            "total": "进出口", "export": "出口", "import": "进口", "balance": "差额", "published": "公布数", "computed": "由公布数计算",
            "derived": "由累计数推算", "implied": "由增速反推", "illustrative": "示意数据",
        ]
        for i in t.rows.indices {
            for j in t.rows[i].indices {
                let cell = t.rows[i][j]
                if let word = words[cell] {
                    t.rows[i][j] = word
                } else if let month = try? Period(parsing: cell) {
                    t.rows[i][j] = "\(month.year)年\(month.month)月"
                }
            }
        }
        return t
    }

    /// The publication date of the newest figure the bulletin draws on (`YYYY-MM-DD`, or `YYYY-MM` when
    /// only the month is known), `nil` when no input carries a date.
    public static func newestInput(book: FigureBook, through: Period) -> String? {
        cited(book: book, through: through).compactMap(\.publishedOn).max()
    }

    /// The national figures the bulletin's text, tables and charts can draw on: every figure of the
    /// nation with a span ending in the charts' years, up to the bulletin month.
    public static func cited(book: FigureBook, through: Period) -> [Observation] {
        book.figures.filter {
            $0.key.region == Regions.nation.code && $0.span.end <= through && $0.span.end.year >= through.year - 4
        }
    }

    /// The date a month's bulletin and press figures are read as of: `given` (`--as-of`; ``latest``
    /// for every figure), else the month's `release_date` in `release.toml`, else `nil` (every figure).
    public static func vintage(through: Period, given: String?, header: ReleaseHeader) -> String? {
        if given == latest { return nil }
        return given ?? header.releaseDate(through: through)
    }

    /// The `--as-of` word for "every figure stored", whatever the month's release date.
    public static let latest = "latest"

    /// `svctrade bulletin`: the files of the bulletin through `through` in `languages`, read from
    /// `store` as of `given` (``vintage(through:given:header:)``) under `header`.
    public static func files(
        store: any FigureReader, through: Period, baseYear: Int?, asOf given: String?, languages: [Language],
        resources: BulletinResources, header: ReleaseHeader
    ) async throws -> [File] {
        let asOf = vintage(through: through, given: given, header: header)
        let (book, history) = try await inputs(store: store, through: through, baseYear: baseYear, asOf: asOf)
        return try composition(
            book: book, through: through, languages: languages, baseYear: baseYear, resources: resources,
            history: history, header: header
        ).files
    }

    /// What a bulletin through `through` draws on, as of `asOf`: the figures of its window (four
    /// years back, or from `baseYear`) and the national history of the last year (revised prints).
    /// One reading for `svctrade bulletin`, the demo and the press page.
    public static func inputs(store: any FigureReader, through: Period, baseYear: Int?, asOf: String?) async throws
        -> (book: FigureBook, history: [Observation])
    {
        let book = try await store.figureBook(
            FigureSelection(
                months: FigureSelection.window(through: through, baseYear: baseYear, yearsBack: 4), asOf: asOf))
        let history = try await store.figureHistory(
            FigureSelection(
                regions: [Regions.nation.code], months: FigureSelection.window(through: through, yearsBack: 1),
                asOf: asOf)
        ).map(\.observation)
        return (book, history)
    }

    /// The calculator of the bulletin's own tables: levels and rates, not their provenance trees.
    static func tableCalculator(_ book: FigureBook) -> BulletinCalculator {
        var resolver = LevelResolver(book: book)
        resolver.recordsInputs = false
        return BulletinCalculator(resolver: resolver)
    }

    /// Exports, imports and total of each EBOPS main component over the year to date, with growth and
    /// share, then the knowledge-intensive group; `nil` when the store has no category figures for
    /// the period. Only quotable figures (published or computed; derived ones marked) are shown.
    public static func categoryTable(book: FigureBook, through: Period, language: Language) -> Table? {
        let calculator = tableCalculator(book)
        let span = PeriodSpan.yearToDate(through: through)
        let zh = language == .zh
        let yi = MonetaryUnit(.cny, .hundredMillion)
        func level(_ row: BulletinRow) -> String {
            guard let v = row.value, v.status <= .derived else { return "" }
            return v.level.formatted(in: yi, places: v.places(in: yi, limit: 1))
                + (v.status == .derived ? PressFigures.derivedMarker : "")
        }
        func rate(_ row: BulletinRow) -> String {
            guard let r = row.yearOnYear.value, let s = row.yearOnYear.status, s <= .derived else { return "" }
            return r.printedPercent(published: row.yearOnYear.source == .published).description
                + (s == .derived ? PressFigures.derivedMarker : "")
        }
        var t = Table(columns: [
            BulletinColumn.category, BulletinColumn.exports, BulletinColumn.yoy, BulletinColumn.imports,
            BulletinColumn.yoy, BulletinColumn.total, BulletinColumn.yoy, BulletinColumn.share,
        ]).headed(in: language)
        for sector in Sectors.standard.mainComponents + [Sectors.standard.sector(code: "KIS")].compactMap({ $0 }) {
            let rows = [Flow.export, .import, .total].map {
                calculator.row(SeriesKey(region: "CN", sector: sector.code, flow: $0, currency: .cny), span)
            }
            let cells = rows.flatMap { [level($0), rate($0)] }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            let share =
                rows[2].share.flatMap { s in
                    rows[2].shareStatus.map {
                        $0 <= .computed ? s.printedPercent(published: $0 == .published).description : ""
                    }
                } ?? ""
            let name = zh ? sector.chineseNameMOFCOM : sector.englishName
            t.rows.append(
                [sector.code == "KIS" ? (zh ? "知识密集型服务合计" : "Knowledge-intensive services, total") : name] + cells + [
                    share
                ])
        }
        return t.rows.isEmpty ? nil : t
    }

    /// Total, exports, imports and balance over the year to date in CNY and in USD, each from its own
    /// published levels and rates (a rate is never converted between currencies); `nil` without USD.
    public static func currencyTable(book: FigureBook, through: Period, language: Language) -> Table? {
        let calculator = tableCalculator(book)
        let span = PeriodSpan.yearToDate(through: through)
        let zh = language == .zh
        var t = Table(columns: [
            BulletinColumn.flow, BulletinColumn.yuan, BulletinColumn.yoy, BulletinColumn.dollars, BulletinColumn.yoy,
        ]).headed(in: language)
        var hasDollars = false
        let flows: [(Flow, String)] =
            zh
            ? [(.total, "进出口"), (.export, "出口"), (.import, "进口"), (.balance, "差额")]
            : [(.total, "total"), (.export, "exports"), (.import, "imports"), (.balance, "balance")]
        for (flow, name) in flows {
            var cells = [name]
            for currency in [Currency.cny, .usd] {
                let unit = MonetaryUnit(currency, .hundredMillion)
                let row = calculator.row(SeriesKey(region: "CN", sector: "S", flow: flow, currency: currency), span)
                let value = row.value.flatMap { v in
                    v.status <= .computed ? v.level.formatted(in: unit, places: v.places(in: unit, limit: 1)) : nil
                }
                let rate = row.yearOnYear.value.flatMap { r in
                    (row.yearOnYear.status ?? .implied) <= .computed
                        ? r.printedPercent(published: row.yearOnYear.source == .published).description : nil
                }
                if currency == .usd && (value != nil || rate != nil) { hasDollars = true }
                cells += [value ?? "", rate ?? ""]
            }
            t.rows.append(cells)
        }
        return hasDollars ? t : nil
    }

    /// Total, exports and imports month by month over the last thirteen months, with growth; published
    /// and computed figures as they are, derived months (two year-to-date releases) marked.
    public static func monthlyTable(book: FigureBook, through: Period, language: Language) -> Table? {
        let calculator = tableCalculator(book)
        let zh = language == .zh
        let yi = MonetaryUnit(.cny, .hundredMillion)
        var t = Table(columns: [
            BulletinColumn.month, BulletinColumn.total, BulletinColumn.yoy, BulletinColumn.exports, BulletinColumn.yoy,
            BulletinColumn.imports, BulletinColumn.yoy,
        ]).headed(in: language)
        let services = SeriesKey(region: "CN", sector: "S", flow: .total, currency: .cny)
        let window = (0...12).reversed().map { through.advanced(by: -$0) }
        // Every month of the window has a row ("—" when nothing is known). MOFCOM publishes January and
        // February together: without a January figure of its own, the two are one row, "1—2月".
        var spans: [PeriodSpan] = []
        for month in window {
            let janFeb = PeriodSpan.yearToDate(through: month.advanced(by: month.month == 1 ? 1 : 0))
            let januaryAlone = calculator.row(services, PeriodSpan(month: month.advanced(by: 1 - month.month)))
            switch month.month {
            case 1 where month < through && januaryAlone.value == nil: spans.append(janFeb)
            case 2 where januaryAlone.value == nil: if spans.last != janFeb { spans.append(janFeb) }
            default: spans.append(PeriodSpan(month: month))
            }
        }
        if spans.last != PeriodSpan.yearToDate(through: through) {
            spans.append(PeriodSpan.yearToDate(through: through))
        }
        var known = 0
        for span in spans {
            var cells: [String] = []
            for flow in [Flow.total, .export, .import] {
                let row = calculator.row(SeriesKey(region: "CN", sector: "S", flow: flow, currency: .cny), span)
                let mark = { (s: FigureStatus) in s == .derived ? PressFigures.derivedMarker : "" }
                if let v = row.value, v.status <= .derived {
                    // A derived month is printed only to a precision its interval supports: from
                    // totals rounded to 0.01 trillion (±50 亿元) it is left out, never "6444.3*".
                    if let text = LevelText.computedCell(row, in: yi) {
                        cells.append(text + mark(v.status))
                    } else if let places = v.printablePlaces(in: yi, limit: 1) {
                        cells.append(v.level.formatted(in: yi, places: places) + mark(v.status))
                    } else {
                        cells.append("—")
                    }
                } else {
                    cells.append("—")
                }
                if let r = row.yearOnYear.value, let s = row.yearOnYear.status, s <= .derived {
                    cells.append(r.printedPercent(published: row.yearOnYear.source == .published).description + mark(s))
                } else {
                    cells.append("")
                }
            }
            if cells.contains(where: { !$0.isEmpty && $0 != "—" }) { known += 1 }
            let label: String
            if span.isMonth {
                label =
                    zh
                    ? "\(span.end.year)年\(span.end.month)月"
                    : "\(PressFigures.monthNames[span.end.month - 1].prefix(3)) \(span.end.year)"
            } else {
                label =
                    zh
                    ? "\(span.end.year)年1—\(span.end.month)月"
                    : "Jan–\(PressFigures.monthNames[span.end.month - 1].prefix(3)) \(span.end.year)"
            }
            t.rows.append([label] + cells)
        }
        return known > 0 ? t : nil
    }

    /// Months published on their own against the same months derived from two year-to-date totals:
    /// the implied revision is published minus derived (MOFCOM revises earlier months silently).
    public static func revisionsTable(book: FigureBook, through: Period, language: Language) -> Table? {
        let calculator = BulletinCalculator(resolver: LevelResolver(book: book))
        let zh = language == .zh
        let yi = MonetaryUnit(.cny, .hundredMillion)
        var t = Table(columns: [
            BulletinColumn.month, BulletinColumn.flow, BulletinColumn.publishedMonth, BulletinColumn.fromTotals,
            BulletinColumn.impliedRevision,
        ]).headed(in: language)
        let flows: [(Flow, String)] =
            zh
            ? [(.total, "进出口"), (.export, "出口"), (.import, "进口")]
            : [(.total, "total"), (.export, "exports"), (.import, "imports")]
        for back in (0...12).reversed() {
            let month = through.advanced(by: -back)
            for (flow, name) in flows {
                let row = calculator.row(
                    SeriesKey(region: "CN", sector: "S", flow: flow, currency: .cny), PeriodSpan(month: month))
                guard let revision = row.impliedRevision, let direct = calculator.resolver.direct(row.key, row.span),
                    let end = calculator.resolver.cumulative(row.key, through: month),
                    let before = calculator.resolver.cumulative(row.key, through: month.advanced(by: -1))
                else { continue }
                // A revision is one only beyond the rounding of the month and of both totals (4502 against
                // 4400 from "1.9" and "1.46 trillion" is not one); it is printed at the coarsest input's step.
                let tolerance = direct.halfWidth + end.halfWidth + before.halfWidth
                let beyond = revision.hundredths.magnitude > UInt64(tolerance)
                guard beyond else { continue }
                let places = [direct, end, before].map { $0.places(in: yi, limit: 1) }.min() ?? 0
                let derived = Level(hundredths: direct.level.hundredths - revision.hundredths)
                let label =
                    zh
                    ? "\(month.year)年\(month.month)月"
                    : "\(PressFigures.monthNames[month.month - 1].prefix(3)) \(month.year)"
                t.rows.append([
                    label, name, direct.level.formatted(in: yi, places: places),
                    derived.formatted(in: yi, places: places),
                    revision.formatted(in: yi, places: places),
                ])
            }
        }
        return t.rows.isEmpty ? nil : t
    }

    /// Figures of the nation printed again, in a later release, with another level (beyond the
    /// rounding of both prints) or another year-on-year rate: first print against the latest, each with
    /// its publication date. Spans ending from January of the year before through `through`; copies
    /// without a publication date cannot be ordered and are left out.
    public static func revisedTable(history: [Observation], through: Period, language: Language) -> Table? {
        guard let from = Period(year: through.year - 1, month: 1) else { return nil }
        let zh = language == .zh
        let yi = MonetaryUnit(.cny, .hundredMillion)
        var groups: [SeriesKey: [PeriodSpan: [Observation]]] = [:]
        for o in history
        where o.key.region == "CN" && o.key.currency == .cny && o.publishedOn != nil
            && (from...through).contains(o.span.end)
            && o.span.start.year == o.span.end.year
        {
            groups[o.key, default: [:]][o.span, default: []].append(o)
        }
        var t = Table(columns: [
            BulletinColumn.period, BulletinColumn.item, BulletinColumn.flow, BulletinColumn.firstPrinted,
            BulletinColumn.amount, BulletinColumn.yoy, BulletinColumn.latestPrint, BulletinColumn.amount,
            BulletinColumn.yoy,
        ]).headed(in: language)
        let flowNames: [Flow: String] =
            zh
            ? [.total: "进出口", .export: "出口", .import: "进口", .balance: "差额"]
            : [.total: "total", .export: "exports", .import: "imports", .balance: "balance"]
        for key in groups.keys.sorted() {
            for (span, copies) in (groups[key] ?? [:]).sorted(by: {
                ($0.key.end, $0.key.start) < ($1.key.end, $1.key.start)
            }) {
                let ordered = copies.sorted { ($0.publishedOn ?? "", $0.release) < ($1.publishedOn ?? "", $1.release) }
                guard let first = ordered.first, let last = ordered.last, first.publishedOn != last.publishedOn else {
                    continue
                }
                var levelChanged = false
                if let a = first.value, let b = last.value {
                    let tolerance = (first.roundingHalfWidth ?? 0) + (last.roundingHalfWidth ?? 0)
                    levelChanged = (a.hundredths - b.hundredths).magnitude > UInt64(tolerance)
                }
                var rateChanged = false
                if let a = first.rates.yearOnYear, let b = last.rates.yearOnYear {
                    // Beyond the rounding of both prints: "8" (7.5 to 8.5) and "8.0" are one rate.
                    func half(_ r: DecimalNumber) -> Double { 0.5 * pow(10, -Double(r.places)) }
                    rateChanged = abs(a.doubleValue - b.doubleValue) > half(a) + half(b) + 1e-9
                }
                guard levelChanged || rateChanged else { continue }
                func level(_ o: Observation) -> String {
                    guard let v = o.value else { return "" }
                    return v.formatted(
                        in: yi,
                        places: min(
                            2,
                            max(
                                0,
                                (o.claimedDecimals ?? 1)
                                    - (yi.magnitude.exponent - (o.unit?.magnitude.exponent ?? yi.magnitude.exponent)))))
                }
                let sector = Sectors.standard.sector(code: key.sector)
                let name = zh ? (sector?.chineseNameMOFCOM ?? key.sector) : (sector?.englishName ?? key.sector)
                let period = span.isMonth ? "\(span.start)" : "\(span.start)–\(span.end)"
                t.rows.append([
                    period, name, flowNames[key.flow] ?? key.flow.rawValue, first.publishedOn ?? "", level(first),
                    first.rates.yearOnYear?.description ?? "", last.publishedOn ?? "", level(last),
                    last.rates.yearOnYear?.description ?? "",
                ])
            }
        }
        return t.rows.isEmpty ? nil : t
    }

    /// The bulletin's own table: total services, knowledge-intensive, travel, excluding travel.
    public static func table(book: FigureBook, through: Period, baseYear: Int?, language: Language) -> Table {
        let rows = tableRows(book: book, through: through, baseYear: baseYear)
        var builder = BulletinTableBuilder()
        builder.language = language
        builder.maxPlaces = 1
        var columns = ["name", "flow", "value", "yoy_pct", "share_pct", "share_change_pp", "contribution_pp"]
        if baseYear != nil { columns.insert(contentsOf: ["vs_base_pct", "avg_growth_pct"], at: 4) }
        var t = builder.table(rows, columns: columns)
        // Reader-facing headers and words: no internal columns; sub-items under "of which".
        let zh = language == .zh
        let year = baseYear.map(String.init) ?? ""
        let n = baseYear.map { through.year - $0 } ?? 0
        let average =
            zh
            ? (n == 2 ? "两年平均增长（%）" : "\(n)年年均增长（%）")
            : (n == 2 ? "Two-year average growth %" : "Average annual growth since \(year) %")
        let headers: [String: String] =
            zh
            ? [
                "name": "项目", "flow": "流向", "value": "金额（亿元）", "yoy_pct": "同比增长（%）", "vs_base_pct": "比\(year)年同期增长（%）",
                "avg_growth_pct": average, "share_pct": "占比（%）", "share_change_pp": "占比变化（百分点）",
                "contribution_pp": "拉动增长（百分点）",
            ]
            : [
                "name": "Item", "flow": "Flow", "value": "CNY 100m", "yoy_pct": "YoY %", "vs_base_pct": "vs \(year) %",
                "avg_growth_pct": average, "share_pct": "Share %", "share_change_pp": "Share change, pp",
                "contribution_pp": "Contribution, pp",
            ]
        let flows: [String: String] =
            zh
            ? ["total": "进出口", "export": "出口", "import": "进口", "balance": "差额"]
            : ["total": "total", "export": "exports", "import": "imports", "balance": "balance"]
        let nameColumn = columns.firstIndex(of: "name")
        let flowColumn = columns.firstIndex(of: "flow")
        let contributionColumn = columns.firstIndex(of: "contribution_pp")
        let valueColumn = columns.firstIndex(of: "value")
        t.columns = t.columns.map { Table.Column(headers[$0.name] ?? $0.name, numeric: $0.isNumeric) }
        for (i, row) in rows.enumerated() {
            if let c = nameColumn, ["KIS", "SD"].contains(row.key.sector) {
                t.rows[i][c] = (zh ? "其中：" : "of which: ") + t.rows[i][c]
            }
            if let c = flowColumn { t.rows[i][c] = flows[t.rows[i][c]] ?? t.rows[i][c] }
            // Contributions to 0.1 point, as the growth rates they add up to: rounded once from the
            // exact ratio (2021-04 excluding travel: 14.846 → 14.8, never 14.85 → 14.9).
            if let c = contributionColumn {
                t.rows[i][c] = row.contributionExact?.rounded(places: 1)?.description ?? ""
            }
            // A derived level says so (the notes explain the mark).
            if let c = valueColumn, let v = row.value, v.status >= .derived, !t.rows[i][c].isEmpty {
                t.rows[i][c] += PressFigures.derivedMarker
            }
        }
        return t
    }

    /// The illustrative appendix sentence on the pilot localities (generated data).
    public static func pilotSentence(book: FigureBook, through: Period, language: Language) -> String? {
        let calculator = BulletinCalculator(resolver: LevelResolver(book: book))
        let span = PeriodSpan.yearToDate(through: through)
        let row = calculator.row(SeriesKey(region: "PILOT2020", sector: "S", flow: .total, currency: .cny), span)
        guard let v = row.value else { return nil }
        let amount = v.level.formatted(in: MonetaryUnit(.cny, .hundredMillion), places: 1)
        // Shares of the same national total, so that the pilot areas and the rest add up to 100%.
        let nation = calculator.resolver.estimate(
            SeriesKey(region: "CN", sector: "S", flow: .total, currency: .cny), span)
        var share = "–", rest = "–"
        if let n = nation, n.level.hundredths > 0,
            let s = DecimalNumber.quotient(Int128(v.level.hundredths) * 100, Int128(n.level.hundredths), places: 1)
        {
            share = s.description
            rest = DecimalNumber(mantissa: 1000, places: 1).subtracting(s).description
        }
        let growth = row.yearOnYear.value.map { PressFigures.growthWord($0, zh: language == .zh) }
        let left = RegionRollup.leftOut(of: 2020, in: .standard).compactMap { Regions.standard.region(code: $0) }
        if language == .zh {
            return
                "示意：\(span.end.month == 1 ? "1月" : "1—\(span.end.month)月")，\(PilotProgramme.localities)个试点地区（生成数据）服务进出口\(amount)亿元"
                + (growth.map { "，同比\($0)" } ?? "")
                + "，占全国的\(share)%，其他地区占\(rest)%（\(left.map(\.chineseName).joined(separator: "、"))与所在城市重叠，未重复计入）。以上为版式示意，不是统计数据。"
        }
        return
            "Illustration: the \(PilotProgramme.localities) pilot localities (generated data) traded services worth \(LevelText.english(v.level, resolution: v.resolution))"
            + (growth.map { ", \($0) year on year" } ?? "")
            + ", \(share)% of the national total, the rest of the country \(rest)% (\(left.map(\.englishName).joined(separator: " and ")) overlap the cities they adjoin and are not counted twice). This shows the layout only; it is not a statistic."
    }
}

/// The columns of the bulletin's own tables: the English header as the name, the Chinese for readers.
enum BulletinColumn {
    static let category = Table.Column("Category", zh: "领域")
    static let exports = Table.Column("Exports, CNY 100m", numeric: true, zh: "出口（亿元）")
    static let yoy = Table.Column("YoY %", numeric: true, zh: "同比（%）")
    static let imports = Table.Column("Imports, CNY 100m", numeric: true, zh: "进口（亿元）")
    static let total = Table.Column("Total, CNY 100m", numeric: true, zh: "进出口（亿元）")
    static let share = Table.Column("Share %", numeric: true, zh: "占比（%）")
    static let flow = Table.Column("Flow", zh: "流向")
    static let yuan = Table.Column("CNY 100m", numeric: true, zh: "人民币（亿元）")
    static let dollars = Table.Column("USD 100m", numeric: true, zh: "美元（亿美元）")
    static let month = Table.Column("Month", zh: "月份")
    static let publishedMonth = Table.Column("Published month, CNY 100m", numeric: true, zh: "公布月度数（亿元）")
    static let fromTotals = Table.Column("From cumulative totals", numeric: true, zh: "累计数推算（亿元）")
    static let impliedRevision = Table.Column("Implied revision", numeric: true, zh: "隐含修订（亿元）")
    static let period = Table.Column("Period", zh: "时期")
    static let item = Table.Column("Item", zh: "项目")
    static let firstPrinted = Table.Column("First printed", zh: "首次公布")
    static let amount = Table.Column("CNY 100m", numeric: true, zh: "金额（亿元）")
    static let latestPrint = Table.Column("Latest print", zh: "最新公布")
}
