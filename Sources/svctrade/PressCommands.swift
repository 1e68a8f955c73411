import ArgumentParser
import Foundation
import TradeBulletin
import TradeCharts
import TradeCore
import TradeReport
import TradeWorkflows

extension TableFormat: ExpressibleByArgument {}
extension Flow: ExpressibleByArgument {}
extension Currency: ExpressibleByArgument {}
extension BulletinQuery.Breakdown: ExpressibleByArgument {}
extension ChartKind: ExpressibleByArgument {}
extension ChartTheme.Size: ExpressibleByArgument {}
extension ChartFormat: ExpressibleByArgument {}
extension TradeCore.Language: ExpressibleByArgument {}

/// `svctrade table`: the bulletin table in any ``TradeReport/TableFormat``.
struct TableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "table", "The bulletin table: month and January-to-month figures with growth, shares, contributions, balances.",
        "Rates come from unrounded levels, rounded once, or as published (yoy_source says which).",
        example: "svctrade table --through 2021-04 --vs-year 2019 --format xlsx -o table.xlsx")

    @OptionGroup var store: StoreOptions
    @OptionGroup var period: PeriodOptions
    @Option(help: "Region of a sector breakdown (default CN).") var region: String = "CN"
    @Option(help: "Breakdown: sector or region.") var by: BulletinQuery.Breakdown = .sector
    @Option(help: "Sector codes, e.g. S,SD,KIS (default: every sector with figures).") var sectors: String?
    @Option(help: "Flows, comma-separated: export,import,total,balance.") var flows = "total,export,import,balance"
    @Option(help: "Currency: CNY or USD.") var currency: Currency = .cny
    @Option(help: "Only what was published by this date, YYYY-MM-DD (default: latest).", transform: Arguments.date)
    var asOf: String?
    @Option(help: "Output format: \(TableFormat.names).") var format: TableFormat = .text
    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).") var output: String?
    @Option(help: "Unit of levels (default CNY 100m / USD 100m).") var unit: String?
    @Option(help: "Language of names: en or zh.") var lang: BulletinTableBuilder.Language = .en
    @Option(help: "Keep the N fastest-growing items per flow and period, fastest first.") var rank: Int?
    @Flag(help: "Also compare published totals with the sum of their parts.") var check = false
    @Option(help: "Also write the table as Excel to this file (deprecated: --format xlsx).") var xlsx: String?
    @Flag(help: "The panel bulletin (W2): every region × sector with ALL rollups, as CSV.") var panel = false

    func validate() throws {
        let problem = BulletinQuery.problem(
            region: region, sectors: sectors, flows: flows, unit: unit, rank: rank, baseYear: period.vsYear,
            through: period.through)
        if let problem { throw ValidationError(problem) }
        if format.renderer.isBinary && output == nil && isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format \(format) is not text: give -o FILE or redirect standard output")
        }
    }

    func run() async throws {
        let (database, through) = (try await store.reader(), period.through)
        if panel {
            let slice = try await database.panelSlice(months: PanelBulletin.months(for: through), asOf: asOf)
            return try StandardOutput.write(Data(try BulletinTables.panelCSV(slice, month: through)))
        }
        let query = BulletinQuery(
            through: through, region: region, breakdown: by, sectors: sectors, flows: flows, currency: currency)
        let started = ContinuousClock.now
        let (table, book, reading) = try await BulletinTable.read(
            from: database, query: query, baseYear: period.vsYear, asOf: asOf,
            unit: unit.flatMap { MonetaryUnit(parsing: $0) }, lang: lang, rank: rank)
        let bytes = try table.rendered(format)
        Edge.time("read \(reading), computed and formatted \(ContinuousClock.now - started - reading)")
        try emit(bytes, to: output)
        Edge.time("printed at \(ContinuousClock.now - started) after the store was opened")
        if let xlsx { try emit(try table.rendered(.xlsx), to: xlsx) }
        if check {
            let text = BulletinTables.consistencyReport(book: book, query: query)
            if format == .text && output == nil { print(text, terminator: "") } else { writeStandardError(text) }
        }
    }
}

/// `svctrade chart`: one ``TradeCharts/ChartKind`` as SVG.
struct ChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "chart",
        "Write an SVG or PNG chart (and a CSV of its data) to the chart spec: \(ChartKind.allCases.map(\.rawValue).dropLast().joined(separator: ", ")) or \(ChartKind.allCases.last?.rawValue ?? "").",
        ChartKind.summaries, example: "svctrade chart combo --through 2021-04 --from 2020-01 --lang zh -o combo.svg")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Chart kind.") var kind: ChartKind
    @Option(help: "Last month, YYYY-MM.", transform: Arguments.period) var through: Period
    @Option(help: "First month (default: January two years earlier).", transform: Arguments.period) var from: Period?
    @Option(help: "Sector code for combo (default S).") var sector: String = "S"
    @Option(help: "Flow for combo and ranking (default total).") var flow: Flow = .total
    @Option(help: "Ranking by sector or region.") var by: BulletinQuery.Breakdown = .sector
    @Option(help: "Language: zh or en.") var lang: ChartTheme.Language = .zh
    @Option(help: "Size: bulletin (640 × 400) or slide (1280 × 720).") var size: ChartTheme.Size = .bulletin
    @Flag(help: "Combo as two stacked panels instead of a dual axis.") var panels = false
    @Option(help: "File format: svg, or png at 2× for slides (needs rsvg-convert; default: from the -o name).")
    var format: ChartFormat?
    @Option(name: .shortAndLong, help: "Output file (.svg or .png).") var output: String

    func validate() throws {
        if Sectors.standard.lookup(sector) == nil { throw ValidationError("--sector: unknown sector \"\(sector)\"") }
    }

    func run() async throws {
        var request = ChartRequest(
            book: try await store.reader().figureBook(.everything), theme: ChartTheme(size: size, language: lang),
            from: from ?? Period(year: through.year - 2, month: 1) ?? through, through: through)
        (request.sector, request.flow, request.breakdown) = (Sectors.standard.lookup(sector)?.code ?? sector, flow, by)
        request.panels = panels
        let format = try ChartFormat.resolved(asked: format, path: output)
        let chart = try kind.drawn(request)
        let tool = ChartRaster.rsvgConvert(path: Edge.variables["PATH"])
        try OutputFile.write(
            format == .png ? try ChartRaster.png(svg: chart.svg, tool: tool) : Data(chart.svg.utf8), to: output)
        try OutputFile.write(Data(chart.csv.utf8), to: PlottedValue.csvPath(beside: output))
        print("wrote \(output) and \(PlottedValue.csvPath(beside: output))")
    }
}

