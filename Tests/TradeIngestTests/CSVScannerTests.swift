import Foundation
import PropertyBased
import Testing
import TradeIngest
import TradeTestSupport

@Suite struct CSVScannerTests {
    /// Issue 21 f: a failure prints as words with its place, never as a Swift value
    /// (`Failure(kind: TradeIngest.CSVScanner.Failure.Kind.invalidUTF8, line: 122, …)`).
    @Test func failuresDescribeThemselvesInWords() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cases: [(bytes: [UInt8], text: String)] = [
            (
                Array("a,b\n1,".utf8) + [0xFF] + Array("x\n".utf8),
                "line 2, column 3: bytes that are not UTF-8; save the file as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)"
            ),
            (Array("a,b\n1,\"x\n".utf8), "line 2, column 3: a quoted field is never closed; add the closing \""),
            (
                Array("a,b\n1,\"x\"y\n".utf8),
                "line 2, column 6: text after a closing quote; quote the whole field and write an inner quote as \"\""
            ),
        ]
        for (n, c) in cases.enumerated() {
            let path = try folder.write("f\(n).csv", bytes: c.bytes)
            let scanner = try CSVScanner(path: path)
            defer { scanner.close() }
            let failure = #expect(throws: CSVScanner.Failure.self) {
                try scanner.forEachRecord { _, _, _, _ in }
            }
            #expect(failure.map { "\($0)" } == c.text)
        }
        let directory = #expect(throws: CSVScanner.Failure.self) { _ = try CSVScanner(path: folder.path) }
        #expect(directory.map { "\($0)" } == "cannot read the file (is a directory)")
    }

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
            let path = try folder.write("p.csv", text)
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
