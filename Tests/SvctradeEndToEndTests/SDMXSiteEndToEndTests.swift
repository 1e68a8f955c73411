import Foundation
import Testing
import TradePress
import TradeStore
import TradeTestSupport

/// The press site's SDMX web service answered in process: SDMX-CSV data are the bytes of
/// `svctrade export --format sdmx-csv`, the structures those of `export --format sdmx-structure`
/// cut to what was asked, and no request, however odd, gets a 5xx.
@Suite struct SDMXSiteEndToEndTests {
    let cli = CommandRunner()

    /// A site over a store made by `svctrade import` of the shipped files.
    func site(_ folder: TemporaryFolder) throws -> (PressSite, String) {
        let db = try PressPageEndToEndTests.store(folder, cli: cli)
        let site = PressSite(
            store: try TradeDatabase.readOnly(path: db), resources: try ShippedData.resources(), chromium: nil)
        return (site, db)
    }

    @Test func dataAreTheExportsBytes() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (site, db) = try site(folder)
        for (target, args) in [
            ("data/DF_SVC_TRADE/all?format=csv", ["export", "--format", "sdmx-csv"]),
            ("data/SVCTRADE,DF_SVC_TRADE,1.0?format=csv2", ["export", "--format", "sdmx-csv", "--sdmx-version", "2"]),
            ("data/DF_SVC_TRADE_COPIES/all?format=csv", ["export", "--format", "sdmx-csv", "--all-sources"]),
            // REF_AREA CN with W1: the store's region CN (CN × BRI is the store's BRI).
            ("data/DF_SVC_TRADE/.CN.W1.....?format=csv", ["export", "--format", "sdmx-csv", "--region", "CN"]),
        ] {
            let answer = await site.respond(to: try #require(PressRequest(target: "/sdmx/2.1/" + target)))
            #expect(answer.status == 200, "\(target): \(answer.text.prefix(300))")
            let command = try cli.run(args + ["--db", db], in: Repository.root)
            #expect(command.status == 0, "\(command.stderr)")
            #expect(answer.text == command.stdout, "\(target) differs from svctrade \(args.joined(separator: " "))")
            #expect(answer.text.split(separator: "\n").count > 100, "\(target)")
        }
        // China's trade with the Belt and Road countries: CN × BRI.
        let bri = await site.respond(
            to: try #require(PressRequest(target: "/sdmx/2.1/data/DF_SVC_TRADE/.CN.BRI.T....?format=csv")))
        #expect(bri.status == 200)
        #expect(bri.text.contains(",M,CN,BRI,T,S,CNY,CNY,YTD,2017-12,6603.4,8,9,1,A,"), "\(bri.text.prefix(400))")
        #expect(!bri.text.contains(",W1,"))
        // The whole structure: the shipped message's artefacts (only the message ID differs).
        let structure = try cli.run(["export", "--format", "sdmx-structure"], in: Repository.root)
        let served = await site.respond(
            to: try #require(PressRequest(target: "/sdmx/2.1/dataflow/all/all/latest?references=all")))
        #expect(served.header("Content-Type") == "application/vnd.sdmx.structure+xml;version=2.1")
        #expect(
            served.text.replacingOccurrences(of: "SVCTRADE_DATAFLOW", with: "SVCTRADE_STRUCTURE") == structure.stdout)
    }

    @Test func oddRequestsGetAnSDMXErrorNeverA5xx() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (site, _) = try site(folder)
        for target in [
            "/sdmx", "/sdmx/2.0/dataflow", "/sdmx/2.1", "/sdmx/2.1/", "/sdmx/2.1/data", "/sdmx/2.1/data/%00",
            "/sdmx/2.1/data/DF_SVC_TRADE/%2E%2E", "/sdmx/2.1/data/DF_SVC_TRADE/.........",
            "/sdmx/2.1/data/DF_SVC_TRADE/all/all/all", "/sdmx/2.1/data/DF_SVC_TRADE/all?startPeriod=9999-99",
            "/sdmx/2.1/data/DF_SVC_TRADE/all?endPeriod=2021-02-30x", "/sdmx/2.1/data/OTHER,DF_SVC_TRADE",
            "/sdmx/2.1/data/SVCTRADE,DF_SVC_TRADE,9.9", "/sdmx/2.1/dataflow/ECB", "/sdmx/2.1/dataflow/SVCTRADE/NOPE",
            "/sdmx/2.1/codelist/SVCTRADE/CL_FREQ/2.0", "/sdmx/2.1/conceptscheme/SVCTRADE/NOPE",
            "/sdmx/2.1/datastructure/all/all/all?references=%E2%80%A6", "/sdmx/2.1/data/DF_SVC_TRADE/M+.CN",
            "/sdmx/2.1/data/DF_SVC_TRADE/all?dimensionAtObservation=", "/sdmx/2.1/data/DF_SVC_TRADE/all?format=",
        ] {
            let answer = await site.respond(to: try #require(PressRequest(target: target)))
            #expect((400..<500).contains(answer.status) || answer.status == 501, "\(target): \(answer.status)")
            #expect(answer.text.contains("<message:ErrorMessage code=\""), "\(target): \(answer.text)")
        }
        let wrongAccept = await site.respond(
            to: try #require(
                PressRequest(target: "/sdmx/2.1/data/DF_SVC_TRADE/all", accept: "application/vnd.sdmx.data+json")))
        #expect(wrongAccept.status == 406)
        // All dimensions at the observation: flat observations, each with its whole key.
        let flat = await site.respond(
            to: try #require(
                PressRequest(
                    target:
                        "/sdmx/2.1/data/DF_SVC_TRADE/M.CN.W1.T.S.CNY.CNY.YTD?startPeriod=2021-04&endPeriod=2021-04&dimensionAtObservation=AllDimensions&detail=dataonly"
                )))
        #expect(flat.status == 200)
        #expect(flat.text.contains("dimensionAtObservation=\"AllDimensions\""))
        #expect(flat.text.contains("<generic:Value id=\"TIME_PERIOD\" value=\"2021-04\"/>"))
        #expect(flat.text.contains("<generic:ObsValue value=\"15644.5\"/>"))
        #expect(!flat.text.contains("<generic:Series>") && !flat.text.contains("DECIMALS"))
    }
}
