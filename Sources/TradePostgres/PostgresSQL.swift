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

        /// A series' key as one text: region, sector, flow and currency joined by U+001F (`||`, not
        /// `concat_ws`, which calls each argument's output function).
        static let packedKey = "region || chr(31) || sector || chr(31) || flow || chr(31) || currency"

        /// A text field of a packed record: `textsend` (in the session's encoding, UTF-8 for svctrade) on the
        /// fly, or for a generated column the text's bytes in the server's encoding (`decode(…, 'escape')`
        /// of the text with its backslashes doubled: `textsend` depends on the session, so the server cannot
        /// keep it in a column); the panel read takes those only from a UTF-8 server, where they are the
        /// bytes `textsend` sends to svctrade.
        static func textField(_ expression: String, generated: Bool) -> PackedRecords.Field {
            generated
                ? .bytes("decode(replace(\(expression), chr(92), chr(92) || chr(92)), 'escape')") : .text(expression)
        }

        /// A series' key as a packed record's first field (``packedKey``).
        static func seriesHead(generated: Bool) -> String {
            PackedRecords.record([textField(packedKey, generated: generated)])
        }

        /// A block's own fields as a packed record writes them (``PackedRecords``), up to the length of
        /// its values: ids, months, decimals, unit and presence bitmap; of the block's recent years
        /// (``RecentYears``) when `recent`.
        static func blockHead(generated: Bool, recent: Bool = false) -> String {
            let (first, count, present, vals) =
                recent
                ? ("recent_first", "recent_count", "recent_present", "recent_vals")
                : ("first_month", "month_count", "present", "vals")
            return PackedRecords.record([
                .int8("series_id"), .int8("release_id"), .int8("source_id"), .int4(first),
                .int4(count), .int4("decimals"), textField("unit", generated: generated), .bytes(present),
            ]) + " || int4send(octet_length(\(vals)))"
        }

        /// `series.record_key` and `monthly_block.record_head`: ``seriesHead(generated:)`` and
        /// ``blockHead(generated:)`` kept by the server as generated columns, so that the panel read sends a
        /// block without a function call per field (half of the server's time on the bench panel). Added by
        /// `svctrade db init`, after the blocks of an earlier store are packed (arrays have no
        /// `octet_length`).
        static let addRecordHeads = [
            """
            ALTER TABLE series ADD COLUMN IF NOT EXISTS record_key bytea
                GENERATED ALWAYS AS (\(seriesHead(generated: true))) STORED
            """,
            """
            ALTER TABLE monthly_block ADD COLUMN IF NOT EXISTS record_head bytea
                GENERATED ALWAYS AS (\(blockHead(generated: true))) STORED
            """,
            // A block's recent years (``RecentYears``), written by the import beside the whole block; NULL
            // for a short block and for the blocks of a store imported before these columns.
            """
            ALTER TABLE monthly_block ADD COLUMN IF NOT EXISTS recent_first integer,
                ADD COLUMN IF NOT EXISTS recent_count integer, ADD COLUMN IF NOT EXISTS recent_present bytea,
                ADD COLUMN IF NOT EXISTS recent_vals bytea
            """,
            """
            ALTER TABLE monthly_block ADD COLUMN IF NOT EXISTS recent_head bytea
                GENERATED ALWAYS AS (\(blockHead(generated: true, recent: true))) STORED
            """,
        ]

        /// Whether the import writes the recent years of each block (the store has the columns).
        static let recentColumnsExist = """
            SELECT count(*) = 4 FROM pg_attribute a
            WHERE a.attrelid = to_regclass('public.monthly_block') AND NOT a.attisdropped
              AND a.attname IN ('recent_first', 'recent_count', 'recent_present', 'recent_vals')
            """

        /// Whether the panel read may send `record_key` and `record_head`: both columns exist and the
        /// server's encoding is UTF-8 (else the read packs each block's fields itself); with the
        /// transaction's snapshot for a second connection and the range of series ids, in one round trip.
        static let partedReadStart = """
            SELECT pg_export_snapshot(), (SELECT min(id) FROM series), (SELECT max(id) FROM series),
                current_setting('server_encoding') = 'UTF8' AND (SELECT count(*) = 2 FROM pg_attribute a
                    WHERE (a.attrelid, a.attname) IN ((to_regclass('public.series'), 'record_key'),
                        (to_regclass('public.monthly_block'), 'record_head')) AND NOT a.attisdropped),
                (SELECT count(*) = 2 FROM pg_attribute a
                    WHERE (a.attrelid, a.attname) IN ((to_regclass('public.monthly_block'), 'recent_head'),
                        (to_regclass('public.monthly_block'), 'recent_vals')) AND NOT a.attisdropped)
            """

        /// How a part's records are packed: each field on the fly, from the generated columns, or from
        /// them with a block's recent years sent instead of the whole block when they hold the window.
        enum PartFields: Sendable {
            case onTheFly, generated, generatedWithRecent

            /// From ``partedReadStart``'s answer.
            init(heads: Bool, recent: Bool) {
                self = heads ? (recent ? .generatedWithRecent : .generated) : .onTheFly
            }
        }

        /// Panel blocks of the series with ids `$3 … $4` that overlap the months `$1 … $2`, as one packed
        /// value (``PackedRecords``): the series key, the block's fields (from the generated columns, or
        /// packed on the fly, as `fields` says) and its bytes (``MonthlyBlockCodec``), or only its recent
        /// years when they hold every month asked for (a block of 2002–2021 read for 2019–2021 sends a
        /// sixth of its bytes); the client cuts the window as it decodes, as the SQLite store does. The
        /// selection's filter on series follows (`$5 …`). Release names and sources are read once.
        static func partBlocks(_ fields: PartFields) -> String {
            let record =
                switch fields {
                case .onTheFly: seriesHead(generated: false) + " || " + blockHead(generated: false) + " || b.vals"
                case .generated: "s.record_key || b.record_head || b.vals"
                // The recent years when they begin by the first month asked for (recent_first is NULL for a
                // block without them: the whole block).
                case .generatedWithRecent:
                    "s.record_key || CASE WHEN b.recent_first <= $1::integer THEN b.recent_head || b.recent_vals "
                        + "ELSE b.record_head || b.vals END"
                }
            return PackedRecords.select(
                record,
                from: """
                    FROM monthly_block b JOIN series s ON s.id = b.series_id
                    WHERE b.series_id BETWEEN $3 AND $4 AND s.id BETWEEN $3 AND $4
                      AND b.first_month <= $2::integer AND b.first_month + b.month_count > $1::integer
                    """)
        }

        /// ``partBlocks`` for the months `months` and the series ids `ids`, with the selection's filter on
        /// series.
        static func partQuery(
            months: ClosedRange<Int>, ids: ClosedRange<Int64>, fields: PartFields, selection: FigureSelection
        ) throws -> PostgresQuery {
            var binds = PostgresBindings()
            binds.append(months.lowerBound)
            binds.append(months.upperBound)
            binds.append(ids.lowerBound)
            binds.append(ids.upperBound)
            let filter = try seriesFilter(selection, binds: &binds)
            return PostgresQuery(unsafeSQL: partBlocks(fields) + filter, binds: binds)
        }

        /// The planner's row count of each table an import writes (`reltuples`, −1 before the first
        /// ANALYZE), for ``PostgresImport/analyzeWhatGrew(_:)``.
        static let plannerRowCounts = """
            SELECT c.relname::text, c.reltuples::float8 FROM pg_class c
            WHERE c.oid IN (to_regclass('public.monthly_block'), to_regclass('public.series'),
                to_regclass('public.figure'))
            """

        /// The statistics an import gathers of `table`: of the columns the reads join and filter on (the month
        /// window, the selection's filters); `nil` for another table.
        static func analyze(_ table: String) -> String? {
            let columns = [
                "monthly_block": "series_id, release_id, first_month, month_count, recent_first",
                "series": "id, region, sector, flow, currency",
                "figure": "series_id, release_id, period_from, period_to",
            ]
            return columns[table].map { "ANALYZE \(table) (\($0))" }
        }

        /// Every release: id, name and publication date.
        static let releaseDates = "SELECT id, name, published FROM release"

        /// Every source address by id.
        static let sourceAddresses = "SELECT id, address FROM source"

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
        /// ``blockColumns`` with the block's recent years (``RecentYears``).
        static let blockColumnsWithRecent =
            blockColumns + ["recent_first", "recent_count", "recent_present", "recent_vals"]

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
                releases, figures, partBlocks(.generatedWithRecent), partBlocks(.generated), partBlocks(.onTheFly),
                releaseDates, sourceAddresses, recentColumnsExist,
                seriesKeys, partedReadStart,
                summaryFigures, summaryBlocks,
                lockReleases, existingRelease,
                insertRelease, allSeries, insertSeries, insertSources, sourceIDs, schemaCheck, unpackedBlocks,
                addPackedColumns, packOldBlocks, plannerRowCounts,
            ] + ["monthly_block", "series", "figure"].compactMap(analyze) + finishPackedColumns + addRecordHeads + [
                "COPY figure (\(figureColumns.joined(separator: ", "))) FROM STDIN",
                "COPY monthly_block (\(blockColumnsWithRecent.joined(separator: ", "))) FROM STDIN",
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
