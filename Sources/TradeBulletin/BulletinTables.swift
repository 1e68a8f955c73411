import Foundation
import TradeCore
import TradeReport

/// The bulletin table of a query, as rows or rendered (shared by `table`, `demo` and the bulletin).
public enum BulletinTables {
    /// A rendered table and how many rows it has.
    public struct Result: Sendable {
        /// The text in the format asked.
        public let text: String
        /// Rows (an empty table is the caller's error to report).
        public let rowCount: Int
    }

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

    /// The table of the query with every documented column (as CSV and Excel write it).
    public static func table(
        book: FigureBook, query: BulletinQuery, baseYear: Int?, unit: MonetaryUnit?, lang: Language, rank: Int? = nil
    ) -> Table {
        var rows = rows(book: book, query: query, baseYear: baseYear)
        if let rank { rows = ranked(rows, query: query, limit: rank) }
        var builder = BulletinTableBuilder()
        builder.language = lang
        if let unit {
            if unit.currency == .cny { builder.unitCNY = unit } else { builder.unitUSD = unit }
        }
        let illustrative = { (r: BulletinRow) in r.value?.status == .illustrative }
        return builder.table(rows, illustrative: illustrative)
    }

    /// The table of the query in a format.
    public static func render(
        book: FigureBook, query: BulletinQuery, baseYear: Int?, format: TableFormat, unit: MonetaryUnit?,
        lang: BulletinTableBuilder.Language, rank: Int? = nil
    ) -> Result {
        var rows = rows(book: book, query: query, baseYear: baseYear)
        if let rank { rows = ranked(rows, query: query, limit: rank) }
        var builder = BulletinTableBuilder()
        builder.language = lang
        if let unit {
            if unit.currency == .cny { builder.unitCNY = unit } else { builder.unitUSD = unit }
        }
        let illustrative = { (r: BulletinRow) in r.value?.status == .illustrative }
        let renderer = format.renderer
        var table: Table
        if var columns = renderer.columns {
            if baseYear == nil { columns.removeAll { $0 == "vs_base_pct" || $0 == "avg_growth_pct" } }
            table = builder.table(rows, columns: columns, illustrative: illustrative)
        } else {
            table = builder.table(rows, illustrative: illustrative)
        }
        if renderer.isForReaders { table = BulletinTableBuilder.withHeaders(table, language: lang) }
        var footnotes: [String] = []
        let u = query.currency == .cny ? builder.unitCNY : builder.unitUSD
        footnotes.append(
            lang == .zh
                ? "金额单位：\(u)；增速为%，变化为百分点；数字性质：published 公布数、computed 由公布数计算、derived 由累计数推算"
                : "values in \(u); rates in %, changes in percentage points; status: published, computed from published figures, derived from cumulative releases"
        )
        if rows.contains(where: illustrative) {
            footnotes.append(
                lang == .zh
                    ? "示意数据：分地区数据由 svctrade generate 生成，不是统计发布数"
                    : "illustrative data: regional figures come from svctrade generate, not from any statistical release"
            )
        }
        let context = TableContext(
            language: lang,
            title: lang == .zh ? "服务贸易（截至\(query.through)）" : "Services trade through \(query.through)",
            footnotes: footnotes)
        let text = renderer.text(table, context: context)
        return Result(text: text, rowCount: rows.count)
    }
}
