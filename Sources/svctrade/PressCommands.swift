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
extension BulletinLanguages: ExpressibleByArgument {}
extension PressDocuments.Format: ExpressibleByArgument {}

/// `svctrade table`: the bulletin table in any ``TradeReport/TableFormat``.
struct TableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "table", "The bulletin table: month and January-to-month figures with growth, shares, contributions, balances.",
        example: "svctrade table --through 2021-04 --vs-year 2019 --format xlsx -o table.xlsx")

    @OptionGroup var store: StoreOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var language: LanguageOptions
    @Option(help: "Region of a sector breakdown.") var region = "CN"
    @Option(help: "Breakdown.") var by: BulletinQuery.Breakdown = .sector
    @Option(help: "Sector codes, e.g. S,SD,KIS (default: every sector with figures).") var sectors: String?
    @Option(help: "Flows, comma-separated: export,import,total,balance.") var flows = "total,export,import,balance"
    @Option(help: "Currency of the levels and rates.") var currency: Currency = .cny
    @Option(help: "Published by YYYY-MM-DD (default: latest).", transform: Arguments.date) var asOf: String?
    @Option(help: "Output format (xlsx: Excel).") var format: TableFormat = .text
    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).") var output: String?
    @Option(help: "Unit of levels (default CNY 100m / USD 100m).") var unit: String?
    @Option(help: "Keep the N fastest-growing items per flow and period, fastest first.") var rank: Int?
    @Flag(help: "Also compare published totals with the sum of their parts.") var check = false
    @Option(help: "Also write the table as Excel to this file (deprecated: --format xlsx).") var xlsx: String?
    @Flag(help: "The panel bulletin (W2): every region × sector with ALL rollups, as CSV.") var panel = false

    func validate() throws {
        let problem =
            BulletinQuery.problem(
                region: region, sectors: sectors, flows: flows, unit: unit, rank: rank, baseYear: period.vsYear,
                through: period.through) ?? format.problem(toTerminal: output == nil && isatty(STDOUT_FILENO) != 0)
        if let problem { throw ValidationError(problem) }
    }

    func run() async throws {
        let (database, through) = (try await store.reader(), period.through)
        if panel {
            let started = ContinuousClock.now
            let slice = try await database.panelSlice(months: PanelBulletin.months(for: through), asOf: asOf)
            Edge.time("read \(ContinuousClock.now - started)")
            for piece in try BulletinTables.panelCSV(slice, month: through) { try StandardOutput.write(piece) }
            return Edge.time("computed, formatted and printed at \(ContinuousClock.now - started)")
        }
        let query = BulletinQuery(
            through: through, region: region, breakdown: by, sectors: sectors, flows: flows, currency: currency)
        let started = ContinuousClock.now
        let (table, book, reading) = try await BulletinTable.read(
            from: database, query: query, baseYear: period.vsYear, asOf: asOf,
            unit: unit.flatMap { MonetaryUnit(parsing: $0) }, lang: language.lang, rank: rank)
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

/// `svctrade chart`: one ``TradeCharts/ChartKind`` as SVG or PNG, with its data as CSV.
struct ChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "chart", "Write a chart to the chart spec as SVG or PNG, with a CSV of the plotted data beside it.",
        example: "svctrade chart combo --through 2021-04 --from 2020-01 --lang zh -o combo.svg")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Chart kind.") var kind: ChartKind
    @Option(help: "Last month, YYYY-MM.", transform: Arguments.period) var through: Period
    @Option(help: "First month (default: January two years earlier).", transform: Arguments.period) var from: Period?
    @Option(help: "Sector code for combo.") var sector = "S"
    @Option(help: "Flow for combo and ranking.") var flow: Flow = .total
    @Option(help: "What a ranking ranks.") var by: BulletinQuery.Breakdown = .sector
    @OptionGroup var language: LanguageOptions
    @Option(help: "Size: bulletin (640 × 400) or slide (1280 × 720).") var size: ChartTheme.Size = .bulletin
    @Flag(help: "Combo as two stacked panels instead of a dual axis.") var panels = false
    @Option(help: "Published by YYYY-MM-DD (default: latest).", transform: Arguments.date) var asOf: String?
    @Option(help: "svg, or png at 2× (needs rsvg-convert; default: from the -o name).") var format: ChartFormat?
    @Option(name: .shortAndLong, help: "Output file (.svg or .png).") var output: String

    func validate() throws {
        if Sectors.standard.lookup(sector) == nil { throw ValidationError("--sector: unknown sector \"\(sector)\"") }
    }

    func run() async throws {
        var request = ChartRequest(
            book: try await store.reader().figureBook(FigureSelection(asOf: asOf)),
            theme: ChartTheme(size: size, language: language.lang),
            from: from ?? Period(year: through.year - 2, month: 1) ?? through, through: through)
        (request.sector, request.flow, request.breakdown) = (Sectors.standard.lookup(sector)?.code ?? sector, flow, by)
        request.panels = panels
        let written = try kind.write(request, to: output, format: format, searchPath: Edge.variables["PATH"])
        print("wrote \(written.joined(separator: " and "))")
    }
}

