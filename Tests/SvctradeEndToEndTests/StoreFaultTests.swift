import Foundation
import Testing
import TradeTestSupport

/// Runs SQL on a SQLite file with Python's sqlite3 module (another program than svctrade, as a user's
/// tool or a damaged disk would be).
func editWithSQLite(_ path: String, _ sql: String) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [
        "python3", "-c", "import sqlite3,sys;c=sqlite3.connect(sys.argv[1]);c.executescript(sys.argv[2]);c.commit()",
        path, sql,
    ]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
}

/// Stores that are not ours, damaged, or only to be read: nothing is written to them without a word.
@Suite struct StoreFaultTests {
    let cli = CommandRunner()

    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    func sqlite(_ path: String, _ sql: String) throws { try editWithSQLite(path, sql) }

    func store(_ folder: TemporaryFolder, _ name: String = "s.sqlite") throws -> String {
        let db = folder.file(name)
        let r = try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    @Test func someoneElsesDatabaseIsNeverWrittenTo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let other = folder.file("other.sqlite")
        try sqlite(other, "CREATE TABLE accounts(id INTEGER, name TEXT); INSERT INTO accounts VALUES (1, 'a');")
        let before = bytes(other)
        let r = try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", other])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: \(other) is an SQLite database of another application (tables accounts…"))
        #expect(bytes(other) == before)

        let marked = folder.file("marked.sqlite")
        try sqlite(marked, "PRAGMA application_id = 42; CREATE TABLE t(x);")
        let m = try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", marked])
        #expect(m.status == 1)
        #expect(m.stderr.contains("another application's SQLite database (application_id 42)"))
    }

    @Test func aStoreIsStampedAndANewerFormatIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let header = bytes(db)
        // application_id "SvTr" at offset 68, user_version 3 at offset 60 (SQLite file format).
        #expect(Array(header[68..<72]) == Array("SvTr".utf8))
        #expect(Array(header[60..<64]) == [0, 0, 0, 3])
        try sqlite(db, "PRAGMA user_version = 7;")
        let r = try cli.run(["table", "--db", db, "--through", "2021-04"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is an svctrade store of a newer format (7; this svctrade knows 3)"))
    }

    @Test func readingCommandsNeverChangeAByte() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let before = bytes(db)
        let modified = try FileManager.default.attributesOfItem(atPath: db)[.modificationDate] as? Date
        for arguments in [
            ["series", "--db", db], ["table", "--db", db, "--through", "2021-04"],
            ["figures", "--db", db, "--through", "2021-04", "--templates", Repository.root + "/templates"],
            ["export", "--format", "sdmx-csv", "--db", db, "-o", folder.file("x.csv")],
            ["export", "--format", "csv", "--db", db, "-o", folder.file("t.csv")],
        ] {
            let r = try cli.run(arguments)
            #expect(r.status == 0, "\(arguments[0]): \(r.stderr)")
        }
        #expect(bytes(db) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: db)[.modificationDate] as? Date == modified)
    }

    @Test func aDamagedStoreTakesNoImportAndSaysSoInOneLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        // Random bytes over the b-tree pages (not the 100-byte header).
        var data = bytes(db)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            let at = Int.random(in: 4096..<(data.count - 16), using: &generator)
            for k in 0..<16 { data[at + k] = UInt8.random(in: 0...255, using: &generator) }
        }
        try data.write(to: URL(fileURLWithPath: db))
        let damaged = bytes(db)
        let r = try cli.run(["import", Repository.dataset("mofcom-published-2023-2025.csv"), "--db", db])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: the store \(db) is damaged"), "\(r.stderr)")
        #expect(bytes(db) == damaged)
        let t = try cli.run(["table", "--db", db, "--through", "2021-04", "--format", "csv"])
        if t.status != 0 {
            #expect(t.stderr.split(separator: "\n").count == 1)
            #expect(t.stderr.hasPrefix("error: the store"))
            #expect(!t.stderr.contains("SQLite error"))
        }
    }
}

