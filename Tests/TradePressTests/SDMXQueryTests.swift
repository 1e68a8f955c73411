import Testing
import TradeCore
import TradePress

/// The SDMX RESTful API 2.1 paths and parameters, parsed without a store.
@Suite struct SDMXQueryTests {
    static func parse(_ path: String, _ query: [String: String] = [:]) throws(SDMXRefusal) -> SDMXQuery {
        try SDMXQuery(segments: path.split(separator: "/").map(String.init), query: query)
    }

    static func data(_ path: String, _ query: [String: String] = [:]) throws -> SDMXDataQuery {
        guard case .data(let q) = try parse(path, query) else {
            Issue.record("\(path) is not a data query")
            throw SDMXRefusal(status: 0, message: "")
        }
        return q
    }

    static func status(_ path: String, _ query: [String: String] = [:]) -> Int? {
        do throws(SDMXRefusal) {
            _ = try parse(path, query)
            return nil
        } catch {
            return error.status
        }
    }

    static let dimensions = [
        "FREQ", "REF_AREA", "COUNTERPART_AREA", "ACCOUNTING_ENTRY", "INT_ACC_ITEM", "CURRENCY", "UNIT_MEASURE",
        "ACCUMULATION",
    ]

    @Test func flowRefsInEveryForm() throws {
        let plain = try Self.data("data/DF_SVC_TRADE")
        #expect(plain.agency == nil && plain.flow == "DF_SVC_TRADE" && plain.version == nil && plain.key == nil)
        let full = try Self.data("data/SVCTRADE,DF_SVC_TRADE,1.0/all/all")
        #expect(full.agency == "SVCTRADE" && full.flow == "DF_SVC_TRADE" && full.version == "1.0" && full.key == nil)
        let latest = try Self.data("data/all,DF_SVC_TRADE,latest")
        #expect(latest.agency == nil && latest.version == nil)
        #expect(Self.status("data/SVCTRADE,,1.0") == 400)
        #expect(Self.status("data/a,b,c,d") == 400)
        #expect(Self.status("data/DF<x>") == 400)
        #expect(Self.status("data") == 400)
        #expect(Self.status("data/DF_SVC_TRADE/all/ECB") == 501)
    }

    @Test func keysWithWildcardsAndAlternatives() throws {
        let q = try Self.data("data/DF_SVC_TRADE/M.CN.W1.C+D.S..CNY.YTD")
        #expect(q.key == [["M"], ["CN"], ["W1"], ["C", "D"], ["S"], [], ["CNY"], ["YTD"]])
        try q.check(dimensions: Self.dimensions)
        #expect(q.matches(["M", "CN", "W1", "D", "S", "USD", "CNY", "YTD"]))
        #expect(!q.matches(["M", "CN", "W1", "T", "S", "CNY", "CNY", "YTD"]))
        #expect(!q.matches(["M", "CN", "W1", "C", "S", "CNY", "CNY"]))
        let any = try Self.data("data/DF_SVC_TRADE/.......")
        #expect(any.key == Array(repeating: [], count: 8))
        #expect(any.matches(["A", "B", "C", "D", "E", "F", "G", "H"]))
        #expect(try Self.data("data/DF_SVC_TRADE/all").key == nil)
        // Too few positions for the dataflow: a syntax error that names the dimensions.
        let short = try Self.data("data/DF_SVC_TRADE/M.CN")
        #expect(throws: SDMXRefusal.self) { try short.check(dimensions: Self.dimensions) }
        do throws(SDMXRefusal) {
            try short.check(dimensions: Self.dimensions)
        } catch {
            #expect(error.status == 400 && error.code == 140)
            #expect(error.message.contains("FREQ.REF_AREA.COUNTERPART_AREA"))
        }
        #expect(Self.status("data/DF_SVC_TRADE/M.CN++D") == 400)
        #expect(Self.status("data/DF_SVC_TRADE/M.C N") == 400)
    }

    @Test func periodsOfEveryFrequency() throws {
        func range(_ start: String?, _ end: String?) throws -> [Period?] {
            var query: [String: String] = [:]
            query["startPeriod"] = start
            query["endPeriod"] = end
            let q = try Self.data("data/DF_SVC_TRADE/all", query)
            return [q.start, q.end]
        }
        let p = { (s: String) in try Period(parsing: s) }
        #expect(try range("2021", "2021") == [try p("2021-01"), try p("2021-12")])
        #expect(try range("2021-Q2", "2021-S1") == [try p("2021-04"), try p("2021-06")])
        #expect(try range("2021-04", "2021-04-30") == [try p("2021-04"), try p("2021-04")])
        #expect(try range(nil, "2022-Q4") == [nil, try p("2022-12")])
        for bad in ["2021-13", "21", "2021-Q5", "2021-04-32", "2021-W01", "x"] {
            #expect(Self.status("data/DF_SVC_TRADE/all", ["startPeriod": bad]) == 400, "\(bad)")
        }
        #expect(Self.status("data/DF_SVC_TRADE/all", ["startPeriod": "2022", "endPeriod": "2021"]) == 400)
        let q = try Self.data("data/DF_SVC_TRADE/all", ["startPeriod": "2021-02", "endPeriod": "2021-Q2"])
        #expect(q.matches(months: try p("2021-04")...p("2021-04")))
        #expect(q.matches(months: try p("2021-04")...p("2021-06")))
        #expect(!q.matches(months: try p("2021-01")...p("2021-04")))  // January–April starts before February
        #expect(!q.matches(months: try p("2021-07")...p("2021-07")))
    }

