import Foundation
import Testing
import TradeCore
import TradeTestSupport

/// The compiled region codelist must agree with datasets/pilot-regions.csv (Scripts/gen-regions.py).
@Suite struct RegionDatasetTests {
    @Test func codelistMatchesTheShippedPilotList() throws {
        let text = try String(contentsOfFile: Repository.dataset("pilot-regions.csv"), encoding: .utf8)
        var batches: [String: Set<Int>] = [:]
        // the file has CRLF ends; "\r\n" is one Character
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 5, let batch = Int(fields[4]) else { continue }
            batches[String(fields[0]), default: []].insert(batch)
        }
        #expect(batches.count == 31)
        for (code, years) in batches {
            #expect(Set(Regions.standard.region(code: code)?.pilotBatches ?? []) == years, "\(code)")
        }
    }
}