/// Output that cannot be written is an error, never success, and leaves no partial file.
@Suite struct OutputFaultTests {
    let cli = CommandRunner()

    @Test func aFullStandardOutputIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = folder.file("s.sqlite")
        #expect(try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db]).status == 0)
        for arguments in [
            ["table", "--db", db, "--through", "2021-04"], ["export", "--format", "sdmx-csv", "--db", db],
            ["series", "--db", db],
        ] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "\"$0\" \"$@\" > /dev/full", cli.executable] + arguments
            let err = Pipe()
            p.standardError = err
            try p.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 1, "\(arguments[0])")
            #expect(stderr.hasPrefix("error: could not write"), "\(arguments[0]): \(stderr)")
            #expect(stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func aFileThatCannotBeWrittenLeavesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = folder.file("s.sqlite")
        #expect(try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db]).status == 0)
        let target = folder.file("missing-folder/out.csv")
        let r = try cli.run(["export", "--format", "sdmx-csv", "--db", db, "-o", target])
        #expect(r.status == 1)
        #expect(r.stderr == "error: cannot write \(target): No such file or directory; nothing was written there\n")
        // A target replaced only when complete: an existing file keeps its bytes when the write fails.
        let chart = folder.file("c.svg")
        try Data("old".utf8).write(to: URL(fileURLWithPath: chart))
        let c = try cli.run(["chart", "combo", "--db", db, "--through", "2021-04", "-o", chart])
        #expect(c.status == 0, "\(c.stderr)")
        #expect((try String(contentsOfFile: chart, encoding: .utf8)).hasPrefix("<svg"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".partial-") } == [])
    }
}

/// Values read from the store are checked: a crafted or damaged one is an error naming the series.
@Suite struct CraftedValueTests {
    let cli = CommandRunner()

    func edit(_ path: String, _ sql: String) throws { try editWithSQLite(path, sql) }

    func store(_ folder: TemporaryFolder) throws -> String {
        let db = folder.file("s.sqlite")
        #expect(try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db]).status == 0)
        #expect(try cli.run(["generate", "--db", db, "--import"]).status == 0)
        return db
    }

    @Test func aHugeMonthCountIsAnErrorNotAnAllocation() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        try edit(
            db,
            "UPDATE monthly_block SET month_count = 4000000000000 WHERE rowid = (SELECT min(rowid) FROM monthly_block);"
        )
        for arguments in [["table", "--db", db, "--through", "2021-04", "--by", "region"], ["series", "--db", db]] {
            let r = try cli.run(arguments)
            #expect(r.status == 1, "\(arguments[0]): \(r.stderr)")
            #expect(r.stderr.hasPrefix("error: the store holds an impossible monthly block"), "\(r.stderr)")
            #expect(r.stderr.contains("4000000000000 months"))
        }
    }

    /// A packed level beyond the store's bound (every block's scale byte edited from 10^4 to 10^18) stops
    /// the panel bulletin with the series named and nothing written, as the other reads do.
    @Test func anImpossiblePackedLevelStopsThePanelBulletin() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        try edit(db, "UPDATE monthly_block SET vals = CAST(substr(vals, 1, 1) || X'12' || substr(vals, 3) AS BLOB);")
        let r = try cli.run(["table", "--db", db, "--through", "2021-04", "--panel"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr.hasPrefix(
                "error: the store holds an impossible level (-8453285592225546240 hundredths) for beijing/SA/export/CNY;"
            ),
            "\(r.stderr)")
    }

    @Test func anOverflowingLevelIsAnErrorNotATrap() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        try edit(db, "UPDATE figure SET value = 9223372036854775807 WHERE value IS NOT NULL;")
        let r = try cli.run(["table", "--db", db, "--through", "2021-04"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            r.stderr.hasPrefix("error: the store holds an impossible level (9223372036854775807 hundredths) for CN/"))
    }
}
