import Foundation
import Testing
import TradeTestSupport

/// Issue 21, item 1: `svctrade import FILE.csv` of an SDMX-CSV file stores what the file says, or
/// refuses it with file:line:column and how to fix it; never something else, never a raw value.
@Suite struct SDMXFidelityEndToEndTests {
    let cli = CommandRunner()

    /// The columns `svctrade export --format sdmx-csv` writes (1.0).
    static let header =
        "DATAFLOW,FREQ,REF_AREA,COUNTERPART_AREA,ACCOUNTING_ENTRY,INT_ACC_ITEM,CURRENCY,UNIT_MEASURE,TIME_PERIOD,OBS_VALUE,UNIT_MULT,DECIMALS,OBS_STATUS,SOURCE,RELEASE,PUBLISHER,PUBLICATION_DATE,PREFERRED,PANEL,FIGURE\n"
    static let lead = "SVCTRADE:DF_SVC_TRADE(1.0),"

    /// A panel month of beijing / SC / exports, as the export writes it.
    static func month(
        _ period: String, _ value: String, status: String = "A", source: String = "https://example.org/a",
        release: String = "r2021"
    ) -> String {
        lead + "M,beijing,W1,C,SC,CNY,CNY,\(period),\(value),4,2,\(status),\(source),\(release),,,1,1,\n"
    }

    /// A published figure row (FIGURE 1), January–April 2021 national exports.
    static let figure =
        lead
        + "YTD,CN,W1,C,S,CNY,CNY,2021-01/2021-04,7462.1,8,1,A,http://www.mofcom.gov.cn/a.shtml,2021-05-28,MOFCOM,2021-05-28,1,,1\n"

    func importing(_ folder: TemporaryFolder, _ text: String, name: String = "data.csv", dryRun: Bool = false)
        throws -> CommandRunner.Result
    {
        let file = try folder.write(name, text)
        return try cli.run(
            ["import", file, "--db", folder.file("\(UUID().uuidString).sqlite")] + (dryRun ? ["--dry-run"] : []))
    }

    /// a. Each panel month keeps its own RELEASE and SOURCE: two releases give two series, no empty
    /// release, and the illustrative month stays in the illustrative release.
    @Test func panelMonthsKeepTheirOwnReleaseAndSource() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(
            "p.csv",
            Self.header + Self.month("2021-01", "100.00")
                + Self.month(
                    "2021-02", "200.00", status: "G", source: "\"svctrade generate (illustrative, seed 1)\"",
                    release: "illustrative-pilot-panel"))
        let db = folder.file("p.sqlite")
        let result = try cli.run(["import", file, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 monthly values in 2 series"), "\(result.stdout)")
        // What the store holds, block by block: each month in its own release, from its own source.
        let blocks = try sqlite(
            db,
            "SELECT r.name, s.address, b.first_month, b.month_count FROM monthly_block b JOIN release r ON r.id = b.release_id JOIN source s ON s.id = b.source_id ORDER BY r.name"
        )
        #expect(
            blocks == [
                "illustrative-pilot-panel|svctrade generate (illustrative, seed 1)|\(2021 * 12 + 1)|1",
                "r2021|https://example.org/a|\(2021 * 12)|1",
            ], "\(blocks)")
    }

