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
}
