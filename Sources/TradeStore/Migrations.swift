import GRDB

/// The store's schema, created and upgraded by GRDB's `DatabaseMigrator`.
///
/// Layout (measured choice, see the article <doc:StoreLayout>):
/// - `series`: one row per series key, integer id; every other table refers to it.
/// - `release`: one row per vintage (name, publication date, file it came from).
/// - `source`: distinct source addresses.
/// - `figure`: published figures of any span with their published rates, one row per figure and
///   source (the preferred copy flagged), keyed by series and period for range scans.
/// - `monthly_block`: the monthly values of one series in one release, packed: a bitmap of present
///   months and the hundredths as zigzag-varint month-to-month differences scaled by their common
///   power of ten (``TradeCore/MonthlyBlockCodec``). An 8.64-million-value panel is 36,000 rows and 30 MB.
///   `monthly_json` holds the same months as a JSON array for SQL (``TidyViews``), in a table of its own
///   so that the blocks stay a few to a page.
/// - the views `tidy` and `tidy_vintages` (``TidyViews``), read-only, for pandas, R and DuckDB.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE release (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        published TEXT,
                        imported_from TEXT NOT NULL,
                        row_count INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE series (
                        id INTEGER PRIMARY KEY,
                        region TEXT NOT NULL,
                        sector TEXT NOT NULL,
                        flow TEXT NOT NULL,      -- export, import, total, balance (validated before writing)
                        currency TEXT NOT NULL,  -- CNY, USD (a CHECK here cost 0.13 s per 36,000 series)
                        UNIQUE (region, sector, flow, currency)
                    ) STRICT;
                    CREATE TABLE source (
                        id INTEGER PRIMARY KEY,
                        address TEXT NOT NULL UNIQUE
                    ) STRICT;
                    CREATE TABLE figure (
                        series_id INTEGER NOT NULL REFERENCES series(id),
                        period_from INTEGER NOT NULL,
                        period_to INTEGER NOT NULL,
                        release_id INTEGER NOT NULL REFERENCES release(id),
                        source_id INTEGER NOT NULL REFERENCES source(id),
                        line INTEGER NOT NULL,
                        preferred INTEGER NOT NULL CHECK (preferred IN (0, 1)),
                        value INTEGER,
                        unit TEXT,
                        decimals INTEGER,
                        yoy_pct TEXT,
                        vs2019_pct TEXT,
                        two_year_avg_pct TEXT,
                        share_pct TEXT,
                        share_change_pp TEXT,
                        balance_change INTEGER,
                        PRIMARY KEY (series_id, period_to, period_from, release_id, source_id, line)
                    ) STRICT, WITHOUT ROWID;
                    CREATE TABLE monthly_block (
                        series_id INTEGER NOT NULL REFERENCES series(id),
                        release_id INTEGER NOT NULL REFERENCES release(id),
                        first_month INTEGER NOT NULL,
                        month_count INTEGER NOT NULL,
                        unit TEXT NOT NULL,
                        decimals INTEGER NOT NULL,
                        source_id INTEGER NOT NULL REFERENCES source(id),
                        present BLOB NOT NULL,
                        vals BLOB NOT NULL,
                        PRIMARY KEY (series_id, release_id)
                    ) STRICT;
                    """)
        }
        // v2: who published a figure and the date its address gives (the command reference, "Sources").
        m.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    ALTER TABLE figure ADD COLUMN publisher TEXT;
                    ALTER TABLE figure ADD COLUMN published_on TEXT;
                    """)
        }
        // v3: what SQL reads without svctrade (``TidyViews``): each block's months as a JSON array, the
        // status of figures and blocks, the views `tidy` and `tidy_vintages`; filled in for older stores.
        m.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    ALTER TABLE figure ADD COLUMN status TEXT;
                    ALTER TABLE monthly_block ADD COLUMN status TEXT;
                    CREATE TABLE monthly_json (
                        series_id INTEGER NOT NULL REFERENCES series(id),
                        release_id INTEGER NOT NULL REFERENCES release(id),
                        vals_json_scale INTEGER NOT NULL,
                        vals_json TEXT NOT NULL,
                        PRIMARY KEY (series_id, release_id)
                    ) STRICT;
                    """)
            try TidyViews.backfill(db)
            try db.execute(sql: TidyViews.create)
        }
        // v4: every copy is stored as its page printed it and readers fill the kept copy's missing rates
        // from the others of its release (``TradeCore/FigureSelection/keptCopies(_:observation:preferred:)``);
        // the `tidy` view does the same.
        m.registerMigration("v4") { db in
            try db.execute(sql: "DROP VIEW IF EXISTS tidy; DROP VIEW IF EXISTS tidy_vintages;")
            try db.execute(sql: TidyViews.create)
        }
        return m
    }
}
