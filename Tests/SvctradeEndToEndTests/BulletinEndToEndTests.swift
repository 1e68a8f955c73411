import Foundation
import Testing
import TradeTestSupport

@Suite struct BulletinEndToEndTests {
    let cli = CommandRunner()

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    func demoStore(_ folder: TemporaryFolder) throws -> String {
        let db = folder.file("b.sqlite")
        #expect(try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db]).status == 0)
        #expect(try cli.run(["generate", "--db", db, "--import"]).status == 0)
        return db
    }

    @Test func figuresInBothLanguagesAndJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try demoStore(folder)
        let zh = try cli.run(["figures", "--db", db, "--through", "2021-04", "--vs-year", "2019"], in: Repository.root)
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("今年1—4月，我国服务进出口总额15644.5亿元，同比增长3.3%"))
        // The April month on month rests on a derived March: said on standard error, not in the press text.
        // (Every figure stored: as of the release date, 3 June 2021, the undated March figures are out.)
        let explained = try cli.run(
            ["figures", "--db", db, "--through", "2021-04", "--explain", "--as-of", "latest"], in: Repository.root)
        #expect(explained.stderr.contains("withheld: {month.total.mom} derived"))
        #expect(!explained.stdout.contains("环比"))
        let allowed = try cli.run(
            ["figures", "--db", db, "--through", "2021-04", "--allow-derived", "--as-of", "latest"], in: Repository.root
        )
        #expect(allowed.stdout.contains("由累计数推算，非公布数"))
        let json = try cli.run(
            ["figures", "--db", db, "--through", "2021-04", "--lang", "en", "--format", "json"], in: Repository.root)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let sentences = object?["sentences"] as? [[String: Any]]
        #expect(
            sentences?.first?["text"] as? String
                == "From January to April, China's services trade reached RMB1.56445 trillion, up by 3.3% year on year; exports rose 23.2% to RMB746.21 billion and imports fell 10% to RMB818.24 billion."
        )
        let outside = try cli.run(["figures", "--db", db, "--through", "2021-04"], in: folder.path)
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("--templates"))
    }

    /// MOFCOM printed 2017's export growth as 10.6% in February 2018 and as 8.9% in June 2018
    /// (english.www.gov.cn, 2018-02-06; japanese.china.org.cn, 2018-06-20): a bulletin through June
    /// 2018 lists it, first print against latest, in the revisions section and in the Excel sheet.
    @Test func aFigurePrintedAgainWithAnotherRateIsListedAsRevised() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = folder.file("r.sqlite")
        #expect(try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db]).status == 0)
        let out = folder.file("b")
        let b = try cli.run(
            ["bulletin", "--db", db, "--through", "2018-06", "--lang", "en", "--out", out, "--draft"],
            in: Repository.root)
        #expect(b.status == 0, "\(b.stderr)")
        let md = try String(contentsOfFile: out + "/bulletin.md", encoding: .utf8)
        #expect(md.contains("Revisions: figures printed again with another value or rate"))
        let row = md.split(separator: "\n").first { $0.contains("2017-01–2017-12") && $0.contains("exports") }
        #expect(row?.contains("2018-02-06") == true && row?.contains("10.6") == true, "\(row ?? "")")
        #expect(row?.contains("2018-06-20") == true && row?.contains("8.9") == true, "\(row ?? "")")
    }

    @Test(.enabled(if: BulletinEndToEndTests.chromium != nil || BulletinEndToEndTests.inCI))
    func theHTMLBulletinRendersInHeadlessChromium() throws {
        let chromium = try #require(Self.chromium, "CI must install Debian's chromium (.ci/run does)")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try demoStore(folder)
        let out = folder.file("bulletin")
        let b = try cli.run(
            [
                "bulletin", "--db", db, "--through", "2021-04", "--vs-year", "2019", "--lang", "both", "--out", out,
                "--draft",
            ],
            in: Repository.root)
        #expect(b.status == 0, "\(b.stderr)")
        let html = try String(contentsOfFile: out + "/bulletin.html", encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http-equiv"))
        #expect(html.contains("15644.5"))
        #expect(html.contains("RMB1.56445 trillion"))
        #expect(FileManager.default.fileExists(atPath: out + "/bulletin.md"))
        // A release cites its publisher with release dates, and never a mirror copy.
        let markdown = try String(contentsOfFile: out + "/bulletin.md", encoding: .utf8)
        #expect(markdown.contains("资料来源：商务部（本期数据"))
        #expect(markdown.contains("Source: Ministry of Commerce (MOFCOM) (figures for the period released"))
        let hosts = try String(contentsOfFile: Repository.dataset("source-hosts.csv"), encoding: .utf8)
        var mirrors: [String] = []
        for line in hosts.split(separator: "\n") {
            let fields = line.split(separator: ",")
            if fields.count == 3 && fields[1] == "mirror" { mirrors.append(String(fields[0])) }
        }
        #expect(mirrors.count == 43)
        for host in mirrors {
            #expect(!html.contains(host) && !markdown.contains(host), "\(host) is cited")
        }
        // Illustrative figures only in the appendix, never in the press prose.
        let appendix = try #require(markdown.range(of: "## 附录：试点地区示意数据"))
        #expect(!markdown[..<appendix.lowerBound].contains("示意："))

        let shot = folder.file("shot.png")
        let render = Process()
        render.executableURL = URL(fileURLWithPath: chromium)
        render.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
            "--window-size=1280,2400", "--screenshot=\(shot)", "file://\(out)/bulletin.html",
        ]
        let err = Pipe()
        render.standardError = err
        render.standardOutput = Pipe()
        try render.run()
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        render.waitUntilExit()
        #expect(render.terminationStatus == 0, "\(log)")
        let consoleLines = log.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(consoleLines.isEmpty, "console messages: \(consoleLines)")

        let stats = Process()
        stats.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        stats.arguments = ["python3", Repository.root + "/Scripts/png-stats.py", shot]
        let pipe = Pipe()
        stats.standardOutput = pipe
        try stats.run()
        let line = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        stats.waitUntilExit()
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        #expect(fields.count == 4, "\(line)")
        guard fields.count == 4 else { return }
        #expect(fields[0] == "1280" && fields[1] == "2400")  // the expected size
        #expect((Int(fields[2]) ?? 0) > 50)  // text, charts and tables, not a blank page
        #expect((Double(fields[3]) ?? 0) > 0.02)

        // Print: an A4 PDF whose every page carries something (pdftoppm from poppler-utils).
        let pdf = folder.file("bulletin.pdf")
        #expect(
            try Self.run(
                chromium,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=\(pdf)", "file://\(out)/bulletin.html",
                ]) == 0)
        let pages = folder.file("page")
        #expect(try Self.run("/usr/bin/env", ["pdftoppm", "-r", "40", "-png", pdf, pages]) == 0)
        let pngs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("page") }
            .sorted()
        #expect(pngs.count >= 4, "\(pngs)")
        for png in pngs {
            let stats = try Self.output(
                "/usr/bin/env", ["python3", Repository.root + "/Scripts/png-stats.py", folder.path + "/" + png])
            let f = stats.split(whereSeparator: { $0 == " " || $0 == "\n" })
            #expect(f.count == 4 && (Double(f[3]) ?? 0) > 0.005, "\(png) is blank: \(stats)")
        }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    static func output(_ executable: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text
    }
}
