import Foundation
import Testing
import TradeCore
import TradeReport
import TradeTestSupport

/// The tidy export and the store's SQL views, read by the clients notebook users have: pandas reads
/// the CSV, the JSON and the `tidy` view (through Python's sqlite3) and gets the same table, and the
/// national year-to-date totals 2017–2025 come from one query with the published numbers.
@Suite struct TidyExportEndToEndTests {
    let cli = CommandRunner()

    /// Runs a Python script with arguments; returns its standard output, or the error text.
    func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + arguments
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let errText = err.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text, String(decoding: errText, as: UTF8.self))
    }

    @Test func pandasReadsTheExportAndTheViewAlike() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try cli.shippedStore(folder, name: "t.sqlite")
        let csv = folder.file("tidy.csv")
        let json = folder.file("tidy.json")
        let wrote = try cli.run(["export", "--format", "csv", "--db", db, "-o", csv])
        #expect(wrote.status == 0, "\(wrote.stderr)")
        #expect(wrote.stderr.hasPrefix("wrote ") && wrote.stderr.hasSuffix(" rows to \(csv)\n"), "\(wrote.stderr)")
        #expect(try cli.run(["export", "--format", "json", "--db", db, "-o", json]).status == 0)
        // The same bytes on standard output as in the file.
        let standardOutput = try cli.run(["export", "--format", "csv", "--db", db])
        #expect(standardOutput.stdout == (try String(contentsOfFile: csv, encoding: .utf8)))
        let script = """
            import sys, sqlite3, pandas as pd
            csv, js, db = sys.argv[1:4]
            a = pd.read_csv(csv, keep_default_na=False, na_values=[""])
            j = pd.read_json(js, orient="records", dtype=False)
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            v = pd.read_sql("SELECT * FROM tidy ORDER BY region, sector, flow, currency, period_end, period_start DESC", con)
            numeric = ["value", "unit_mult", "decimals", "amount", "yoy_pct", "vs2019_pct", "two_year_avg_pct",
                       "share_pct", "share_change_pp", "balance_change"]
            def norm(df):
                df = df.copy()
                for c in df.columns:
                    df[c] = df[c].astype(float) if c in numeric else df[c].fillna("").astype(str)
                return df.reset_index(drop=True)
            assert list(a.columns) == list(v.columns) == list(j.columns), (a.columns, v.columns, j.columns)
            # The view (plain SQL) keeps the January-August 2021 balance change that the export leaves out
            # because it contradicts the balances (svctrade table withholds it); otherwise the same table.
            w = ((v.region == "CN") & (v.sector == "S") & (v.flow == "balance") & (v.currency == "CNY")
                 & (v.period == "2021-01/2021-08"))
            assert [float(x) for x in v.loc[w, "balance_change"]] == [515.62], v.loc[w, "balance_change"]
            v.loc[w, "balance_change"] = float("nan")
            v.loc[w, "balance_change_source"] = None
            pd.testing.assert_frame_equal(norm(a), norm(v))
            pd.testing.assert_frame_equal(norm(a), norm(j))
            ytd = pd.read_sql(
                "SELECT period, amount, yoy_pct FROM tidy WHERE region = 'CN' AND sector = 'S' AND flow = 'total' "
                "AND currency = 'CNY' AND cumulation = 'year-to-date' AND amount IS NOT NULL ORDER BY period_end", con)
            years = sorted(set(p[:4] for p in ytd.period))
            print(len(a), len(ytd), years[0], years[-1])
            for p in ["2017-01/2017-12", "2021-01/2021-04", "2023-01/2023-03", "2024-01/2024-12", "2025-01/2025-10"]:
                row = ytd[ytd.period == p].iloc[0]
                print(p, f"{row.amount:.0f}", row.yoy_pct)
            illustrative = pd.read_sql("SELECT status, count(*) AS n FROM tidy GROUP BY status ORDER BY status", con)
            print(" ".join(f"{s}={n}" for s, n in zip(illustrative.status, illustrative.n)))
            """
        let r = try python(script, [csv, json, db])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        let head = lines.first?.split(separator: " ").map(String.init) ?? []
        #expect(head.count == 4 && Int(head[0]) ?? 0 > 30_000, "\(r.out)")
        // 78 January-to-month spans of 2017–2025 with a published level (datasets/mofcom-published-*.csv).
        #expect(head.dropFirst().elementsEqual(["78", "2017", "2025"]), "\(r.out)")
        // Hand-computed from the published rows: 46991.1 亿元; 1.56445 万亿元; 15840.1 亿元 (= 1.58401 万亿元);
        // 7523.8 bn (= 75238 亿元); 65844.3 亿元 — in yuan, with the growth printed beside them.
        #expect(
            Array(lines.dropFirst().prefix(5)) == [
                "2017-01/2017-12 4699110000000 6.8", "2021-01/2021-04 1564450000000 3.3",
                "2023-01/2023-03 1584010000000 8.7", "2024-01/2024-12 7523800000000 14.4",
                "2025-01/2025-10 6584430000000 7.5",
            ], "\(r.out)")
        #expect(lines.dropFirst(6).first?.contains("illustrative=") == true, "\(r.out)")
        #expect(lines.dropFirst(6).first?.contains("published=") == true, "\(r.out)")
    }

    /// The economist's review: no `source` cell names a mirror (the publisher does, the address is in
    /// `mirror_url`), and where a row's measures come from different pages each measure's column names
    /// its own (the `source` column named the level's page for all of them).
    @Test func noMirrorIsCitedAndEachMeasureNamesItsPage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try cli.shippedStore(folder, name: "c.sqlite")
        let export = try cli.run(["export", "--format", "csv", "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        let rows = CSVLine.records(export.stdout)
        #expect(rows.count == 34375)
        let sources = ["source"] + TidyTable.columns.filter { $0.hasSuffix("_source") }
        #expect(sources.count == 7)
        let hosts = SourceHosts.standard
        let cited = rows.flatMap { row in sources.compactMap { row[$0] } }
        #expect(cited.filter { hosts.kind(ofAddress: $0) == .mirror }.count == 0)
        // 328 (327 before the 2019 USD total kept MOFCOM's page, read at a mirror, over Global Times').
        #expect(rows.filter { $0["mirror_url"]?.isEmpty == false }.count == 328)
        #expect(
            rows.allSatisfy {
                ($0["mirror_url"] ?? "").isEmpty || hosts.kind(ofAddress: $0["mirror_url"] ?? "") == .mirror
            })
        // 961 measure cells of the 967 published rows (not January–August 2021's withheld balance
        // change), 39 of them under another page than the row's.
        let published = rows.filter { $0["status"] != "illustrative" }
        let measures = published.flatMap { row in sources.dropFirst().compactMap { row[$0] }.filter { !$0.isEmpty } }
        #expect(published.count == 967 && measures.count == 961)
        let elsewhere = published.flatMap { row in
            sources.dropFirst().compactMap { row[$0] }.filter { !$0.isEmpty && $0 != row["source"] }
        }
        #expect(elsewhere.count == 39)
        // January–August 2019's balance: Global Times printed the level and the change, a copy read at
        // finanz.dk (a mirror) the rate.
        let balance = rows.first {
            $0["region"] == "CN" && $0["sector"] == "S" && $0["flow"] == "balance"
                && $0["currency"] == "CNY" && $0["period"] == "2019-01/2019-08"
        }
        let times = "http://www.globaltimes.cn/content/1165854.shtml"
        #expect(balance?["source"] == times && balance?["balance_change_source"] == times)
        #expect(balance?["yoy_pct_source"] == "MOFCOM" && balance?["yoy_pct"] == "-10.1")
        #expect(balance?["mirror_url"] == "https://finanz.dk/chinas-service-trade-up-3-in-first-eight-months/")
    }

    @Test func aRegionAloneAndAnEmptySelection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = folder.file("r.sqlite")
        #expect(try cli.run(["import", Repository.dataset("safe-bop-services-2017-2025.csv"), "--db", db]).status == 0)
        let json = try cli.run(["export", "--format", "json", "--region", "CN", "--db", db])
        #expect(json.status == 0 && json.stdout == "[]\n", "\(json.stdout)")
        let csv = try cli.run(["export", "--format", "csv", "--region", "CN-BOP", "--db", db])
        let lines = csv.stdout.split(separator: "\n")
        #expect(
            lines.first
                == "region,sector,flow,currency,period,period_start,period_end,cumulation,value,unit,unit_mult,decimals,amount,yoy_pct,vs2019_pct,two_year_avg_pct,share_pct,share_change_pp,balance_change,status,release,release_date,source,publisher,published_on,yoy_pct_source,vs2019_pct_source,two_year_avg_pct_source,share_pct_source,share_change_pp_source,balance_change_source,mirror_url"
        )
        // SAFE, August 2017: a deficit of USD 24.6 bn (datasets/safe-bop-services-2017-2025.csv, first row).
        #expect(
            lines.dropFirst().first { $0.hasPrefix("CN-BOP,S,balance,USD,2017-08,") }?.hasPrefix(
                "CN-BOP,S,balance,USD,2017-08,2017-08,2017-08,month,-24.6,USD bn,9,1,-24600000000,,,,,,,")
                == true, "\(csv.stdout.prefix(600))")
    }
}
