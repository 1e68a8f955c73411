import Foundation
import TradeCore

/// The whole store as one long table for notebooks (`svctrade export --format csv|json`): one row per
/// series and period with the best level the store holds, its unit, the rates printed with it, its
/// status and its vintage.
///
/// "Best" is what the bulletin reads (the ``TradeCore/FigureReader`` contract): for a published
/// figure, the copy preferred among the sources of a release, from the latest release by publication
/// date (then import order); for a panel month, the latest release holding it. A month that has both
/// a published figure and a panel value gives the published figure. Levels the store does not hold
/// (exports plus imports, a month as the difference of two year-to-date totals) are `svctrade
/// table`'s, not this table's.
///
/// Rows are in series order (region, sector, flow, currency), then by last month, a month before the
/// longer spans that end in it; the same store gives the same bytes. The columns are
/// ``columns``; the store's `tidy` view has the same columns and rows (the *Store layout* article of
/// TradeStore), except that this table leaves out a published balance change the bulletin withholds
/// because it contradicts the balances (January–August 2021), which plain SQL cannot tell.
///
/// Where a figure was read: `source` cites the page of the row's copy (its level's; its rates' when it
/// has no level), and each measure has a column of its own (`yoy_pct_source` … `balance_change_source`,
/// filled where the measure is) naming the page that printed it, which for a rate lent by another copy
/// of the release is that copy's page. A page on a mirror host (a copy on an unrelated site) is never
/// cited: the publisher (`MOFCOM`, `SAFE`) is, and `mirror_url` keeps the mirror's address as evidence
/// (the row's copy's, else the first measure's read at one).
public struct TidyTable: Sendable {
    /// The column names, in order.
    public static let columns = [
        "region", "sector", "flow", "currency", "period", "period_start", "period_end", "cumulation", "value",
        "unit", "unit_mult", "decimals", "amount", "yoy_pct", "vs2019_pct", "two_year_avg_pct", "share_pct",
        "share_change_pp", "balance_change", "status", "release", "release_date", "source", "publisher",
        "published_on", "yoy_pct_source", "vs2019_pct_source", "two_year_avg_pct_source", "share_pct_source",
        "share_change_pp_source", "balance_change_source", "mirror_url",
    ]

