import Foundation
import TradeCore
import TradeReport

/// The rows of the bulletin table of a query (shared by `table`, `demo`, the press site and the bulletin).
public enum BulletinTables {
    /// The `limit` fastest-growing items per flow and span: sectors other than total services and
    /// groups, or regions other than the nation and aggregates.
    public static func ranked(_ rows: [BulletinRow], query: BulletinQuery, limit: Int) -> [BulletinRow] {
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

    /// Every row of the query (levels and rates; no provenance trees).
    ///
    /// Keys are split into runs of whole regions computed side by side, one resolver each (a region's
    /// figures are resolved from its own series, so runs share nothing but the book); the rows come
    /// back in the order of ``BulletinQuery/keys(in:sectors:regions:)``, the same bytes on any machine.
    public static func rows(book: FigureBook, query: BulletinQuery, baseYear: Int?) -> [BulletinRow] {
        let keys = query.keys(in: book)
        let runs = regionRuns(keys, count: keys.count < 512 ? 1 : 4 * ProcessInfo.processInfo.activeProcessorCount)
        return OrderedParallelMap.map(runs) { rows(keys[$0], book: book, query: query, baseYear: baseYear) }
    }

    private static func rows(
        _ keys: ArraySlice<SeriesKey>, book: FigureBook, query: BulletinQuery, baseYear: Int?
    ) -> [BulletinRow] {
        var resolver = LevelResolver(book: book)
        resolver.recordsInputs = false  // a table prints levels and rates, not their provenance trees
        let calculator = BulletinCalculator(resolver: resolver, baseYear: baseYear)
        var rows: [BulletinRow] = []
        for key in keys {
            for span in query.spans {
                let row = calculator.row(key, span)
                if row.value == nil && row.yearOnYear.value == nil && row.share == nil && row.versusBase.value == nil {
                    continue
                }
                rows.append(row)
            }
        }
        return rows
    }

    /// About `count` contiguous ranges of `keys`, each ending where a region ends.
    static func regionRuns(_ keys: [SeriesKey], count: Int) -> [Range<Int>] {
        guard count > 1, !keys.isEmpty else { return [0..<keys.count] }
        let target = max(1, keys.count / count)
        var runs: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < keys.count {
            i += 1
            if i == keys.count || (i - start >= target && keys[i].region != keys[i - 1].region) {
                runs.append(start..<i)
                start = i
            }
        }
        return runs
    }
}

/// The bulletin table of a query, computed once and rendered in any ``TradeReport/TableFormat``:
/// every documented column, the title and the footnotes of its language.
public struct BulletinTable: Sendable {
    /// Every documented column of every row.
    public let table: Table
    /// What readers' formats print with it: title and footnotes (unit, statuses, illustrative data).
    public let context: TableContext
    /// Rows (an empty table is the caller's error to report, ``BulletinTableEmpty``).
    public var rowCount: Int { table.rows.count }
    let hasBaseYear: Bool

    /// Computes the table of `query` from the book: rows, ranked to the `rank` fastest-growing
    /// when given, levels in `unit` (default CNY/USD 100m), names and notes in `lang`.
    public init(
        book: FigureBook, query: BulletinQuery, baseYear: Int?, unit: MonetaryUnit? = nil, lang: Language,
        rank: Int? = nil
    ) {
        var rows = BulletinTables.rows(book: book, query: query, baseYear: baseYear)
        if let rank { rows = BulletinTables.ranked(rows, query: query, limit: rank) }
        var builder = BulletinTableBuilder()
        builder.language = lang
        if let unit {
            if unit.currency == .cny { builder.unitCNY = unit } else { builder.unitUSD = unit }
        }
        let illustrative = { (r: BulletinRow) in r.value?.status == .illustrative }
        table = builder.table(rows, illustrative: illustrative)
        hasBaseYear = baseYear != nil
        let u = query.currency == .cny ? builder.unitCNY : builder.unitUSD
        var footnotes = [
            lang == .zh
                ? "金额单位：\(u)；增速为%，变化为百分点；数字性质：published 公布数、computed 由公布数计算、derived 由累计数推算"
                : "values in \(u); rates in %, changes in percentage points; status: published, computed from published figures, derived from cumulative releases"
        ]
        if rows.contains(where: illustrative) {
            footnotes.append(
                lang == .zh
                    ? "示意数据：分地区数据由 svctrade generate 生成，不是统计发布数"
                    : "illustrative data: regional figures come from svctrade generate, not from any statistical release"
            )
        }
        context = TableContext(
            language: lang,
            title: lang == .zh ? "服务贸易（截至\(query.through)）" : "Services trade through \(query.through)",
            footnotes: footnotes)
    }

