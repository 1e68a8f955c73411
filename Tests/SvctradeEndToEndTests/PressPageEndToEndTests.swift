import Foundation
import Testing
import TradePress
import TradeStore
import TradeTestSupport

/// The press site gives the same bytes as the commands a press officer would otherwise ask an
/// economist to run: `figures --format json`, `bulletin --lang both`, `table --format csv|json` and
/// `series --format csv|json`.
@Suite struct PressPageEndToEndTests {
    let cli = CommandRunner()

    static func store(_ folder: TemporaryFolder, cli: CommandRunner) throws -> String {
        try cli.shippedStore(folder, name: "press.sqlite")
    }

    @Test func theSiteGivesTheCommandLinesBytes() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try Self.store(folder, cli: cli)
        let site = PressSite(
            store: try TradeDatabase.readOnly(path: db), resources: try ShippedData.resources(), chromium: nil)
        func get(_ target: String) async throws -> PressResponse {
            let answer = await site.respond(to: try #require(PressRequest(target: target)))
            #expect(answer.status == 200, "\(target): \(answer.text)")
            return answer
        }
        for (target, args) in [
            ("/api/figures/2021-04?lang=zh", ["figures", "--through", "2021-04", "--format", "json"]),
            (
                "/api/figures/2021-04?lang=en&vs=2019",
                ["figures", "--through", "2021-04", "--lang", "en", "--vs-year", "2019", "--format", "json"]
            ),
            ("/api/figures/2025-10?lang=zh", ["figures", "--through", "2025-10", "--format", "json"]),
            (
                "/api/table/2021-04?format=csv&vs=2019",
                ["table", "--through", "2021-04", "--vs-year", "2019", "--lang", "en", "--format", "csv"]
            ),
            (
                "/api/table/2021-04?format=json&lang=zh",
                ["table", "--through", "2021-04", "--lang", "zh", "--format", "json"]
            ),
            ("/download/2021-04/table-en.csv", ["table", "--through", "2021-04", "--lang", "en", "--format", "csv"]),
            ("/download/2022-04/table-zh.csv", ["table", "--through", "2022-04", "--lang", "zh", "--format", "csv"]),
            ("/api/series?format=csv", ["series", "--format", "csv"]),
            ("/api/series?format=json&region=CN", ["series", "--region", "CN", "--format", "json"]),
        ] {
            let command = try cli.run(args + ["--db", db], in: Repository.root)
            #expect(command.status == 0, "\(args): \(command.stderr)")
            #expect(
                try await get(target).text == command.stdout,
                "\(target) differs from svctrade \(args.joined(separator: " "))"
            )
        }
        // The bulletin's files, each as `svctrade bulletin --lang both` writes it.
        for (month, vs) in [("2021-04", "2019"), ("2025-10", nil)] {
            let out = folder.file("bulletin-\(month)")
            let r = try cli.run(
                ["bulletin", "--through", month, "--lang", "both", "--out", out, "--db", db, "--draft"]
                    + (vs.map { ["--vs-year", $0] } ?? []), in: Repository.root)
            #expect(r.status == 0, "\(r.stderr)")
            let names = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.contains(".") }.sorted()
            #expect(names.contains("bulletin-zh.xlsx") && names.contains("charts/combo-en.svg"))
            // The page's sentences are the bulletin's, and those are `svctrade figures`'s.
            for language in ["zh", "en"] {
                let api = try await get("/api/figures/\(month)?lang=\(language)" + (vs.map { "&vs=\($0)" } ?? ""))
                #expect(api.body == (try Data(contentsOf: URL(fileURLWithPath: out + "/figures-\(language).json"))))
            }
            for name in names {
                let written = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
                let served = try await get("/download/\(month)/\(name)" + (vs.map { "?vs=\($0)" } ?? ""))
                #expect(served.body == written, "\(month) \(name)")
            }
        }
    }
}

