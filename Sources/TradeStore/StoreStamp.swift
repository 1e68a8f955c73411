import Foundation
import GRDB
import TradeCore

/// The mark that makes a SQLite file an svctrade store: `PRAGMA application_id` (the bytes "SvTr")
/// and `PRAGMA user_version` (the store format). A file with another application's mark, or with
/// tables of its own and no mark, is someone else's database and is never written to; a file of a
/// newer format than this svctrade knows is refused rather than misread.
public enum StoreStamp {
    /// `application_id` of every svctrade store: "SvTr" as a big-endian 32-bit integer.
    public static let applicationID: Int32 = 0x5376_5472
    /// The store format this svctrade writes and reads: 2 since the plain columns and views of
    /// migration v3 (an svctrade of format 1 would import without filling them, so it is refused); 3
    /// since v4, which stores every copy of a figure as printed (an svctrade of format 2 would read
    /// the kept copy without the rates other pages printed). An older store is brought up to date by
    /// the next import (readers ask for that import).
    public static let format: Int32 = 3

    /// Checks the file at `path` before it is opened: missing or empty files are fine for a writer
    /// (a new store); a foreign, unmarked-with-tables or newer-format file is refused.
    ///
    /// - Throws: ``StoreError/Kind/cannotOpen`` saying what the file is and what to do.
    static func check(path: String, forWriting: Bool) throws {
        guard
            let header = FileHandle(forReadingAtPath: path).map({ handle in
                defer { try? handle.close() }
                return (try? handle.read(upToCount: 100)) ?? Data()
            })
        else {
            return  // missing: a writer creates it, a reader's caller has already said so
        }
        if header.isEmpty { return }
        let shown = ControlCharacters.escaped(path)
        guard header.count >= 100, header.starts(with: Data("SQLite format 3\u{0}".utf8)) else {
            throw StoreError(
                .cannotOpen, "\(shown) is not an SQLite database; give --db a new file name or an svctrade store")
        }
        func int32(at offset: Int) -> Int32 {
            header[offset..<offset + 4].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        }
        let application = int32(at: 68)
        let version = int32(at: 60)
        if application == applicationID {
            if forWriting { try quickCheck(path: path) }
            if version > format {
                throw StoreError(
                    .cannotOpen,
                    "\(shown) is an svctrade store of a newer format (\(version); this svctrade knows \(format)); use a newer svctrade"
                )
            }
            return
        }
        if application != 0 {
            throw StoreError(
                .cannotOpen,
                "\(shown) is another application's SQLite database (application_id \(application)); svctrade does not write to it. Give --db a new file name"
            )
        }
        // Unmarked: an svctrade store from before the mark (it has our migrations table), or a
        // database of someone else's (tables of its own), or an empty SQLite file.
        let queue: DatabaseQueue
        do {
            var config = Configuration()
            config.readonly = true
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch let e as DatabaseError {
            throw StoreError.opening(path, e)
        }
        let names: Set<String>
        do {
            names = try queue.read { db in
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            }
        } catch let e as DatabaseError {
            throw StoreError.opening(path, e)
        }
        try? queue.close()
        let ours: Set<String> = ["grdb_migrations", "release", "series", "figure"]
        if names.isEmpty { return }
        if ours.isSubset(of: names) {
            if forWriting { try quickCheck(path: path) }
            return
        }
        throw foreign(shown, names)
    }

    static func foreign(_ shown: String, _ names: Set<String>) -> StoreError {
        return StoreError(
            .cannotOpen,
            "\(shown) is an SQLite database of another application (tables \(names.sorted().prefix(3).joined(separator: ", "))…, no svctrade mark); svctrade does not write to it. Give --db a new file name"
        )
    }

    /// Refuses a damaged store before anything is written to it (``TradeDatabase/checkIntegrity()``),
    /// read through a read-only connection that leaves the file as it is.
    static func quickCheck(path: String) throws {
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try TradeDatabase.integrity(of: queue, path: path)
        } catch let e as DatabaseError {
            throw StoreError.opening(path, e)
        }
    }

    /// Marks a store opened for writing (new, or from before the mark).
    static func stamp(_ db: Database) throws {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if application != applicationID { try db.execute(sql: "PRAGMA application_id = \(applicationID)") }
        if version != format { try db.execute(sql: "PRAGMA user_version = \(format)") }
    }
}
