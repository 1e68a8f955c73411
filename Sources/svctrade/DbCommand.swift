import ArgumentParser
import Foundation
import TradeCore
import TradePostgres

struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Set up a PostgreSQL store for a team (build with --traits PostgreSQL).",
        subcommands: [DbInitCommand.self])
}

struct DbInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the schema and the roles svctrade_writer (imports) and svctrade_reader (reads only).",
        discussion: """
            Run once as an owner of the database. Then grant the roles to login roles, e.g.
              CREATE ROLE press LOGIN PASSWORD '…' IN ROLE svctrade_reader;
              CREATE ROLE economist LOGIN PASSWORD '…' IN ROLE svctrade_writer;
            An import by a reader is refused and changes nothing. Running init again changes nothing.

            Example: svctrade db init --db postgres://owner@127.0.0.1:5432/svctrade
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Create the schema only, not the roles.")
    var noRoles = false

    func run() async throws {
        guard PostgresBackend.isAddress(store.path) else {
            throw InputRejected(
                message: "error: db init sets up a PostgreSQL store; a SQLite store needs no setup (svctrade import)")
        }
        #if PostgreSQL
            let request = StoreOptions.request(address: store.path)
            let pg = try await PostgresStore(address: request.address, callDeadline: request.callDeadline ?? 600)
            try await pg.initialize(roles: !noRoles)
            print(
                "initialized \(pg.address): tables release, series, source, figure, monthly_block"
                    + (noRoles ? "" : "; roles svctrade_writer, svctrade_reader"))
        #else
            throw PostgresUnavailable()
        #endif
    }
}