#if PressServer
    /// `svctrade serve` as a press officer meets it: the page in headless Chromium (scripts on),
    /// the headline numbers on it, a download link followed, refusals over HTTP, then the server stopped.
    @Suite(.enabled(if: BulletinEndToEndTests.chromium != nil || BulletinEndToEndTests.inCI))
    struct PressServerEndToEndTests {
        let cli = CommandRunner()

        static func freePort() throws -> Int {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            probe.arguments = [
                "python3", "-c",
                "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])",
            ]
            let out = Pipe()
            probe.standardOutput = out
            try probe.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            probe.waitUntilExit()
            return try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }

        /// `curl` a URL: status and body.
        static func fetch(_ url: String, pathAsIs: Bool = false) throws -> (Int, Data) {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let body = folder.file("body")
            let (_, status) = try CommandRunner.program(
                "/usr/bin/curl", ["-s", "-o", body, "-w", "%{http_code}"] + (pathAsIs ? ["--path-as-is"] : []) + [url])
            return (
                Int(String(decoding: status, as: UTF8.self)) ?? 0,
                (try? Data(contentsOf: URL(fileURLWithPath: body))) ?? Data()
            )
        }

        /// Starts `svctrade serve` over `db` on a free port and waits until it listens.
        func serve(_ db: String, in folder: TemporaryFolder, environment: [String: String]) throws -> (Process, Int) {
            let port = try Self.freePort()
            let server = try cli.start(
                [
                    "serve", "--db", db, "--port", "\(port)", "--templates", Repository.root + "/templates",
                    "--datasets", Repository.root + "/datasets",
                ], outputIn: folder.path, name: "serve", environment: environment)
            var up = false
            for _ in 0..<200 where !up {
                let log = (try? String(contentsOfFile: folder.file("serve.out"), encoding: .utf8)) ?? ""
                up = log.contains("read-only at http://127.0.0.1:\(port)/")
                if !up { usleep(50_000) }
            }
            #expect(
                up,
                "the server did not start: \((try? String(contentsOfFile: folder.file("serve.err"), encoding: .utf8)) ?? "")"
            )
            return (server, port)
        }

        /// Requests no browser sends, over a raw socket (Scripts/press-http-probe.py), and more
        /// connections than the server takes: every answer, also the server's own refusals, carries the
        /// security headers; bad framing is 400; a connection beyond the limit is 503 with
        /// `Retry-After`, and the server answers again once the others have gone.
        @Test func hostileRequestsAndTooManyConnections() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let db = try PressPageEndToEndTests.store(folder, cli: cli)
            let (server, port) = try serve(
                db, in: folder,
                environment: ["SVCTRADE_SERVE_MAX_CONNECTIONS": "3", "SVCTRADE_SERVE_IDLE_TIMEOUT": "30"])
            defer {
                if server.isRunning { server.terminate() }
                server.waitUntilExit()
            }
            let (status, output) = try CommandRunner.program(
                "/usr/bin/env", ["python3", Repository.root + "/Scripts/press-http-probe.py", "\(port)", "3"])
            #expect(status == 0)
            struct Probe: Decodable, Equatable {
                var status: Int
                var secure: Bool
                var retry_after: String?
            }
            let probes = try JSONDecoder().decode([String: Probe].self, from: output)
            #expect(probes["no_host"] == Probe(status: 400, secure: true))
            #expect(probes["two_hosts"] == Probe(status: 400, secure: true))
            #expect(probes["overlong_utf8"] == Probe(status: 400, secure: true))
            #expect(probes["broken_line"] == Probe(status: 400, secure: true))
            #expect(probes["good"] == Probe(status: 200, secure: true))
            #expect(probes["over_limit"] == Probe(status: 503, secure: true, retry_after: "5"))
            #expect(probes["after_release"] == Probe(status: 200, secure: true))
        }

        @Test func thePageInABrowser() throws {
            let chromium = try #require(BulletinEndToEndTests.chromium, "CI must install Debian's chromium")
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let db = try PressPageEndToEndTests.store(folder, cli: cli)
            let (server, port) = try serve(db, in: folder, environment: ["SVCTRADE_SERVE_IDLE_TIMEOUT": "2"])
            defer {
                if server.isRunning { server.terminate() }
                server.waitUntilExit()
            }
            let base = "http://127.0.0.1:\(port)"
            let page = "\(base)/figures?month=2021-04&lang=both&vs=2019"
            let browser = [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=\(folder.file("chromium"))",
            ]
            let (status, dom) = try CommandRunner.program(
                chromium, browser + ["--virtual-time-budget=3000", "--dump-dom", page])
            #expect(status == 0)
            let html = String(decoding: dom, as: UTF8.self)
            // MOFCOM (2021-05-28): January–April 2021, 15644.5 亿元, +3.3%; exports 7462.1 亿元, +23.2%.
            #expect(html.contains("今年1—4月，我国服务进出口总额"))
            #expect(html.contains(">15644.5亿元</a>"))
            #expect(html.contains(">RMB1.56445 trillion</a>"))
            #expect(html.contains(">增长23.2%</a>"))
            // The script ran: copy buttons are shown (hidden without scripts).
            #expect(html.contains("class=\"copy\""))
            #expect(!html.contains("data-done=\"Copied\" hidden"))
            // Screenshots: wide, and a phone's width.
            for (name, size) in [("wide", "1400,2200"), ("phone", "390,2400")] {
                let png = folder.file("\(name).png")
                let (shot, _) = try CommandRunner.program(
                    chromium, browser + ["--window-size=\(size)", "--screenshot=\(png)", page])
                #expect(shot == 0)
                let data = try Data(contentsOf: URL(fileURLWithPath: png))
                #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count > 20_000, "\(name).png")
            }
            // Follow the Excel download link of the page: the bytes `svctrade bulletin` writes.
            let link = try #require(
                html.range(of: "href=\"/download/2021-04/bulletin-zh.xlsx?vs=2019\""), "no Excel link on the page")
            let href = String(html[link].dropFirst(6).dropLast(1))
            let (code, xlsx) = try Self.fetch(base + href)
            #expect(code == 200)
            let out = folder.file("b")
            #expect(
                try cli.run(
                    ["bulletin", "--through", "2021-04", "--vs-year", "2019", "--out", out, "--db", db, "--draft"],
                    in: Repository.root
                ).status == 0)
            #expect(xlsx == (try Data(contentsOf: URL(fileURLWithPath: out + "/bulletin-zh.xlsx"))))
            // A request whose header never ends is closed after the idle timeout (2 s in this test).
            let socket = try CommandRunner.program(
                "/usr/bin/env",
                [
                    "python3", "-c",
                    "import socket,time\ns=socket.create_connection(('127.0.0.1',\(port)))\ns.sendall(b'GET /figures HTTP/1.1\\r\\nHost: x\\r\\n')\ns.settimeout(20)\nt=time.time()\nd=s.recv(1)\nprint('closed' if d==b'' else 'open', round(time.time()-t))",
                ])
            let closed = String(decoding: socket.1, as: UTF8.self)
            #expect(closed.hasPrefix("closed"), "\(closed)")
            // HEAD over HTTP: the GET answer's headers and length, no body.
            let (headStatus, headers) = try CommandRunner.program(
                "/usr/bin/curl", ["-s", "-I", base + "/download/2021-04/bulletin-zh.xlsx?vs=2019"])
            #expect(headStatus == 0)
            let headText = String(decoding: headers, as: UTF8.self).lowercased()
            #expect(headText.contains("content-length: \(xlsx.count)"), "\(headText)")
            #expect(headText.contains("x-content-type-options: nosniff"))
            // Refusals over HTTP: 4xx pages, never 5xx.
            for (target, expected) in [
                ("/figures?month=2021-13", 400), ("/figures?month=2030-01", 404),
                ("/figures?month=2021-04&lang=fr", 400),
                ("/download/2021-04/../../../etc/passwd", 400), ("/download/2021-04/%2e%2e%2fbulletin.md", 400),
            ] {
                let (code, body) = try Self.fetch(base + target, pathAsIs: true)
                #expect(code == expected, "\(target): \(String(decoding: body, as: UTF8.self))")
            }
            server.terminate()
            server.waitUntilExit()
            #expect(!server.isRunning)
        }

        /// `svctrade serve` keeps a month under embargo until its release moment in release.toml
        /// (2025-10: 2025-12-03 00:00 Beijing time = 1764691200 s), on its page, downloads and API,
        /// `/api/series` and SDMX data, by the server's clock (SVCTRADE_SERVE_NOW), then serves it.
        @Test func aMonthUnderEmbargoOverHTTP() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let db = try PressPageEndToEndTests.store(folder, cli: cli)
            for (now, embargoed) in [("1764691199", true), ("1764691200", false)] {
                let (server, port) = try serve(db, in: folder, environment: ["SVCTRADE_SERVE_NOW": now])
                defer {
                    if server.isRunning { server.terminate() }
                    server.waitUntilExit()
                }
                let base = "http://127.0.0.1:\(port)"
                for target in [
                    "/figures?month=2025-10&lang=both", "/download/2025-10/bulletin-en.xlsx",
                    "/api/figures/2025-10?lang=en", "/api/table/2025-10?format=json",
                ] {
                    let (code, body) = try Self.fetch(base + target)
                    let text = String(decoding: body, as: UTF8.self)
                    #expect(code == (embargoed ? 404 : 200), "\(now) \(target): \(text.prefix(200))")
                    #expect(
                        text.contains("2025-10 is embargoed until 2025-12-03 00:00 UTC+08:00") == embargoed,
                        "\(now) \(target)")
                }
                let (_, months) = try Self.fetch(base + "/api/months")
                #expect(String(decoding: months, as: UTF8.self).contains("2025-10") != embargoed)
                // No figure of it by the routes that span months either.
                let (_, series) = try Self.fetch(base + "/api/series?region=CN&sector=S&format=csv")
                #expect(String(decoding: series, as: UTF8.self).contains("2025-10") != embargoed, "\(now)")
                let (code, _) = try Self.fetch(
                    base + "/sdmx/2.1/data/DF_SVC_TRADE/M.CN.W1.T.S.CNY.CNY.YTD?startPeriod=2025-10&endPeriod=2025-10")
                #expect(code == (embargoed ? 404 : 200), "\(now)")
            }
        }
    }
#endif
