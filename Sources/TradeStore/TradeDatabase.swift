import Foundation
import GRDB
import TradeCore

/// The SQLite store of observations: the only place that knows SQL.
///
/// ```swift
/// let store = try TradeDatabase(path: "svctrade.sqlite")
/// let summary = try store.importBatches([batch])
/// ```
///
/// Every import runs in one transaction: either all of its files land or none does.
public struct TradeDatabase: Sendable {
    /// A pool (WAL journal: readers on snapshots, never blocked by the one writer) for a file; a
    /// queue for `:memory:`.
    let queue: any DatabaseWriter
    /// The file path, or `:memory:`.
    public let path: String

    /// How long a writer waits for another writer (an import running in another process) before
    /// giving up, seconds.
    public static let writerPatience: Double = 600

    /// What the store tells its caller (a writer waiting for another); it prints nothing itself.
    let events: StoreEventHandler

    /// Opens (creating if needed) the store at `path` and brings its schema up to date; `events`
    /// hears of waits for another writer.
    ///
    /// - Throws: ``StoreError`` when the file is not an SQLite database, is damaged, or stays locked.
    public init(path: String, events: @escaping StoreEventHandler = { _ in }) throws {
        try self.init(path: path, readOnly: false, events: events)
    }

    /// Opens an existing store at `path` that this process will never write to (the press page):
    /// SQLite connections opened read-only, no schema change. Reads still see every import that
    /// commits while it is open (WAL snapshots).
    ///
    /// - Throws: ``StoreError`` when the file is missing, is not an SQLite database, is damaged, or
    ///   holds an older schema (an import with this svctrade brings it up to date).
    public static func readOnly(path: String, events: @escaping StoreEventHandler = { _ in }) throws -> TradeDatabase {
        try TradeDatabase(path: path, readOnly: true, events: events)
    }

    private init(path: String, readOnly: Bool, events: @escaping StoreEventHandler) throws {
        self.events = events
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -4096; PRAGMA temp_store = MEMORY")
        }
        // A second writer waits (and says so once, through `events`) instead of failing.
        let clock = ContinuousClock()
        let started = WaitStart()
        config.busyMode = .callback { retries in
            let now = clock.now
            let first = started.start(now, reset: retries == 0)
            if retries == 0 { events(.waitingForWriter(store: path)) }
            guard now - first < .seconds(Self.writerPatience) else { return false }
            usleep(20_000)
            return true
        }
        if readOnly {
            // A reader never changes a byte: no statement that writes, even by mistake.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
        }
        do {
            if path != ":memory:" { try StoreStamp.check(path: path, forWriting: !readOnly) }
            if path == ":memory:" {
                queue = try DatabaseQueue(path: path, configuration: config)
            } else {
                queue = try DatabasePool(path: path, configuration: config)
            }
            if readOnly {
                guard try queue.read({ try Migrations.migrator.hasCompletedMigrations($0) }) else {
                    throw StoreError(
                        .cannotOpen,
                        "the store \(ControlCharacters.escaped(path)) has an older schema (or is not an svctrade store); import into it once with this svctrade to bring it up to date"
                    )
                }
            } else {
                try Migrations.migrator.migrate(queue)
                try queue.write { db in
                    try StoreStamp.stamp(db)
                    try TidyViews.refresh(db)
                }
            }
        } catch let e as DatabaseError {
            throw StoreError.opening(path, e)
        }
        self.path = path
    }

    /// Refuses a damaged store: SQLite's `PRAGMA quick_check` (every page and index entry, without
    /// comparing index contents with their tables) must answer "ok".
    ///
    /// - Throws: ``StoreError/Kind/corrupt`` with the first problem SQLite reports.
    public func checkIntegrity() throws {
        try Self.integrity(of: queue, path: path)
    }

    static func integrity(of reader: any DatabaseReader, path: String) throws {
        let answers: [String]
        do {
            answers = try reader.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        } catch let e as DatabaseError {
            throw StoreError.opening(path, e)
        }
        guard answers != ["ok"] else { return }
        let first =
            answers.flatMap { $0.split(separator: "\n") }.map(String.init)
            .first { !$0.hasPrefix("*** in database") } ?? "no answer"
        throw StoreError(
            .corrupt,
            "the store \(ControlCharacters.escaped(path)) is damaged (SQLite's quick_check: \(ControlCharacters.escaped(first))); nothing was written. Restore it from a backup, or import into a new file"
        )
    }

    /// An empty store in memory (tests).
    public static func inMemory() throws -> TradeDatabase {
        try TradeDatabase(path: ":memory:")
    }

    /// What an import wrote (``TradeCore/ImportSummary``).
    public typealias ImportSummary = TradeCore.ImportSummary

    /// Writes the batches in one transaction.
    ///
    /// - Throws: ``StoreError/Kind/releaseExists`` when a release name is already stored (two releases
    ///   of a figure are two vintages, never an overwrite); nothing is written then.
    public func importBatches(_ batches: [ImportBatch]) throws -> ImportSummary {
        let clock = ContinuousClock()
        let t0 = clock.now
        let summary: ImportSummary
        // Nothing is added to a damaged store: its pages would carry the new release along with
        // whatever the damage did to the old ones.
        try checkIntegrity()
        do {
            summary = try queue.write { db in try ObservationWriter(db: db, events: events).write(batches) }
        } catch let e as DatabaseError {
            throw StoreError.opening(path, e)
        }
        events(.transactionWritten(clock.now - t0))
        return summary
    }

    /// The schema version names applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// All releases, oldest import first.
    public func storedReleases() throws -> [StoredRelease] {
        try releases().map { StoredRelease(name: $0.name, published: $0.published, file: $0.file) }
    }

    /// All releases, oldest import first: (name, publication date, file).
    public func releases() throws -> [(name: String, published: String?, file: String)] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT name, published, imported_from FROM release ORDER BY id").map {
                (name: $0[0], published: $0[1], file: $0[2])
            }
        }
    }
}

/// When the current wait for the write lock began (the busy handler runs on the connection's thread).
final class WaitStart: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: ContinuousClock.Instant?

    func start(_ now: ContinuousClock.Instant, reset: Bool) -> ContinuousClock.Instant {
        lock.lock()
        defer { lock.unlock() }
        if reset || instant == nil { instant = now }
        return instant ?? now
    }
}

extension TradeDatabase {
    /// Every row of every table, in a stable order, as text: what "the store is unchanged" means in
    /// WAL mode, where a rolled-back transaction may still move pages in the file. Also checks
    /// `PRAGMA integrity_check` and returns its answer first.
    public func logicalDump() throws -> String {
        try queue.read { db in
            var out = (try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "") + "\n"
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").map {
                    $0["name"] as String
                }
                let order = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                out += "# \(table)\n"
                for row in try Row.fetchAll(
                    db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY \(order)")
                {
                    out += row.databaseValues.map(\.description).joined(separator: "|") + "\n"
                }
            }
            return out
        }
    }
}
