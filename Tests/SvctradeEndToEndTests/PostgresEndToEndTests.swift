#if PostgreSQL
    import Foundation
    import Testing
    import TradePostgres
    import TradeTestSupport

    /// The same commands against PostgreSQL (`$SVCTRADE_TEST_POSTGRES`, started by `.ci/run`): the
    /// January–April 2021 table, figures and bulletin byte for byte as from SQLite; a reader cannot
    /// import; bad addresses get one clear line each.
    /// The server of the test run: an address of a role that may create databases and roles.
    enum PostgresServer {
        static var admin: String? {
            let a = ProcessInfo.processInfo.environment["SVCTRADE_TEST_POSTGRES"] ?? ""
            return a.isEmpty ? nil : a
        }
    }

    @Suite(.enabled(if: PostgresServer.admin != nil, "no PostgreSQL server in $SVCTRADE_TEST_POSTGRES"))
    struct PostgresEndToEndTests {
        static var admin: String? { PostgresServer.admin }
        let cli = CommandRunner()

        /// A new database with the schema and roles, its address, and the server's admin connection.
        func database() throws -> (String, PostgresStore, String) {
            let admin = try #require(Self.admin)
            let server = try PostgresStore(address: admin)
            let name = "svctrade_e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try server.execute("CREATE DATABASE \(name)")
            let base = String(admin[..<(admin.lastIndex(of: "/") ?? admin.endIndex)])
            let address = base + "/" + name
            let r = try cli.run(["db", "init", "--db", address])
            #expect(r.status == 0, "\(r.stderr)")
            return (address, server, name)
        }

        @Test func theSameTablesFiguresAndBulletinAsFromSQLite() throws {
            let (pg, server, name) = try database()
            defer { try? server.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let lite = folder.file("s.sqlite")
            for db in [pg, lite] {
                for file in ["mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv"] {
                    let r = try cli.run(["import", Repository.dataset(file), "--db", db])
                    #expect(r.status == 0, "\(r.stderr)")
                }
            }
            for args in [
                ["table", "--through", "2021-04", "--vs-year", "2019"],
                ["table", "--through", "2021-04", "--format", "csv"],
                ["figures", "--through", "2021-04", "--vs-year", "2019"],
                ["figures", "--through", "2021-04", "--lang", "en", "--format", "json"],
                ["series", "--region", "CN"],
            ] {
                let a = try cli.run(args + ["--db", lite], in: Repository.root)
                let b = try cli.run(args + ["--db", pg], in: Repository.root)
                #expect(a.status == 0 && b.status == 0, "\(args): \(b.stderr)")
                #expect(a.stdout == b.stdout, "\(args)")
            }
            for (db, out) in [(lite, folder.file("b-lite")), (pg, folder.file("b-pg"))] {
                let r = try cli.run(
                    ["bulletin", "--through", "2021-04", "--vs-year", "2019", "--db", db, "--out", out, "--draft"],
                    in: Repository.root)
                #expect(r.status == 0, "\(r.stderr)")
            }
            for file in ["bulletin.md", "bulletin.html", "figures-zh.json", "bulletin-en.xlsx", "charts/combo-zh.svg"] {
                let a = FileManager.default.contents(atPath: folder.file("b-lite/" + file))
                let b = FileManager.default.contents(atPath: folder.file("b-pg/" + file))
                #expect(a != nil && a == b, "\(file)")
            }
        }

        @Test func aReaderCannotImportAndNothingChanges() throws {
            let (pg, server, name) = try database()
            defer { try? server.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
            #expect(
                try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", pg]).status == 0)
            let role = "press_" + String(name.suffix(8))
            try server.execute("CREATE ROLE \(role) LOGIN PASSWORD 'read-only' IN ROLE svctrade_reader")
            defer { try? server.execute("DROP ROLE IF EXISTS \(role)") }
            var components = try #require(URLComponents(string: pg))
            components.user = role
            components.password = "read-only"
            let asReader = try #require(components.string)
            let before = try cli.run(["series", "--db", asReader])
            #expect(before.status == 0, "\(before.stderr)")  // the press office reads
            let r = try cli.run(["import", Repository.dataset("mofcom-published-2023-2025.csv"), "--db", asReader])
            #expect(r.status == 1)
            #expect(r.stderr.contains("this role may not change the store"), "\(r.stderr)")
            #expect(r.stderr.contains("nothing was imported"))
            let after = try cli.run(["series", "--db", pg])
            #expect(after.stdout == before.stdout)
        }

        @Test func badAddressesGetOneClearLineEach() throws {
            let admin = try #require(Self.admin)
            var wrong = try #require(URLComponents(string: admin))
            wrong.password = "not-the-password"
            var missing = try #require(URLComponents(string: admin))
            missing.path = "/no_such_database_here"
            var down = try #require(URLComponents(string: admin))
            down.port = 1
            for (address, expected) in [
                (wrong.string ?? "", "refused the user or password"),
                (missing.string ?? "", "no such database"),
                (down.string ?? "", "cannot reach the PostgreSQL server"),
                ("postgres://127.0.0.1:5432/x", "no user in the address"),
            ] {
                let r = try cli.run(["series", "--db", address])
                #expect(r.status == 1, "\(address)")
                #expect(r.stderr.contains(expected), "\(address): \(r.stderr)")
                #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
                #expect(!r.stderr.contains("not-the-password"))
            }
        }
    }
#endif
