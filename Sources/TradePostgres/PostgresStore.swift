#if PostgreSQL
    import Foundation
    import PostgresNIO
    import TradeCore

    /// The PostgreSQL store: the same logical model as the SQLite one (series, releases, sources, figures,
    /// monthly blocks) behind ``FigureStore``, for a team sharing one server (DocC article *Adding a
    /// store backend*).
    ///
    /// Layout (ready for Citus): the big tables `figure` and `monthly_block` carry the distribution column
    /// `series_id` in their primary keys; `series`, `release` and `source` are small reference tables.
    /// Every query that touches a big table joins or filters on `series_id` (``PostgresSQL/statements``,
    /// checked by a test). Monthly values are arrays (`bigint[]`, `boolean[]`), and a window of months is
    /// cut in SQL with array slices, so reads are pushed down as in SQLite. Imports run in one
    /// transaction that first takes a transaction-scoped advisory lock: one writer at a time (a second
    /// waits), readers never blocked (PostgreSQL's MVCC snapshots).
    public final class PostgresStore: FigureStore, Sendable {
        /// The address with any password removed, for messages.
        public let address: String
        let connection: PostgresConnection
        /// One call at a time on the connection (a connection runs one query or transaction at once);
        /// recursive so that a read of several queries in one transaction holds it throughout.
        let gate = NSRecursiveLock()
        static let logger = Logger(label: "svctrade.postgres")

        /// Whether a `--db` value names a PostgreSQL server (`postgres://` or `postgresql://`).
        public static func isAddress(_ text: String) -> Bool {
            text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
        }

        /// Connects to `postgres://user[:password]@host[:port]/database`; the password may also come from
        /// `$PGPASSWORD`.
        /// How long an import waits for another import to finish, seconds (`svctrade import --wait`).
        public let importLockWait: Int

        public init(address text: String, importLockWait: Int = 600) throws {
            self.importLockWait = importLockWait
            let config = try PostgresAddress.parse(text)
            address = config.redacted
            let configuration = PostgresConnection.Configuration(
                host: config.host, port: config.port, username: config.user,
                password: config.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"],
                database: config.database,
                tls: .disable)
            let redacted = config.redacted
            do {
                connection = try blocking {
                    try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
                }
            } catch {
                throw PostgresStoreError.describing(error, address: redacted)
            }
        }

        deinit {
            let c = connection
            _ = try? blocking { try await c.close() }
        }

        /// Runs a query and returns its rows.
        func rows(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> [PostgresRow] {
            let c = connection
            let query = PostgresQuery(unsafeSQL: sql, binds: binds)
            gate.lock()
            defer { gate.unlock() }
            do {
                return try blocking(onTimeout: { Task { try? await c.close() } }) {
                    var out: [PostgresRow] = []
                    for try await row in try await c.query(query, logger: Self.logger) { out.append(row) }
                    return out
                }
            } catch {
                throw PostgresStoreError.describing(error, address: address)
            }
        }

        /// Runs one statement that returns nothing the store reads (administration: `CREATE DATABASE`,
        /// roles and grants, as `svctrade db init` and the tests do).
        public func execute(_ sql: String) throws {
            _ = try rows(sql)
        }

        /// Creates the schema when missing (idempotent) and, with `roles`, the writer and reader roles.
        public func initialize(roles: Bool) throws {
            for statement in PostgresSQL.schema { _ = try rows(statement) }
            if roles { for statement in PostgresSQL.roles { _ = try rows(statement) } }
        }

        func requireSchema() throws {
            let found = try rows("SELECT to_regclass('public.figure') IS NOT NULL")
            let present = try found.first.map { try $0.decode(Bool.self) } ?? false
            if !present {
                throw PostgresStoreError(
                    "error: \(address) has no svctrade schema; run svctrade db init --db \(address) (as an owner of the database)"
                )
            }
        }

        // MARK: - FigureStore

        public func storedReleases() throws -> [StoredRelease] {
            try requireSchema()
            return try rows(PostgresSQL.releases).map {
                let (name, published, file) = try $0.decode((String, String?, String).self)
                return StoredRelease(name: name, published: published, file: file)
            }
        }

        public func figureHistory(_ selection: FigureSelection) throws -> [FigureCopy] {
            try figureRows(selection, preferredOnly: false).map { FigureCopy(observation: $0.0, isPreferred: $0.2) }
        }

        /// The figures and the panel from one snapshot of the database (a read-only repeatable-read
        /// transaction): an import that commits in between is seen by neither or by both.
        public func figureBook(_ selection: FigureSelection) throws -> FigureBook {
            try requireSchema()
            gate.lock()
            defer { gate.unlock() }
            _ = try rows("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            do {
                let book = FigureBook(
                    vintages: try figureRows(selection, preferredOnly: true).map { ($0.0, $0.1) },
                    panel: try monthlyPanel(selection))
                _ = try rows("COMMIT")
                return book
            } catch {
                _ = try? rows("ROLLBACK")
                throw error
            }
        }

        /// Figures with their release date and preferred flag, in key, period and release order.
        func figureRows(_ selection: FigureSelection, preferredOnly: Bool) throws -> [(Observation, String?, Bool)] {
            try requireSchema()
            var binds = PostgresBindings()
            let chooseCopies = preferredOnly && selection.asOf != nil
            var sql = PostgresSQL.figures + (preferredOnly && !chooseCopies ? " AND f.preferred" : "")
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
            let found = try rows(sql, binds).compactMap(Self.decodeFigure)
            guard chooseCopies else { return found }
            return FigureSelection.bestCopies(found, observation: \.0, preferred: \.2).map { ($0.0, $0.1, true) }
        }

        static func decodeFigure(_ row: PostgresRow) throws -> (Observation, String?, Bool)? {
            let (region, sector, flowText, currencyText, from, to, value, unitText, decimals) = try row.decode(
                (String, String, String, String, Int, Int, Int64?, String?, Int?).self)
            var cells = row.makeRandomAccess()
            func text(_ i: Int) throws -> String? { try cells[i].decode(String?.self) }
            guard let flow = Flow(rawValue: flowText), let currency = Currency(rawValue: currencyText),
                let a = Period(yyyymm: from), let b = Period(yyyymm: to), let span = try? PeriodSpan(start: a, end: b)
            else { return nil }
            let rate = { (i: Int) throws -> DecimalNumber? in try text(i).flatMap { DecimalNumber(parsing: $0) } }
            let rates = PublishedRates(
                yearOnYear: try rate(9), versus2019: try rate(10), twoYearAverage: try rate(11), share: try rate(12),
                shareChange: try rate(13),
                balanceChange: try cells[14].decode(Int64?.self).map { Level(hundredths: $0) })
            _ = cells
            let o = Observation(
                key: SeriesKey(region: region, sector: sector, flow: flow, currency: currency), span: span,
                value: value.map { Level(hundredths: $0) }, unit: unitText.flatMap { MonetaryUnit(parsing: $0) },
                decimals: decimals, rates: rates, source: try text(15) ?? "", release: try text(16) ?? "",
                publisher: try text(19), publishedOn: try text(20))
            return (o, try text(17), try cells[18].decode(Bool.self))
        }

        /// The selected panel series over the selection's months only (array slices cut in SQL).
        public func monthlyPanel(_ selection: FigureSelection) throws -> MonthlyPanel {
            try requireSchema()
            var binds = PostgresBindings()
            let lo = selection.months?.lowerBound.index ?? 0
            let hi = selection.months?.upperBound.index ?? 1_000_000
            binds.append(lo)
            binds.append(hi)
            var sql = PostgresSQL.blocks
            sql += try PostgresSQL.seriesFilter(selection, binds: &binds)
            if let asOf = selection.asOf {
                binds.append(asOf)
                sql += " AND (r.published IS NULL OR r.published <= $\(binds.count))"
            }
            sql += " ORDER BY b.series_id, r.published, r.id"
            var assembler = MonthlyPanelAssembler()
            for row in try rows(sql, binds) {
                let (
                    region, sector, flowText, currencyText, start, unitText, decimals, present, values, release, source
                ) =
                    try row.decode(
                        (String, String, String, String, Int, String, Int, [Bool]?, [Int64]?, String, String).self)
                guard let flow = Flow(rawValue: flowText), let currency = Currency(rawValue: currencyText),
                    let unit = MonetaryUnit(parsing: unitText), let present, let values, !values.isEmpty
                else { continue }
                assembler.add(
                    key: SeriesKey(region: region, sector: sector, flow: flow, currency: currency), unit: unit,
                    decimals: decimals, release: release, source: source, start: start, values: values,
                    present: present)
            }
            return assembler.panel
        }

        public func seriesSummaries(_ selection: FigureSelection) throws -> [SeriesSummary] {
            try requireSchema()
            var binds = PostgresBindings()
            let filter = try PostgresSQL.seriesFilter(selection, binds: &binds)
            var keys: [Int64: SeriesKey] = [:]
            for row in try rows(PostgresSQL.seriesKeys + filter, binds) {
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
            for row in try rows(PostgresSQL.summaryFigures + filter, binds) {
                let (id, from, to, release) = try row.decode((Int64, Int, Int, Int64).self)
                guard let a = Period(yyyymm: from), let b = Period(yyyymm: to),
                    let span = try? PeriodSpan(start: a, end: b)
                else { continue }
                covered[id, default: []].formUnion(SeriesSummary.coveredMonths(of: span))
                counts[id, default: 0] += 1
                releases[id, default: []].insert(release)
            }
            for row in try rows(PostgresSQL.summaryBlocks + filter, binds) {
                let (id, release, first, present) = try row.decode((Int64, Int64, Int, [Bool]).self)
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

        public func panelSlice(months: [Int], asOf: String?) throws -> PanelSlice {
            var selection = FigureSelection(asOf: asOf)
            if let lo = months.min(), let hi = months.max(), let a = Period(index: lo), let b = Period(index: hi) {
                selection.months = a...b
            }
            let panel = try monthlyPanel(selection)
            var slice = PanelSlice(keys: [], units: [], months: months, values: [])
            for s in panel.series.sorted(by: { $0.key < $1.key }) {
                slice.keys.append(s.key)
                slice.units.append(s.unit)
                for m in months {
                    slice.values.append(Period(index: m).flatMap { s.value(at: $0)?.hundredths })
                }
            }
            return slice
        }

        public func importBatches(_ batches: [ImportBatch]) throws -> ImportSummary {
            try requireSchema()
            let c = connection
            let address = address
            let wait = importLockWait
            gate.lock()
            defer { gate.unlock() }
            do {
                return try blocking(deadline: wait + postgresCallDeadline, onTimeout: { Task { try? await c.close() } })
                {
                    try await c.withTransaction(logger: Self.logger) { tx in
                        try await PostgresImport(connection: tx, lockWait: wait).write(batches)
                    }
                }
            } catch let e where PostgresStoreError.sqlState(e) == "55P03" {
                throw PostgresStoreError(
                    "error: another import is writing to \(address) (it holds the import lock); waited \(wait) s and imported nothing. Try again when it has finished, or give svctrade import --wait SECONDS"
                )
            } catch let e as PostgresStoreError {
                throw e
            } catch {
                throw PostgresStoreError.describing(error, address: address)
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

        /// The one-line message for an error of PostgresNIO or the server.
        static func describing(_ error: any Error, address: String) -> PostgresStoreError {
            if let e = error as? PostgresStoreError { return e }
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
                if p.code == .connectionError || p.code == .serverClosedConnection
                    || p.code == .unexpectedBackendMessage
                {
                    return PostgresStoreError(
                        "error: cannot reach the PostgreSQL server at \(address) (is it running and listening there?)")
                }
                return PostgresStoreError("error: \(address): \(p.code)")
            }
        }
    }

    /// Runs the store's async work on a dispatch queue of its own (see ``blocking(_:)``).
    final class PostgresExecutor: TaskExecutor, @unchecked Sendable {
        static let shared = PostgresExecutor()
        let queue = DispatchQueue(label: "svctrade.postgres", attributes: .concurrent)

        func enqueue(_ job: consuming ExecutorJob) {
            let job = UnownedJob(job)
            let executor = asUnownedTaskExecutor()
            queue.async { job.runSynchronously(on: executor) }
        }
    }

    /// The result of async work, handed to the thread that waits for it.
    final class ResultBox<T: Sendable>: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<T, any Error>?
    }

    /// No answer from the server within the deadline of a call (``blocking(deadline:onTimeout:_:)``).
    struct PostgresDeadlineExceeded: Error {
        let seconds: Int
    }

    /// How long one call to the server (connecting, a query, a whole import) may take before svctrade
    /// gives up, seconds: `$SVCTRADE_PG_TIMEOUT`, default 600. A server that stops answering (stopped
    /// mid-COPY, a network that drops packets) is an error after this, never a hang.
    let postgresCallDeadline: Int = {
        let text = ProcessInfo.processInfo.environment["SVCTRADE_PG_TIMEOUT"] ?? ""
        return Int(text).map { max(1, $0) } ?? 600
    }()

    /// Runs async work from synchronous code and waits for it, at most `deadline` seconds (the store
    /// interface is synchronous, as the commands are; PostgresNIO is async). On timeout `onTimeout`
    /// runs (the import closes its connection, so the server rolls the transaction back) and
    /// ``PostgresDeadlineExceeded`` is thrown; the abandoned work ends on its own.
    func blocking<T: Sendable>(
        deadline: Int = postgresCallDeadline, onTimeout: @escaping @Sendable () -> Void = {},
        _ body: @escaping @Sendable () async throws -> T
    ) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        // On a queue of its own, not the cooperative pool: the caller may itself be a task on that
        // pool (a test, a server), and waiting there for work queued behind it would deadlock.
        Task(executorPreference: PostgresExecutor.shared) {
            let r: Result<T, any Error>
            do { r = .success(try await body()) } catch { r = .failure(error) }
            box.lock.withLock { box.result = r }
            done.signal()
        }
        if done.wait(timeout: .now() + .seconds(deadline)) == .timedOut {
            onTimeout()
            throw PostgresDeadlineExceeded(seconds: deadline)
        }
        box.lock.lock()
        defer { box.lock.unlock() }
        guard let result = box.result else {
            throw PostgresStoreError("error: a PostgreSQL call ended without a result")
        }
        return try result.get()
    }
#endif