    /// The measures with a column of their own saying where each was printed (`yoy_pct_source` …), in
    /// column order.
    static let sourcedMeasures: [PublishedRates.Field] = [
        .yearOnYear, .versus2019, .twoYearAverage, .share, .shareChange, .balanceChange,
    ]

    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// RFC 4180 CSV with a header line; empty fields are missing.
        case csv
        /// A JSON array with one object per row (one per line); missing values are `null`, numbers are
        /// JSON numbers written exactly as stored.
        case json
    }

    /// The figures and panel months, as of the latest release, without the published balance changes
    /// the bulletin withholds (``TradeCore/FigureBook/withholdingContradictedBalanceChanges()``).
    public let book: FigureBook
    /// Publication dates by release name.
    public let releaseDates: [String: String]
    /// The classification that tells a mirror, whose address is never cited (``TradeCore/SourceCitation``).
    public let hosts: SourceHosts

    /// A table over `book`, with the publication dates of `releases`; `hosts` tells the mirrors.
    public init(book: FigureBook, releases: [StoredRelease], hosts: SourceHosts = .standard) {
        self.book = book.withholdingContradictedBalanceChanges()
        self.hosts = hosts
        var dates: [String: String] = [:]
        for r in releases { dates[r.name] = r.published }
        releaseDates = dates
    }

    /// Reads the selected series of a store (all of it by default).
    public static func read(from store: any FigureReader, _ selection: FigureSelection = .everything) async throws
        -> TidyTable
    {
        TidyTable(book: try await store.figureBook(selection), releases: try await store.storedReleases())
    }

    /// `month` for one month; `year-to-date` for January to `period_end` (two months or more: Jan–Feb,
    /// Q1, H1 and the year too); `quarter` or `half` for the other quarters and the second half.
    public static func cumulation(_ span: PeriodSpan) -> String {
        if span.isMonth { return "month" }
        if span.start.month == 1 { return "year-to-date" }
        return span.kind == .half ? "half" : "quarter"
    }

    /// One row's cells, `nil` where missing; text cells are marked so JSON can quote them.
    struct Cells {
        var values: [String?] = []
        var quoted: [Bool] = []

        mutating func text(_ s: String?) {
            values.append(s)
            quoted.append(true)
        }

        mutating func number(_ s: String?) {
            values.append(s)
            quoted.append(false)
        }
    }

    /// Walks the rows in order.
    func forEachRow(_ body: (Cells) throws -> Void) rethrows {
        var figures: [SeriesKey: [Observation]] = [:]
        for f in book.figures { figures[f.key, default: []].append(f) }
        var panel: [SeriesKey: MonthlyPanel.Series] = [:]
        for s in book.panel.series { panel[s.key] = s }
        for key in Set(figures.keys).union(panel.keys).sorted() {
            let spans = (figures[key] ?? []).sorted { $0.span < $1.span }
            let publishedMonths = Set(spans.filter(\.span.isMonth).map(\.span.start.index))
            var months: [(span: PeriodSpan, month: Int)] = []
            if let s = panel[key] {
                for (k, present) in s.present.enumerated() where present && !publishedMonths.contains(s.firstMonth + k)
                {
                    if let p = Period(index: s.firstMonth + k) { months.append((PeriodSpan(month: p), k)) }
                }
            }
            // Merge the published spans and the panel months (both in span order).
            var i = 0
            var j = 0
            while i < spans.count || j < months.count {
                if j >= months.count || (i < spans.count && spans[i].span < months[j].span) {
                    try body(figureCells(spans[i]))
                    i += 1
                } else if let s = panel[key] {
                    try body(panelCells(s, months[j].span, months[j].month))
                    j += 1
                }
            }
        }
    }

    private func keyCells(_ key: SeriesKey, _ span: PeriodSpan) -> Cells {
        var c = Cells()
        for t in [key.region, key.sector, key.flow.rawValue, key.currency.rawValue, span.description] { c.text(t) }
        for t in [span.start.description, span.end.description, Self.cumulation(span)] { c.text(t) }
        return c
    }

    private func levelCells(_ c: inout Cells, _ level: Level?, unit: MonetaryUnit?, decimals: Int?) {
        // As stored: 3.39 万亿元 kept in 亿元 is 33900 with decimals −2.
        let places = max(0, decimals ?? 0)
        c.number(level.flatMap { v in unit.map { v.formatted(in: $0, places: places) } })
        c.text(unit?.description)
        c.number(unit.map { String($0.magnitude.exponent) })
        c.number(level == nil ? nil : decimals.map(String.init))
        c.number(level.map { $0.exactDecimal(in: MonetaryUnit(unit?.currency ?? .cny, .one)).description })
    }

    private func figureCells(_ o: Observation) -> Cells {
        var c = keyCells(o.key, o.span)
        let r = o.rates
        // A balance change is in its page's unit (the currency alone when the page printed none).
        let changeUnit = o.borrowed[.balanceChange].map { $0.unit } ?? nil
        let unit = o.unit ?? (r.balanceChange != nil ? changeUnit ?? MonetaryUnit(o.key.currency, .one) : nil)
        levelCells(&c, o.value, unit: unit, decimals: o.decimals)
        for rate in [r.yearOnYear, r.versus2019, r.twoYearAverage, r.share, r.shareChange] {
            c.number(rate?.description)
        }
        c.number(
            r.balanceChange.flatMap { x in
                // The digits the change was printed with, not its level's (424.7 beside −203.17).
                unit.map { u in x.exactDecimal(in: u).description }
            })
        let status = o.storedStatus
        let own = o.citation(hosts)
        for t: String? in [status.rawValue, o.release, releaseDates[o.release], own.cited, o.publisher, o.publishedOn] {
            c.text(t)
        }
        // Each measure under the page that printed it (a rate another copy of the release lent: that
        // copy's), cited; the first mirror any of them was read at kept as evidence.
        var mirror = own.copy
        for field in Self.sourcedMeasures {
            guard r.has(field) else {
                c.text(nil)
                continue
            }
            let cited = (o.borrowed[field] ?? o).citation(hosts)
            c.text(cited.cited)
            if mirror.isEmpty { mirror = cited.copy }
        }
        c.text(mirror.isEmpty ? nil : mirror)
        return c
    }

    private func panelCells(_ s: MonthlyPanel.Series, _ span: PeriodSpan, _ k: Int) -> Cells {
        var c = keyCells(s.key, span)
        levelCells(&c, Level(hundredths: s.values[k]), unit: s.unit, decimals: s.decimals)
        for _ in 0..<6 { c.number(nil) }
        let cited = hosts.citation(of: s.source, publisher: .ofRegion(s.key.region))
        for t in [s.status.rawValue, s.release, releaseDates[s.release], cited.cited, nil, nil] { c.text(t) }
        for _ in Self.sourcedMeasures { c.text(nil) }
        c.text(cited.copy.isEmpty ? nil : cited.copy)
        return c
    }

    /// The number of rows.
    public var rowCount: Int {
        var n = 0
        forEachRow { _ in n += 1 }
        return n
    }

    /// Writes the table in `format`, handing `emit` the text a piece at a time (about 1 MB each), so
    /// that a large panel is never held whole as text.
    public func write(_ format: Format, to emit: (String) throws -> Void) rethrows {
        var out = ""
        out.reserveCapacity(1 << 20)
        var first = true
        switch format {
        case .csv: out += Self.columns.joined(separator: ",") + "\n"
        case .json: out += "["
        }
        try forEachRow { cells in
            switch format {
            case .csv:
                out += cells.values.map { CSVRenderer.escape($0 ?? "") }.joined(separator: ",") + "\n"
            case .json:
                out += first ? "\n{" : ",\n{"
                for (i, name) in Self.columns.enumerated() {
                    if i > 0 { out += "," }
                    out += "\"\(name)\":"
                    guard let v = cells.values[i] else {
                        out += "null"
                        continue
                    }
                    out += cells.quoted[i] ? JSONRenderer.quote(v) : v
                }
                out += "}"
            }
            first = false
            if out.utf8.count >= 1 << 20 {
                try emit(out)
                out = ""
            }
        }
        if format == .json { out += first ? "]\n" : "\n]\n" }
        try emit(out)
    }

    /// The whole table as text (tests and small stores).
    public func render(_ format: Format) -> String {
        var text = ""
        write(format) { text += $0 }
        return text
    }
}
