import Foundation
import GRDB
import TradeCore

/// What SQL can read without svctrade: the read-only views `tidy` (one row per series and period,
/// the best level: the rows of `svctrade export --format csv`, in no set order) and `tidy_vintages` (every stored
/// copy of every figure and every release's panel months), over plain columns that import keeps up
/// to date in the same transaction:
///
/// - `monthly_json.vals_json` (one row per block): the block's months as a JSON array of whole numbers
///   (`null` for a month without a value), each times `vals_json_scale` the exact hundredths of the
///   currency unit, which SQLite's built-in `json_each` turns into rows (the packed `vals` stay the
///   store's own reading path; a table of its own, since beside the blob it left one block per page);
/// - `monthly_block.status` and `figure.status`: ``TradeCore/FigureStatus`` as text.
///
/// Measured on the 8.64-million-value panel and on the shipped data: the *Store layout* article.
enum TidyViews {
    /// The JSON array of a series' months and its scale (hundredths of the currency unit in one unit of
    /// the array): whole numbers at the block's `decimals` in its `unit` (`1234.56` 万元 is `123456`,
    /// scale 10,000), `null` where absent; exact hundredths (scale 1) if a value had more digits.
    static func json(values: [Int64], present: [Bool], unit: MonetaryUnit, decimals: Int) -> (
        text: String, scale: Int64
    ) {
        var shift = max(0, unit.magnitude.exponent + 2 - max(0, decimals))
        var scale = Int64(pow10Int(shift))
        if scale > 1, zip(values, present).contains(where: { $1 && $0 % scale != 0 }) {
            shift = 0
            scale = 1
        }
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(values.count * 8 + 2)
        var digits = [UInt8](repeating: 0, count: 24)
        for (k, v) in values.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            guard k < present.count, present[k] else {
                bytes += Array("null".utf8)
                continue
            }
            var magnitude = v.magnitude / UInt64(scale)
            var n = 0
            repeat {
                digits[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            if v < 0 { bytes.append(UInt8(ascii: "-")) }
            for i in stride(from: n - 1, through: 0, by: -1) { bytes.append(digits[i]) }
        }
        bytes.append(UInt8(ascii: "]"))
        return (String(decoding: bytes, as: UTF8.self), scale)
    }

    /// Fills the plain columns of a store written before they existed (migration v3).
    static func backfill(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM release") {
            try db.execute(
                sql: "UPDATE monthly_block SET status = ? WHERE release_id = ?",
                arguments: [FigureStatus.ofPanelMonth(release: row[1]).rawValue, row[0] as Int64])
        }
        try backfillFigureStatus(db)
        let insert = try db.makeStatement(
            sql: "INSERT INTO monthly_json (series_id, release_id, vals_json_scale, vals_json) VALUES (?, ?, ?, ?)")
        let blocks = try Row.fetchCursor(
            db, sql: "SELECT series_id, month_count, present, vals, unit, decimals, release_id FROM monthly_block")
        var inserts: [(Int64, Int64, (text: String, scale: Int64))] = []
        while let row = try blocks.next() {
            let count: Int = row[1]
            let unitText: String = row[4]
            guard let unit = MonetaryUnit(parsing: unitText) else { continue }
            let values = MonthlyBlockCodec.decodeValues([UInt8](row[3] as Data? ?? Data()), count: count)
            let present = MonthlyBlockCodec.decodePresence([UInt8](row[2] as Data? ?? Data()), count: count)
            inserts.append((row[0], row[6], json(values: values, present: present, unit: unit, decimals: row[5])))
        }
        for (series, release, json) in inserts {
            try insert.execute(arguments: [series, release, json.scale, json.text])
        }
    }