    @Test func parametersTheServiceDoesNotServeAre501() throws {
        #expect(Self.status("data/DF_SVC_TRADE/all", ["detail": "serieskeysonly"]) == 501)
        #expect(Self.status("data/DF_SVC_TRADE/all", ["updatedAfter": "2021-01-01"]) == 501)
        #expect(Self.status("data/DF_SVC_TRADE/all", ["lastNObservations": "1"]) == 501)
        #expect(Self.status("data/DF_SVC_TRADE/all", ["includeHistory": "true"]) == 501)
        #expect(Self.status("data/DF_SVC_TRADE/all", ["detail": "dataonly"]) == nil)
        let q = try Self.data("data/DF_SVC_TRADE/all", ["dimensionAtObservation": "REF_AREA"])
        #expect(
            throws: SDMXRefusal(
                status: 501, message: "dimensionAtObservation=REF_AREA is not served; give TIME_PERIOD or AllDimensions"
            )
        ) {
            try q.check(dimensions: Self.dimensions)
        }
        let other = try Self.data("data/DF_SVC_TRADE/all", ["dimensionAtObservation": "NOPE"])
        #expect(throws: SDMXRefusal.self) { try other.check(dimensions: Self.dimensions) }
        try Self.data("data/DF_SVC_TRADE/all", ["dimensionAtObservation": "AllDimensions"]).check(
            dimensions: Self.dimensions)
    }

    @Test func formatByAcceptOrParameter() throws {
        let q = try Self.data("data/DF_SVC_TRADE/all")
        #expect(try q.format(accept: nil) == .genericData)
        #expect(try q.format(accept: "*/*") == .genericData)
        #expect(try q.format(accept: "application/vnd.sdmx.structurespecificdata+xml;version=2.1") == .genericData)
        #expect(try q.format(accept: "application/vnd.sdmx.data+csv;version=1.0.0") == .csv)
        #expect(try q.format(accept: "text/csv") == .csv)
        #expect(try q.format(accept: "application/vnd.sdmx.data+csv; version=2.0.0, */*;q=0.1") == .csv2)
        #expect(throws: SDMXRefusal.self) { try q.format(accept: "application/vnd.sdmx.data+json;version=1.0.0") }
        let csv = try Self.data("data/DF_SVC_TRADE/all", ["format": "csv"])
        #expect(try csv.format(accept: "application/xml") == .csv)
        #expect(try Self.data("data/DF_SVC_TRADE/all", ["format": "csv2"]).format == .csv2)
        #expect(Self.status("data/DF_SVC_TRADE/all", ["format": "jsondata"]) == 406)
        #expect(SDMXDataQuery.Format.csv.mediaType == "application/vnd.sdmx.data+csv;version=1.0.0")
    }

    @Test func structureQueries() throws {
        guard case .structure(let all) = try Self.parse("dataflow") else { throw SDMXRefusal(status: 0, message: "") }
        #expect(all.resource == .dataflow && all.agency == nil && all.id == nil && all.version == nil)
        #expect(all.references == SDMXStructureQuery.References.none)
        guard
            case .structure(let one) = try Self.parse(
                "datastructure/SVCTRADE/DSD_SVC_TRADE/1.0", ["references": "children"])
        else { throw SDMXRefusal(status: 0, message: "") }
        #expect(one.resource == .datastructure && one.agency == "SVCTRADE" && one.id == "DSD_SVC_TRADE")
        #expect(one.version == "1.0" && one.references == .children)
        guard case .structure(let latest) = try Self.parse("codelist/all/CL_FREQ/latest") else {
            throw SDMXRefusal(status: 0, message: "")
        }
        #expect(latest.agency == nil && latest.id == "CL_FREQ" && latest.version == nil)
        #expect(Self.status("categoryscheme") == 501)
        #expect(Self.status("dataflow/SVCTRADE/DF/1.0/ITEM") == 501)
        #expect(Self.status("dataflow", ["references": "everything"]) == 501)
        #expect(Self.status("dataflow", ["detail": "allstubs"]) == 501)
        #expect(Self.status("nonsense") == 404)
        #expect(Self.status("") == 400)
    }

    @Test func errorCodesOfTheStandard() {
        #expect(SDMXRefusal.noResults("x").code == 100)
        #expect(SDMXRefusal.noResults("x").status == 404)
        #expect(SDMXRefusal.noResults("x").message.hasPrefix("NoResultsFound"))
        #expect(SDMXRefusal(status: 400, message: "").code == 140)
        #expect(SDMXRefusal(status: 501, message: "").code == 501)
    }
}
