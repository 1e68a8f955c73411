import ArgumentParser
import Foundation
import TradeCore
import TradeReport
import TradeStore

/// Output formats of tables.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, md, html, json
}

extension Flow: ExpressibleByArgument {}
extension Currency: ExpressibleByArgument {}
extension BulletinQuery.Breakdown: ExpressibleByArgument {}
extension BulletinTableBuilder.Language: ExpressibleByArgument {}

struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "The bulletin table: month and January-to-month figures with growth, shares, contributions, balances.",
        discussion: """
            Every rate is computed from the store's unrounded levels and rounded once (half away from zero),
            or taken as published when the levels cannot support it (yoy_source says which). Columns are
            documented in the README ("Table columns").

            Examples:
              svctrade table --through 2021-04 --vs-year 2019
              svctrade table --through 2021-04 --sectors S,SD,KIS,EXTRAVEL --format csv
              svctrade table --through 2021-04 --by region --format md
              svctrade table --through 2021-04 --as-of 2021-06-30
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Last month covered, YYYY-MM.")
    var through: String

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

    @Option(name: .customLong("vs-year"), help: "Also compare with the same period of this year (growth and average growth).")
    var vsYear: Int?

    @Option(name: .customLong("as-of"), help: "Only what was published by this date, YYYY-MM-DD (default: latest).")
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

    @Flag(help: "Panel bulletin: every region × sector of the stored monthly panel with ALL rollups, one CSV row per key with month, YTD, prior and two-years-back levels and unrounded rates (the W2 shape of ../shared/bench, for checks against other tools).")
    var panel = false

    func validate() throws {
        do { _ = try Period(parsing: through) } catch { throw ValidationError("--through: \(error)") }
        if let asOf, !isDate(asOf) { throw ValidationError("--as-of \"\(asOf)\" is not a date; expected YYYY-MM-DD") }
        for f in flows.split(separator: ",") where Flow(code: f) == nil {
            throw ValidationError("--flows: unknown flow \"\(f)\"; expected export, import, total or balance")
        }
        if let unit, MonetaryUnit(parsing: unit) == nil { throw ValidationError("--unit: unknown unit \"\(unit)\"; expected \(MonetaryUnit.accepted)") }
        if let s = sectors {
            for code in s.split(separator: ",") where Sectors.standard.lookup(code) == nil && Sectors.standard.extensionParent(of: code) == nil {
                let near = Sectors.standard.suggestions(for: code)
                throw ValidationError("--sectors: unknown sector \"\(code)\"" + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)"))
            }
        }
        if Regions.standard.lookup(region) == nil {
            throw ValidationError("--region: unknown region \"\(region)\"; e.g. CN, beijing, xixian")
        }
        if let rank, rank < 1 { throw ValidationError("--rank must be at least 1") }
        if let vsYear, let t = try? Period(parsing: through), vsYear >= t.year {
            throw ValidationError("--vs-year \(vsYear) must be before the year of --through")
        }
    }

    func run() throws {
        let database = try store.existing()
        if panel {
            let month = try Period(parsing: through)
            let months = PanelBulletin.months(for: month)
            let slice = try database.panelSlice(months: months, asOf: asOf)
            guard !slice.keys.isEmpty else {
                throw InputRejected(message: "error: the store has no monthly panel; import a tidy period,region,sector,flow,value file first")
            }
            let rows = PanelBulletin.rows(keys: slice.keys, values: slice.values, months: months, month: month)
            PanelBulletinCSV.write(rows, unit: slice.units.first ?? MonetaryUnit(.cny, .tenThousand))
            return
        }
        var query = BulletinQuery(through: try Period(parsing: through))
        query.region = Regions.standard.lookup(region)?.code ?? region
        query.breakdown = by
        query.sectors = sectors.map { $0.split(separator: ",").map { Sectors.standard.lookup($0)?.code ?? $0.uppercased() } }
        query.flows = flows.split(separator: ",").compactMap { Flow(code: $0) }
        query.currency = currency
        let book = try database.figureBook(query.selection(baseYear: vsYear, asOf: asOf))
        let output = BulletinOutput.render(book: book, query: query, baseYear: vsYear, format: format, unit: unit.flatMap { MonetaryUnit(parsing: $0) }, lang: lang, rank: rank)
        if output.rowCount == 0 {
            throw InputRejected(message: "error: the store has no figures for \(query.breakdown == .sector ? "region \(query.region)" : "the regions") in \(currency.rawValue) through \(through)\(asOf.map { " as of \($0)" } ?? ""); see svctrade series")
        }
        print(output.text, terminator: "")
        if check {
            let resolver = LevelResolver(book: book)
            let findings = query.spans.flatMap { ConsistencyCheck.findings(resolver, keys: query.keys(in: book), span: $0) }
            let text = "\nconsistency of published totals with their parts (\(findings.filter(\.isBeyondRounding).count) beyond rounding of \(findings.count)):\n"
                + findings.map { "  \($0)\n" }.joined()
            if format == .text { print(text, terminator: "") } else { writeStandardError(text) }
        }
    }

    func isDate(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 10 && u[4] == 45 && u[7] == 45
    }
}

/// Builds the rows and renders them in a format (shared by `table` and `demo`).
enum BulletinOutput {
    struct Result {
        let text: String
        let rowCount: Int
    }

    /// The `limit` fastest-growing items per flow and span: sectors other than total services and
    /// groups, or regions other than the nation and aggregates.
    static func ranked(_ rows: [BulletinRow], query: BulletinQuery, limit: Int) -> [BulletinRow] {
        let items = rows.filter { r in
            switch query.breakdown {
            case .sector: return r.key.sector != "S" && Sectors.standard.sector(code: r.key.sector)?.isGroup != true
            case .region: return r.key.region != "CN" && Regions.standard.region(code: r.key.region)?.kind != .aggregate
            }
        }
        var out: [BulletinRow] = []
        for flow in query.flows {
            for span in query.spans {
                out += Rankings.fastestGrowing(items.filter { $0.key.flow == flow && $0.span == span }, limit: limit)
            }
        }
        return out
    }

    static func rows(book: FigureBook, query: BulletinQuery, baseYear: Int?) -> [BulletinRow] {
        var resolver = LevelResolver(book: book)
        resolver.recordsInputs = false  // a table prints levels and rates, not their provenance trees
        let calculator = BulletinCalculator(resolver: resolver, baseYear: baseYear)
        var rows: [BulletinRow] = []
        for key in query.keys(in: book) {
            for span in query.spans {
                let row = calculator.row(key, span)
                if row.value == nil && row.yearOnYear.value == nil && row.share == nil && row.versusBase.value == nil { continue }
                rows.append(row)
            }
        }
        return rows
    }

    static func render(book: FigureBook, query: BulletinQuery, baseYear: Int?, format: TableFormat, unit: MonetaryUnit?, lang: BulletinTableBuilder.Language, rank: Int? = nil) -> Result {
        var rows = rows(book: book, query: query, baseYear: baseYear)
        if let rank { rows = ranked(rows, query: query, limit: rank) }
        var builder = BulletinTableBuilder()
        builder.language = lang
        if let unit {
            if unit.currency == .cny { builder.unitCNY = unit } else { builder.unitUSD = unit }
        }
        let illustrative = { (r: BulletinRow) in r.value?.sources.contains { $0.contains("illustrative") } ?? false }
        let text: String
        switch format {
        case .text:
            var columns = BulletinTableBuilder.terminalColumns
            if baseYear == nil { columns.removeAll { $0 == "vs_base_pct" || $0 == "avg_growth_pct" } }
            var t = TextTableRenderer.render(builder.table(rows, columns: columns, illustrative: illustrative))
            let u = query.currency == .cny ? builder.unitCNY : builder.unitUSD
            t += "\nvalues in \(u); rates in %, changes in percentage points; yoy_source: computed from the store's levels or as published"
            if rows.contains(where: illustrative) { t += "\nillustrative data: regional figures come from svctrade generate, not from any statistical release" }
            text = t + "\n"
        case .csv:
            text = CSVRenderer.render(builder.table(rows, illustrative: illustrative))
        case .md:
            text = MarkdownRenderer.render(builder.table(rows, illustrative: illustrative))
        case .html:
            text = HTMLRenderer.page(builder.table(rows, illustrative: illustrative), title: "Services trade through \(query.through)", lang: lang == .zh ? "zh-CN" : "en")
        case .json:
            text = JSONRenderer.render(builder.table(rows, illustrative: illustrative), isNumeric: BulletinTableBuilder.isNumeric)
        }
        return Result(text: text, rowCount: rows.count)
    }
}

/// Writes panel-bulletin rows as CSV to standard output, fast: levels exact in the panel's unit,
/// rates as shortest round-trip doubles, empty for null.
enum PanelBulletinCSV {
    static func write(_ rows: [PanelBulletin.Row], unit: MonetaryUnit) {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 110)
        out += Array("region,sector,flow,cur_month,cur_ytd,prev_month,prev_ytd,prev2_ytd,yoy_month_pct,yoy_ytd_pct,avg2y_ytd_pct\n".utf8)
        let shift = unit.magnitude.exponent + 2
        var divisor: Int64 = 1
        for _ in 0..<shift { divisor *= 10 }
        for r in rows {
            out.append(contentsOf: r.region.utf8)
            out.append(44)
            out.append(contentsOf: r.sector.utf8)
            out.append(44)
            out.append(contentsOf: r.flow.utf8)
            for l in r.levels {
                out.append(44)
                if let l { DerivedCSV.fixed(l, divisor: divisor, places: shift, &out) }
            }
            for x in r.rates {
                out.append(44)
                if let x { out.append(contentsOf: x.description.utf8) }
            }
            out.append(10)
        }
        FileHandle.standardOutput.write(Data(out))
    }
}
