import Foundation
import TradeCore

extension TradeDatabase {
    /// The SQLite file store in a ``TradeCore/StoreRegistry``: every address that no other backend
    /// claims is a file path. Readers open an existing file read-only (`query_only`, no schema change,
    /// the stamp and schema checked); writers open it read-write, creating it only when the request
    /// allows.
    public static let backend = StoreBackend(
        name: "SQLite", claims: { _ in true },
        reader: { request in
            try requireFile(request.address)
            return try TradeDatabase.readOnly(path: request.address, events: request.events)
        },
        writer: { request in
            if !request.mayCreate { try requireFile(request.address) }
            return try TradeDatabase(path: request.address, events: request.events)
        })

    /// A missing file is an error for a command that does not create a store, never a new empty one.
    static func requireFile(_ path: String) throws {
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else {
            throw StoreError(
                .cannotOpen,
                "no store at \(ControlCharacters.escaped(path)); import figures first (svctrade import FILE --db \(ControlCharacters.escaped(path))), or give --db PATH or $SVCTRADE_DB"
            )
        }
    }
}
