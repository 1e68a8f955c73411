#if PostgreSQL
    import Foundation
    import Testing
    import TradePostgres
    import TradeTestSupport

    /// The same commands against PostgreSQL (`$SVCTRADE_TEST_POSTGRES`, started by `.ci/run`): the
    /// January–April 2021 table, figures and bulletin byte for byte as from SQLite; a reader cannot
    /// import; bad addresses get one clear line each.
    @Suite(.enabled(if: PostgresTestServer.address != nil, "no PostgreSQL server in $SVCTRADE_TEST_POSTGRES"))
    struct PostgresEndToEndTests {
        static var admin: String? { PostgresTestServer.address }
        let cli = CommandRunner()

        /// A new database with the schema and roles (`svctrade db init`).
        func database() async throws -> PostgresTestServer.Database {
            let database = try await PostgresTestServer.freshDatabase(prefix: "svctrade_e2e_")
            let r = try cli.run(["db", "init", "--db", database.address])
            #expect(r.status == 0, "\(r.stderr)")
            return database
        }

        @Test func theSameTablesFiguresAndBulletinAsFromSQLite() async throws {
            let scratch = try await database()
            defer { scratch.drop() }
            let pg = scratch.address
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let lite = folder.file("s.sqlite")
            for db in [pg, lite] {
                for file in ShippedData.files.prefix(2) {
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
                    [
                        "bulletin", "--through", "2021-04", "--vs-year", "2019", "--lang", "both", "--db", db, "--out",
                        out, "--draft",
                    ],
                    in: Repository.root)
                #expect(r.status == 0, "\(r.stderr)")
            }
            for file in ["bulletin.md", "bulletin.html", "figures-zh.json", "bulletin-en.xlsx", "charts/combo-zh.svg"] {
                let a = FileManager.default.contents(atPath: folder.file("b-lite/" + file))
                let b = FileManager.default.contents(atPath: folder.file("b-pg/" + file))
                #expect(a != nil && a == b, "\(file)")
            }
        }

        /// Every command on PostgreSQL gives what it gives on SQLite: the demo (its files the committed
        /// `notebooks-output/`), then series, table (also by region and the panel month), figures,
        /// chart, bulletin, export, generate and derive over the stores the two demos built.
        @Test func everyCommandRunsOnPostgreSQLAsOnSQLite() async throws {
            let scratch = try await database()
            defer { scratch.drop() }
            let pg = scratch.address
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let lite = folder.file("demo.sqlite")
            for (db, out) in [(lite, folder.file("out-lite")), (pg, folder.file("out-pg"))] {
                let r = try cli.run(["demo", "--db", db, "--out", out], in: Repository.root)
                #expect(r.status == 0, "\(db): \(r.stderr)")
            }
            for file in [
                "tables/bulletin-2021-04.csv", "tables/regions-2021-04-illustrative.csv", "charts/combo-2021-04-zh.svg",
                "bulletin-2021-04/bulletin.md", "press-figures-2025-10-en.txt",
            ] {
                let committed = FileManager.default.contents(atPath: Repository.root + "/notebooks-output/" + file)
                let fromPG = FileManager.default.contents(atPath: folder.file("out-pg/" + file))
                #expect(committed != nil && fromPG == committed, "\(file)")
            }
            for args in [
                ["series", "--region", "CN"],
                ["table", "--through", "2021-04", "--by", "region", "--format", "csv"],
                ["table", "--through", "2021-04", "--panel", "--format", "csv"],
                ["figures", "--through", "2025-10", "--lang", "en"],
                ["export", "--region", "CN"],
            ] {
                let a = try cli.run(args + ["--db", lite], in: Repository.root)
                let b = try cli.run(args + ["--db", pg], in: Repository.root)
                #expect(a.status == 0 && b.status == 0, "\(args): \(a.stderr) \(b.stderr)")
                #expect(!b.stdout.isEmpty && a.stdout == b.stdout, "\(args)")
            }
            for (db, tag) in [(lite, "lite"), (pg, "pg")] {
                let chart = try cli.run(
                    ["chart", "combo", "--through", "2021-04", "-o", folder.file("combo-\(tag).svg"), "--db", db],
                    in: Repository.root)
                let bulletin = try cli.run(
                    [
                        "bulletin", "--through", "2022-04", "--lang", "both", "--out", folder.file("b-\(tag)"),
                        "--draft", "--db", db,
                    ],
                    in: Repository.root)
                let derive = try cli.run(
                    [
                        "derive", "--csv", folder.file("d-\(tag).csv"), "--sqlite", folder.file("d-\(tag).sqlite"),
                        "--db", db,
                    ])
                let generate = try cli.run(
                    [
                        "generate", "--from-year", "2020", "--to-year", "2021", "-o", folder.file("g-\(tag).csv"),
                        "--db", db,
                    ],
                    in: Repository.root)
                for r in [chart, bulletin, derive, generate] { #expect(r.status == 0, "\(tag): \(r.stderr)") }
            }
            for file in ["combo-lite.svg", "b-lite/bulletin.md", "b-lite/bulletin-en.xlsx", "d-lite.csv", "g-lite.csv"]
            {
                let a = FileManager.default.contents(atPath: folder.file(file))
                let b = FileManager.default.contents(
                    atPath: folder.file(file.replacingOccurrences(of: "lite", with: "pg")))
                #expect(a != nil && a == b, "\(file)")
            }
            // The generated panel imports into PostgreSQL as into SQLite (a release of its own name).
            let imported = try cli.run(["generate", "--seed", "7", "--import", "--db", pg], in: Repository.root)
            #expect(imported.status == 1)
            #expect(
                imported.stderr.contains("release \"illustrative-pilot-panel\" is already in the store"),
                "\(imported.stderr)")
        }

        @Test func aReaderCannotImportAndNothingChanges() async throws {
            let scratch = try await database()
            defer { scratch.drop() }
            let (pg, server, name) = (scratch.address, scratch.server, scratch.name)
            #expect(
                try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", pg]).status == 0)
            let role = "press_" + String(name.suffix(8))
            try await server.execute("CREATE ROLE \(role) LOGIN PASSWORD 'read-only' IN ROLE svctrade_reader")
            defer { Task.detached { try? await server.execute("DROP ROLE IF EXISTS \(role)") } }
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

        @Test func aReaderCannotHoldImportsUpAndAWaitingImportGivesUp() async throws {
            let scratch = try await database()
            defer { scratch.drop() }
            let (pg, server, name) = (scratch.address, scratch.server, scratch.name)
            let role = "press_" + String(name.suffix(8))
            try await server.execute("CREATE ROLE \(role) LOGIN PASSWORD 'read-only' IN ROLE svctrade_reader")
            defer { Task.detached { try? await server.execute("DROP ROLE IF EXISTS \(role)") } }
            var components = try #require(URLComponents(string: pg))
            components.user = role
            components.password = "read-only"
            let reader = try await PostgresStore(address: try #require(components.string))
            // The advisory lock imports used to take: any login may hold it.
            try await reader.execute("SELECT pg_advisory_lock(7411603)")
            // The import lock itself: a reader may not take it.
            try await reader.execute("BEGIN")
            let refused = await #expect(throws: PostgresStoreError.self) {
                try await reader.execute("LOCK TABLE import_lock IN EXCLUSIVE MODE")
            }
            #expect(
                refused?.message
                    == "error: \(reader.address): this role may not change the store (permission denied for table import_lock); imports need a role granted svctrade_writer, the press office's svctrade_reader only reads"
            )
            try? await reader.execute("ROLLBACK")
            let started = ContinuousClock.now
            let r = try cli.run([
                "import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", pg, "--wait", "5", "--progress",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(ContinuousClock.now - started < .seconds(60))
            // The write's progress, as on SQLite: the last line has every row and the rate.
            let stored = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
            let counts = try #require(stored.firstMatch(of: /; (\d+) figure rows, (\d+) monthly values/))
            let total = try #require(Int(counts.1)) + (try #require(Int(counts.2)))
            let last = String(r.stderr.split(separator: "\r").last ?? "")
            #expect(
                last.hasPrefix("writing: 100% (\(total) of \(total) rows, ") && last.hasSuffix(" rows/s)\n"), "\(last)")
            // An owner holding the lock makes an import wait, then give up in one line.
            let owner = try await PostgresStore(address: pg)
            try await owner.execute("BEGIN")
            try await owner.execute("LOCK TABLE import_lock IN EXCLUSIVE MODE")
            let waited = try cli.run([
                "import", Repository.dataset("mofcom-published-2023-2025.csv"), "--db", pg, "--wait", "1", "--progress",
            ])
            try await owner.execute("ROLLBACK")
            #expect(waited.status == 1)
            #expect(
                waited.stderr.contains("waiting: another svctrade import is writing to postgres://"), "\(waited.stderr)"
            )
            #expect(waited.stderr.contains("another import is writing to"), "\(waited.stderr)")
            #expect(waited.stderr.contains("waited 1 s and imported nothing"))
        }

        @Test func badAddressesGetOneClearLineEach() async throws {
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
    /// A server that accepts the connection and never answers (stopped mid-call, a black-holed network):
    /// an error after the deadline, never a hang. Needs no PostgreSQL server.
    @Suite struct PostgresDeadlineTests {
        let cli = CommandRunner()

        @Test func aServerThatNeverAnswersIsAnErrorAfterTheDeadline() async throws {
            let listener = Process()
            listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            listener.arguments = [
                "python3", "-c",
                "import socket,time\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen()\nprint(s.getsockname()[1],flush=True)\nc=s.accept()\ntime.sleep(120)",
            ]
            let out = Pipe()
            listener.standardOutput = out
            try listener.run()
            defer { listener.terminate() }
            let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
            let port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)))
            let started = ContinuousClock.now
            let r = try cli.run(
                ["series", "--db", "postgres://press:secret@127.0.0.1:\(port)/svctrade"],
                environment: ["SVCTRADE_PG_TIMEOUT": "2"])
            #expect(r.status == 1)
            #expect(
                r.stderr.hasPrefix(
                    "error: no answer from the PostgreSQL server at postgres://press@127.0.0.1:\(port)/svctrade within 2 s"
                ),
                "\(r.stderr)")
            #expect(!r.stderr.contains("secret"))
            #expect(ContinuousClock.now - started < .seconds(60))
        }
    }
#endif