    /// The bytes of the table in `format`; a format that shows chosen columns (the terminal's)
    /// leaves out the comparison with a base year when none was asked.
    public func rendered(_ format: TableFormat) throws -> Data {
        var shown = table
        if format.renderer.columns != nil && !hasBaseYear {
            shown = table.selecting(table.columns.map(\.name).filter { $0 != "vs_base_pct" && $0 != "avg_growth_pct" })
        }
        return try format.render(shown, context: context)
    }
}

extension BulletinTable {
    /// `svctrade table`: the table of `query` read from `store` as of `asOf`, with the book it was
    /// computed from (for ``BulletinTables/consistencyReport(book:query:)``) and how long the read took.
    ///
    /// - Throws: ``BulletinTableEmpty`` when the store has no figures for the query.
    public static func read(
        from store: any FigureReader, query: BulletinQuery, baseYear: Int?, asOf: String?, unit: MonetaryUnit?,
        lang: Language, rank: Int?
    ) async throws -> (table: BulletinTable, book: FigureBook, reading: Duration) {
        let started = ContinuousClock.now
        let book = try await store.figureBook(query.selection(baseYear: baseYear, asOf: asOf))
        let reading = ContinuousClock.now - started
        let table = BulletinTable(book: book, query: query, baseYear: baseYear, unit: unit, lang: lang, rank: rank)
        guard table.rowCount > 0 else { throw BulletinTableEmpty(query: query, asOf: asOf) }
        return (table, book, reading)
    }
}

/// A bulletin table without rows: the store has no figures for what was asked.
public struct BulletinTableEmpty: UserFacingError, Equatable {
    /// The region of a sector breakdown; `nil` for a breakdown by region.
    public var region: String?
    /// The currency asked.
    public var currency: Currency
    /// The last month asked.
    public var through: Period
    /// The vintage read, if any.
    public var asOf: String?

    /// The error of a query read as of `asOf`.
    public init(query: BulletinQuery, asOf: String?) {
        region = query.breakdown == .sector ? query.region : nil
        currency = query.currency
        through = query.through
        self.asOf = asOf
    }

    public var description: String {
        "the store has no figures for \(region.map { "region \($0)" } ?? "the regions") in \(currency.rawValue) through \(through)\(asOf.map { " as of \($0)" } ?? ""); see svctrade series"
    }
}

extension BulletinTables {
    /// `svctrade table --check`: published totals against the sum of their parts, for every key and
    /// span of the query, as printed under the table.
    public static func consistencyReport(book: FigureBook, query: BulletinQuery) -> String {
        let resolver = LevelResolver(book: book)
        let findings = query.spans.flatMap {
            ConsistencyCheck.findings(resolver, keys: query.keys(in: book), span: $0)
        }
        return
            "\nconsistency of published totals with their parts (\(findings.filter(\.isBeyondRounding).count) beyond rounding of \(findings.count)):\n"
            + findings.map { "  \($0)\n" }.joined()
    }

    /// `svctrade table --panel`: the panel bulletin of `month` (every region × sector of the stored
    /// monthly panel, the W2 shape) as CSV bytes, from the slice of ``PanelBulletin/months(for:)``: in
    /// pieces, header first, to be written one after the other (the CSV is their concatenation; 7.4 MB
    /// for the bench panel, not copied into one buffer).
    ///
    /// - Throws: ``NoMonthlyPanel`` when the slice has no series.
    public static func panelCSV(_ slice: PanelSlice, month: Period) throws -> [[UInt8]] {
        guard !slice.keys.isEmpty else { throw NoMonthlyPanel() }
        let sums = PanelBulletin.Sums(keys: slice.keys, values: slice.values, months: slice.months, month: month)
        let unit = slice.units.first ?? MonetaryUnit(.cny, .tenThousand)
        // 18,361 (region, sector) pairs for the bench panel: written in pieces of regions side by side,
        // joined in order (the same bytes).
        let regions = sums.regionNames.count
        let pieces = regions * sums.sectorNames.count >= 2048 ? ProcessInfo.processInfo.activeProcessorCount * 2 : 1
        return [PanelBulletinCSV.header]
            + OrderedParallelMap.map(OrderedParallelMap.ranges(count: regions, pieces: pieces)) {
                [PanelBulletinCSV.render(sums, regions: $0, unit: unit)]
            }
    }
}

/// A panel bulletin asked of a store without a monthly panel.
public struct NoMonthlyPanel: UserFacingError, Equatable {
    /// Creates the error.
    public init() {}

    public var description: String {
        "the store has no monthly panel; import a tidy period,region,sector,flow,value file first"
    }
}