    /// Sets every figure's `status` from what it is stored with
    /// (``TradeCore/FigureStatus/ofStoredFigure(currency:source:hasOwnRate:publisher:hosts:)``): its
    /// currency, the address it was read at, whether it printed its own rate, and its publisher (the
    /// `publisher` column, else the region's). Run by migration v3 and whenever a writer opens the
    /// store (``refresh(_:)``), where it changes only the statuses an older svctrade set by an earlier
    /// rule (SAFE's dollar figures were once taken for conversions).
    static func backfillFigureStatus(_ db: Database) throws {
        let kinds = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT s.currency, f.source_id, src.address, f.yoy_pct IS NOT NULL, f.publisher, s.region
                FROM figure f JOIN series s ON s.id = f.series_id JOIN source src ON src.id = f.source_id
                """)
        for row in kinds {
            guard let currency = Currency(rawValue: row[0]) else { continue }
            let code: String? = row[4]
            let region: String = row[5]
            let publisher = code.map(Publisher.named) ?? Publisher.ofRegion(region)
            let status = FigureStatus.ofStoredFigure(
                currency: currency, source: row[2], hasOwnRate: row[3], publisher: publisher)
            try db.execute(
                sql: """
                    UPDATE figure SET status = ? WHERE status IS NOT ? AND source_id = ? AND (yoy_pct IS NOT NULL) = ?
                    AND publisher IS ? AND series_id IN (SELECT id FROM series WHERE currency = ? AND region = ?)
                    """,
                arguments: [
                    status.rawValue, status.rawValue, row[1] as Int64, row[3] as Bool, code, currency.rawValue, region,
                ])
        }
    }

    /// `CASE unit WHEN 'CNY 100m' THEN …`: for every unit a store can hold, its power of ten
    /// (`hundredths` false) or the hundredths in one unit (`hundredths` true: 10^(power + 2)).
    static func unitCase(_ unit: String, hundredths: Bool) -> String {
        var cases = ""
        for c in Currency.allCases {
            for m in Magnitude.allCases {
                let n = hundredths ? String(repeating: "0", count: m.exponent + 2) : ""
                cases += " WHEN '\(MonetaryUnit(c, m).description)' THEN \(hundredths ? "1" + n : String(m.exponent))"
            }
        }
        return "(CASE \(unit)\(cases) END)"
    }

    /// `YYYY-MM` of a `yyyymm` integer.
    static func month(yyyymm x: String) -> String { "printf('%04d-%02d', \(x) / 100, \(x) % 100)" }

    /// `yyyymm` of a month index (``TradeCore/Period/index``).
    static func yyyymm(index x: String) -> String { "((\(x)) / 12 * 100 + (\(x)) % 12 + 1)" }

    /// The ISO text and cumulation of a span of `yyyymm` integers (``TradeReport`` writes the same).
    static func spanColumns(from: String, to: String) -> String {
        """
        CASE WHEN \(from) = \(to) THEN \(month(yyyymm: to)) ELSE \(month(yyyymm: from)) || '/' || \(month(yyyymm: to)) END AS period,
            \(month(yyyymm: from)) AS period_start, \(month(yyyymm: to)) AS period_end,
            CASE WHEN \(from) = \(to) THEN 'month' WHEN \(from) % 100 = 1 THEN 'year-to-date'
                 WHEN \(to) - \(from) = 5 THEN 'half' ELSE 'quarter' END AS cumulation
        """
    }

    /// Release `q` comes after release `r` in the bulletin's order (publication date, undated first,
    /// then import order).
    static func later(_ q: String, than r: String) -> String {
        "(COALESCE(\(q).published, '') > COALESCE(\(r).published, '') OR (COALESCE(\(q).published, '') = COALESCE(\(r).published, '') AND \(q).id > \(r).id))"
    }

    /// `column` of the first other copy of figure `f` (same series, span and release, in line order)
    /// that printed `printed`: where the kept copy borrows a rate it did not print
    /// (``TradeCore/FigureSelection/keptCopies(_:observation:preferred:)``).
    static func lent(_ column: String, printed: String) -> String {
        """
        (SELECT d.\(column) FROM figure d WHERE d.series_id = f.series_id AND d.period_from = f.period_from \
        AND d.period_to = f.period_to AND d.release_id = f.release_id AND d.\(printed) IS NOT NULL \
        ORDER BY d.line LIMIT 1)
        """
    }

    /// The host of an address, as ``TradeCore/SourceHosts/host(of:)`` reads it: lower case, without the
    /// scheme, path, query, fragment, port or trailing dots; `NULL` for an address that is not `http(s)`.
    static func host(_ address: String) -> String {
        let lower = "lower(\(address))"
        let rest =
            "(CASE WHEN \(lower) LIKE 'https://%' THEN substr(\(lower), 9) WHEN \(lower) LIKE 'http://%' THEN substr(\(lower), 8) END)"
        let cut = "replace(replace(replace(\(rest), '?', '/'), '#', '/'), ':', '/')"
        return "rtrim(substr(\(cut), 1, instr(\(cut) || '/', '/') - 1), '.')"
    }

    /// Whether an address is on a mirror host of the shipped classification (``TradeCore/SourceHosts``).
    static func isMirror(_ address: String) -> String {
        let mirrors = SourceHosts.standard.kinds.filter { $0.value == .mirror }.keys.sorted()
        return "\(host(address)) IN (\(mirrors.map { "'\($0)'" }.joined(separator: ", ")))"
    }

    /// What the export cites for a figure read at `address` (``TradeCore/SourceCitation``): the address,
    /// or for a mirror the publisher (`publisher` as ``TradeCore/Publisher/named(_:)`` reads it, else
    /// the one of the series' region, `s.region`).
    static func cited(_ address: String, publisher: String) -> String {
        let known = [Publisher.mofcom.code, Publisher.safe.code].map { "WHEN '\($0)' THEN '\($0)'" }.joined(
            separator: " ")
        let named = "CASE upper(\(publisher)) \(known) ELSE \(publisher) END"
        let byRegion =
            "CASE WHEN s.region = '\(Regions.balanceOfPayments.code)' THEN '\(Publisher.safe.code)' ELSE '\(Publisher.mofcom.code)' END"
        return "CASE WHEN \(isMirror(address)) THEN COALESCE(\(named), \(byRegion)) ELSE \(address) END"
    }

    /// The address when it is on a mirror host, else `NULL`.
    static func mirror(_ address: String) -> String { "CASE WHEN \(isMirror(address)) THEN \(address) END" }

    /// The measure columns with a source column of their own (`yoy_pct_source` …), in column order.
    static let sourcedMeasures = [
        "yoy_pct", "vs2019_pct", "two_year_avg_pct", "share_pct", "share_change_pp", "balance_change",
    ]

    /// The columns of a figure row (`f` figure, `s` series, `r` release, `src` source); `merged` fills
    /// the rates the copy did not print from the other copies of its release, as readers do (`tidy`),
    /// where `tidy_vintages` shows each copy as printed.
    static func figureColumns(merged: Bool) -> String {
        func rate(_ c: String) -> String { merged ? "COALESCE(f.\(c), \(lent(c, printed: c)))" : "f.\(c)" }
        let change = rate("balance_change")
        // A balance change is in its page's unit; printed without one, in the currency itself.
        let changeUnit =
            merged
            ? "CASE WHEN f.balance_change IS NOT NULL THEN s.currency ELSE COALESCE(\(lent("unit", printed: "balance_change")), s.currency) END"
            : "s.currency"
        let unit = "COALESCE(f.unit, CASE WHEN \(change) IS NOT NULL THEN \(changeUnit) END)"
        let perUnit = unitCase(unit, hundredths: true)
        return """
            s.region, s.sector, s.flow, s.currency, \(spanColumns(from: "f.period_from", to: "f.period_to")),
                f.value * 1.0 / \(perUnit) AS value, \(unit) AS unit, \(unitCase(unit, hundredths: false)) AS unit_mult,
                CASE WHEN f.value IS NOT NULL THEN f.decimals END AS decimals, f.value / 100.0 AS amount,
                CAST(\(rate("yoy_pct")) AS REAL) AS yoy_pct, CAST(\(rate("vs2019_pct")) AS REAL) AS vs2019_pct,
                CAST(\(rate("two_year_avg_pct")) AS REAL) AS two_year_avg_pct,
                CAST(\(rate("share_pct")) AS REAL) AS share_pct,
                CAST(\(rate("share_change_pp")) AS REAL) AS share_change_pp,
                \(change) * 1.0 / \(perUnit) AS balance_change,
                f.status AS status, r.name AS release, r.published AS release_date,
                \(cited("src.address", publisher: "f.publisher")) AS source,
                f.publisher AS publisher, f.published_on AS published_on, \(measureSources(merged: merged))
            """
    }

    /// Each measure's source column (the page that printed it, cited; a lent rate under its lender's
    /// page), then `mirror_url`: the row's copy's mirror address, else the first lender's on a mirror.
    static func measureSources(merged: Bool) -> String {
        var columns: [String] = []
        var mirrors = [mirror("src.address")]
        for c in sourcedMeasures {
            let own = "CASE WHEN f.\(c) IS NOT NULL THEN \(cited("src.address", publisher: "f.publisher")) END"
            guard merged else {
                columns.append("\(own) AS \(c)_source")
                continue
            }
            let lender = lent("source_id", printed: c)
            let address = "(SELECT sx.address FROM source sx WHERE sx.id = \(lender))"
            let lentCited = cited(address, publisher: lent("publisher", printed: c))
            columns.append("COALESCE(\(own), CASE WHEN \(lender) IS NOT NULL THEN \(lentCited) END) AS \(c)_source")
            mirrors.append("CASE WHEN f.\(c) IS NULL THEN \(mirror(address)) END")
        }
        let mirror = mirrors.count == 1 ? mirrors[0] : "COALESCE(\(mirrors.joined(separator: ", ")))"
        return (columns + ["\(mirror) AS mirror_url"]).joined(separator: ",\n    ")
    }

    /// The columns of a panel month (`b` block, `m` its JSON, `j` the JSON's `json_each`).
    static var panelColumns: String {
        let m = yyyymm(index: "b.first_month + j.key")
        return """
            s.region, s.sector, s.flow, s.currency, \(spanColumns(from: m, to: m)),
                j.value * m.vals_json_scale * 1.0 / \(unitCase("b.unit", hundredths: true)) AS value, b.unit AS unit,
                \(unitCase("b.unit", hundredths: false)) AS unit_mult, b.decimals AS decimals,
                j.value * m.vals_json_scale / 100.0 AS amount,
                NULL AS yoy_pct, NULL AS vs2019_pct, NULL AS two_year_avg_pct, NULL AS share_pct,
                NULL AS share_change_pp, NULL AS balance_change,
                b.status AS status, r.name AS release, r.published AS release_date,
                \(cited("src.address", publisher: "NULL")) AS source, NULL AS publisher, NULL AS published_on,
                \(sourcedMeasures.map { "NULL AS \($0)_source" }.joined(separator: ", ")),
                \(mirror("src.address")) AS mirror_url
            """
    }

    static let figureFrom = """
        figure f JOIN series s ON s.id = f.series_id JOIN release r ON r.id = f.release_id
            JOIN source src ON src.id = f.source_id
        """

    static let panelFrom = """
        monthly_block b JOIN series s ON s.id = b.series_id JOIN release r ON r.id = b.release_id
            JOIN source src ON src.id = b.source_id
            JOIN monthly_json m ON m.series_id = b.series_id AND m.release_id = b.release_id, json_each(m.vals_json) j
        """

    /// The views (migrations v3 and v4).
    static var create: String {
        let month = yyyymm(index: "b.first_month + j.key")
        let laterFigure = """
            NOT EXISTS (SELECT 1 FROM figure g JOIN release q ON q.id = g.release_id
                WHERE g.series_id = f.series_id AND g.period_to = f.period_to AND g.period_from = f.period_from
                AND g.preferred = 1 AND (\(later("q", than: "r")) OR (q.id = r.id AND g.line > f.line)))
            """
        let laterMonth = """
            NOT EXISTS (SELECT 1 FROM monthly_block c JOIN release q ON q.id = c.release_id
                WHERE c.series_id = b.series_id AND c.release_id <> b.release_id AND \(later("q", than: "r"))
                AND b.first_month + j.key - c.first_month BETWEEN 0 AND c.month_count - 1
                AND (SELECT json_extract(cm.vals_json, '$[' || (b.first_month + j.key - c.first_month) || ']')
                     FROM monthly_json cm WHERE cm.series_id = c.series_id AND cm.release_id = c.release_id) IS NOT NULL)
            """
        let publishedMonth = """
            NOT EXISTS (SELECT 1 FROM figure g WHERE g.series_id = b.series_id AND g.period_to = \(month)
                AND g.period_from = \(month) AND g.preferred = 1)
            """
        // Most series have one block and no published month: the two checks run only for those that do
        // (a full read of the 8.64-million-value panel took 140 s with them on every month, 67 s so).
        let few = """
            LEFT JOIN (SELECT series_id FROM monthly_block GROUP BY series_id HAVING count(*) > 1) multi
                ON multi.series_id = b.series_id
            LEFT JOIN (SELECT DISTINCT series_id FROM figure WHERE period_from = period_to AND preferred = 1) fm
                ON fm.series_id = b.series_id
            """
        return """
            \(tidyView(laterFigure: laterFigure, laterMonth: laterMonth, publishedMonth: publishedMonth, few: few));
            \(vintagesView);

            """
    }

    /// `CREATE VIEW tidy …`, without the semicolon (as SQLite keeps it in `sqlite_master`).
    static func tidyView(laterFigure: String, laterMonth: String, publishedMonth: String, few: String) -> String {
        """
        CREATE VIEW tidy AS
        SELECT * FROM (
            SELECT \(figureColumns(merged: true)) FROM \(figureFrom)
            WHERE f.preferred = 1 AND \(laterFigure)
            UNION ALL
            SELECT \(panelColumns) FROM \(panelFrom) \(few)
            WHERE j.type = 'integer' AND (multi.series_id IS NULL OR \(laterMonth))
            AND (fm.series_id IS NULL OR \(publishedMonth))
        )
        """
    }

    /// `CREATE VIEW tidy_vintages …`, without the semicolon.
    static var vintagesView: String {
        """
        CREATE VIEW tidy_vintages AS
        SELECT * FROM (
            SELECT \(figureColumns(merged: false)), f.preferred AS preferred, 0 AS panel FROM \(figureFrom)
            UNION ALL
            SELECT \(panelColumns), 1 AS preferred, 1 AS panel FROM \(panelFrom) WHERE j.type = 'integer'
        )
        """
    }

    /// Replaces views of an earlier definition (a store made by an older svctrade) when a writer opens
    /// the store: they hold no data, so they are made again rather than migrated, and readers of the
    /// store are not asked for an import first. Figure statuses set by an earlier rule are set again
    /// (``backfillFigureStatus(_:)``).
    static func refresh(_ db: Database) throws {
        try backfillFigureStatus(db)
        let stored = try String.fetchAll(
            db,
            sql: "SELECT sql FROM sqlite_master WHERE type = 'view' AND name IN ('tidy', 'tidy_vintages') ORDER BY name"
        )
        let fresh = create.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        guard stored != fresh else { return }
        try db.execute(sql: "DROP VIEW IF EXISTS tidy; DROP VIEW IF EXISTS tidy_vintages;")
        try db.execute(sql: create)
    }
}
