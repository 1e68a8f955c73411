import ArgumentParser
import Foundation
import TradeBulletin
import TradeCore
import TradeReport
import TradeStore

extension TableFormat: ExpressibleByArgument {}

extension Flow: ExpressibleByArgument {}
extension Currency: ExpressibleByArgument {}
extension BulletinQuery.Breakdown: ExpressibleByArgument {}

struct TableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract:
            "The bulletin table: month and January-to-month figures with growth, shares, contributions, balances.",
        discussion: """
            Every rate is computed from the store's unrounded levels and rounded once (half away from zero),
            or taken as published when the levels cannot support it (yoy_source says which). Columns are
            documented in the command reference ("Table columns").

            Examples:
              svctrade table --through 2021-04 --vs-year 2019
              svctrade table --through 2021-04 --sectors S,SD,KIS,EXTRAVEL --format csv
              svctrade table --through 2021-04 --by region --format md
              svctrade table --through 2021-04 --as-of 2021-06-30
              svctrade table --through 2021-04 --format xlsx -o table.xlsx
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Last month covered, YYYY-MM.", transform: Arguments.period)
    var through: Period

    @Option(help: "Region of a sector breakdown (default CN).")
    var region: String = "CN"

    @Option(help: "Breakdown: sector or region.")
    var by: BulletinQuery.Breakdown = .sector

    @Option(help: "Sector codes, comma-separated (e.g. S,SD,KIS); default every sector with figures.")
    var sectors: String?

    @Option(help: "Flows, comma-separated: export,import,total,balance.")
    var flows: String = "total,export,import,balance"

    @Option(help: "Currency: CNY or USD.")
    var currency: Currency = .cny

    @Option(
        name: .customLong("vs-year"),
        help: "Also compare with the same period of this year (growth and average growth).")
    var vsYear: Int?

    @Option(
        name: .customLong("as-of"), help: "Only what was published by this date, YYYY-MM-DD (default: latest).",
        transform: Arguments.date)
    var asOf: String?

    @Option(help: "Output format: \(TableFormat.names).")
    var format: TableFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
    var output: String?

    @Option(help: "Unit of levels (default CNY 100m / USD 100m).")
    var unit: String?

    @Option(help: "Language of names: en or zh.")
    var lang: BulletinTableBuilder.Language = .en

    @Option(help: "Keep only the N fastest-growing sectors (or regions) per flow and period, fastest first.")
    var rank: Int?

    @Flag(help: "Also compare published totals with the sum of their parts (exports + imports, groups, children).")
    var check = false

    @Option(
        name: .customLong("xlsx"),
        help: "Also write the table as Excel to this file (deprecated: --format xlsx -o FILE writes it alone).")
    var xlsx: String?

    @Flag(
        help:
            "Panel bulletin: every region × sector of the stored monthly panel with ALL rollups, one CSV row per key with month, YTD, prior and two-years-back levels and unrounded rates (the W2 shape of ../shared/bench, for checks against other tools)."
    )
    var panel = false

    func validate() throws {
        if let problem = BulletinQuery.problem(region: region, sectors: sectors, flows: flows) {
            throw ValidationError(problem)
        }
        if let unit, MonetaryUnit(parsing: unit) == nil {
            throw ValidationError("--unit: unknown unit \"\(unit)\"; expected \(MonetaryUnit.accepted)")
        }
        if let rank, rank < 1 { throw ValidationError("--rank must be at least 1") }
        if let vsYear, vsYear >= through.year {
            throw ValidationError("--vs-year \(vsYear) must be before the year of --through")
        }
        if format.renderer.isBinary && output == nil && isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format \(format) is not text: give -o FILE or redirect standard output")
        }
    }

    func run() async throws {
        let database = try await store.reader()
        if panel {
            let slice = try await database.panelSlice(months: PanelBulletin.months(for: through), asOf: asOf)
            try StandardOutput.write(Data(try BulletinTables.panelCSV(slice, month: through)))
            return
        }
        let query = BulletinQuery(
            through: through, region: region, breakdown: by, sectors: sectors, flows: flows, currency: currency)
        let clock = ContinuousClock()
        let started = clock.now
        let book = try await database.figureBook(query.selection(baseYear: vsYear, asOf: asOf))
        let read = clock.now
        let table = BulletinTable(
            book: book, query: query, baseYear: vsYear, unit: unit.flatMap { MonetaryUnit(parsing: $0) }, lang: lang,
            rank: rank)
        guard table.rowCount > 0 else { throw BulletinTableEmpty(query: query, asOf: asOf) }
        let bytes = try table.rendered(format)
        let timing = ProcessInfo.processInfo.environment["SVCTRADE_TIMING"] != nil
        if timing { writeStandardError("read \(read - started), computed and formatted \(clock.now - read)\n") }
        if let output {
            try OutputFile.write(bytes, to: output)
            writeStandardError("wrote \(output)\n")
        } else {
            try StandardOutput.write(bytes)
        }
        if timing { writeStandardError("printed at \(clock.now - started) after the store was opened\n") }
        if let xlsx {
            try OutputFile.write(try table.rendered(.xlsx), to: xlsx)
            writeStandardError("wrote \(xlsx)\n")
        }
        if check {
            let text = BulletinTables.consistencyReport(book: book, query: query)
            if format == .text && output == nil { print(text, terminator: "") } else { writeStandardError(text) }
        }
    }
}
