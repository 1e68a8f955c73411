import Foundation
import TradeCore

/// The PostgreSQL store in a ``TradeCore/StoreRegistry``: addresses `postgres://…` and
/// `postgresql://…`. In a build without the PostgreSQL trait it still claims them, and says how to
/// build with it.
public enum PostgresBackend {
    /// Whether a `--db` value names a PostgreSQL server.
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// The backend: readers get a session whose transactions are read-only on the server's side.
    public static let backend = StoreBackend(
        name: "PostgreSQL", claims: isAddress, display: shown,
        reader: { request in
            #if PostgreSQL
                return try await PostgresStore(
                    address: request.address, password: request.password, readOnly: true,
                    callDeadline: request.callDeadline ?? 600)
            #else
                throw PostgresUnavailable()
            #endif
        },
        writer: { request in
            #if PostgreSQL
                return try await PostgresStore(
                    address: request.address, password: request.password,
                    importLockWait: request.importLockWait ?? 600, callDeadline: request.callDeadline ?? 600,
                    events: request.events)
            #else
                throw PostgresUnavailable()
            #endif
        })

    /// `svctrade db init`: creates the schema (idempotent) at `request.address` and, with `roles`, the
    /// roles `svctrade_writer` and `svctrade_reader`; returns what was set up, for the user.
    ///
    /// - Throws: ``NotAPostgresAddress`` for an SQLite store; ``PostgresUnavailable`` in a build
    ///   without the PostgreSQL trait; the server's error.
    public static func initialize(_ request: StoreRequest, roles: Bool) async throws -> String {
        guard isAddress(request.address) else { throw NotAPostgresAddress() }
        #if PostgreSQL
            let store = try await PostgresStore(
                address: request.address, password: request.password, callDeadline: request.callDeadline ?? 600)
            try await store.initialize(roles: roles)
            return "initialized \(store.address): tables release, series, source, figure, monthly_block"
                + (roles ? "; roles svctrade_writer, svctrade_reader" : "")
        #else
            throw PostgresUnavailable()
        #endif
    }

    /// A PostgreSQL address as shown in messages: without its password.
    static func shown(_ address: String) -> String {
        guard var c = URLComponents(string: address), c.password != nil else {
            return AddressRedaction.redacted(address)
        }
        c.password = nil
        return c.string ?? AddressRedaction.redacted(address)
    }
}

/// `svctrade db init` given an SQLite store, which needs no setup.
public struct NotAPostgresAddress: UserFacingError, Equatable {
    /// The error.
    public init() {}

    /// The message.
    public var description: String {
        "db init sets up a PostgreSQL store; a SQLite store needs no setup (svctrade import)"
    }
}

/// This svctrade was built without the PostgreSQL store.
public struct PostgresUnavailable: UserFacingError {
    /// The error.
    public init() {}

    /// The message.
    public var description: String {
        "this svctrade was built without the PostgreSQL store; build it with swift build --traits PostgreSQL (Sources/TradePostgres/TradePostgres.docc/PostgreSQL.md)"
    }
}
