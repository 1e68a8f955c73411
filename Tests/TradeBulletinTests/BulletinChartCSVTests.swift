import Foundation
import Testing
import TradeBulletin
import TradeCore
import TradeTestSupport

/// The CSV beside each chart of a bulletin says what every value is (`status`: published, computed,
/// derived, implied, illustrative) and whether it is known to its last written digit (`determined`);
/// composition shares are written at the precision they are printed with, and the composition title
/// compares only shares it prints.
@Suite struct BulletinChartCSVTests {
    /// The files of the demo's bulletin of `month` (as of its release date), as `svctrade demo` writes them.
    static func bulletin(_ month: String, baseYear: Int?) async throws -> [DemoOutputs.File] {
        let store = try ShippedData.store(illustrativePanel: true)
        let resources = try ShippedData.resources()
        let through = try Period(parsing: month)
        let asOf = BulletinComposer.vintage(
            through: through, given: nil, header: DemoOutputs.header(month: month, resources: resources))
        let inputs = try await BulletinComposer.inputs(store: store, through: through, baseYear: baseYear, asOf: asOf)
        return try DemoOutputs.bulletin(
            month: month, baseYear: baseYear, book: inputs.book, history: inputs.history, resources: resources)
    }

    static func lines(_ files: [DemoOutputs.File], _ name: String) throws -> [String] {
        let file = try #require(files.first { $0.name == name }, "\(name) not written")
        return String(decoding: file.data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func october2025ChartsSayWhatEachValueIs() async throws {
        let files = try await Self.bulletin("2025-10", baseYear: nil)
        let combo = try Self.lines(files, "bulletin-2025-10/charts/combo-en.csv")
        #expect(combo.first == "series,x,value,unit,status,determined")
        for line in Self.comboLines { #expect(combo.contains(line), "\(line)") }
        let composition = try Self.lines(files, "bulletin-2025-10/charts/composition-en.csv")
        #expect(composition == Self.composition2025)
        let svg = try Self.lines(files, "bulletin-2025-10/charts/composition-en.svg").joined(separator: "\n")
        #expect(svg.contains(">Knowledge-intensive share 41.4% in 2023</text>"))
        #expect(!svg.contains("fell to"))
        let lines = try Self.lines(files, "bulletin-2025-10/charts/lines-en.csv")
        for line in Self.linesLines { #expect(lines.contains(line), "\(line)") }
    }

    @Test func april2022CompositionComparesNoUnprintedShare() async throws {
        let files = try await Self.bulletin("2022-04", baseYear: nil)
        #expect(try Self.lines(files, "bulletin-2022-04/charts/composition-en.csv") == Self.composition2022)
        let svg = try Self.lines(files, "bulletin-2022-04/charts/composition-en.svg").joined(separator: "\n")
        #expect(svg.contains(">Composition of services trade</text>"))
        #expect(!svg.contains("lower in 2021"))
        let zh = try Self.lines(files, "bulletin-2022-04/charts/composition-zh.svg").joined(separator: "\n")
        #expect(!zh.contains("低于"))
    }

    /// Every value of every chart CSV of the April 2021 bulletin has a status, illustrative ones too.
    @Test func everyChartValueOfApril2021HasAStatus() async throws {
        let files = try await Self.bulletin("2021-04", baseYear: 2019)
        let csvs = files.filter { $0.name.hasSuffix(".csv") && $0.name.contains("/charts/") }
        #expect(csvs.count == 8)
        for file in csvs {
            let lines = try Self.lines(files, file.name)
            #expect(lines.first == "series,x,value,unit,status,determined", "\(file.name)")
            for line in lines.dropFirst() {
                let f = line.split(separator: ",", omittingEmptySubsequences: false)
                let (value, status, determined) = (f[f.count - 4], f[f.count - 2], f[f.count - 1])
                #expect(value.isEmpty == status.isEmpty && value.isEmpty == determined.isEmpty, "\(file.name): \(line)")
                #expect(["", "yes", "no"].contains(determined), "\(file.name): \(line)")
            }
        }
    }

    /// January–October 2025's combo, each period with its year: levels and rates as published ("+14%" as
    /// 14, "8.0%" as 8.0); January–September 2024's growth rests on bases implied by published rates and
    /// its inputs leave the first decimal open (14.48 … 14.58): "implied", not determined.
    static let comboLines = [
        "\"Value (CNY 100 million, left)\",2024-01/2024-02,,CNY 100 million,,",
        "\"Value (CNY 100 million, left)\",2024-01/2024-09,55181.4,CNY 100 million,published,yes",
        "\"Value (CNY 100 million, left)\",2025-01/2025-10,65800,CNY 100 million,published,yes",
        "\"YoY growth (%, right)\",2024-01/2024-06,14,%,published,yes",
        "\"YoY growth (%, right)\",2024-01/2024-09,14.5,%,implied,no",
        "\"YoY growth (%, right)\",2025-01/2025-09,,%,,",
        "\"YoY growth (%, right)\",2025-01/2025-06,8.0,%,published,yes",
        "\"YoY growth (%, right)\",2025-01/2025-10,7.5,%,published,yes",
    ]
    /// Shares at the 0.1 they are printed with (41.4, not 41.3565), computed from levels whose rounding
    /// allows one figure at 0.1; knowledge-intensive 2021 and 2022 and every "other" are not stated.
    static let composition2025 = [
        "series,x,value,unit,status,determined",
        "Knowledge-intensive,2021,,%,,", "Knowledge-intensive,2022,,%,,",
        "Knowledge-intensive,2023,41.4,%,computed,yes",
        "Travel,2021,14.9,%,computed,yes", "Travel,2022,14.3,%,computed,yes", "Travel,2023,22.6,%,computed,yes",
        "Other,2021,,%,,", "Other,2022,,%,,", "Other,2023,,%,,",
    ]
    /// Levels as the bulletin states them: 2022's balance 23581.5 − 25604 (±0.55) is −2020 and known at
    /// that step; 2025's 2.91 − 3.68 万亿元 is −8000.
    static let linesLines = [
        "Exports,2021,20000,CNY 100 million,published,yes", "Balance,2021,-2031.7,CNY 100 million,published,yes",
        "Balance,2022,-2020,CNY 100 million,computed,yes", "Balance,2024,,CNY 100 million,,",
        "Balance,2025,-8000,CNY 100 million,computed,yes",
    ]
    /// As of the April 2022 bulletin: MOFCOM's 44.5 for 2020 (published), travel's 14.9 for 2021
    /// computed; knowledge-intensive 2021 is not stated, so the title compares nothing with it.
    static let composition2022 = [
        "series,x,value,unit,status,determined", "Knowledge-intensive,2020,44.5,%,published,yes",
        "Knowledge-intensive,2021,,%,,", "Travel,2020,,%,,", "Travel,2021,14.9,%,computed,yes", "Other,2020,,%,,",
        "Other,2021,,%,,",
    ]
}
