#if PressServer
    import Foundation
    import Testing
    import TradeTestSupport

    /// `svctrade serve` as an SDMX web service, queried by sdmx1 (the Python client of statistical
    /// offices, from the Python package index) as a custom source: dataflows, the data structure with
    /// its codelists, and a data query with a key and a period range, whose numbers must be those of
    /// `svctrade table` for the same months (Scripts/sdmx-client-query.py).
    @Suite(.enabled(if: PythonClients.has("sdmx") || BulletinEndToEndTests.inCI))
    struct SDMXServiceEndToEndTests {
        let cli = CommandRunner()

        struct Answer: Decodable {
            struct Observation: Decodable {
                var key: [String: String]
                var value: String
                var attributes: [String: String]
            }
            var dataflows: [String]
            var dimensions: [String]
            var codelists: [String: Int]
            var observations: [Observation]
        }

        /// A number of a table row or an SDMX observation: flow code, accumulation, month.
        struct Cell: Hashable, CustomStringConvertible {
            var entry: String
            var accumulation: String
            var month: String
            var description: String { "\(entry)/\(accumulation)/\(month)" }
        }

        @Test(.timeLimit(.minutes(10))) func sdmx1GetsTheNumbersOfTable() throws {
            let server = try ServedStore(cli: cli)
            defer { server.stop() }
            let (db, port) = (server.db, server.port)
            let base = "http://127.0.0.1:\(port)"
            let key = "M.CN.W1.C+D+T+B.S.CNY.CNY.P+YTD"
            let (status, output) = try CommandRunner.program(
                "/usr/bin/timeout",
                [
                    "-s", "KILL", "300", "python3", Repository.root + "/Scripts/sdmx-client-query.py", base, key,
                    "2021-01", "2021-04",
                ])
            #expect(status == 0, "sdmx1 failed: \(String(decoding: output, as: UTF8.self))")
            let answer = try JSONDecoder().decode(Answer.self, from: output)
            #expect(answer.dataflows == ["DF_SVC_TRADE", "DF_SVC_TRADE_COPIES"])
            #expect(answer.dimensions.first == "FREQ" && answer.dimensions.contains("INT_ACC_ITEM"))
            #expect(answer.codelists["CL_FREQ"] ?? 0 >= 3, "\(answer.codelists)")
            #expect((answer.codelists["CL_INT_ACC_ITEM"] ?? answer.codelists.values.max() ?? 0) >= 12)
            // sdmx1's numbers, by flow, accumulation and month.
            var served: [Cell: Decimal] = [:]
            for o in answer.observations {
                let cell = Cell(
                    entry: o.key["ACCOUNTING_ENTRY"] ?? "?", accumulation: o.key["ACCUMULATION"] ?? "?",
                    month: o.key["TIME_PERIOD"] ?? "?")
                #expect(o.key["REF_AREA"] == "CN" && o.key["INT_ACC_ITEM"] == "S" && o.key["UNIT_MEASURE"] == "CNY")
                #expect(served[cell] == nil, "two observations for \(cell)")
                served[cell] = Decimal(string: o.value)
            }
            // `svctrade table` for each month of the range: every published level of the nation's services.
            var compared = 0
            let entries = ["total": "T", "export": "C", "import": "D", "balance": "B"]
            for month in ["2021-01", "2021-02", "2021-03", "2021-04"] {
                let table = try cli.run(["table", "--through", month, "--format", "json", "--db", db])
                guard table.status == 0 else { continue }  // no national figure through that month
                struct Row: Decodable {
                    var region, sector, flow, currency, period_kind: String
                    var status: String?
                    var value: Decimal?
                }
                for row in try JSONDecoder().decode([Row].self, from: Data(table.stdout.utf8))
                where row.region == "CN" && row.sector == "S" && row.currency == "CNY" && row.status == "published" {
                    let value = try #require(row.value)
                    let cell = Cell(
                        entry: entries[row.flow] ?? "?", accumulation: row.period_kind == "month" ? "P" : "YTD",
                        month: month)
                    #expect(
                        served[cell] == value,
                        "\(cell): table \(value), sdmx1 \(served[cell].map { "\($0)" } ?? "nothing")")
                    compared += 1
                }
            }
            #expect(compared >= 12, "only \(compared) numbers compared")
            print("sdmx1: \(answer.observations.count) observations, \(compared) equal to svctrade table's")
            #expect(served.count >= compared)
            // 2021-01–2021-04 in 亿元: January–April services trade 15644.5, exports 7462.1 (MOFCOM, 2021-05-28).
            #expect(served[Cell(entry: "T", accumulation: "YTD", month: "2021-04")] == Decimal(string: "15644.5"))
            #expect(served[Cell(entry: "C", accumulation: "YTD", month: "2021-04")] == Decimal(string: "7462.1"))

            // The same query as SDMX-CSV: the same observations.
            let (code, csv) = try PressServerEndToEndTests.fetch(
                "\(base)/sdmx/2.1/data/DF_SVC_TRADE/\(key)?startPeriod=2021-01&endPeriod=2021-04&format=csv")
            #expect(code == 200)
            let lines = String(decoding: csv, as: UTF8.self).split(separator: "\n")
            #expect(lines.first?.hasPrefix("DATAFLOW,FREQ,REF_AREA") == true)
            #expect(lines.count - 1 == answer.observations.count)
            // Refusals as the standard says.
            for (target, expected, needle) in [
                ("data/DF_SVC_TRADE/M.XX.W1.C.S.CNY.CNY.P", 404, "NoResultsFound"),
                ("data/DF_SVC_TRADE/all?startPeriod=2030", 404, "code=\"100\""),
                ("data/DF_NOPE", 404, "NoResultsFound"), ("data/DF_SVC_TRADE/M.CN", 400, "code=\"140\""),
                ("data/DF_SVC_TRADE/all?detail=serieskeysonly", 501, "code=\"501\""),
                ("categoryscheme", 501, "code=\"501\""), ("data/DF_SVC_TRADE/all?format=jsondata", 406, "format"),
            ] {
                let (code, body) = try PressServerEndToEndTests.fetch("\(base)/sdmx/2.1/\(target)")
                let text = String(decoding: body, as: UTF8.self)
                #expect(code == expected, "\(target): \(text)")
                #expect(text.contains("<message:Error") && text.contains(needle), "\(target): \(text)")
            }
        }
    }
#endif
