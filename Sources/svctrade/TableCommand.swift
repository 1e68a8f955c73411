import ArgumentParser
import Foundation
import TradeBulletin
import TradeCore
import TradeReport
import TradeStore
import TradeXLSX

extension TableFormat: ExpressibleByArgument {}

extension Flow: ExpressibleByArgument {}
extension Currency: ExpressibleByArgument {}
extension BulletinQuery.Breakdown: ExpressibleByArgument {}

struct TableCommand: ParsableCommand {
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

    @Option(help: "Output format: text, csv, md, html, json.")
    var format: TableFormat = .text

    @Option(help: "Unit of levels (default CNY 100m / USD 100m).")
    var unit: String?

    @Option(help: "Language of names: en or zh.")
    var lang: BulletinTableBuilder.Language = .en

    @Option(help: "Keep only the N fastest-growing sectors (or regions) per flow and period, fastest first.")
    var rank: Int?

    @Flag(help: "Also compare published totals with the sum of their parts (exports + imports, groups, children).")
    var check = false

    @Option(name: .customLong("xlsx"), help: "Also write the table (every column, as in CSV) to this Excel file.")
    var xlsx: String?

    @Flag(
        help:
            "Panel bulletin: every region × sector of the stored monthly panel with ALL rollups, one CSV row per key with month, YTD, prior and two-years-back levels and unrounded rates (the W2 shape of ../shared/bench, for checks against other tools)."
    )
    var panel = false

    func validate() throws {
        for f in flows.split(separator: ",") where Flow(code: f) == nil {
            throw ValidationError("--flows: unknown flow \"\(f)\"; expected export, import, total or balance")
        }
        if let unit, MonetaryUnit(parsing: unit) == nil {
            throw ValidationError("--unit: unknown unit \"\(unit)\"; expected \(MonetaryUnit.accepted)")
        }
        if let s = sectors {
            for code in s.split(separator: ",")
            where Sectors.standard.lookup(code) == nil && Sectors.standard.extensionParent(of: code) == nil {
                let near = Sectors.standard.suggestions(for: code)
                throw ValidationError(
                    "--sectors: unknown sector \"\(code)\""
                        + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)"))
            }
        }
        if Regions.standard.lookup(region) == nil {
            throw ValidationError("--region: unknown region \"\(region)\"; e.g. CN, beijing, xixian")
        }
        if let rank, rank < 1 { throw ValidationError("--rank must be at least 1") }
        if let vsYear, vsYear >= through.year {
            throw ValidationError("--vs-year \(vsYear) must be before the year of --through")
        }
    }

    func run() throws {
        let database = try store.existing()
        if panel {
            let month = through
            let months = PanelBulletin.months(for: month)
            let slice = try database.panelSlice(months: months, asOf: asOf)
            guard !slice.keys.isEmpty else {
                throw InputRejected(
                    message:
                        "error: the store has no monthly panel; import a tidy period,region,sector,flow,value file first"
                )
            }
            let rows = PanelBulletin.rows(keys: slice.keys, values: slice.values, months: months, month: month)
            try StandardOutput.write(
                Data(PanelBulletinCSV.render(rows, unit: slice.units.first ?? MonetaryUnit(.cny, .tenThousand))))
            return
        }
        var query = BulletinQuery(through: through)
        query.region = Regions.standard.lookup(region)?.code ?? region
        query.breakdown = by
        query.sectors = sectors.map {
            $0.split(separator: ",").map { Sectors.standard.lookup($0)?.code ?? $0.uppercased() }
        }
        query.flows = flows.split(separator: ",").compactMap { Flow(code: $0) }
        query.currency = currency
        let clock = ContinuousClock()
        let started = clock.now
        let book = try database.figureBook(query.selection(baseYear: vsYear, asOf: asOf))
        let read = clock.now
        let output = BulletinTables.render(
            book: book, query: query, baseYear: vsYear, format: format,
            unit: unit.flatMap { MonetaryUnit(parsing: $0) }, lang: lang, rank: rank)
        if ProcessInfo.processInfo.environment["SVCTRADE_TIMING"] != nil {
            writeStandardError("read \(read - started), computed and formatted \(clock.now - read)\n")
        }
        if output.rowCount == 0 {
            throw InputRejected(
                message:
                    "error: the store has no figures for \(query.breakdown == .sector ? "region \(query.region)" : "the regions") in \(currency.rawValue) through \(through)\(asOf.map { " as of \($0)" } ?? ""); see svctrade series"
            )
        }
        print(output.text, terminator: "")
        if ProcessInfo.processInfo.environment["SVCTRADE_TIMING"] != nil {
            writeStandardError("printed at \(clock.now - started) after the store was opened\n")
        }
        if let xlsx {
            let csvLike = BulletinTables.table(
                book: book, query: query, baseYear: vsYear, unit: unit.flatMap { MonetaryUnit(parsing: $0) },
                lang: lang,
                rank: rank)
            try OutputFile.write(
                try XLSXWorkbook.data([XLSXWorkbook.Sheet(name: "svctrade table", table: csvLike)]), to: xlsx)
            writeStandardError("wrote \(xlsx)\n")
        }
        if check {
            let resolver = LevelResolver(book: book)
            let findings = query.spans.flatMap {
                ConsistencyCheck.findings(resolver, keys: query.keys(in: book), span: $0)
            }
            let text =
                "\nconsistency of published totals with their parts (\(findings.filter(\.isBeyondRounding).count) beyond rounding of \(findings.count)):\n"
                + findings.map { "  \($0)\n" }.joined()
            if format == .text { print(text, terminator: "") } else { writeStandardError(text) }
        }
    }

}
