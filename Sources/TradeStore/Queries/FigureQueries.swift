import Foundation
import GRDB
import GRDBSQLite
import TradeCore

/// A stored figure with its vintage.
public struct StoredFigure: Sendable, Equatable {
    /// The figure as published.
    public var observation: Observation
    /// The release's publication date, `YYYY-MM-DD`, when known.
    public var releaseDate: String?
    /// Line of the imported file.
    public var line: Int
    /// Whether this copy is the preferred one among several sources of one release.
    public var isPreferred: Bool
}

extension TradeDatabase {
    /// Figures of the store, optionally only one series' and only what was published by `asOf`
    /// (`YYYY-MM-DD`, see ``FigureSelection/asOf``: undated figures are left out), in key, period and release order.
    ///
    /// - Parameter preferredOnly: leave out less precise copies from other sources (default).
    public func figures(key: SeriesKey? = nil, asOf: String? = nil, preferredOnly: Bool = true) throws -> [StoredFigure]
    {
        var selection = FigureSelection(asOf: asOf)
        if let key {
            selection.regions = [key.region]
            selection.sectors = [key.sector]
            selection.currencies = [key.currency]
        }
        return try figures(selection, preferredOnly: preferredOnly).filter { key == nil || $0.observation.key == key }
    }

    /// The figures of the selected series whose span ends in the selection's months, in key, period
    /// and release order. The selection is pushed into SQL (series, period range on the primary key).
    public func figures(_ selection: FigureSelection, preferredOnly: Bool = true) throws -> [StoredFigure] {
        try queue.read { db in try Self.figures(db, selection, preferredOnly: preferredOnly) }
    }

