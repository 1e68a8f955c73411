#if PostgreSQL
    import PostgresNIO
    import TradeCore

    /// Every SQL statement the PostgreSQL store runs, in one place, so that a test can check each one
    /// that touches a distributed table (`figure`, `monthly_block`) joins or filters on `series_id`.
    public enum PostgresSQL {
        /// The schema, idempotent. Big tables keyed by `series_id` (the distribution column); reference
        /// tables small. With Citus: `SELECT create_reference_table('series')` (and `release`, `source`),
        /// then `create_distributed_table('figure', 'series_id')` and `('monthly_block', 'series_id',
        /// colocate_with => 'figure')` (<doc:PostgreSQL>).
        public static let schema = [
            """
            CREATE TABLE IF NOT EXISTS release (
                id bigserial PRIMARY KEY,
                name text NOT NULL UNIQUE,
                published text,
                imported_from text NOT NULL,
                row_count bigint NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS series (
                id bigserial PRIMARY KEY,
                region text NOT NULL,
                sector text NOT NULL,
                flow text NOT NULL CHECK (flow IN ('export', 'import', 'total', 'balance')),
                currency text NOT NULL CHECK (currency IN ('CNY', 'USD')),
                UNIQUE (region, sector, flow, currency)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS source (
                id bigserial PRIMARY KEY,
                address text NOT NULL UNIQUE
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS figure (
                series_id bigint NOT NULL REFERENCES series (id),
                period_from integer NOT NULL,
                period_to integer NOT NULL,
                release_id bigint NOT NULL REFERENCES release (id),
                source_id bigint NOT NULL REFERENCES source (id),
                line integer NOT NULL,
                preferred boolean NOT NULL,
                value bigint,
                unit text,
                decimals integer,
                yoy_pct text,
                vs2019_pct text,
                two_year_avg_pct text,
                share_pct text,
                share_change_pp text,
                balance_change bigint,
                publisher text,
                published_on text,
                PRIMARY KEY (series_id, period_to, period_from, release_id, source_id, line)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS monthly_block (
                series_id bigint NOT NULL REFERENCES series (id),
                release_id bigint NOT NULL REFERENCES release (id),
                first_month integer NOT NULL,
                month_count integer NOT NULL,
                unit text NOT NULL,
                decimals integer NOT NULL,
                source_id bigint NOT NULL REFERENCES source (id),
                present bytea NOT NULL,
                vals bytea NOT NULL,
                PRIMARY KEY (series_id, release_id)
            )
            """,
            // Imports take a lock on this table, which only writers may lock in that mode (a reader has
            // no privilege on it): one import at a time, and no reader can hold the imports up.
            """
            CREATE TABLE IF NOT EXISTS import_lock (
                only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row)
            )
            """,
        ]

        /// The two roles of a team: a writer (imports) and a reader (the press office), as groups that
        /// login roles are granted (`GRANT svctrade_reader TO press`).
        public static let roles = [
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'svctrade_reader') THEN
                    CREATE ROLE svctrade_reader NOLOGIN;
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'svctrade_writer') THEN
                    CREATE ROLE svctrade_writer NOLOGIN;
                END IF;
            END $$
            """,
            "GRANT USAGE ON SCHEMA public TO svctrade_reader, svctrade_writer",
            "GRANT SELECT ON release, series, source, figure, monthly_block TO svctrade_reader",
            "GRANT SELECT, INSERT ON release, series, source, figure, monthly_block TO svctrade_writer",
            "GRANT USAGE ON SEQUENCE release_id_seq, series_id_seq, source_id_seq TO svctrade_writer",
            "GRANT UPDATE ON import_lock TO svctrade_writer",
        ]

        static let releases = "SELECT name, published, imported_from FROM release ORDER BY id"

        static let figures = """
            SELECT s.region, s.sector, s.flow, s.currency, f.period_from, f.period_to, f.value, f.unit, f.decimals,
                   f.yoy_pct, f.vs2019_pct, f.two_year_avg_pct, f.share_pct, f.share_change_pp, f.balance_change,
                   src.address, r.name, r.published, f.preferred, f.publisher, f.published_on
            FROM figure f JOIN series s ON s.id = f.series_id JOIN release r ON r.id = f.release_id
            JOIN source src ON src.id = f.source_id
            WHERE true
            """

        /// A series' key as one text: region, sector, flow and currency joined by U+001F.
        static let packedKey = "concat_ws(chr(31), s.region, s.sector, s.flow, s.currency)"

        /// Panel blocks of the series with ids `$3 … $4` that overlap the months `$1 … $2`, as one packed
        /// value (``PackedRecords``): ids, months, decimals, unit, the series key and the block's bytes
        /// (``MonthlyBlockCodec``); the client cuts the window as it decodes, as the SQLite store does.
        /// The selection's filter on series follows (`$5 …`). Release names and sources are read once.
        static let partBlocks = PackedRecords.select(
            [
                .int8("b.series_id"), .int8("b.release_id"), .int8("b.source_id"), .int4("b.first_month"),
                .int4("b.month_count"), .int4("b.decimals"), .text("b.unit"), .text(packedKey), .bytes("b.present"),
                .bytes("b.vals"),
            ],
            from: """
                FROM monthly_block b JOIN series s ON s.id = b.series_id
                WHERE b.series_id BETWEEN $3 AND $4 AND s.id BETWEEN $3 AND $4
                  AND b.first_month <= $2::integer AND b.first_month + b.month_count > $1::integer
                """)

        /// ``partBlocks`` for the months `months` and the series ids `ids`, with the selection's filter on
        /// series.
        static func partQuery(months: ClosedRange<Int>, ids: ClosedRange<Int64>, selection: FigureSelection) throws
            -> PostgresQuery
        {
            var binds = PostgresBindings()
            binds.append(months.lowerBound)
            binds.append(months.upperBound)
            binds.append(ids.lowerBound)
            binds.append(ids.upperBound)
            let filter = try seriesFilter(selection, binds: &binds)
            return PostgresQuery(unsafeSQL: partBlocks + filter, binds: binds)
        }

        /// Every release: id, name and publication date.
        static let releaseDates = "SELECT id, name, published FROM release"

        /// Every source address by id.
        static let sourceAddresses = "SELECT id, address FROM source"

        /// The lowest and highest series id (the parts of the panel read).
        static let seriesIDRange = "SELECT min(s.id), max(s.id) FROM series s"

        /// The snapshot of the panel read's transaction, for its second connection.
        static let exportSnapshot = "SELECT pg_export_snapshot()"

        static let seriesKeys = "SELECT s.id, s.region, s.sector, s.flow, s.currency FROM series s WHERE true"

        static let summaryFigures = """
            SELECT f.series_id, f.period_from, f.period_to, f.release_id
            FROM figure f JOIN series s ON s.id = f.series_id WHERE f.preferred
            """

        static let summaryBlocks = """
            SELECT b.series_id, b.release_id, b.first_month, b.month_count, b.present
            FROM monthly_block b JOIN series s ON s.id = b.series_id WHERE true
            """

        /// One writer at a time: `import_lock` locked for the transaction in EXCLUSIVE mode, which needs
        /// UPDATE on it (writers have it, readers do not: an advisory lock, which any login can take,
        /// let a reader hold every import up). Readers' own reads never conflict with it.
        static let lockReleases = "LOCK TABLE import_lock IN EXCLUSIVE MODE"
        /// Whether another session holds that lock now (then the import says it waits).
        static let importLockHeld = """
            SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                WHERE c.relname = 'import_lock' AND l.mode = 'ExclusiveLock' AND l.granted AND l.pid <> pg_backend_pid())
            """
        /// How long the import waits for that lock, seconds (then SQLSTATE 55P03).
        static func lockTimeout(seconds: Int) -> String { "SET LOCAL lock_timeout = '\(max(1, seconds))s'" }
        static let noLockTimeout = "SET LOCAL lock_timeout = 0"
        static let existingRelease = "SELECT imported_from FROM release WHERE name = $1"
        static let insertRelease =
            "INSERT INTO release (name, published, imported_from, row_count) VALUES ($1, $2, $3, $4) RETURNING id"
        static let allSeries = "SELECT id, region, sector, flow, currency FROM series"
        static let insertSeries = """
            INSERT INTO series (region, sector, flow, currency)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
            RETURNING id, region, sector, flow, currency
            """
        static let insertSources = """
            INSERT INTO source (address) SELECT DISTINCT unnest($1::text[]) ON CONFLICT (address) DO NOTHING
            """
        static let sourceIDs = "SELECT id, address FROM source WHERE address = ANY($1::text[])"
        static let figureColumns = [
            "series_id", "period_from", "period_to", "release_id", "source_id", "line", "preferred", "value", "unit",
            "decimals", "yoy_pct", "vs2019_pct", "two_year_avg_pct", "share_pct", "share_change_pp", "balance_change",
            "publisher", "published_on",
        ]
        static let blockColumns = [
            "series_id", "release_id", "first_month", "month_count", "unit", "decimals", "source_id", "present",
            "vals",
        ]

        /// The schema check every call makes, in one round trip: whether the tables exist, and the type of
        /// `monthly_block.vals` (`bytea` now; `bigint[]` in stores made before the blocks were packed).
        static let schemaCheck = """
            SELECT to_regclass('public.figure') IS NOT NULL,
                   (SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                    WHERE a.attrelid = to_regclass('public.monthly_block') AND a.attname = 'vals' AND NOT a.attisdropped)
            """

        /// Converts the blocks of an earlier store (`boolean[]`/`bigint[]` arrays) to the packed columns:
        /// new columns added, filled by ``packOldBlocks`` from rows read in order, old ones dropped.
        static let unpackedBlocks = "SELECT series_id, release_id, present, vals FROM monthly_block ORDER BY 1, 2"
        static let addPackedColumns = """
            ALTER TABLE monthly_block ADD COLUMN month_count integer, ADD COLUMN present_packed bytea,
                ADD COLUMN vals_packed bytea
            """
        static let packOldBlocks = """
            UPDATE monthly_block b SET month_count = u.n, present_packed = decode(u.p, 'hex'),
                vals_packed = decode(u.v, 'hex')
            FROM unnest($1::bigint[], $2::bigint[], $3::integer[], $4::text[], $5::text[]) AS u(s, r, n, p, v)
            WHERE b.series_id = u.s AND b.release_id = u.r
            """
        static let finishPackedColumns = [
            "ALTER TABLE monthly_block DROP COLUMN present, DROP COLUMN vals",
            "ALTER TABLE monthly_block RENAME COLUMN present_packed TO present",
            "ALTER TABLE monthly_block RENAME COLUMN vals_packed TO vals",
            """
            ALTER TABLE monthly_block ALTER COLUMN month_count SET NOT NULL, ALTER COLUMN present SET NOT NULL,
                ALTER COLUMN vals SET NOT NULL
            """,
        ]

        /// Every statement, for the distribution-column test (COPY targets are listed by their columns).
        public static var statements: [String] {
            schema + roles + [
                releases, figures, partBlocks, releaseDates, sourceAddresses, seriesKeys, seriesIDRange, exportSnapshot,
                summaryFigures, summaryBlocks,
                lockReleases, existingRelease,
                insertRelease, allSeries, insertSeries, insertSources, sourceIDs, schemaCheck, unpackedBlocks,
                addPackedColumns, packOldBlocks,
            ] + finishPackedColumns + [
                "COPY figure (\(figureColumns.joined(separator: ", "))) FROM STDIN",
                "COPY monthly_block (\(blockColumns.joined(separator: ", "))) FROM STDIN",
            ]
        }

        /// ` AND s.region = ANY($n) …` for the selected series, binding the lists.
        static func seriesFilter(_ selection: FigureSelection, binds: inout PostgresBindings) throws -> String {
            var sql = ""
            func add(_ column: String, _ values: [String]?) {
                guard let values else { return }
                binds.append(values)
                sql += " AND \(column) = ANY($\(binds.count)::text[])"
            }
            add("s.region", selection.regions.map { $0.sorted() })
            add("s.sector", selection.sectors.map { $0.sorted() })
            add("s.currency", selection.currencies.map { $0.map(\.rawValue).sorted() })
            return sql
        }
    }
#endif
