import Foundation
import Testing
import TradeTestSupport

@Suite struct TableEndToEndTests {
    let cli = CommandRunner()

    func store(_ folder: TemporaryFolder) throws -> String {
        let db = folder.file("t.sqlite")
        let r = try cli.run(["import", Repository.dataset("mofcom-published-2017-2022.csv"), "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    @Test func csvHasTheDocumentedColumnsAndTheReleaseFigures() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let xlsx = folder.file("table.xlsx")
        let r = try cli.run([
            "table", "--db", db, "--through", "2021-04", "--vs-year", "2019", "--format", "csv", "--sectors",
            "S,KIS,SD,EXTRAVEL", "--xlsx", xlsx,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        // The Excel copy, read back by a real client (openpyxl), holds the CSV's cells: numbers as numbers.
        let read = Process()
        read.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        read.arguments = ["python3", Repository.root + "/Scripts/xlsx-cells.py", xlsx]
        let pipe = Pipe()
        read.standardOutput = pipe
        try read.run()
        let cells = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        read.waitUntilExit()
        #expect(read.terminationStatus == 0, "CI installs openpyxl (.ci/run)")
        let fromExcel = cells.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let fromCSV = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(fromExcel.count == fromCSV.count)
        var numbers = 0
        for (a, b) in zip(fromExcel, fromCSV) {
            #expect(a.count == b.count)
            for (x, y) in zip(a, b) {
                if x.hasPrefix("'") {
                    #expect(x.dropFirst() == y, "text \(x) ≠ \(y)")
                    #expect(Double(y) == nil || y.isEmpty, "\(y) is a number stored as text")
                } else if !x.isEmpty {
                    numbers += 1
                    #expect(Double(x) != nil && Double(x) == Double(y), "\(x) ≠ \(y)")
                } else {
                    #expect(y.isEmpty)
                }
            }
        }
        #expect(numbers > 50)
        // --xlsx FILE (deprecated) writes what --format xlsx -o FILE writes: the same table computed once.
        let workbook = folder.file("format.xlsx")
        let w = try cli.run([
            "table", "--db", db, "--through", "2021-04", "--vs-year", "2019", "--format", "xlsx", "--sectors",
            "S,KIS,SD,EXTRAVEL", "-o", workbook,
        ])
        #expect(w.status == 0, "\(w.stderr)")
        #expect(w.stdout.isEmpty && w.stderr == "wrote \(workbook)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)) == Data(contentsOf: URL(fileURLWithPath: xlsx)))
        let lines = r.stdout.split(separator: "\n").map(String.init)
        // Comparable bases implied by published rates at the step their interval allows: 15644.5 at 3.3%
        // (±0.05) is 15144.7 ± 7.3 → 15100; 8182.4 at "下降10%" (−10.0) is 9086.5 … 9096.7 → 9100; 7325.3 at
        // 14.9% is 6372.6 … 6378.2 → 6380; 2481.9 at −41.3% is 2481.85 / 0.5875 = 4224.4 … 2481.95 / 0.5865
        // = 4231.8 → 4230.
        #expect(
            lines[0].hasPrefix(
                "region,sector,flow,currency,period_from,period_to,value,unit,status,prior_value,yoy_pct,yoy_source,yoy_status,published_yoy_pct,base_restated,vs_base_pct,avg_growth_pct,share_pct,share_change_pp,contribution_pp"
            ))
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "CN,S,total,CNY,2021-01,2021-04,15644.5,CNY 100m,published,15100,3.3,published,published,3.3,false,-10.3,-5.3,"
                )
            })
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "CN,S,import,CNY,2021-01,2021-04,8182.4,CNY 100m,published,9100,-10,published,published,-10,,-27.3,-14.7,"
                )
            })
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "CN,KIS,total,CNY,2021-01,2021-04,7325.3,CNY 100m,published,6380,14.9,published,published,14.9,,,,46.8,4.7,6.27,"
                )
            })
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "CN,SD,total,CNY,2021-01,2021-04,2481.9,CNY 100m,published,4230,-41.3,published,published,-41.3,,,,15.9,-12.1,-11.53,"
                )
            })
    }

    @Test func rates2022AreComputedFromTheStoresLevels() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let r = try cli.run(["table", "--db", db, "--through", "2022-04", "--sectors", "S", "--format", "json"])
        #expect(r.status == 0)
        #expect(
            r.stdout.contains(
                #""flow": "export", "currency": "CNY", "period_from": "2022-01", "period_to": "2022-04", "value": 9332.6, "unit": "CNY 100m", "status": "published", "prior_value": 7462.1, "yoy_pct": 25.1, "yoy_source": "computed", "yoy_status": "published""#
            ))
        #expect(
            r.stdout.contains(
                #""flow": "import", "currency": "CNY", "period_from": "2022-01", "period_to": "2022-04", "value": 9742.3, "unit": "CNY 100m", "status": "published", "prior_value": 8182.4, "yoy_pct": 19.1, "yoy_source": "computed", "yoy_status": "published""#
            ))
    }

    @Test func dollarFiguresUseTheirOwnLevels() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let r = try cli.run([
            "table", "--db", db, "--through", "2021-02", "--currency", "USD", "--sectors", "S", "--flows",
            "total,export", "--format", "csv",
        ])
        #expect(r.status == 0)
        // MOFCOM, 8 April 2021: USD 110.35 bn, +3.7 %; exports USD 51.83 bn, +31.1 %.
        #expect(r.stdout.contains("CN,S,total,USD,2021-01,2021-02,1103.5,USD 100m,"))
        #expect(r.stdout.contains(",3.7,published,"))
        #expect(r.stdout.contains("CN,S,export,USD,2021-01,2021-02,518.3,USD 100m,"))
    }

    @Test func asOfAnswersWithWhatWasPublishedByThen() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = folder.file("v.sqlite")
        let first = try folder.write(
            "first.csv",
            "period,region,sector,flow,value,unit\n2021-05,CN,S,total,3736.1,CNY 100m\n2020-05,CN,S,total,3300.0,CNY 100m\n"
        )
        let revised = try folder.write(
            "revised.csv", "period,region,sector,flow,value,unit\n2021-05,CN,S,total,3734.5,CNY 100m\n")
        #expect(try cli.run(["import", first, "--db", db, "--release-date", "2021-06-30"]).status == 0)
        #expect(try cli.run(["import", revised, "--db", db, "--release-date", "2021-07-30"]).status == 0)
        let early = try cli.run([
            "table", "--db", db, "--through", "2021-05", "--flows", "total", "--format", "csv", "--as-of", "2021-07-01",
        ])
        let late = try cli.run(["table", "--db", db, "--through", "2021-05", "--flows", "total", "--format", "csv"])
        #expect(
            early.stdout.contains(
                "CN,S,total,CNY,2021-05,2021-05,3736.1,CNY 100m,published,3300.0,13.2,computed,computed"))
        #expect(
            late.stdout.contains(
                "CN,S,total,CNY,2021-05,2021-05,3734.5,CNY 100m,published,3300.0,13.2,computed,computed"))
        let before = try cli.run(["table", "--db", db, "--through", "2021-05", "--as-of", "2021-06-01"])
        #expect(before.status == 1)
        #expect(before.stderr.contains("no figures"))
    }

    /// A month published beside two year-to-date totals: the revision it implies is stated only when it
    /// exceeds the rounding of the three levels (January–March as "1.16 trillion" is ±50 亿元).
    @Test func anImpliedRevisionWithinRoundingIsLeftEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let header =
            "period_from,period_to,period_kind,scope,sector,flow,currency,unit,value,yoy_pct,vs2019_pct,two_year_avg_pct,share_pct,share_change_pp,balance_change,source_url,publisher,published_on\n"
        func row(_ from: String, _ to: String, _ kind: String, _ unit: String, _ value: String) -> String {
            "\(from),\(to),\(kind),China,total,total,CNY,\(unit),\(value),,,,,,,https://english.mofcom.gov.cn/x,MOFCOM,2021-06-03\n"
        }
        let april = row("2021-04", "2021-04", "month", "CNY 100m", "4061.9")
        let toApril = row("2021-01", "2021-04", "cumulative", "CNY 100m", "15644.5")
        var results: [String] = []
        for (name, march) in [
            ("coarse", row("2021-01", "2021-03", "cumulative", "CNY trillion", "1.16")),
            ("fine", row("2021-01", "2021-03", "cumulative", "CNY 100m", "11500.0")),
        ] {
            let db = folder.file("\(name).sqlite")
            let file = try folder.write("\(name).csv", header + april + toApril + march)
            #expect(try cli.run(["import", file, "--db", db]).status == 0)
            let r = try cli.run([
                "table", "--db", db, "--through", "2021-04", "--sectors", "S", "--flows", "total", "--format", "csv",
            ])
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stdout.split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false)
            }
            let header = lines.first ?? []
            let month = lines.first { $0.count > 6 && $0[4] == "2021-04" && $0[5] == "2021-04" } ?? []
            let cells = ["value", "implied_revision"].map { name in
                header.firstIndex { $0 == name }.flatMap { $0 < month.count ? String(month[$0]) : nil } ?? "?"
            }
            results.append("2021-04,2021-04," + cells.joined(separator: ","))
        }
        // 4061.9 − (15644.5 − 11600 ± 50): within the rounding; 4061.9 − (15644.5 − 11500.0) = −82.6: stated.
        #expect(results == ["2021-04,2021-04,4061.9,", "2021-04,2021-04,4061.9,-82.6"])
    }

    @Test func aChartWithoutFiguresIsRefusedNotDrawnEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let out = folder.file("c.svg")
        let r = try cli.run(["chart", "combo", "--db", db, "--through", "2030-04", "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("too few figures for a combo chart"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(
            try cli.run([
                "chart", "lines", "--db", db, "--from", "2017-01", "--through", "2022-12", "--lang", "en", "-o", out,
            ]).status == 0)
    }

    /// `chart --as-of` draws what was published by then, as `table --as-of` and the bulletin read: April
    /// 2021's combo as of its release date (3 June 2021) has January–March 2021 as the April bulletin's
    /// 11600, not the 11581.9 published in August 2021.
    @Test func aChartAsOfADateUsesOnlyWhatWasPublishedByThen() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        var csv: [String] = []
        for asOf in [["--as-of", "2021-06-03"], []] {
            let out = folder.file("c\(csv.count).svg")
            let args = ["chart", "combo", "--db", db, "--through", "2021-04", "--from", "2020-01", "--lang", "en"]
            let r = try cli.run(args + asOf + ["-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            let text = try String(contentsOfFile: folder.file("c\(csv.count).csv"), encoding: .utf8)
            csv.append(text.split(separator: "\n").filter { $0.contains("-03,") }.joined(separator: "|"))
        }
        #expect(
            csv[0] == "\"Value (CNY 100 million, left)\",2020-01/2020-03,11523,CNY 100 million,computed,yes|"
                + "\"Value (CNY 100 million, left)\",2021-01/2021-03,11600,CNY 100 million,published,yes|"
                + "\"YoY growth (%, right)\",2020-01/2020-03,-10.8,%,published,yes|"
                + "\"YoY growth (%, right)\",2021-01/2021-03,0.5,%,published,yes"
        )
        #expect(csv[1].contains(",2021-01/2021-03,11581.9,CNY 100 million,published,yes"))
        #expect(
            try cli.run(["chart", "combo", "--through", "2021-04", "--as-of", "2021-06-31", "-o", "x.svg"]).status == 2)
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try cli.run(["table", "--through", "2021-13"]).status == 2)
        #expect(try cli.run(["table", "--through", "2021-04", "--sectors", "SZ"]).status == 2)
        #expect(try cli.run(["table", "--through", "2021-04", "--format", "no-such-format"]).status == 2)
        #expect(try cli.run(["table", "--through", "2021-04", "--vs-year", "2021"]).status == 2)
    }

    @Test func regionBreakdownOfTheIllustrativePanelSaysSo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try store(folder)
        let g = try cli.run(["generate", "--db", db, "--import", "--from-year", "2020", "--to-year", "2021"])
        #expect(g.status == 0, "\(g.stderr)")
        let r = try cli.run([
            "table", "--db", db, "--through", "2021-04", "--by", "region", "--flows", "total", "--lang", "en",
        ])
        #expect(r.status == 0)
        #expect(r.stdout.contains("PILOT2020"))
        #expect(r.stdout.contains("illustrative data"))
        let csv = try cli.run([
            "table", "--db", db, "--through", "2021-04", "--by", "region", "--flows", "total", "--format", "csv",
        ])
        let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try #require(lines.first?.firstIndex(of: "illustrative"))
        let rest = try #require(
            lines.first { $0.joined(separator: ",").hasPrefix("CN-REST,S,total,CNY,2021-01,2021-04,") })
        #expect(rest[column] == "true")
    }
}
