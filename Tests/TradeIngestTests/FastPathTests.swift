import PropertyBased
import Testing
import TradeCore
import TradeTestSupport

@testable import TradeIngest

/// The fast path for plain panels must give exactly what the general path gives.
@Suite struct FastPathTests {
    static func summary(_ b: ImportBatch) -> [String] {
        b.panel.series.map { s in
            "\(s.key) \(s.firstMonth) \(s.decimals) \(s.unit) \(s.release) \(s.source) "
                + zip(s.values, s.present).map { $1 ? String($0) : "-" }.joined(separator: ",")
        }.sorted() + b.notes + ["rows \(b.rowCount)", "releases \(b.releases.keys.sorted())"]
    }

    @Test func aPlainPanelTakesTheFastPathAndAnOddOneDoesNot() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let plain = try folder.write(
            "a.csv",
            "period,region,sector,flow,value\n2021-01,R001,SA,X,1.5\n2021-02,R001,SA,X,2\r\n2021-01,R001,SA,M,3")
        let reader = ObservationReader()
        let fast = try #require(
            FastPanelReader(reader: reader, file: "a.csv", release: "a").read(path: plain, progress: nil))
        #expect(fast.panel.observationCount == 3)
        #expect(fast.panel.series.first?.decimals == 1)
        for odd in [
            "period,region,sector,flow,value\n2021-01,\"R001\",SA,X,1\n",
            "period,region,sector,flow,value,unit\n2021-01,R001,SA,X,1,CNY\n",
            "period,region,sector,flow,value\n2021-01,R001,SA,X,-1\n",
            "period,region,sector,flow,value\n2021-13,R001,SA,X,1\n",
        ] {
            let path = try folder.write("b.csv", odd)
            #expect(
                FastPanelReader(reader: reader, file: "b.csv", release: "b").read(path: path, progress: nil) == nil,
                "\(odd)")
        }
    }

    /// A panel of 300 series (runs of series are transposed side by side) with gaps, repeats and
    /// series starting late: the fast path is taken and gives what the general path gives.
    @Test func aWidePanelTakesTheFastPathAndAgreesWithTheGeneralPath() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        await propertyCheck(count: 10, input: Gen.int(in: 0...1_000)) { seed in
            var lines = ["period,region,sector,flow,value"]
            for month in 1...9 {
                for r in 1...75 {
                    for flow in ["X", "M"] {
                        for sector in ["SA", "SC"] {
                            let n = r * 131 + month * 17 + seed
                            if n % 7 == 0 || (r % 5 == 0 && month < 4) { continue }  // gaps, late starts
                            let region = "R" + String(repeating: "0", count: 3 - String(r).count) + String(r)
                            lines.append("2021-0\(month),\(region),\(sector),\(flow),\(n % 9_973).\(n % 10)")
                            if n % 11 == 0 { lines.append(lines[lines.count - 1]) }  // a repeated row
                        }
                    }
                }
            }
            let path = try folder.write("w.csv", lines.joined(separator: "\n") + "\n")
            let fast = FastPanelReader(reader: ObservationReader(), file: "w.csv", release: "w").read(
                path: path, progress: nil)
            #expect(fast != nil, "the wide panel must take the fast path")
            var options = ObservationReader.Options()
            options.usesFastPath = false
            let general = try ObservationReader(options: options).read(path: path, displayName: "w.csv")
            if let fast {
                #expect(Self.summary(fast) == Self.summary(general))
                #expect(fast.panel.series.map(\.key) == general.panel.series.map(\.key))  // first appearance order
            }
            // Cut into parts parsed side by side (cuts inside a month, parts with series the others lack),
            // and with the rows shuffled (every part holds every month): the same batch.
            var shuffled = Array(lines.dropFirst())
            var generator = SplitMix64(seed: UInt64(seed))
            shuffled.shuffle(using: &generator)
            let shuffledText = ([lines[0]] + shuffled).joined(separator: "\n")  // no final newline
            let shuffledPath = try folder.write("s.csv", shuffledText)
            let shuffledGeneral = try ObservationReader(options: options).read(
                path: shuffledPath, displayName: "w.csv")
            for pieces in [2, 3, 7] {
                for (file, expected) in [(path, general), (shuffledPath, shuffledGeneral)] {
                    var reader = FastPanelReader(reader: ObservationReader(), file: "w.csv", release: "w")
                    reader.partMinimum = 0
                    reader.pieces = pieces
                    let parted = reader.read(path: file, progress: nil)
                    #expect(parted != nil, "\(pieces) parts must take the fast path")
                    if let parted {
                        #expect(Self.summary(parted) == Self.summary(expected), "\(pieces) parts")
                        #expect(parted.panel.series.map(\.key) == expected.panel.series.map(\.key), "\(pieces) parts")
                    }
                }
            }
        }
    }

    /// Parts that disagree (the same series and month with two values, or one series spelled two
    /// ways) send the file to the general path, as one part would.
    @Test func partsThatDisagreeSendTheFileToTheGeneralPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let head = "period,region,sector,flow,value\n"
        let filler = (1...40).map { "2021-01,R0\($0 < 10 ? "0" : "")\($0),SA,X,1\n" }.joined()
        for (text, fast) in [
            (head + "2021-02,R001,SA,X,1\n" + filler + "2021-02,R001,SA,X,2\n", false),
            (head + "2021-02,R001,SA,X,1\n" + filler + "2021-02,R001,SA,export,1\n", false),
            (head + "2021-02,R001,SA,X,1\n" + filler + "2021-02,R001,SA,X,1.0\n", true),
        ] {
            let path = try folder.write("d.csv", text)
            var reader = FastPanelReader(reader: ObservationReader(), file: "d.csv", release: "d")
            reader.partMinimum = 0
            reader.pieces = 2
            let batch = reader.read(path: path, progress: nil)
            #expect((batch != nil) == fast, "\(text.suffix(24))")
            if let batch {
                #expect(batch.rowCount == 42)
                #expect(batch.notes.first?.hasPrefix("1 rows repeated") == true)
                #expect(batch.panel.series.first?.decimals == 1)
            }
        }
    }

    @Test func fastAndGeneralPathsAgreeOnRandomPanels() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let regions = ["R001", "R002", "beijing", "CN"]
        let sectors = ["SA", "SD21", "SI", "KIS"]
        let flows = ["X", "M", "export", "balance"]
        let row = Gen.int(in: 0...63).map { i in (i % 4, (i / 4) % 4, (i / 16) % 4) }
        await propertyCheck(
            count: 40, input: row.array(of: 1...60), Gen.int(in: 0...30).array(of: 60...60), Gen.bool.array(of: 60...60)
        ) { keys, months, decimals in
            var lines = ["period,region,sector,flow,value"]
            for (i, k) in keys.enumerated() {
                let month = 240 * 12 + months[i]  // 2020…2022
                let period = "\(month / 12)-" + (month % 12 + 1 < 10 ? "0" : "") + String(month % 12 + 1)
                let flow = flows[k.2]
                let magnitude = (i * 7919) % 100_000
                var value = decimals[i] ? "\(magnitude).\(i % 100 < 10 ? "0" : "")\(i % 100)" : "\(magnitude)"
                if flow == "balance" && i % 3 == 0 { value = "-" + value }
                lines.append("\(period),\(regions[k.0]),\(sectors[k.1]),\(flow),\(value)")
            }
            let path = try folder.write("p.csv", lines.joined(separator: "\n") + "\n")
            let fast = Result { try ObservationReader().read(path: path, displayName: "p.csv") }
            var options = ObservationReader.Options()
            options.usesFastPath = false
            let general = Result { try ObservationReader(options: options).read(path: path, displayName: "p.csv") }
            switch (fast, general) {
            case (.success(let a), .success(let b)):
                #expect(Self.summary(a) == Self.summary(b))
            case (.failure(let a), .failure(let b)):
                #expect("\(a)" == "\(b)")  // e.g. a duplicate key with another value: the same message
            default:
                Issue.record("the paths disagree: \(fast) vs \(general)")
            }
        }
    }
}
