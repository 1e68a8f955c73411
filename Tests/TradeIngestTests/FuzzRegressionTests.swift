import Foundation
import Testing
import TradeIngest
import TradeTestSupport

/// Inputs the fuzz target (Fuzz/) found crashing, kept as regression cases: each must be read or
/// rejected with an error, by the fast path and by the general reader alike.
@Suite struct FuzzRegressionTests {
    static let crashes: [String] = {
        let folder = Repository.root + "/Fuzz/crashes"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }()

    @Test func theSavedCrashCasesAreThere() {
        #expect(Self.crashes.count >= 2)
    }

    @Test(arguments: crashes)
    func aSavedCrashIsNowAnError(_ path: String) {
        for fast in [true, false] {
            var reader = ObservationReader()
            reader.options.usesFastPath = fast
            #expect(throws: ImportError.self) { try reader.read(path: path, displayName: "case.csv") }
        }
    }

    @Test func recordsWiderThanSixtyFourFieldsAreScanned() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let wide = (1...100).map { "c\($0)" }.joined(separator: ",")
        let path = try folder.write("wide.csv", wide + "\n" + wide + "\n")
        for chunk in [64, 97, 4096] {
            let rows = try CSVScannerTests.scan(path, chunkSize: chunk)
            #expect(rows.count == 2, "chunk \(chunk)")
            #expect(rows.allSatisfy { $0.count == 100 && $0.last == "c100" }, "chunk \(chunk)")
        }
        // A wide header is an unknown column, said plainly.
        #expect(throws: ImportError.self) { try ObservationReader().read(path: path) }
    }
}