/// `svctrade figures`: the press sentences (``TradeBulletin/PressDocuments``).
struct FiguresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "figures", "Quote-ready press sentences, every number traceable (what was left out: on standard error).",
        example: "svctrade figures --through 2021-04 --vs-year 2019 --lang en")

    @OptionGroup var store: StoreOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var press: PressOptions
    @OptionGroup var language: LanguageOptions
    @Option(help: "Output (json: every number with its provenance).") var format: PressDocuments.Format = .text
    @Flag(help: "Also state derived figures (months from two YTD releases), marked *.") var allowDerived = false
    @Flag(help: "Say on standard error why each known number was not stated.") var explain = false

    func run() async throws {
        let release = try await PressDocuments.release(
            store: try await store.reader(), through: period.through, baseYear: period.vsYear, asOf: press.asOf,
            language: language.lang, resources: try Edge.load(templates: press.templates, datasets: nil),
            allowDerived: allowDerived)
        print(try PressDocuments.rendered(release, as: format), terminator: "")
        writeStandardError(release.report(explain: explain))
    }
}

/// `svctrade bulletin`: the monthly bulletin (``TradeBulletin/BulletinComposer``).
struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "bulletin", "Write the monthly bulletin: Markdown, self-contained HTML, workbook and provenance, per language.",
        example: "svctrade bulletin --through 2021-04 --lang both --vs-year 2019 --out bulletin-2021-04 --draft")

    @OptionGroup var store: StoreOptions
    @OptionGroup var period: PeriodOptions
    @OptionGroup var press: PressOptions
    @Option(help: "Language of the bulletin, or both.") var lang = BulletinLanguages(.standard)
    @Option(help: "Output folder.") var out: String
    @Option(help: "Folder with pilot-practices.csv.") var datasets = "datasets"
    @Option(help: "The issuing office, English (overrides issuer in release.toml).") var issuer: String?
    @Option(help: "The issuing office, Chinese (overrides issuer_zh in release.toml).") var issuerZh: String?
    @Flag(help: "Write a draft: allowed without an issuer; every page is marked DRAFT.") var draft = false

    func run() async throws {
        let resources = try Edge.load(templates: press.templates, datasets: datasets)
        let header = try resources.release.issued(
            through: period.through, issuer: issuer, issuerZh: issuerZh, draft: draft, languages: lang.languages)
        let files = try await BulletinComposer.files(
            store: try await store.reader(), through: period.through, baseYear: period.vsYear, asOf: press.asOf,
            languages: lang.languages, resources: resources, header: header)
        try OutputFile.write(files, into: out)
        print("wrote \(files.map(\.name).joined(separator: ", ")) to \(out)/")
    }
}

/// `svctrade check`: the pre-publication check of a bulletin directory, a press file or a table CSV.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration.command(
        "check", "Check a bulletin before it is sent (exit status 1 with findings): placeholders, sources, figures.",
        example: "svctrade check notebooks-output/bulletin-2025-10")

    @Argument(help: "Bulletin directories, press files (press-figures-*.txt) or table CSVs.") var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give a bulletin directory, a press file or a table CSV") }
    }

    func run() throws {
        // A path that cannot be read is a usage error: exit status 2.
        let report = try ReleaseCheck().check(paths: paths).mapError { ValidationError($0.description) }.get()
        for line in report.lines { print(line) }
        if !report.findings.isEmpty { throw ExitCode(1) }
    }
}