    /// ``figures(_:preferredOnly:)`` inside a read transaction of the caller's.
    ///
    /// With regions selected, the figures are found from those regions' series (primary key); with
    /// every region, the figure table is scanned and each figure joined to its series by row id (a
    /// store with a large panel has tens of thousands of series and few published figures: looking
    /// figures up series by series cost 36,000 seeks on the bench panel).
    static func figures(_ db: Database, _ selection: FigureSelection, preferredOnly: Bool) throws -> [StoredFigure] {
        do {
            var sql = """
                SELECT s.region, s.sector, s.flow, s.currency, f.period_from, f.period_to, f.value, f.unit, f.decimals,
                       f.yoy_pct, f.vs2019_pct, f.two_year_avg_pct, f.share_pct, f.share_change_pp, f.balance_change,
                       src.address, r.name, r.published, f.line, f.preferred, f.publisher, f.published_on
                FROM \(selection.regions != nil ? "series s CROSS JOIN figure f" : "figure f CROSS JOIN series s")
                ON f.series_id = s.id JOIN release r ON r.id = f.release_id
                JOIN source src ON src.id = f.source_id
                WHERE 1 = 1
                """
            var args: [(any DatabaseValueConvertible)?] = []
            // The copies of a figure are read together: as of a date the preferred copy may not be known
            // yet (choose among those that are), and the kept copy borrows the rates it did not print
            // from the others of its release (``FigureSelection/keptCopies(_:observation:preferred:)``).
            Self.seriesFilter(selection, sql: &sql, args: &args)
            if let months = selection.months {
                sql += " AND f.period_to BETWEEN ? AND ?"
                args += [months.lowerBound.yyyymm, months.upperBound.yyyymm]
            }
            if let asOf = selection.asOf {
                sql += " AND \(FigureSelection.knownByDateSQL(figure: "f", release: "r")) <= ?"
                args.append(asOf)
            }
            sql += " ORDER BY s.region, s.sector, s.flow, s.currency, f.period_to, f.period_from, r.id, f.line"
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).compactMap {
                row -> StoredFigure? in
                for column in [6, 14] {
                    if let v = row[column] as Int64? {
                        try StoredValueCheck.level(v, key: "\(row[0] as String? ?? "")/\(row[1] as String? ?? "")")
                    }
                }
                return Self.decodeFigure(row)
            }
            guard preferredOnly else { return rows }
            return FigureSelection.keptCopies(rows, observation: \.observation, preferred: \.isPreferred).map {
                var f = $0
                f.isPreferred = true
                return f
            }
        }
    }

    public func figureHistory(_ selection: FigureSelection) throws -> [FigureCopy] {
        try figures(selection, preferredOnly: false).map {
            FigureCopy(observation: $0.observation, isPreferred: $0.isPreferred)
        }
    }

    /// `AND s.region IN (…) AND s.sector IN (…) AND s.currency IN (…)` for the selected series.
    static func seriesFilter(
        _ selection: FigureSelection, sql: inout String, args: inout [(any DatabaseValueConvertible)?]
    ) {
        func add(_ column: String, _ values: [String]?) {
            guard let values else { return }
            if values.isEmpty {
                sql += " AND 0"
                return
            }
            sql += " AND \(column) IN (" + Array(repeating: "?", count: values.count).joined(separator: ", ") + ")"
            args += values.map { $0 }
        }
        add("s.region", selection.regions.map { $0.sorted() })
        add("s.sector", selection.sectors.map { $0.sorted() })
        add("s.currency", selection.currencies.map { $0.map(\.rawValue).sorted() })
    }

    static func decodeFigure(_ row: Row) -> StoredFigure? {
        guard let flow = Flow(rawValue: row[2]), let currency = Currency(rawValue: row[3]),
            let from = Period(yyyymm: row[4]), let to = Period(yyyymm: row[5]),
            let span = try? PeriodSpan(start: from, end: to)
        else { return nil }
        let unitText: String? = row[7]
        let rate = { (i: Int) -> DecimalNumber? in (row[i] as String?).flatMap { DecimalNumber(parsing: $0) } }
        let rates = PublishedRates(
            yearOnYear: rate(9), versus2019: rate(10), twoYearAverage: rate(11), share: rate(12), shareChange: rate(13),
            balanceChange: (row[14] as Int64?).map { Level(hundredths: $0) })
        let o = Observation(
            key: SeriesKey(region: row[0], sector: row[1], flow: flow, currency: currency), span: span,
            value: (row[6] as Int64?).map { Level(hundredths: $0) },
            unit: unitText.flatMap { MonetaryUnit(parsing: $0) },
            decimals: row[8], rates: rates, source: row[15], release: row[16], publisher: row[20], publishedOn: row[21])
        return StoredFigure(observation: o, releaseDate: row[17], line: row[18], isPreferred: (row[19] as Int) == 1)
    }

    /// Monthly panel series (from tidy imports), optionally restricted to what was published by `asOf`.
    /// When several releases hold the same month, the latest release wins.
    public func monthlyPanel(asOf: String? = nil) throws -> MonthlyPanel {
        try monthlyPanel(FigureSelection(asOf: asOf))
    }

    /// The selected panel series over the selection's months only: blocks of other series are not
    /// read, and a block is decoded only as far as the last month asked for.
    public func monthlyPanel(_ selection: FigureSelection) throws -> MonthlyPanel {
        try queue.read { db in Self.assemble(try Self.panelBlocks(db, selection, rowids: nil)) }
    }

    /// The releases published by `asOf` (all when `nil`): name and publication date by id.
    static func releaseOrders(_ db: Database, asOf: String?) throws -> [Int64: (name: String, published: String?)] {
        var releases: [Int64: (name: String, published: String?)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, published FROM release") {
            let published: String? = row[2]
            if let asOf, let published, published > asOf { continue }
            releases[row[0]] = (row[1], published)
        }
        return releases
    }

    /// The selected blocks whose row ids fall in `rowids` (all when `nil`), decoded over the
    /// selection's months, in no particular order (``assemble(_:)`` orders them).
    ///
    /// A selection of regions is found from the series (few blocks read, through the primary key);
    /// otherwise (every region, any sectors: most blocks) the blocks are scanned in table order and
    /// each joined to its series by row id, with no index lookups and no sort inside SQLite (the
    /// blobs are not copied into a sorter).
    static func panelBlocks(_ db: Database, _ selection: FigureSelection, rowids: ClosedRange<Int64>?) throws
        -> [PanelBlock]
    {
        let bySeries = selection.regions != nil
        // Releases and sources are few: read once, not joined to every block.
        let releases = try releaseOrders(db, asOf: selection.asOf)
        var sources: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, address FROM source") { sources[row[0]] = row[1] }
        var sql = """
            SELECT s.region, s.sector, s.flow, s.currency, b.first_month, b.month_count, b.unit, b.decimals,
                   b.present, b.vals, b.release_id, b.source_id, b.series_id
            FROM \(bySeries ? "series s CROSS JOIN monthly_block b" : "monthly_block b CROSS JOIN series s")
            ON b.series_id = s.id
            WHERE 1 = 1
            """
        var args: [(any DatabaseValueConvertible)?] = []
        if let rowids {
            sql += " AND b.rowid BETWEEN ? AND ?"
            args += [rowids.lowerBound, rowids.upperBound]
        }
        Self.seriesFilter(selection, sql: &sql, args: &args)
        if let months = selection.months {
            sql += " AND b.first_month <= ? AND b.first_month + b.month_count > ?"
            args += [months.upperBound.index, months.lowerBound.index]
        }
        var blocks: [PanelBlock] = []
        var units: [String: MonetaryUnit] = [:]
        let lo = selection.months?.lowerBound.index ?? Int.min
        let hi = selection.months?.upperBound.index ?? Int.max
        // Stepped straight from SQLite's buffers: a block is decoded only as far as the last month
        // asked for, and nothing else is copied (the panel path's technique).
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(args))
        try RawRows(statement: statement).forEach { row in
            let st = row.statement
            let releaseID = sqlite3_column_int64(st, 10)
            guard let release = releases[releaseID] else { return }  // published after asOf
            let unitText = row.text(6)
            guard let flow = Flow(rawValue: row.text(2)), let currency = Currency(rawValue: row.text(3)),
                let unit = units[unitText] ?? MonetaryUnit(parsing: unitText)
            else { return }
            units[unitText] = unit
            let first = Int(sqlite3_column_int64(st, 4))
            let stored = Int(sqlite3_column_int64(st, 5))
            try StoredValueCheck.block(
                first: first, count: stored, bitmapBytes: Int(sqlite3_column_bytes(st, 8)),
                key: "\(row.text(0))/\(row.text(1))/\(row.text(2))/\(row.text(3))")
            let count = min(stored, hi == Int.max ? Int.max : hi - first + 1)
            guard count > 0 else { return }
            let skip = max(0, lo == Int.min ? 0 : lo - first)
            guard skip < count else { return }
            let bits = sqlite3_column_blob(st, 8)?.assumingMemoryBound(to: UInt8.self)
            let bitBytes = Int(sqlite3_column_bytes(st, 8))
            let values = MonthlyBlockCodec.decodeValues(
                pointer: sqlite3_column_blob(st, 9), bytes: Int(sqlite3_column_bytes(st, 9)), from: skip, count: count)
            try StoredValueCheck.levels(values, key: "\(row.text(0))/\(row.text(1))/\(row.text(2))/\(row.text(3))")
            var present = [Bool](repeating: false, count: count - skip)
            if let bits {
                for i in skip..<count where i >> 3 < bitBytes {
                    present[i - skip] = bits[i >> 3] & (1 << UInt8(i & 7)) != 0
                }
            }
            blocks.append(
                PanelBlock(
                    order: PanelBlock.Order(
                        seriesID: sqlite3_column_int64(st, 12), published: release.published, releaseID: releaseID),
                    key: SeriesKey(region: row.text(0), sector: row.text(1), flow: flow, currency: currency),
                    unit: unit,
                    decimals: Int(sqlite3_column_int64(st, 7)), release: release.name,
                    source: sources[sqlite3_column_int64(st, 11)] ?? "", start: first + skip, values: values,
                    present: present))
        }
        return blocks
    }

    /// The panel from blocks in any order, put in ``TradeCore/PanelBlock/Order``.
    static func assemble(_ blocks: [PanelBlock]) -> MonthlyPanel { PanelBlock.assemble(blocks) }
}
