#if PressServer
    import Foundation
    import Testing
    import TradeTestSupport

    /// Property-based tests of the press API against its OpenAPI document: schemathesis (from the
    /// Python package index, installed by .ci/run) reads `/api/openapi.json` from a `svctrade serve` it
    /// did not start, generates valid and invalid requests for every operation and checks every
    /// answer: no 5xx, a documented status, content type, headers and schema, invalid input refused
    /// with a 4xx. Bounded: a fixed number of examples per operation, a fixed seed and a hard timeout.
    @Suite(.enabled(if: PressAPIFuzzTests.schemathesis || BulletinEndToEndTests.inCI))
    struct PressAPIFuzzTests {
        let cli = CommandRunner()

        static let schemathesis: Bool = {
            (try? PressServerEndToEndTests.run("/usr/bin/env", ["python3", "-m", "schemathesis.cli", "--version"]).0)
                == 0
        }()

        @Test(.timeLimit(.minutes(10))) func schemathesisFindsNothing() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let db = try PressPageEndToEndTests.store(folder, cli: cli)
            let (server, port) = try PressServerEndToEndTests().serve(db, in: folder, environment: [:])
            // Test children start with SIGTERM blocked: SIGKILL stops the server for sure.
            defer {
                if server.isRunning { kill(server.processIdentifier, SIGKILL) }
                server.waitUntilExit()
            }
            let junit = folder.file("schemathesis.xml")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = [
                "-s", "KILL", "420", "python3", "-m", "schemathesis.cli", "run",
                "http://127.0.0.1:\(port)/api/openapi.json", "--checks", "all", "--max-examples", "40", "--seed", "23",
                "--workers", "1", "--no-color", "--generation-database", "none", "--request-timeout", "60",
                "--report", "junit", "--report-junit-path", junit,
            ]
            // Output to files, never the runner's own descriptors (a killed child must not hold them).
            FileManager.default.createFile(atPath: folder.file("st.out"), contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: folder.file("st.out"))
            process.standardError = process.standardOutput
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let output = (try? String(contentsOfFile: folder.file("st.out"), encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "schemathesis found problems:\n\(output.suffix(6000))")
            // It did test every operation: one test case per operation in the report, none failed.
            let report = try String(contentsOfFile: junit, encoding: .utf8)
            for operation in [
                "GET /api/", "GET /api/openapi.json", "GET /api/months", "GET /api/figures/{month}",
                "GET /api/table/{month}", "GET /api/series",
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
