#if PostgreSQL
    import Foundation
    import PostgresNIO
    import Synchronization
    import TradeCore

    /// The PostgreSQL store: the same logical model as the SQLite one (series, releases, sources, figures,
    /// monthly blocks) behind ``TradeCore/FigureWriter``, for a team sharing one server (DocC article
    /// *Adding a store backend*).
    ///
    /// Layout (ready for Citus): the big tables `figure` and `monthly_block` carry the distribution column
    /// `series_id` in their primary keys; `series`, `release` and `source` are small reference tables.
    /// Every query that touches a big table joins or filters on `series_id` (``PostgresSQL/statements``,
    /// checked by a test). Monthly values are packed blocks (``TradeCore/MonthlyBlockCodec``, `bytea`), read
    /// in parts of the series ids that the server packs into one value each (``readInParts``), over two
    /// connections in one snapshot, and decoded over the window asked for only. Imports run in one
    /// transaction that first locks `import_lock`: one writer at a time (a second waits), readers never
    /// blocked (PostgreSQL's MVCC snapshots). Every call is `async` (PostgresNIO's own), bounded by a
    /// deadline: a server that stops answering is an error, never a hang.
    public final class PostgresStore: FigureWriter, Sendable {
        /// The address with any password removed, for messages.
        public let address: String
        let connection: PostgresConnection
        /// How to open a second connection (the panel read's helper).
        let configuration: PostgresConnection.Configuration
        /// One call at a time on the connection (a read of several queries runs in one transaction).
        let gate = AsyncGate()
        /// Ends the call under way when the connection closes (one watch per connection, armed per call).
        let watch = ConnectionWatch()
        /// How long an import waits for another import to finish, seconds (`svctrade import --wait`).
        public let importLockWait: Int
        /// How long one call to the server may take, seconds.
        public let callDeadline: Int
        /// Where an import's waits and progress go (the store prints nothing).
        let events: StoreEventHandler
        static let logger = Logger(label: "svctrade.postgres")

        /// Connects to `postgres://user[:password]@host[:port]/database`; `password` is used when the
        /// address has none (the caller's `$PGPASSWORD`: a store reads no environment). A `readOnly` session refuses every write on the server's side
        /// (`default_transaction_read_only`). `callDeadline` bounds every call, seconds: a server that
        /// stops answering (stopped mid-COPY, a network that drops packets) is an error after it.
        /// `events` hears an import wait for another and the rows it writes.
        public init(
            address text: String, password: String? = nil, importLockWait: Int = 600, readOnly: Bool = false,
            callDeadline: Int = 600, events: @escaping StoreEventHandler = { _ in }
        ) async throws {
            self.importLockWait = importLockWait
            self.events = events
            self.callDeadline = callDeadline
            let config = try PostgresAddress.parse(text)
            address = config.redacted
            let configuration = PostgresConnection.Configuration(
                host: config.host, port: config.port, username: config.user,
                password: config.password ?? password,
                database: config.database,
                tls: .disable)
            self.configuration = configuration
            let redacted = config.redacted
            do {
                connection = try await withDeadline(seconds: callDeadline) {
                    let c = try await PostgresConnection.connect(
                        configuration: configuration, id: 1, logger: Self.logger)
                    if readOnly {
                        try await c.query("SET default_transaction_read_only = on", logger: Self.logger)
                    }
                    return c
                }
            } catch {
                throw PostgresStoreError.describing(error, address: redacted)
            }
            let watch = self.watch
            connection.closeFuture.whenComplete { _ in watch.closed() }
        }

        deinit {
            let c = connection
            Task { try? await c.close() }
        }

        /// Runs `body` with the connection to itself, within the call deadline (plus `extra` seconds);
        /// on timeout the connection is closed (the server rolls back what was under way).
        func exclusive<T: Sendable>(
            extra: Int = 0, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
        ) async throws -> T {
            let c = connection
            await gate.enter()
            do {
                let value = try await withDeadline(
                    seconds: callDeadline + extra, watch: watch, onTimeout: { try? await c.close() }
                ) { try await body(c) }
                watch.disarm()
                await gate.leave()
                return value
            } catch {
                watch.disarm()
                await gate.leave()
                throw described(error)
            }
        }

        /// The one-line error for a failed call; a lock timeout can only be an import's.
        func described(_ error: any Error) -> PostgresStoreError {
            guard PostgresStoreError.sqlState(error) == "55P03" else {
                return PostgresStoreError.describing(error, address: address)
            }
            return PostgresStoreError(
                "error: another import is writing to \(address) (it holds the import lock); waited \(importLockWait) s and imported nothing. Try again when it has finished, or give svctrade import --wait SECONDS"
            )
        }

        /// Runs a query on a connection and returns its rows.
        static func rows(
            _ c: PostgresConnection, _ sql: String, _ binds: PostgresBindings = PostgresBindings()
        ) async throws -> [PostgresRow] {
            try await rows(c, PostgresQuery(unsafeSQL: sql, binds: binds))
        }

        /// Runs a query on a connection and returns its rows.
        static func rows(_ c: PostgresConnection, _ query: PostgresQuery) async throws -> [PostgresRow] {
            var out: [PostgresRow] = []
            for try await row in try await c.query(query, logger: logger) {
                out.append(row)
            }
            return out
        }

        /// Runs one statement that returns nothing the store reads (administration: `CREATE DATABASE`,
        /// roles and grants, as `svctrade db init` and the tests do).
        public func execute(_ sql: String) async throws {
            _ = try await exclusive { c in try await Self.rows(c, sql).count }
        }

        /// Creates the schema when missing (idempotent) and, with `roles`, the writer and reader roles; the
        /// monthly blocks of a store made before they were packed are packed, in one transaction.
        public func initialize(roles: Bool) async throws {
            let statements = PostgresSQL.schema + (roles ? PostgresSQL.roles : [])
            _ = try await exclusive { c in
                for statement in statements { _ = try await Self.rows(c, statement) }
                let blockType = try await Self.rows(c, PostgresSQL.schemaCheck).first?.decode((Bool, String?).self).1
                if blockType == "bigint[]" {
                    try await c.withTransaction(logger: Self.logger) { tx in try await Self.packOldBlocks(tx) }
                }
                for statement in PostgresSQL.addRecordHeads { _ = try await Self.rows(c, statement) }
                return 0
            }
        }

        /// Packs the array blocks of an earlier store (`boolean[]`, `bigint[]`) into `bytea` columns.
        static func packOldBlocks(_ c: PostgresConnection) async throws {
            _ = try await rows(c, PostgresSQL.lockReleases)
            _ = try await rows(c, PostgresSQL.addPackedColumns)
            var batch: (series: [Int64], releases: [Int64], counts: [Int], present: [String], values: [String]) = (
                [], [], [], [], []
            )
            func flush() async throws {
                guard !batch.series.isEmpty else { return }
                var binds = PostgresBindings()
                binds.append(batch.series)
                binds.append(batch.releases)
                binds.append(batch.counts)
                binds.append(batch.present)
                binds.append(batch.values)
                _ = try await rows(c, PostgresSQL.packOldBlocks, binds)
                batch = ([], [], [], [], [])
            }
            for row in try await rows(c, PostgresSQL.unpackedBlocks) {
                let (series, release, present, values) = try row.decode((Int64, Int64, [Bool], [Int64]).self)
                batch.series.append(series)
                batch.releases.append(release)
                batch.counts.append(values.count)
                batch.present.append(hex(MonthlyBlockCodec.encodePresence(present)))
                batch.values.append(hex(MonthlyBlockCodec.encodeValues(values)))
                if batch.series.count == 4096 { try await flush() }
            }
            try await flush()
            for statement in PostgresSQL.finishPackedColumns { _ = try await rows(c, statement) }
        }

        /// A value read from the store that svctrade cannot have written.
        static func damaged(_ what: String, _ key: String) -> PostgresStoreError {
            PostgresStoreError(
                "error: the store holds \(what) for \(key); it was edited outside svctrade. Restore it from a backup, or import into a new store"
            )
        }

        /// Bytes as hexadecimal digits (`decode(…, 'hex')` on the server's side).
        static func hex(_ bytes: [UInt8]) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2)
            for b in bytes {
                out.append(PostgresImport.hexDigits[Int(b >> 4)])
                out.append(PostgresImport.hexDigits[Int(b & 0x0F)])
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// Runs `body` after checking that the schema exists, with the connection to itself.
        func withSchema<T: Sendable>(
            extra: Int = 0, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
        ) async throws -> T {
            let address = address
            return try await exclusive(extra: extra) { c in
                let found = try await Self.rows(c, PostgresSQL.schemaCheck).first
                guard let (exists, blockType) = try found?.decode((Bool, String?).self), exists else {
                    throw PostgresStoreError(
                        "error: \(address) has no svctrade schema; run svctrade db init --db \(address) (as an owner of the database)"
                    )
                }
                guard blockType == "bytea" else {
                    throw PostgresStoreError(
                        "error: \(address) keeps its monthly blocks as arrays, the format of svctrade before December 2026; run svctrade db init --db \(address) (as an owner of the database) once to pack them (nothing else changes)"
                    )
                }
                return try await body(c)
            }
        }

        // MARK: - FigureReader

        public func storedReleases() async throws -> [StoredRelease] {
            try await withSchema { c in
                try await Self.rows(c, PostgresSQL.releases).map {
                    let (name, published, file) = try $0.decode((String, String?, String).self)
                    return StoredRelease(name: name, published: published, file: file)
                }
            }
        }

        public func figureHistory(_ selection: FigureSelection) async throws -> [FigureCopy] {
            try await withSchema { c in
                try await Self.figureRows(c, selection, preferredOnly: false).map {
                    FigureCopy(observation: $0.0, isPreferred: $0.2)
                }
            }
        }

        /// The figures and the panel from one snapshot of the database (a read-only repeatable-read
        /// transaction): an import that commits in between is seen by neither or by both.
        public func figureBook(_ selection: FigureSelection) async throws -> FigureBook {
            let panelRead = PanelRead(helper: configuration, deadline: callDeadline)
            return try await inSnapshot { c in
                FigureBook(
                    vintages: try await Self.figureRows(c, selection, preferredOnly: true).map { ($0.0, $0.1) },
                    panel: try await Self.monthlyPanel(c, selection, panelRead))
            }
        }

        public func monthlyPanel(_ selection: FigureSelection) async throws -> MonthlyPanel {
            let panelRead = PanelRead(helper: configuration, deadline: callDeadline)
            return try await inSnapshot { c in try await Self.monthlyPanel(c, selection, panelRead) }
        }

        /// How a read of monthly blocks is shared out: the second connection's settings (none: one
        /// connection reads everything), the deadline of a call, and the series ids of one part.
        struct PanelRead: Sendable {
            var helper: PostgresConnection.Configuration?
            var deadline: Int
            var partSize = PostgresStore.slicePartSize
        }

        /// Runs `body` in one read-only repeatable-read transaction (one snapshot, which a second
        /// connection may share), after checking the schema.
        func inSnapshot<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws
            -> T
        {
            try await withSchema { c in
                _ = try await Self.rows(c, "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                do {
                    let value = try await body(c)
                    _ = try await Self.rows(c, "COMMIT")
                    return value
                } catch {
                    _ = try? await Self.rows(c, "ROLLBACK")
                    throw error
                }
            }
        }

        /// Figures with their release date and preferred flag, in key, period and release order.
        static func figureRows(
            _ c: PostgresConnection, _ selection: FigureSelection, preferredOnly: Bool
        ) async throws -> [(Observation, String?, Bool)] {
            var binds = PostgresBindings()
            // Every copy, as the SQLite store reads them (``FigureSelection/keptCopies(_:observation:preferred:)``).
            var sql = PostgresSQL.figures
            sql += try PostgresSQL.seriesFilter(selection, binds: &binds)
            if let months = selection.months {
                binds.append(months.lowerBound.yyyymm)
                binds.append(months.upperBound.yyyymm)
                sql += " AND f.period_to BETWEEN $\(binds.count - 1) AND $\(binds.count)"
            }
            if let asOf = selection.asOf {
                binds.append(asOf)
                sql += " AND \(FigureSelection.knownByDateSQL(figure: "f", release: "r")) <= $\(binds.count)"
            }
            sql += " ORDER BY s.region, s.sector, s.flow, s.currency, f.period_to, f.period_from, r.id, f.line"
            let found = try await rows(c, sql, binds).compactMap(decodeFigure)
            guard preferredOnly else { return found }
            return FigureSelection.keptCopies(found, observation: \.0, preferred: \.2).map { ($0.0, $0.1, true) }
        }

        static func decodeFigure(_ row: PostgresRow) throws -> (Observation, String?, Bool)? {
            let (region, sector, flowText, currencyText, from, to, value, unitText, decimals) = try row.decode(
                (String, String, String, String, Int, Int, Int64?, String?, Int?).self)
            let cells = row.makeRandomAccess()
            func text(_ i: Int) throws -> String? { try cells[i].decode(String?.self) }
            guard let flow = Flow(rawValue: flowText), let currency = Currency(rawValue: currencyText),
                let a = Period(yyyymm: from), let b = Period(yyyymm: to), let span = try? PeriodSpan(start: a, end: b)
            else { return nil }
            let rate = { (i: Int) throws -> DecimalNumber? in try text(i).flatMap { DecimalNumber(parsing: $0) } }
            let rates = PublishedRates(
                yearOnYear: try rate(9), versus2019: try rate(10), twoYearAverage: try rate(11), share: try rate(12),
                shareChange: try rate(13),
                balanceChange: try cells[14].decode(Int64?.self).map { Level(hundredths: $0) })
            let o = Observation(
                key: SeriesKey(region: region, sector: sector, flow: flow, currency: currency), span: span,
                value: value.map { Level(hundredths: $0) }, unit: unitText.flatMap { MonetaryUnit(parsing: $0) },
                decimals: decimals, rates: rates, source: try text(15) ?? "", release: try text(16) ?? "",
                publisher: try text(19), publishedOn: try text(20))
            return (o, try text(17), try cells[18].decode(Bool.self))
        }

        /// The selected panel series over the selection's months only, read in parts (``readInParts``):
        /// each block decoded from the first to the last month asked for, as the SQLite store does.
        static func monthlyPanel(_ c: PostgresConnection, _ selection: FigureSelection, _ how: PanelRead)
            async throws -> MonthlyPanel
        {
            let lo = selection.months?.lowerBound.index ?? 0
            let hi = selection.months?.upperBound.index ?? 1_000_000
            var releases: [Int64: (name: String, published: String?)] = [:]
            for row in try await rows(c, PostgresSQL.releaseDates) {
                let (id, name, date) = try row.decode((Int64, String, String?).self)
                if let asOf = selection.asOf, let date, date > asOf { continue }
                releases[id] = (name, date)
            }
            var sources: [Int64: String] = [:]
            for row in try await rows(c, PostgresSQL.sourceAddresses) {
                let (id, address) = try row.decode((Int64, String).self)
                sources[id] = address
            }
            let (known, addresses) = (releases, sources)
            let blocks = try await readInParts(
                c, helper: how.helper, deadline: how.deadline, partSize: how.partSize,
                query: { ids, fields in
                    try PostgresSQL.partQuery(months: lo...hi, ids: ids, fields: fields, selection: selection)
                },
                decode: { part in
                    var blocks: [PanelBlock] = []
                    try eachBlock(in: part, releases: known) { block, key, unit, release in
                        // Only the months from the first to the last asked for.
                        let count = min(block.count, hi - block.first + 1)
                        let skip = max(0, lo - block.first)
                        guard count > skip else { return }
                        let values = MonthlyBlockCodec.decodeValues(
                            pointer: block.packed.baseAddress, bytes: block.packed.count, from: skip, count: count)
                        if let v = MonthlyBlockCodec.impossibleLevel(in: values) {
                            throw damaged("an impossible level (\(v) hundredths)", "\(key)")
                        }
                        let present = Array(
                            MonthlyBlockCodec.decodePresence(Array(block.bitmap), count: count).dropFirst(skip))
                        blocks.append(
                            PanelBlock(
                                order: PanelBlock.Order(
                                    seriesID: block.seriesID, published: release.published, releaseID: block.releaseID),
                                key: key, unit: unit, decimals: block.decimals, release: release.name,
                                source: addresses[block.sourceID] ?? "", start: block.first + skip, values: values,
                                present: present))
                    }
                    return blocks
                })
            return PanelBlock.assemble(blocks)
        }

        public func seriesSummaries(_ selection: FigureSelection) async throws -> [SeriesSummary] {
            try await withSchema { c in try await Self.seriesSummaries(c, selection) }
        }

        static func seriesSummaries(_ c: PostgresConnection, _ selection: FigureSelection) async throws
            -> [SeriesSummary]
        {
            var binds = PostgresBindings()
            let filter = try PostgresSQL.seriesFilter(selection, binds: &binds)
            var keys: [Int64: SeriesKey] = [:]
            for row in try await rows(c, PostgresSQL.seriesKeys + filter, binds) {
                let (id, region, sector, flowText, currencyText) = try row.decode(
                    (Int64, String, String, String, String).self)
                guard let flow = Flow(rawValue: flowText), let currency = Currency(rawValue: currencyText) else {
                    continue
                }
                keys[id] = SeriesKey(region: region, sector: sector, flow: flow, currency: currency)
            }
            var covered: [Int64: Set<Int>] = [:]
            var counts: [Int64: Int] = [:]
            var releases: [Int64: Set<Int64>] = [:]
            for row in try await rows(c, PostgresSQL.summaryFigures + filter, binds) {
                let (id, from, to, release) = try row.decode((Int64, Int, Int, Int64).self)
                guard let a = Period(yyyymm: from), let b = Period(yyyymm: to),
                    let span = try? PeriodSpan(start: a, end: b)
                else { continue }
                covered[id, default: []].formUnion(SeriesSummary.coveredMonths(of: span))
                counts[id, default: 0] += 1
                releases[id, default: []].insert(release)
            }
            for row in try await rows(c, PostgresSQL.summaryBlocks + filter, binds) {
                let (id, release, first, count, bitmap) = try row.decode((Int64, Int64, Int, Int, ByteBuffer).self)
                guard MonthlyBlockCodec.isPossibleBlock(first: first, count: count, bitmapBytes: bitmap.readableBytes)
                else {
                    throw damaged(
                        "an impossible monthly block (first month index \(first), \(count) months)", "series \(id)")
                }
                let present = MonthlyBlockCodec.decodePresence(Array(bitmap.readableBytesView), count: count)
                for (k, p) in present.enumerated() where p { covered[id, default: []].insert(first + k) }
                counts[id, default: 0] += present.lazy.filter { $0 }.count
                releases[id, default: []].insert(release)
            }
            return keys.compactMap { id, key in
                SeriesSummary(
                    key: key, covered: covered[id] ?? [], observationCount: counts[id] ?? 0,
                    vintageCount: releases[id]?.count ?? 0)
            }.sorted { $0.key < $1.key }
        }

        /// The panel bulletin's months of every series (the hot path of `svctrade table --panel`), from one
        /// snapshot: releases and series keys read once, the blocks that overlap the window packed by the
        /// server into one value per ``slicePartSize`` series (``PackedRecords``), fetched over two
        /// connections sharing the snapshot (`pg_export_snapshot`, ``readInParts``) and decoded over the
        /// window only on both cores, then put in order as the SQLite store does (``TradeCore/PanelSlice``).
        public func panelSlice(months: [Int], asOf: String?) async throws -> PanelSlice {
            try await panelSlice(months: months, asOf: asOf, PanelRead(helper: configuration, deadline: callDeadline))
        }

        /// ``panelSlice(months:asOf:)`` read as `how` says.
        func panelSlice(months: [Int], asOf: String?, _ how: PanelRead) async throws -> PanelSlice {
            try await inSnapshot { c in
                var published: [Int64: String?] = [:]
                for row in try await Self.rows(c, PostgresSQL.releaseDates) {
                    let (id, _, date) = try row.decode((Int64, String, String?).self)
                    if let asOf, let date, date > asOf { continue }
                    published[id] = date
                }
                let dates = published
                let window = (months.min() ?? 0)...(months.max() ?? 0)
                let blocks = try await Self.readInParts(
                    c, helper: how.helper, deadline: how.deadline, partSize: how.partSize,
                    query: { ids, fields in
                        try PostgresSQL.partQuery(months: window, ids: ids, fields: fields, selection: .everything)
                    },
                    decode: { part in
                        var slice = PanelSlice.Part(months: months)
                        try Self.eachBlock(in: part, releases: dates) { block, key, unit, date in
                            let impossible = slice.add(
                                order: PanelBlock.Order(
                                    seriesID: block.seriesID, published: date, releaseID: block.releaseID),
                                key: key, unit: unit, first: block.first, count: block.count, bitmap: block.bitmap,
                                packed: block.packed)
                            if let impossible {
                                throw Self.damaged("an impossible level (\(impossible) hundredths)", "\(key)")
                            }
                        }
                        return [slice]
                    })
                return PanelSlice(parts: blocks, months: months)
            }
        }

        public func importBatches(_ batches: [ImportBatch]) async throws -> ImportSummary {
            let (wait, events, store) = (importLockWait, self.events, address)
            return try await withSchema(extra: wait) { c in
                try await c.withTransaction(logger: Self.logger) { tx in
                    try await PostgresImport(connection: tx, lockWait: wait, events: events, store: store).write(
                        batches)
                }
            }
        }
    }

    /// The parts of a `postgres://` address.
    struct PostgresAddress {
        var user: String
        var password: String?
        var host: String
        var port: Int
        var database: String

        var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }

        static func parse(_ text: String) throws -> PostgresAddress {
            let usage = "write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
            guard let url = URLComponents(string: text), url.scheme == "postgres" || url.scheme == "postgresql" else {
                throw PostgresStoreError(
                    "error: \(ControlCharacters.escaped(AddressRedaction.redacted(text))) is not a PostgreSQL address; \(usage)"
                )
            }
            guard let host = url.host, !host.isEmpty else {
                throw PostgresStoreError("error: no host in the address; \(usage)")
            }
            guard let user = url.user, !user.isEmpty else {
                throw PostgresStoreError("error: no user in the address; \(usage)")
            }
            let database = String(url.path.drop { $0 == "/" })
            guard !database.isEmpty, !database.contains("/") else {
                throw PostgresStoreError("error: no database in the address; \(usage)")
            }
            return PostgresAddress(
                user: user.removingPercentEncoding ?? user, password: url.password?.removingPercentEncoding, host: host,
                port: url.port ?? 5432, database: database)
        }
    }

    /// A PostgreSQL store that could not be opened, read or written: one line that says which.
    public struct PostgresStoreError: UserFacingError, Equatable {
        /// The message.
        public var message: String

        init(_ message: String) { self.message = message }

        public var description: String { message }

        /// The SQLSTATE of a server error, also inside a failed transaction.
        static func sqlState(_ error: any Error) -> String? {
            if let t = error as? PostgresTransactionError, let inner = t.closureError ?? t.beginError ?? t.commitError {
                return sqlState(inner)
            }
            return (error as? PSQLError)?.serverInfo?[.sqlState]
        }

        /// The connection closed in the middle of a call.
        static func lost(_ address: String) -> PostgresStoreError {
            PostgresStoreError(
                "error: the PostgreSQL server at \(address) closed the connection before it had answered (did the server stop or restart?)"
            )
        }

        /// The one-line message for an error of PostgresNIO or the server.
        static func describing(_ error: any Error, address: String) -> PostgresStoreError {
            if let e = error as? PostgresStoreError { return e }
            if error is PostgresConnectionLost { return lost(address) }
            if let d = error as? PostgresDeadlineExceeded {
                return PostgresStoreError(
                    "error: no answer from the PostgreSQL server at \(address) within \(d.seconds) s; the connection was given up and nothing was changed (is the server running? $SVCTRADE_PG_TIMEOUT sets the wait)"
                )
            }
            if let t = error as? PostgresTransactionError {
                // What failed inside the transaction (it was rolled back).
                if let inner = t.closureError ?? t.beginError ?? t.commitError {
                    return describing(inner, address: address)
                }
            }
            guard let p = error as? PSQLError else { return PostgresStoreError("error: \(address): \(error)") }
            let state = p.serverInfo?[.sqlState]
            let said = p.serverInfo?[.message] ?? ""
            switch state {
            case "28P01", "28000":
                return PostgresStoreError(
                    "error: \(address): the server refused the user or password (\(said)); check the address or $PGPASSWORD"
                )
            case "3D000":
                return PostgresStoreError(
                    "error: \(address): no such database (\(said)); create it (createdb) and run svctrade db init")
            case "42501":
                return PostgresStoreError(
                    "error: \(address): this role may not change the store (\(said)); imports need a role granted svctrade_writer, the press office's svctrade_reader only reads"
                )
            case "42P01":
                return PostgresStoreError(
                    "error: \(address): the svctrade schema is missing or older than this svctrade (\(said)); run svctrade db init (as an owner of the database)"
                )
            case .some(let code):
                return PostgresStoreError("error: \(address): the server said \(code): \(said)")
            case nil:
                if p.code == .serverClosedConnection { return lost(address) }
                if p.code == .connectionError || p.code == .unexpectedBackendMessage {
                    return PostgresStoreError(
                        "error: cannot reach the PostgreSQL server at \(address) (is it running and listening there?)")
                }
                return PostgresStoreError("error: \(address): \(p.code)")
            }
        }
    }

    /// No answer from the server within the deadline of a call (``withDeadline(seconds:onTimeout:_:)``).
    struct PostgresDeadlineExceeded: Error {
        let seconds: Int
    }

    /// The continuation of a call with a deadline: resumed once, by the work or by the timer.
    final class DeadlineRace<T: Sendable>: Sendable {
        let continuation: Mutex<CheckedContinuation<T, any Error>?>
        init(_ c: CheckedContinuation<T, any Error>) { continuation = Mutex(c) }
        func finish(_ result: Result<T, any Error>) -> Bool {
            guard let c = continuation.withLock({ $0.take() }) else { return false }
            c.resume(with: result)
            return true
        }
    }

    /// The connection closed while a call was under way (the server stopped or restarted): the call
    /// ends at once, even where the driver would go on waiting (a COPY whose server has gone).
    struct PostgresConnectionLost: Error {}

    /// Whether a connection has closed, and what to do when it does: the call under way registers
    /// itself (``arm(_:)``) and is told at once; a call that starts after the close is told on arming.
    final class ConnectionWatch: Sendable {
        private let state = Mutex<(closed: Bool, current: (@Sendable () -> Void)?)>((false, nil))

        /// Registers the call under way; runs `lost` now if the connection has already closed.
        func arm(_ lost: @escaping @Sendable () -> Void) {
            let closed = state.withLock { s -> Bool in
                if !s.closed { s.current = lost }
                return s.closed
            }
            if closed { lost() }
        }

        /// The call has ended.
        func disarm() { state.withLock { $0.current = nil } }

        /// The connection has closed.
        func closed() {
            let lost = state.withLock { s -> (@Sendable () -> Void)? in
                s.closed = true
                defer { s.current = nil }
                return s.current
            }
            lost?()
        }
    }

    /// `body`'s result, or ``PostgresDeadlineExceeded`` after `seconds` (then `onTimeout` runs: the
    /// connection is closed, so the server rolls back; the abandoned work ends on its own), or
    /// ``PostgresConnectionLost`` as soon as the watched connection closes first. The caller is never held by work
    /// that does not answer cancellation (a connect to a silent server, a COPY to a stopped one).
    func withDeadline<T: Sendable>(
        seconds: Int, watch: ConnectionWatch? = nil, onTimeout: @escaping @Sendable () async -> Void = {},
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
            let race = DeadlineRace(c)
            let timer = Task {
                try await Task.sleep(for: .seconds(seconds))
                // The deadline is the answer; closing the connection after it is only the clean-up.
                _ = race.finish(.failure(PostgresDeadlineExceeded(seconds: seconds)))
                await onTimeout()
            }
            watch?.arm {
                if race.finish(.failure(PostgresConnectionLost())) { timer.cancel() }
            }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await body()) } catch { result = .failure(error) }
                if race.finish(result) { timer.cancel() }
            }
        }
    }
#endif
