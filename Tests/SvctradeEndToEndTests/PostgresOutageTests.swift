#if PostgreSQL
    import Foundation
    import Testing
    import TradeTestSupport

    /// The PostgreSQL server stops in the middle of an import's `COPY` (an immediate shutdown: every
    /// connection is cut) and comes back. The import is an error in one line, well within the deadline,
    /// never a hang; nothing of it is stored; the same import succeeds once the server is back.
    /// The server is the test's own (Scripts/pg-scratch-server.sh), so that stopping it disturbs no
    /// other test; it needs PostgreSQL 15's binaries, which `.ci/run` installs.
    @Suite(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/15/bin/initdb")
                && FileManager.default.isExecutableFile(atPath: "/usr/bin/psql"),
            "no PostgreSQL 15 server binaries or psql"))
    struct PostgresOutageTests {
        let cli = CommandRunner()
        static let script = Repository.root + "/Scripts/pg-scratch-server.sh"

        /// Runs a program to the end: its status and standard output.
        static func run(_ program: String, _ arguments: [String]) throws -> (Int32, String) {
            let (status, out) = try CommandRunner.program(program, arguments)
            return (status, String(decoding: out, as: UTF8.self))
        }

        @Test func theServerStoppingMidCopyIsAnErrorAndLeavesNothing() throws {
            let dir = "/tmp/svctrade-pg-" + UUID().uuidString.lowercased()
            let (started, address) = try Self.run(Self.script, ["start", dir])
            defer { _ = try? Self.run(Self.script, ["stop", dir]) }
            try #require(started == 0, "the test's PostgreSQL server did not start")
            let admin = address.trimmingCharacters(in: .whitespacesAndNewlines)
            let initialised = try cli.run(["db", "init", "--db", admin])
            try #require(initialised.status == 0, "\(initialised.stderr)")
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            // A panel large enough that its COPY lasts long enough to be caught in the act.
            // (The illustrative panel is scaled to the published national totals, read from a SQLite store.)
            let lite = folder.file("published.sqlite")
            for file in ShippedData.files.prefix(2) {
                let r = try cli.run(["import", Repository.dataset(file), "--db", lite])
                try #require(r.status == 0, "\(r.stderr)")
            }
            let panel = folder.file("panel.csv")
            let generated = try cli.run([
                "generate", "--db", lite, "-o", panel, "--from-year", "2017", "--to-year", "2025",
            ])
            try #require(generated.status == 0, "\(generated.stderr)")

            // The import goes through a proxy that stops the server as soon as the COPY has begun
            // (Scripts/pg-cut-proxy.py reads the server's CopyInResponse).
            let port = try #require(admin.split(separator: ":").last.map { String($0.prefix { $0.isNumber }) })
            let proxy = Process()
            proxy.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            proxy.arguments = [
                "python3", Repository.root + "/Scripts/pg-cut-proxy.py",
                port, Self.script, "kill", dir,
            ]
            let proxyOut = Pipe()
            proxy.standardOutput = proxyOut
            proxy.standardError = FileHandle.nullDevice
            try proxy.run()
            // SIGKILL: the test runner starts its children with SIGTERM blocked.
            defer { if proxy.isRunning { kill(proxy.processIdentifier, SIGKILL) } }
            let proxyPort = try #require(
                Int(
                    String(decoding: proxyOut.fileHandleForReading.availableData, as: UTF8.self)
                        .trimmingCharacters(in: .whitespacesAndNewlines)))
            let throughProxy = admin.replacingOccurrences(of: ":\(port)/", with: ":\(proxyPort)/")
            let importer = try cli.start(
                ["import", panel, "--db", throughProxy], outputIn: folder.path, name: "import",
                environment: ["SVCTRADE_PG_TIMEOUT": "30"])
            defer { if importer.isRunning { kill(importer.processIdentifier, SIGKILL) } }
            let begun = ContinuousClock.now
            while importer.isRunning && ContinuousClock.now - begun < .seconds(90) { usleep(50_000) }
            let waited = ContinuousClock.now - begun
            #expect(!importer.isRunning, "the import still runs 90 s after the server stopped")
            if importer.isRunning { kill(importer.processIdentifier, SIGKILL) }
            importer.waitUntilExit()
            #expect(importer.terminationStatus == 1)
            let stderr = (try? String(contentsOfFile: folder.file("import.err"), encoding: .utf8)) ?? ""
            let lines = stderr.split(separator: "\n").filter { !$0.hasPrefix("reading") && !$0.contains("\r") }
            #expect(
                lines == [
                    "error: the PostgreSQL server at postgres://postgres@127.0.0.1:\(proxyPort)/postgres closed the connection before it had answered (did the server stop or restart?)",
                    "nothing was imported",
                ], "\(stderr)")
            #expect(!stderr.contains("CONTINUATION MISUSE"))
            #expect(waited < .seconds(45), "the lost connection was found only after \(waited)")

            // The server back (starting it succeeds only if the proxy had stopped it): nothing of the import is there, and the same import goes through.
            let (again, _) = try Self.run(Self.script, ["again", dir])
            try #require(again == 0)
            let listing = try cli.run(["series", "--db", admin, "--format", "csv"])
            #expect(listing.status == 0, "\(listing.stderr)")
            #expect(listing.stdout.split(separator: "\n").count <= 1, "\(listing.stdout.prefix(300))")
            let retried = try cli.run(["import", panel, "--db", admin])
            #expect(retried.status == 0, "\(retried.stderr)")
        }
    }
#endif
