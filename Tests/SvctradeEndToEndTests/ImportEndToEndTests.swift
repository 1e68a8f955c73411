import Foundation
import Testing
import TradeStore
import TradeTestSupport

@Suite struct ImportEndToEndTests {
    let cli = CommandRunner()
    let published = Repository.dataset("mofcom-published-2017-2022.csv")

    @Test func helpListsTheCommands() throws {
        let r = try cli.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("import"))
        #expect(r.stdout.contains("series"))
        #expect(r.stdout.contains("demo"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try cli.run(["import"]).status == 2)
        #expect(try cli.run(["import", "x.csv", "--unit", "EUR bn"]).status == 2)
        #expect(try cli.run(["frobnicate"]).status == 2)
    }

    /// A pipe (`zcat … | svctrade import /dev/stdin`) can be read once only: it is copied to a temporary
    /// file first (removed afterwards) and imported as the same file would be; before, the layout
    /// sniffing swallowed its first bytes and the import failed with a wrong "header" message.
    @Test func aPipeIsImportedAsTheSameFileWouldBe() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scratch = folder.file("tmp")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let text = try Data(contentsOf: URL(fileURLWithPath: published))
        let piped = try cli.run(
            ["import", "/dev/stdin", "--db", folder.file("p.sqlite"), "--release", "mofcom-published-2017-2022"],
            environment: ["TMPDIR": scratch], input: text)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("/dev/stdin: 739 rows (published figures layout): 598 figures"))
        let fromFile = try cli.run(["import", published, "--db", folder.file("f.sqlite")])
        #expect(fromFile.status == 0)
        let a = try cli.run(["table", "--through", "2021-04", "--format", "csv", "--db", folder.file("p.sqlite")])
        let b = try cli.run(["table", "--through", "2021-04", "--format", "csv", "--db", folder.file("f.sqlite")])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        #expect(a.stdout == b.stdout && a.stdout.contains("15644.5"))
        // A plain panel through the pipe (the fast path), and a bad one: the message names the line.
        let panel = Data("period,region,sector,flow,value\n2021-01,R001,SA,X,1.5\n2021-02,R001,SA,X,2\n".utf8)
        let fast = try cli.run(
            ["import", "/dev/stdin", "--db", folder.file("p.sqlite"), "--release", "panel"],
            environment: ["TMPDIR": scratch], input: panel)
        #expect(fast.stdout.contains("/dev/stdin: 2 rows (tidy long layout): 0 figures, 2 monthly values in 1 series"))
        let bad = try cli.run(
            ["import", "/dev/stdin", "--db", folder.file("p.sqlite"), "--release", "bad"],
            environment: ["TMPDIR": scratch], input: Data("period,region,sector,flow,value\n2021-13,R001,SA,X,1\n".utf8)
        )
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("/dev/stdin:2:1: period: \"2021-13\""), "\(bad.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty, "the copies are removed")
    }

    @Test func importsThePublishedFiguresAndListsTheNationalSeries() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = folder.file("s.sqlite")
        let r = try cli.run(["import", published, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("739 rows (published figures layout): 598 figures"))
        #expect(r.stdout.contains("note: sources disagree beyond rounding on CN/S/total/USD 2018-01/2018-10"))
        let series = try cli.run(
            ["series", "--region", "CN", "--sector", "S", "--format", "csv"], environment: ["SVCTRADE_DB": db])
        #expect(series.status == 0)
        let lines = series.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "region,sector,flow,currency,first,last,observations,vintages,gaps")
        let total = try #require(lines.first { $0.hasPrefix("CN,S,total,CNY,") })
        #expect(total.hasPrefix("CN,S,total,CNY,2017-05,2022-12,70,1,"))
        #expect(total.contains("2017-07..2017-08"))
    }

    @Test func rejectedFilesLeaveTheStoreByteForByteUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = folder.file("s.sqlite")
        #expect(try cli.run(["import", published, "--db", db]).status == 0)
        let before = try TradeDatabase(path: db).logicalDump()
        let corpus = Repository.root + "/Tests/TradeIngestTests/BadFiles"
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(names.count >= 25)
        for name in names {
            let r = try cli.run(["import", name, "--db", db], in: corpus)
            #expect(r.status == 1, "\(name) exited \(r.status)")
            #expect(r.stderr.hasPrefix("error: \(name):"), "\(name): \(r.stderr)")
            #expect(r.stderr.hasSuffix("nothing was imported\n"))
            #expect(try TradeDatabase(path: db).logicalDump() == before, "\(name) changed the store")
        }
        // A good file next to a bad one: nothing of either is written.
        let good = try folder.write("good.csv", "period,region,sector,flow,value\n2021-04,CN,S,X,1\n")
        let r = try cli.run(["import", good, corpus + "/09-month-13.csv", "--db", db])
        #expect(r.status == 1)
        #expect(try TradeDatabase(path: db).logicalDump() == before)
        // Importing the same release again is refused too.
        let again = try cli.run(["import", published, "--db", db])
        #expect(again.status == 1)
        #expect(again.stderr.contains("release \"mofcom-published-2017-2022\" is already in the store"))
        #expect(try TradeDatabase(path: db).logicalDump() == before)
    }

    @Test func readingCommandsNeverCreateAnEmptyStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for args in [["table", "--through", "2021-04"], ["series"], ["figures", "--through", "2021-04"]] {
            let r = try cli.run(args, in: folder.path)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains("no store at svctrade.sqlite; import figures first"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("svctrade.sqlite")))
    }

    /// Run from the repository root (where it finds `datasets/`), writing into a temporary folder: a
    /// demo writing the committed `notebooks-output/` while other tests compare files with it made them
    /// fail now and then.
    @Test func demoRunsFromTheRepositoryRoot() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let r = try cli.run(
            ["demo", "--db", folder.file("demo.sqlite"), "--out", folder.file("out")], in: Repository.root)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("total: 15644.5  yoy 3.3%"))
        #expect(r.stdout.contains("export: 7462.1  yoy 23.2%"))
        #expect(r.stdout.contains("import: 8182.4  yoy -10%"))
    }

    @Test func demoOutsideTheRepositorySaysWhereToRunIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let r = try cli.run(["demo"], in: folder.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("run svctrade demo from the repository root"))
    }
}
