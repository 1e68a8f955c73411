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
    let queue: DatabaseQueue
    /// The file path, or `:memory:`.
    public let path: String

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    ///
    /// - Throws: ``StoreError`` when the file is not an SQLite database.
    public init(path: String) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -4096; PRAGMA temp_store = MEMORY")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try Migrations.migrator.migrate(queue)
        } catch let e as DatabaseError {
            throw StoreError(.cannotOpen, "cannot open the store \(path): \(e.message ?? e.description); give --db a new file name or an svctrade database")
        }
        self.path = path
    }

    /// An empty store in memory (tests).
    public static func inMemory() throws -> TradeDatabase {
        try TradeDatabase(path: ":memory:")
    }

    /// What an import wrote.
    public struct ImportSummary: Sendable, Equatable {
        /// Releases created.
        public var releases: [String]
        /// New series keys.
        public var newSeries: Int
        /// Figure rows written (including non-preferred copies).
        public var figures: Int
        /// Monthly values written.
        public var monthlyValues: Int

        /// Creates a summary.
        public init(releases: [String], newSeries: Int, figures: Int, monthlyValues: Int) {
            self.releases = releases
            self.newSeries = newSeries
            self.figures = figures
            self.monthlyValues = monthlyValues
        }
    }

    /// Writes the batches in one transaction.
    ///
    /// - Throws: ``StoreError/Kind/releaseExists`` when a release name is already stored (two releases
    ///   of a figure are two vintages, never an overwrite); nothing is written then.
    public func importBatches(_ batches: [ImportBatch]) throws -> ImportSummary {
        let clock = ContinuousClock()
        let t0 = clock.now
        let summary = try queue.write { db in try ObservationWriter(db: db).write(batches) }
        if ProcessInfo.processInfo.environment["SVCTRADE_TIMING"] != nil {
            FileHandle.standardError.write(Data("transaction incl. commit: \(clock.now - t0)\n".utf8))
        }
        return summary
    }

    /// The schema version names applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try Migrations.migrator.appliedMigrations(db) }
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
