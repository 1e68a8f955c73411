import Foundation
import Testing
import TradeCore
import TradeTestSupport

/// The compiled host classification must agree with datasets/source-hosts.csv (Scripts/gen-source-hosts.py),
/// and every address of the shipped figures must have a classified host.
@Suite struct SourceHostsTests {
    @Test func compiledClassificationMatchesTheDataset() throws {
        let text = try String(contentsOfFile: Repository.dataset("source-hosts.csv"), encoding: .utf8)
        var rows: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",")
            rows[String(f[0])] = String(f[1])
        }
        #expect(rows.count == 114)
        #expect(SourceHosts.standard.kinds.count == rows.count)
        for (host, kind) in rows {
            #expect(SourceHosts.standard.kind(ofHost: host).rawValue == kind, "\(host)")
        }
        #expect(rows.values.filter { $0 == "mirror" }.count == 43)
    }

    @Test func everyShippedAddressHasAClassifiedHost() throws {
        for file in ShippedData.files {
            let text = try String(contentsOfFile: Repository.dataset(file), encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                guard let url = line.split(separator: ",").first(where: { $0.hasPrefix("http") }) else { continue }
                #expect(SourceHosts.standard.kind(ofAddress: String(url)) != .unknown, "\(file): \(url)")
            }
        }
    }

    @Test func hostsAreReadLikeABrowserWould() {
        #expect(SourceHosts.host(of: "http://en.people.cn./n3/2020/1002/c90000-9766686.html") == "en.people.cn")
        #expect(SourceHosts.host(of: "HTTPS://English.MOFCOM.gov.cn:443/article") == "english.mofcom.gov.cn")
        #expect(SourceHosts.host(of: "file:obs.csv") == nil)
        #expect(
            SourceHosts.standard.kind(
                ofAddress: "http://www.crapshirt.com/article/newsrelease/press/202106/20210603069409.shtml") == .mirror)
        #expect(SourceHosts.standard.kind(ofAddress: "https://example.org/new") == .unknown)
        #expect(SourceKind.publisher < .official && SourceKind.official < .stateMedia && SourceKind.unknown < .mirror)
        #expect(!SourceKind.mirror.isCitable && SourceKind.media.isCitable)
    }

    /// A figure read at a mirror cites its publisher and keeps the address as the copy read; any other
    /// address (the agency's page, a news report, a file) is cited as it is.
    @Test func aMirrorCitesThePublisher() throws {
        let brlscp = "http://brlscp.com/article/newsrelease/press/202106/20210603069409.shtml"
        let hosts = SourceHosts.standard
        #expect(hosts.citation(of: brlscp, publisher: .safe) == SourceCitation(cited: "SAFE", copy: brlscp))
        let page = "http://english.mofcom.gov.cn/article/newsrelease/press/202106/20210603069409.shtml"
        #expect(hosts.citation(of: page, publisher: .mofcom) == SourceCitation(cited: page, copy: ""))
        #expect(hosts.citation(of: "obs.csv", publisher: .mofcom) == SourceCitation(cited: "obs.csv"))
        #expect(hosts.citation(of: brlscp, publisher: .mofcom).address == brlscp)
        #expect(hosts.citation(of: page, publisher: .mofcom).address == page)
        // An observation without a publisher column: its region's (SAFE for the BoP basis).
        let key = SeriesKey(region: "CN-BOP", sector: "S", flow: .export, currency: .usd)
        let o = Observation(
            key: key, span: PeriodSpan(month: try #require(Period(year: 2021, month: 4))), value: nil, unit: nil,
            decimals: nil, source: brlscp, release: "r")
        #expect(o.citation() == SourceCitation(cited: "SAFE", copy: brlscp))
        #expect(SourceHosts([:]).citation(of: brlscp, publisher: .mofcom).cited == brlscp)
    }
}
