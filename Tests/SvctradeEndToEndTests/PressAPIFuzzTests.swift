#if PressServer
    import Foundation
    import Testing
    import TradeTestSupport

    /// The Python clients the end-to-end tests drive (CI installs them: .ci/run).
    enum PythonClients {
        /// Whether `python3` can import `module`.
        static func has(_ module: String) -> Bool {
            (try? CommandRunner.program("/usr/bin/env", ["python3", "-c", "import \(module)"]).0) == 0
        }
    }

    /// `svctrade serve` over the shipped store on a free loopback port, in a folder of its own.
    struct ServedStore {
        let folder: TemporaryFolder
        let db: String
        let server: Process
        let port: Int

        init(cli: CommandRunner) throws {
            folder = try TemporaryFolder()
            db = try PressPageEndToEndTests.store(folder, cli: cli)
            (server, port) = try PressServerEndToEndTests().serve(db, in: folder, environment: [:])
        }

        /// Stops the server with SIGKILL (test children start with SIGTERM blocked) and removes the folder.
        func stop() {
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
            server.waitUntilExit()
            folder.remove()
        }
    }

    /// Property-based tests of the press API against its OpenAPI document: schemathesis (from the
    /// Python package index, installed by .ci/run) reads `/api/openapi.json` from a `svctrade serve` it
    /// did not start, generates valid and invalid requests for every operation and checks every
    /// answer: no 5xx, a documented status, content type, headers and schema, invalid input refused
    /// with a 4xx. Bounded: a fixed number of examples per operation, a fixed seed and a hard timeout.
    @Suite(.enabled(if: PythonClients.has("schemathesis") || BulletinEndToEndTests.inCI))
    struct PressAPIFuzzTests {
        let cli = CommandRunner()

        @Test(.timeLimit(.minutes(10))) func schemathesisFindsNothing() throws {
            let served = try ServedStore(cli: cli)
            defer { served.stop() }
            let (folder, port) = (served.folder, served.port)
            let junit = folder.file("schemathesis.xml")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = [
                "-s", "KILL", "420", "python3", "-m", "schemathesis.cli", "run",
                "http://127.0.0.1:\(port)/api/openapi.json", "--checks", "all",
                // Not this one: a request that fits the schema may still be refused with 400 when its
                // validity depends on another parameter or on the codelists (vs=9998 for 2021-04, an
                // unknown region), which a schema cannot say; the document says so in words.
                "--exclude-checks", "positive_data_acceptance", "--max-examples", "100", "--seed", "23",
                "--workers", "1", "--no-color", "--generation-database", "none", "--request-timeout", "60",
                "--report", "junit", "--report-junit-path", junit,
            ]
            // Output to files, never the runner's own descriptors (a killed child must not hold them).
            FileManager.default.createFile(atPath: folder.file("st.out"), contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: folder.file("st.out"))
            process.standardError = process.standardOutput
            process.standardInput = FileHandle.nullDevice
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)  // its .schemathesis cache
            try process.run()
            process.waitUntilExit()
            let output = (try? String(contentsOfFile: folder.file("st.out"), encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "schemathesis found problems:\n\(output.suffix(6000))")
            // It did test every operation: one test case per operation in the report, none failed.
            let report = try String(contentsOfFile: junit, encoding: .utf8)
            // (schemathesis leaves out the document's own path, /api/openapi.json.)
            for operation in [
                "GET /api/", "GET /api/months", "GET /api/figures/{month}", "GET /api/table/{month}", "GET /api/series",
            ] {
                #expect(
                    report.contains("name=\"\(operation)\""), "\(operation) was not tested:\n\(report.prefix(2000))")
            }
            #expect(!report.contains("<failure"), "\(report.prefix(4000))")
            let summary = output.split(separator: "\n").filter { $0.contains("test cases") || $0.contains("passed") }
            print("schemathesis: \(summary.joined(separator: " | "))")
        }
    }
#endif
