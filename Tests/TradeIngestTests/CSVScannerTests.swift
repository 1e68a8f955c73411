import Foundation
import PropertyBased
import Testing
import TradeIngest
import TradeTestSupport

@Suite struct CSVScannerTests {
    static func scan(_ path: String, chunkSize: Int) throws -> [[String]] {
        let scanner = try CSVScanner(path: path, chunkSize: chunkSize)
        defer { scanner.close() }
        var rows: [[String]] = []
        try scanner.forEachRecord { _, fields, bytes, _ in rows.append(fields.map { $0.string(in: bytes) }) }
        return rows
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
    }

    @Test func fieldsSurviveAnyChunkBoundary() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let alphabet: [Character] = ["a", "Z", "1", ",", "\"", "\n", " ", "旅", "行", "-", "."]
        let cell = Gen<Character?>.element(of: alphabet).map { $0 ?? "a" }.string(of: 1...6)
        await propertyCheck(count: 60, input: cell.array(of: 3...3).array(of: 1...12)) { rows in
            let text = rows.map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
            guard let path = try? folder.write("p.csv", text) else { return }
            for chunk in [64, 97, 1 << 20] {
                #expect((try? Self.scan(path, chunkSize: chunk)) == rows)
            }
        }
    }

    @Test func recordsLineNumbersAcrossQuotedLineBreaks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("q.csv", "a,b\n\"x\ny\",2\nz,3\n")
        let scanner = try CSVScanner(path: path)
        defer { scanner.close() }
        var lines: [Int] = []
        try scanner.forEachRecord { line, _, _, _ in lines.append(line) }
        #expect(lines == [1, 2, 4])
    }

    @Test func trailingCommaMeansAnEmptyLastField() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("t.csv", "a,b,\n1,2,")
        #expect(try Self.scan(path, chunkSize: 64) == [["a", "b", ""], ["1", "2", ""]])
    }
}
