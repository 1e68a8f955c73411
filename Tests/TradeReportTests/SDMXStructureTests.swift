import Foundation
import Testing
import TradeCore
import TradeIngest
import TradeReport
import TradeTestSupport

/// Issue 23, items 1 and 2: the SDMX structure generated from the Swift codelists, shipped under
/// `datasets/sdmx/`, and SDMX-CSV rows that keep every published digit.
@Suite struct SDMXStructureTests {
    /// A fresh generation equals the committed file byte for byte (regenerate with
    /// `svctrade export --format sdmx-structure -o datasets/sdmx/svctrade-structure.xml`).
    @Test func theShippedStructureIsAFreshGeneration() throws {
        let path = Repository.dataset("sdmx/svctrade-structure.xml")
        let committed = try Data(contentsOf: URL(fileURLWithPath: path))
        let fresh = Data(SDMXStructureWriter.render(.standard).utf8)
        #expect(
            fresh == committed,
            "datasets/sdmx/svctrade-structure.xml is stale (\(committed.count) bytes, fresh \(fresh.count)); run svctrade export --format sdmx-structure -o datasets/sdmx/svctrade-structure.xml"
        )
    }

    /// Every code the importer accepts by name is in a codelist, with English and Chinese names.
    @Test func codelistsComeFromTheSwiftCodelists() throws {
        let s = SDMXStructure.standard
        let areas = try #require(s.codelist("CL_AREA"))
        // Every region of the store but the partner groups, which are counterparts of CN.
        let reporters = Regions.standard.all.map(\.code).filter { !SDMXCodes.partnerScopes.contains($0) }
        #expect(areas.codes.map(\.id) == reporters)
        #expect(areas.codes.count == Regions.standard.all.count - 1)
        let counterparts = try #require(s.codelist("CL_COUNTERPART_AREA"))
        #expect(counterparts.codes.map(\.id) == ["W1", "BRI"])
        #expect(counterparts.codes.last?.name.zh == "“一带一路”沿线国家")
        let xian = try #require(areas.codes.first { $0.id == "xian" })
        #expect(xian.name == SDMXStructure.Text("Xi'an", "西安"))
        let items = try #require(s.codelist("CL_INT_ACC_ITEM"))
        #expect(items.codes.map(\.id) == Sectors.standard.all.map(\.code))
        let construction = try #require(items.codes.first { $0.id == "SE" })
        #expect(construction.name == SDMXStructure.Text("Construction", "建设"))
        #expect(construction.description?.zh == "商务部公报用语：建筑")
        #expect(items.codes.first { $0.id == "SDA" }?.parent == "SD")
        #expect(s.codelist("CL_UNIT_MULT")?.codes.map(\.id) == Magnitude.allCases.map { String($0.exponent) })
        #expect(
            s.codelist("CL_UNIT_MEASURE")?.codes.map(\.id)
                == Currency.allCases.map(\.rawValue) + SDMXCodes.Measure.allCases.map(\.rawValue).filter { !$0.isEmpty }
        )
        #expect(s.codelist("CL_FREQ")?.codes.map(\.id) == ["M", "Q", "S", "A"])
        #expect(s.codelist("CL_ACCUMULATION")?.codes.map(\.id) == ["P", "YTD"])
        for list in s.codelists {
            for code in list.codes {
                #expect(code.name.zh?.isEmpty == false, "\(list.id) \(code.id) has no Chinese name")
            }
        }
        // The CSV columns are the DSD's components, in DSD order.
        #expect(SDMXCSVWriter.columns(copies: false) == s.dataStructure("DSD_SVC_TRADE")?.components.map(\.id))
        #expect(
            SDMXCSVWriter.columns(copies: true).firstIndex(of: "COPY")
                == SDMXCSVWriter.columns(copies: true).firstIndex(of: "TIME_PERIOD").map { $0 - 1 })
    }

    /// The message has the SDMX-ML 2.1 namespaces, both languages and the artefacts in schema order.
    @Test func theMessageIsSDMXML21() {
        let xml = SDMXStructureWriter.render(.standard)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<message:Structure "))
        for ns in ["message", "structure", "common"] {
            #expect(xml.contains("xmlns:\(ns)=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/\(ns)\""))
        }
        let order = [
            "<structure:Dataflows>", "<structure:Codelists>", "<structure:Concepts>", "<structure:DataStructures>",
        ]
        let positions = order.compactMap { xml.range(of: $0)?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted())
        #expect(xml.contains("<common:Name xml:lang=\"zh\">旅行</common:Name>"))
        #expect(
            xml.contains(
                "<structure:Dataflow id=\"DF_SVC_TRADE\" agencyID=\"SVCTRADE\" version=\"1.0\" urn=\"urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=SVCTRADE:DF_SVC_TRADE(1.0)\" isFinal=\"true\">"
            ))
        #expect(xml.contains("<structure:TimeDimension id=\"TIME_PERIOD\" position=\"9\""))
        #expect(xml.contains("<structure:Dimension id=\"COPY\" position=\"9\""))
    }

    /// Spans map to SDMX's CL_FREQ and an accumulation, and back.
    @Test(arguments: [
        ("2021-04", "M", "P", "2021-04"), ("2021-01/2021-04", "M", "YTD", "2021-04"),
        ("2021-01/2021-02", "M", "YTD", "2021-02"), ("2021-01/2021-03", "M", "YTD", "2021-03"),
        ("2021-01/2021-12", "M", "YTD", "2021-12"), ("2021-04/2021-06", "Q", "P", "2021-Q2"),
        ("2021-07/2021-12", "S", "P", "2021-S2"),
    ])
    func timeCodes(_ text: String, _ freq: String, _ accumulation: String, _ period: String) throws {
        let span = try PeriodSpan(parsing: text)
        let t = SDMXCodes.time(span)
        #expect(t.freq == freq && t.accumulation.rawValue == accumulation && t.period == period)
        #expect(SDMXCodes.span(freq: freq, accumulation: t.accumulation, period: period) == span)
    }

    /// Every number as stored, with DECIMALS: levels and balance changes in 亿, the printed unit kept.
    @Test func numbersKeepEveryDigit() throws {
        let yi = MonetaryUnit(.cny, .hundredMillion)
        let bn = MonetaryUnit(.cny, .billion)
        func figure(_ period: String, _ value: String?, _ unit: MonetaryUnit, _ decimals: Int?, change: String?)
            throws -> SDMXCSVWriter.Figure
        {
            let o = Observation(
                key: SeriesKey(region: "CN", sector: "S", flow: .balance, currency: .cny),
                span: try PeriodSpan(parsing: period), value: try value.map { try Level(parsing: $0, in: unit) },
                unit: unit, decimals: decimals,
                rates: PublishedRates(
                    yearOnYear: DecimalNumber(parsing: "-69.9"),
                    balanceChange: try change.map { try Level(parsing: $0, in: unit) }),
                source: "s", release: "r")
            return SDMXCSVWriter.Figure(observation: o, preferred: true)
        }
        let text = SDMXCSVWriter.render(
            figures: [
                try figure("2021-01/2021-11", "-2039", yi, 0, change: "4731.2"),
                try figure("2025-01/2025-02", "-210.4", bn, 1, change: "8.33"),
                try figure("2022-01/2022-12", "3.39", MonetaryUnit(.cny, .trillion), 2, change: nil),
            ], panel: MonthlyPanel(), version: 1)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = rows[0].map(String.init)
        func cell(_ row: Int, _ column: String) -> String {
            header.firstIndex(of: column).map { String(rows[row][$0]) } ?? "?"
        }
        let expected: [[String]] = [
            ["CNY", "2021-11", "-2039", "8", "8", "0"], ["PC_YOY", "2021-11", "-69.9", "0", "", "1"],
            ["BAL_CHG", "2021-11", "4731.2", "8", "8", "1"], ["CNY", "2025-02", "-2104", "8", "9", "0"],
            ["PC_YOY", "2025-02", "-69.9", "0", "", "1"], ["BAL_CHG", "2025-02", "83.3", "8", "9", "1"],
            ["CNY", "2022-12", "33900", "8", "12", "-2"], ["PC_YOY", "2022-12", "-69.9", "0", "", "1"],
        ]
        #expect(rows.count == expected.count + 1)
        for (i, e) in expected.enumerated() {
            let got = ["UNIT_MEASURE", "TIME_PERIOD", "OBS_VALUE", "UNIT_MULT", "UNIT_MULT_PUBLISHED", "DECIMALS"].map {
                cell(i + 1, $0)
            }
            #expect(got == e, "row \(i + 1)")
            #expect(cell(i + 1, "FREQ") == "M" && cell(i + 1, "ACCUMULATION") == "YTD")
        }
    }

    /// What the writer writes reads back as stored, and a rate a client wrote as a double (`19.0`)
    /// is read at its DECIMALS (`19`); 3.39 万亿元 written as 33900 (亿, DECIMALS −2) is 3.39 万亿元 again.
    @Test func theReaderTakesBackWhatTheWriterWrites() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let o = Observation(
            key: SeriesKey(region: "CN", sector: "S", flow: .total, currency: .cny),
            span: try PeriodSpan(parsing: "2022-01/2022-12"),
            value: try Level(parsing: "3.39", in: MonetaryUnit(.cny, .trillion)), unit: MonetaryUnit(.cny, .trillion),
            decimals: 2, rates: PublishedRates(yearOnYear: DecimalNumber(parsing: "19")), source: "s", release: "r")
        let text = SDMXCSVWriter.render(
            figures: [SDMXCSVWriter.Figure(observation: o, preferred: true)], panel: MonthlyPanel(), version: 2)
        #expect(text.contains(",YTD,2022-12,33900,8,12,-2,A,s,r,"), "\(text)")
        let asDouble = text.replacingOccurrences(
            of: ",PC_YOY,YTD,2022-12,19,0,,0,", with: ",PC_YOY,YTD,2022-12,19.0,0,,0,")
        #expect(asDouble != text)
        for file in [text, asDouble] {
            let path = try folder.write("f.csv", file)
            let batch = try SDMXCSVReader.read(path: path, file: "f.csv")
            #expect(batch.figures.map(\.observation) == [o], "\(file)")
            #expect(batch.figures.first?.observation.rates.yearOnYear?.description == "19")
        }
    }

    /// Every attribute's concept says what it means (a common:Description in English and Chinese), in
    /// the shipped structure and so in the press site's /sdmx/2.1/ answers: PUBLICATION_DATE, RELEASE,
    /// PUBLISHER, OBS_STATUS, PREFERRED, PANEL and FIGURE had a name only; CL_OBS_STATUS has U.
    @Test func everyAttributeIsDescribed() throws {
        let xml = try String(contentsOfFile: Repository.dataset("sdmx/svctrade-structure.xml"), encoding: .utf8)
        for id in [
            "UNIT_MULT", "UNIT_MULT_PUBLISHED", "DECIMALS", "OBS_STATUS", "SOURCE", "RELEASE", "PUBLISHER",
            "PUBLICATION_DATE", "PREFERRED", "PANEL", "FIGURE", "SOURCE_COPY",
        ] {
            let start = try #require(xml.range(of: "<structure:Concept id=\"\(id)\""), "\(id)")
            let end = try #require(xml.range(of: "</structure:Concept>", range: start.upperBound..<xml.endIndex))
            let concept = xml[start.lowerBound..<end.lowerBound]
            #expect(concept.contains("<common:Description xml:lang=\"en\">"), "\(id)")
            #expect(concept.contains("<common:Description xml:lang=\"zh\">"), "\(id)")
        }
        #expect(xml.contains("<structure:Code id=\"U\""))
    }
}
