import Foundation
import TradePostgres

/// The PostgreSQL server of a test run: `$SVCTRADE_TEST_POSTGRES`, the address of a role that may
/// create databases and roles (`.ci/run` and `Scripts/pg-scratch-server.sh start DIR` start one).
public enum PostgresTestServer {
    /// The server's admin address, `nil` when the run has none (the PostgreSQL cases are skipped).
    public static var address: String? {
        let a = ProcessInfo.processInfo.environment["SVCTRADE_TEST_POSTGRES"] ?? ""
        return a.isEmpty ? nil : a
    }

    #if PostgreSQL
        /// A scratch database of its own for one test, on the run's server.
        public struct Database: Sendable {
            /// Its address (the admin role's, another database).
            public let address: String
            /// Its name.
            public let name: String
            /// The server's admin connection (roles, grants, dropping the database).
            public let server: PostgresStore

            /// Drops the database, in the background (a test's `defer` cannot wait for it).
            public func drop() {
                let (server, name) = (server, name)
                Task.detached { try? await server.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            }
        }

        /// Creates an empty database named `prefix` + a fresh UUID.
        ///
        /// - Throws: ``FixtureError`` when the run has no server; the server's error when it refuses.
        public static func freshDatabase(prefix: String = "svctrade_test_") async throws -> Database {
            guard let admin = address, let slash = admin.lastIndex(of: "/") else {
                throw FixtureError(message: "no PostgreSQL server in $SVCTRADE_TEST_POSTGRES")
            }
            let name = prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let server = try await PostgresStore(address: admin)
            try await server.execute("CREATE DATABASE \(name)")
            return Database(address: String(admin[..<slash]) + "/" + name, name: name, server: server)
        }
    #endif
}