    /// a. One series in one release has one source in the store: months of one release that disagree
    /// on SOURCE are refused where the second source is written, not rewritten to the first.
    @Test func oneSeriesInOneReleaseWithTwoSourcesIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try importing(
            folder,
            Self.header + Self.month("2021-01", "100.00") + Self.month("2021-02", "200.00", source: "https://b.example")
        )
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "data.csv:3:75: SOURCE: \"https://b.example\" differs from \"https://example.org/a\" on line 2 for beijing/SC/export/CNY in release r2021; the store keeps one source per series and release: give these months the same SOURCE or their own RELEASE"
            ), "\(result.stderr)")
    }

    /// b. A panel month given twice with different values is refused, as the tidy reader does; the
    /// same value twice is a note.
    @Test func aRepeatedMonthWithAnotherValueIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try importing(
            folder, Self.header + Self.month("2021-01", "100.00") + Self.month("2021-01", "150.00"))
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "data.csv:3:62: OBS_VALUE: beijing/SC/export/CNY 2021-01 appears twice with different values (100.00 earlier in the file, 150.00 here); keep one row, or put the other in a separate release"
            ), "\(result.stderr)")
        let same = try importing(
            folder, Self.header + Self.month("2021-01", "100.00") + Self.month("2021-01", "100.00"))
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("1 monthly values in 1 series"), "\(same.stdout)")
        #expect(same.stdout.contains("note: 1 rows repeated an earlier row with the same value"), "\(same.stdout)")
    }

    /// b. A figure given twice by the same source with different values is refused, as in the tidy reader.
    @Test func aRepeatedFigureWithAnotherValueIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let unnumbered = Self.figure.replacingOccurrences(of: ",1,,1\n", with: ",1,,\n")
        let result = try importing(
            folder, Self.header + unnumbered + unnumbered.replacingOccurrences(of: "7462.1", with: "7999.9"))
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "data.csv:3: CN/S/export/CNY 2021-01/2021-04 appears twice from the same source with different figures (line 2 and line 3); keep one row or give each its source"
            ), "\(result.stderr)")
        // Rows of one FIGURE number give each measure once.
        let numbered = try importing(
            folder, Self.header + Self.figure + Self.figure.replacingOccurrences(of: "7462.1", with: "7999.9"))
        #expect(numbered.status == 1)
        #expect(
            numbered.stderr.contains(
                "data.csv:3:66: OBS_VALUE: figure 1 has the level 7462.1 on line 2 and 7999.9 here; keep one row"),
            "\(numbered.stderr)")
    }

    /// c. Every attribute is read as its column's type: swapped PREFERRED and PUBLICATION_DATE headers
    /// are refused, not stored as a publication date "1".
    @Test func attributeValuesAreCheckedAgainstTheirColumnsType() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let swapped = Self.header.replacingOccurrences(
            of: "PUBLICATION_DATE,PREFERRED", with: "PREFERRED,PUBLICATION_DATE")
        let result = try importing(folder, swapped + Self.figure)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "data.csv:2:141: PUBLICATION_DATE: \"1\" is not a date; expected YYYY-MM-DD, or YYYY-MM when the source gives only the month"
            ), "\(result.stderr)")
        let flag = try importing(
            folder, Self.header + Self.figure.replacingOccurrences(of: "2021-05-28,1,,1\n", with: "2021-05-28,yes,,1\n")
        )
        #expect(flag.status == 1)
        #expect(
            flag.stderr.contains("data.csv:2:141: PREFERRED: \"yes\" is not a flag; expected 1 or 0 (true or false)"),
            "\(flag.stderr)")
        let date = try importing(
            folder, Self.header + Self.figure.replacingOccurrences(of: "MOFCOM,2021-05-28", with: "MOFCOM,1"))
        #expect(date.status == 1)
        #expect(
            date.stderr.contains(
                "data.csv:2:130: PUBLICATION_DATE: \"1\" is not a date; expected YYYY-MM-DD, or YYYY-MM when the source gives only the month"
            ), "\(date.stderr)")
        let decimals = try importing(
            folder, Self.header + Self.figure.replacingOccurrences(of: "7462.1,8,1,", with: "7462.1,8,one,"))
        #expect(decimals.status == 1)
        #expect(
            decimals.stderr.contains(
                "data.csv:2:75: DECIMALS: \"one\" is not a whole number of decimal places; expected e.g. 1, 0, or -2 for a level rounded to hundreds"
            ), "\(decimals.stderr)")
        let figure = try importing(
            folder, Self.header + Self.figure.replacingOccurrences(of: ",1,,1\n", with: ",1,,x\n"))
        #expect(figure.status == 1)
        #expect(
            figure.stderr.contains("data.csv:2:144: FIGURE: \"x\" is not a figure number; expected 1, 2, 3 … or empty"),
            "\(figure.stderr)")
    }

    /// d. A file with CR-only line ends is refused, never "0 rows" with success; so is a header
    /// without rows.
    @Test func crOnlyLineEndsAreRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try importing(
            folder, (Self.header + Self.figure).replacingOccurrences(of: "\n", with: "\r"))
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "data.csv:1:209: FIGURE: a line ends in a carriage return alone (old Mac line ends), which svctrade does not read; save the file with LF or CRLF line ends (e.g. tr '\\r' '\\n' < data.csv > fixed.csv)"
            ), "\(result.stderr)")
        #expect(!result.stdout.contains("0 rows"))
        let empty = try importing(folder, Self.header)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("data.csv:1: the file has a header but no data rows"), "\(empty.stderr)")
        // The tidy layout says the same.
        let tidy = try importing(
            folder, "period,region,sector,flow,value\r2021-01,CN,SD,export,1\r", name: "tidy.csv")
        #expect(tidy.status == 1)
        #expect(tidy.stderr.contains("tidy.csv:1:32: value: a line ends in a carriage return alone"), "\(tidy.stderr)")
    }

    /// e. Every code column is checked against its codelist, with the allowed values.
    @Test(arguments: [
        (
            ",CNY,CNY,2021-01/2021-04", ",Q,CNY,2021-01/2021-04",
            "data.csv:2:42: CURRENCY: unknown CURRENCY \"Q\"; expected CNY or USD"
        ),
        (
            "YTD,CN,W1", "MM,CN,W1",
            "data.csv:2:28: FREQ: unknown FREQ \"MM\"; expected M (month), Q (quarter), S (half year), A (year), YTD (January to a month) or P (any other span)"
        ),
        (
            ",A,http", ",X,http",
            "data.csv:2:77: OBS_STATUS: unknown OBS_STATUS \"X\"; expected A (published), E (derived), I (implied), G (illustrative) or U (a withheld balance change)"
        ),
        (
            ",CNY,CNY,2021", ",CNY,USD,2021",
            "data.csv:2:46: UNIT_MEASURE: USD is not the row's CURRENCY CNY; a level's UNIT_MEASURE is its CURRENCY"
        ),
        (
            "SVCTRADE:DF_SVC_TRADE(1.0)", "ESTAT:DF_OTHER(1.0)",
            "data.csv:2:1: DATAFLOW: \"ESTAT:DF_OTHER(1.0)\" is not svctrade's dataflow; svctrade reads SVCTRADE:DF_SVC_TRADE(1.0) (svctrade export --format sdmx-csv)"
        ),
        (
            ",W1,", ",W2,",
            "data.csv:2:35: COUNTERPART_AREA: COUNTERPART_AREA \"W2\" with REF_AREA \"CN\": svctrade holds trade with the world (W1), and China's (CN) with BRI"
        ),
        (",C,S,", ",X,S,", "data.csv:2:38: ACCOUNTING_ENTRY: unknown ACCOUNTING_ENTRY \"X\"; expected C, D, B or T"),
    ])
    func codesAreCheckedAgainstTheirCodelists(_ good: String, _ bad: String, _ message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = Self.figure.replacingOccurrences(of: good, with: bad)
        #expect(text != Self.figure)
        let result = try importing(folder, Self.header + text)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was imported"))
    }

    /// e. A code on a row whose value is missing (NaN) is still checked.
    @Test func codesOfMissingValuesAreChecked() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = Self.figure.replacingOccurrences(of: "7462.1", with: "NaN").replacingOccurrences(
            of: ",C,S,", with: ",C,SZZ,")
        let result = try importing(folder, Self.header + Self.figure + text)
        #expect(result.status == 1)
        #expect(result.stderr.contains("data.csv:3:40: INT_ACC_ITEM: unknown INT_ACC_ITEM \"SZZ\""), "\(result.stderr)")
    }

    /// f. A scanning failure prints one human line with file:line:column, never a Swift value.
    @Test func scanningFailuresPrintHumanMessages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Array((Self.header + Self.figure).utf8)
        let at = bytes.count - Self.figure.utf8.count + Self.lead.utf8.count + 4  // inside REF_AREA
        bytes[at] = 0xFF
        let bad = try folder.write("data.csv", bytes: bytes)
        let utf8 = try cli.run(["import", bad, "--db", folder.file("u.sqlite")])
        #expect(utf8.status == 1)
        #expect(
            utf8.stderr
                == "error: \(bad):2:32: REF_AREA: bytes that are not UTF-8; save the file as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)\nnothing was imported\n",
            "\(utf8.stderr)")
        let quote = try importing(
            folder, Self.header + Self.figure.replacingOccurrences(of: ",MOFCOM,", with: ",\"MOFCOM,"))
        #expect(quote.status == 1)
        #expect(
            quote.stderr.contains("data.csv:2:123: PUBLISHER: a quoted field is never closed; add the closing \""),
            "\(quote.stderr)")
        let after = try importing(
            folder, Self.header + Self.figure.replacingOccurrences(of: ",MOFCOM,", with: ",\"MOF\"COM,"))
        #expect(after.status == 1)
        #expect(
            after.stderr.contains(
                "data.csv:2:128: PUBLISHER: text after a closing quote; quote the whole field and write an inner quote as \"\""
            ), "\(after.stderr)")
        for r in [utf8, quote, after] {
            #expect(!r.stderr.contains("Failure") && !r.stderr.contains("kind:"), "\(r.stderr)")
        }
    }

    /// A balance change printed without a level keeps its digits through export and import (874.9 亿元
    /// was written "875", and then stored as 875).
    @Test func aBalanceChangeKeepsItsDigitsThroughExportAndImport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let published = try folder.write(
            "p.csv",
            "period_from,period_to,period_kind,scope,sector,flow,currency,unit,value,yoy_pct,vs2019_pct,two_year_avg_pct,share_pct,share_change_pp,balance_change,source_url,publisher,published_on\n"
                + "2019-01,2019-06,half,China,total,balance,CNY,CNY 100m,,,,,,,874.9,https://example.org/b,MOFCOM,2019-08-06\n"
        )
        let a = folder.file("a.sqlite")
        #expect(try cli.run(["import", published, "--db", a]).status == 0)
        let exported = folder.file("a.csv")
        #expect(try cli.run(["export", "--format", "sdmx-csv", "--db", a, "-o", exported]).status == 0)
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text.contains(",BAL_CHG,YTD,2019-06,874.9,8,8,1,"), "\(text)")
        let b = folder.file("b.sqlite")
        let imported = try cli.run(["import", exported, "--db", b])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sqlite(b, "SELECT balance_change FROM figure") == ["8749000000000"])
    }

    func sqlite(_ db: String, _ query: String) throws -> [String] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", db, query]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text.split(separator: "\n").map(String.init)
    }
}
