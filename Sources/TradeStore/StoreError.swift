import GRDB
import TradeCore

/// A store operation that could not be done, with what to do about it.
public struct StoreError: UserFacingError, Equatable, Sendable {
    /// The class of problem.
    public enum Kind: String, Sendable {
        /// A release of that name is already stored.
        case releaseExists
        /// The database file cannot be opened or is not an svctrade store.
        case cannotOpen
        /// A value does not fit the store's integer range.
        case overflow
        /// Another process held the store's write lock for longer than the writer's patience.
        case locked
        /// The file is an SQLite database but damaged.
        case corrupt
    }
    /// The class of problem.
    public let kind: Kind
    /// What happened and how to fix it.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// The store error for any error a store operation threw, when it is SQLite's: damaged, locked,
    /// not a database. `nil` for other errors.
    public static func translating(_ error: any Error) -> StoreError? {
        if let own = error as? StoreError { return own }
        guard let e = error as? DatabaseError else { return nil }
        switch e.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(
                .corrupt,
                "the store is damaged (SQLite: \(ControlCharacters.escaped(e.message ?? "malformed"))); check it with sqlite3 FILE 'PRAGMA integrity_check', restore it from a backup, or import into a new file"
            )
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.locked, "the store stayed locked by another process; try again when it has finished")
        default:
            return StoreError(
                .cannotOpen, "the store could not be read (SQLite: \(ControlCharacters.escaped(e.message ?? "error")))")
        }
    }

    /// The error for a database failure on `path`, saying which: not a database, damaged, locked.
    static func opening(_ path: String, _ e: DatabaseError) -> StoreError {
        let shown = ControlCharacters.escaped(path)
        switch e.resultCode {
        case .SQLITE_NOTADB:
            return StoreError(
                .cannotOpen, "\(shown) is not an SQLite database; give --db a new file name or an svctrade store")
        case .SQLITE_CORRUPT:
            return StoreError(
                .corrupt,
                "the store \(shown) is damaged (SQLite reports corruption); restore it from a backup or import into a new file"
            )
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(
                .locked,
                "the store \(shown) stayed locked by another writer for \(Int(TradeDatabase.writerPatience)) s; try again when that import has finished"
            )
        case .SQLITE_CANTOPEN:
            return StoreError(.cannotOpen, "cannot open the store \(shown): check the folder exists and is writable")
        default:
            return StoreError(
                .cannotOpen, "cannot open the store \(shown): \(ControlCharacters.escaped(e.message ?? e.description))")
        }
    }
}
