import Foundation
import Testing
import TradeTestSupport

/// SDMX-CSV out and back in: the shipped data and a generated panel round-trip exactly, pandas reads
/// the export, and bad files get located errors.
@Suite struct InterchangeEndToEndTests {
    let cli = CommandRunner()

    func shippedStore(_ folder: TemporaryFolder, name: String = "a.sqlite") throws -> String {
        try cli.shippedStore(folder, name: name)
    }

    @Test(arguments: ["1", "2"])
    func exportThenImportGivesTheSameStore(version: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let a = try shippedStore(folder)
        let first = folder.file("a.csv")
        #expect(
            try cli.run(["export", "--format", "sdmx-csv", "--sdmx-version", version, "--db", a, "-o", first]).status
                == 0)
        let b = folder.file("b.sqlite")
        let imported = try cli.run(["import", first, "--db", b])
        #expect(imported.status == 0, "\(imported.stderr)")
        let second = folder.file("b.csv")
        #expect(
            try cli.run(["export", "--format", "sdmx-csv", "--sdmx-version", version, "--db", b, "-o", second]).status
                == 0)
        let one = try String(contentsOfFile: first, encoding: .utf8)
        #expect(one == (try String(contentsOfFile: second, encoding: .utf8)))
        #expect(one.split(separator: "\n").count > 30_000)  // 2071 figure rows and the generated panel's months
        // The same store gives the same bulletin table, byte for byte.
        let tableA = try cli.run(["table", "--through", "2021-04", "--vs-year", "2019", "--format", "csv", "--db", a])
        let tableB = try cli.run(["table", "--through", "2021-04", "--vs-year", "2019", "--format", "csv", "--db", b])
        #expect(tableA.status == 0 && tableA.stdout == tableB.stdout)
        let regionsA = try cli.run(["table", "--through", "2021-04", "--by", "region", "--format", "csv", "--db", a])
        let regionsB = try cli.run(["table", "--through", "2021-04", "--by", "region", "--format", "csv", "--db", b])
        #expect(regionsA.status == 0 && regionsA.stdout == regionsB.stdout)
    }

    @Test func pandasReadsTheExport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = folder.file("p.sqlite")
        #expect(try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db]).status == 0)
        let file = folder.file("cn.csv")
        #expect(
            try cli.run([
                "export", "--format", "sdmx-csv", "--sdmx-version", "2", "--region", "CN", "--db", db, "-o", file,
            ])
            .status == 0)
        // January–April 2021, total services, CNY: 15644.5 亿元 (UNIT_MULT 8), up 3.3% (MOFCOM, 2021-05-28).
        let script = """
            import sys, pandas as pd
            df = pd.read_csv(sys.argv[1], dtype={"TIME_PERIOD": str, "PANEL": str})
            assert list(df.columns[:3]) == ["STRUCTURE", "STRUCTURE_ID", "ACTION"], df.columns
            sel = df[(df.REF_AREA == "CN") & (df.INT_ACC_ITEM == "S") & (df.ACCOUNTING_ENTRY == "T")
                     & (df.FREQ == "M") & (df.ACCUMULATION == "YTD") & (df.TIME_PERIOD == "2021-04")]
            level = sel[sel.UNIT_MEASURE == "CNY"]
            yoy = sel[sel.UNIT_MEASURE == "PC_YOY"]
            print(f"{level.OBS_VALUE.iloc[0] * 10 ** int(level.UNIT_MULT.iloc[0]):.0f} {yoy.OBS_VALUE.iloc[0]} {len(df)}")
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, file]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let fields = text.split(whereSeparator: \.isWhitespace)
        #expect(fields.first == "1564450000000", "\(text)")
        #expect(fields.dropFirst().first == "3.3", "\(text)")
    }

    /// `--release` names the release of an SDMX file's rows (a second vintage of the same download).
    @Test func importReleaseNamesTheSDMXRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("v.csv")
        try Data(
            ("DATAFLOW,FREQ,REF_AREA,COUNTERPART_AREA,ACCOUNTING_ENTRY,INT_ACC_ITEM,CURRENCY,UNIT_MEASURE,TIME_PERIOD,OBS_VALUE,UNIT_MULT,RELEASE\n"
                + "SVCTRADE:DF_SVC_TRADE(1.0),YTD,CN,W1,C,S,CNY,CNY,2021-01/2021-04,7462.1,8,first-print\n").utf8
        ).write(to: URL(fileURLWithPath: file))
        let db = folder.file("v.sqlite")
        #expect(try cli.run(["import", file, "--db", db]).status == 0)
        let again = try cli.run([
            "import", file, "--db", db, "--release", "second-print", "--release-date", "2021-06-30",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("releases second-print"), "\(again.stdout)")
        // Every copy with --all-sources (COPY 1 is the later release's, which the bulletin uses); the
        // default export has one observation per key: that one.
        let all = try cli.run(["export", "--format", "sdmx-csv", "--all-sources", "--db", db])
        #expect(all.stdout.contains(",YTD,1,2021-04,7462.1,8,8,1,A,,second-print,"), "\(all.stdout)")
        #expect(all.stdout.contains(",YTD,2,2021-04,7462.1,8,8,1,A,,first-print,"), "\(all.stdout)")
        let one = try cli.run(["export", "--format", "sdmx-csv", "--db", db])
        #expect(!one.stdout.contains(",first-print,") && one.stdout.contains(",second-print,"), "\(one.stdout)")
    }

    @Test func badSDMXFilesGetLocatedErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let header =
            "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,COUNTERPART_AREA,ACCOUNTING_ENTRY,INT_ACC_ITEM,CURRENCY,UNIT_MEASURE,TIME_PERIOD,OBS_VALUE,UNIT_MULT\n"
        let good = "dataflow,SVCTRADE:DF_SVC_TRADE(1.0),I,YTD,CN,W1,C,S,CNY,CNY,2021-01/2021-04,7462.1,8\n"
        func importing(_ body: String) throws -> CommandRunner.Result {
            let file = folder.file("x.csv")
            try Data((header + body).utf8).write(to: URL(fileURLWithPath: file))
            return try cli.run(["import", file, "--db", folder.file("x-\(UUID().uuidString).sqlite")])
        }
        let ok = try importing(good + "dataflow,SVCTRADE:DF_SVC_TRADE(1.0),R,M,CN,W1,D,S,CNY,CNY,2021-04,NaN,8\n")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("1 figures"), "\(ok.stdout)")  // the NaN row is a missing value
        let delete = try importing(good.replacingOccurrences(of: ",I,", with: ",D,"))
        #expect(delete.status == 1)
        #expect(delete.stderr.contains("x.csv:2:37: ACTION:") && delete.stderr.contains("ACTION D"), "\(delete.stderr)")
        let item = try importing(good.replacingOccurrences(of: ",C,S,", with: ",C,SZ,"))
        #expect(item.status == 1)
        #expect(
            item.stderr.contains("x.csv:2:51: INT_ACC_ITEM:") && item.stderr.contains("INT_ACC_ITEM \"SZ\""),
            "\(item.stderr)")
        let period = try importing(good.replacingOccurrences(of: "2021-01/2021-04", with: "2021-13"))
        #expect(period.status == 1 && period.stderr.contains("TIME_PERIOD"), "\(period.stderr)")
    }
}
