import Foundation
import Testing
import TradeCore
import TradeStore
import TradeTestSupport

/// Readers are never locked out by an import, imports queue, and a killed import leaves the store as
/// it was or with the whole release (WAL journal, one transaction per import).
@Suite(.serialized) struct ConcurrencyEndToEndTests {
    let cli = CommandRunner()

    /// A dense tidy panel: `regions` × 12 sectors × 2 flows × 120 months, values in CNY 10k.
    static func panel(_ folder: TemporaryFolder, _ name: String, regions: Int, seed: Int) throws -> String {
        var text = "period,region,sector,flow,value\n"
        let sectors = ["SA", "SB", "SC", "SD", "SE", "SF", "SG", "SH", "SI", "SJ", "SK", "SL"]
        var x = UInt64(seed)
        for year in 2012...2021 {
            for month in 1...12 {
                let period = "\(year)-\(month < 10 ? "0" : "")\(month)"
                for r in 1...regions {
                    let region = "R" + String(1000 + r).dropFirst()
                    for s in sectors {
                        for f in ["X", "M"] {
                            x = x &* 6364136223846793005 &+ 1442695040888963407
                            text += "\(period),\(region),\(s),\(f),\((x >> 40) % 100000).\((x >> 20) % 90 + 10)\n"
                        }
                    }
                }
            }
        }
        return try folder.write(name, text)
    }

    func store(_ folder: TemporaryFolder) throws -> String {
        let db = folder.file("c.sqlite")
        #expect(try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db]).status == 0)
        return db
    }

    @Test func readersSucceedWhileImportsRunAndTwoImportsBothLand() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let a = try Self.panel(folder, "panel-a.csv", regions: 120, seed: 1)
        let b = try Self.panel(folder, "panel-b.csv", regions: 120, seed: 2)
        let first = try cli.start(["import", a, "--db", db], outputIn: folder.path, name: "a")
        let second = try cli.start(["import", b, "--db", db], outputIn: folder.path, name: "b")
        var reads = 0
        var readsDuringImports = 0
        var failures: [String] = []
        let commands = [
            ["series", "--region", "CN"], ["table", "--through", "2021-04"],
            ["figures", "--through", "2021-04", "--lang", "en"],
        ]
        while first.isRunning || second.isRunning || reads < 3 {
            let during = first.isRunning || second.isRunning
            let r = try cli.run(commands[reads % commands.count] + ["--db", db], in: Repository.root)
            reads += 1
            if during && (first.isRunning || second.isRunning) { readsDuringImports += 1 }
            if r.status != 0 { failures.append(r.stderr) }
        }
        first.waitUntilExit()
        second.waitUntilExit()
        let errA = (try? String(contentsOfFile: folder.path + "/a.err", encoding: .utf8)) ?? ""
        let errB = (try? String(contentsOfFile: folder.path + "/b.err", encoding: .utf8)) ?? ""
        #expect(first.terminationStatus == 0, "\(errA)")
        #expect(second.terminationStatus == 0, "\(errB)")
        #expect(failures.isEmpty, "\(failures.count) of \(reads) reads failed: \(failures.first ?? "")")
        #expect(readsDuringImports > 0)
        print("reads: \(reads), of which \(readsDuringImports) began and ended while an import ran")
        let releases = try TradeDatabase(path: db).releases().map(\.name)
        #expect(
            releases == ["mofcom-published-2017-2022", "panel-a", "panel-b"]
                || releases == ["mofcom-published-2017-2022", "panel-b", "panel-a"])
        let series = try cli.run(["series", "--db", db, "--region", "R001", "--sector", "SA", "--format", "csv"])
        #expect(series.stdout.contains("R001,SA,export,CNY,2012-01,2021-12,240,2,"))
    }

    @Test func aKilledImportLeavesTheStoreWholeOrUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let panel = try Self.panel(folder, "panel.csv", regions: 60, seed: 3)
        let before = try TradeDatabase(path: db).logicalDump()
        // The whole import once, on a copy, for its duration and its result.
        let reference = folder.file("reference.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: reference)
        let clock = ContinuousClock()
        let t0 = clock.now
        #expect(try cli.run(["import", panel, "--db", reference]).status == 0)
        let duration = clock.now - t0
        let complete = try TradeDatabase(path: reference).logicalDump()
        var outcomes: [String] = []
        for point in 1...8 {
            let copy = folder.file("killed-\(point).sqlite")
            try FileManager.default.copyItem(atPath: db, toPath: copy)
            let process = try cli.start(["import", panel, "--db", copy], outputIn: folder.path, name: "k\(point)")
            Thread.sleep(
                forTimeInterval: Double(duration.components.seconds) * Double(point) / 9
                    + Double(duration.components.attoseconds) / 1e18 * Double(point) / 9)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try TradeDatabase(path: copy).logicalDump()
            #expect(after.hasPrefix("ok\n"), "point \(point): integrity check failed")
            #expect(after == before || after == complete, "point \(point): a partial release")
            outcomes.append(after == before ? "unchanged" : "whole")
        }
        // The kills must be able to tell a partial import from a whole one.
        #expect(before != complete)
        print("kill -9 outcomes over \(duration): \(outcomes)")
    }

    @Test func aDamagedOrForeignFileGetsAMessageThatSaysWhich() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let notADatabase = try folder.write(
            "notes.sqlite", String(repeating: "not a database\u{0}\u{1B}[31m\n", count: 300))
        let r = try cli.run(["series", "--db", notADatabase])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is not an SQLite database"), "\(r.stderr)")
        #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{0}"))
    }
}