enum PressFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `svctrade figures`: the press sentences (``TradeBulletin/PressDocuments``).
struct FiguresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "figures", "Quote-ready press sentences for a period, in Chinese or English, every number traceable.",
        "Only published and computed figures are stated (templates/press-LANG.txt); what was left out goes to standard error.",
        example: "svctrade figures --through 2021-04 --vs-year 2019 --lang en")

    @OptionGroup var store: StoreOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var press: PressOptions
    @Option(help: "Language: zh or en.") var lang: PressFigures.Language = .zh
    @Option(help: "Output: text or json (every number with its provenance).") var format: PressFormat = .text
    @Flag(help: "Also state derived figures (months from two YTD releases), marked *.") var allowDerived = false
    @Flag(help: "Say on standard error why each known number was not stated.") var explain = false

    func run() async throws {
        let database = try await store.reader()
        let release = try await PressDocuments.release(
            store: database, through: period.through, baseYear: period.vsYear, asOf: press.asOf, language: lang,
            resources: try Edge.load(templates: press.templates, datasets: nil), allowDerived: allowDerived)
        print(format == .json ? try PressDocuments.json(release) : release.plainText, terminator: "")
        writeStandardError(release.report(explain: explain))
    }
}

enum BulletinLanguage: String, ExpressibleByArgument, CaseIterable {
    case zh, en, both

    var languages: [Language] { self == .both ? [.zh, .en] : [self == .zh ? .zh : .en] }
}

/// `svctrade bulletin`: the monthly bulletin (``TradeBulletin/BulletinComposer``).
struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "bulletin",
        "Write the monthly bulletin: bulletin.md and a self-contained bulletin.html with charts, tables and press prose.",
        "Also figures-LANG.json (every number's provenance) and bulletin-LANG.xlsx.",
        example:
            "svctrade bulletin --through 2021-04 --lang both --vs-year 2019 --out notebooks-output/bulletin-2021-04")

    @OptionGroup var store: StoreOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var press: PressOptions
    @Option(help: "Language: zh, en or both.") var lang: BulletinLanguage = .both
    @Option(help: "Output folder.") var out: String
    @Option(help: "Folder with pilot-practices.csv.") var datasets: String = "datasets"
    @Option(help: "The issuing office, English (overrides issuer in release.toml).") var issuer: String?
    @Option(help: "The issuing office, Chinese (overrides issuer_zh in release.toml).") var issuerZh: String?
    @Flag(help: "Write a draft: allowed without an issuer; every page is marked DRAFT.") var draft = false

    func run() async throws {
        let database = try await store.reader()
        let resources = try Edge.load(templates: press.templates, datasets: datasets)
        let header = try resources.release.issued(
            through: period.through, issuer: issuer, issuerZh: issuerZh, draft: draft, languages: lang.languages)
        let files = try await BulletinComposer.files(
            store: database, through: period.through, baseYear: period.vsYear, asOf: press.asOf,
            languages: lang.languages, resources: resources, header: header)
        try OutputFile.write(files, into: out)
        print("wrote \(files.map(\.name).joined(separator: ", ")) to \(out)/")
    }
}

/// `svctrade check`: the pre-publication check of a bulletin directory, a press file or a table CSV.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration.command(
        "check", "Check a bulletin before it is sent: placeholders, citations, dates, computed figures, tables.",
        "PATH is a bulletin directory (with the press files beside it), a press file or a table CSV. Rules:\n"
            + ReleaseCheck.Rule.summaries
            + "\nExit status: 0 nothing found, 1 findings, 2 a path that cannot be read.",
        example: "svctrade check notebooks-output/bulletin-2025-10")

    @Argument(help: "Bulletin directories, press files (press-figures-*.txt) or table CSVs.") var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give a bulletin directory, a press file or a table CSV") }
    }

    func run() throws {
        let report: ReleaseCheck.Report
        switch ReleaseCheck().check(paths: paths) {
        case .success(let checked): report = checked
        case .failure(let unreadable): throw ValidationError(unreadable.description)  // exit status 2
        }
        for line in report.lines { print(line) }
        if !report.findings.isEmpty { throw ExitCode(1) }
    }
}
