import Foundation
import Testing
import TradeBulletin
import TradeCore
import TradeReport
import TradeTestSupport

/// One defect seeded into a bulletin: which file, what to replace, and the finding it must give.
struct Seed: Sendable, CustomTestStringConvertible {
    var file: String
    var replace: String
    var with: String
    var rule: ReleaseCheck.Rule
    var excerpt: String

    var testDescription: String { "\(rule.rawValue) in \(file)" }

    func apply(_ name: String, _ text: String) -> String {
        guard name.hasSuffix(file), let range = text.range(of: replace) else { return text }
        return text.replacingCharacters(in: range, with: with)
    }
}

@Suite struct ReleaseCheckTests {
    let check = ReleaseCheck()

    /// The synthetic bulletin's files as documents, after an edit.
    func documents(_ edit: (String, String) -> String = { $1 }) -> [ReleaseCheck.Document] {
        let files: [(String, String)] = [
            ("bulletin-2025-10/bulletin.md", BulletinFixture.markdown),
            ("bulletin-2025-10/figures-zh.json", BulletinFixture.figures("zh")),
            ("bulletin-2025-10/figures-en.json", BulletinFixture.figures("en")),
            ("press-figures-2025-10-zh.txt", BulletinFixture.press("zh")),
            ("press-figures-2025-10-en.txt", BulletinFixture.press("en")),
        ]
        return files.compactMap { ReleaseCheck.Document(path: $0.0, contents: edit($0.0, $0.1)) }
    }

    @Test func theSyntheticBulletinIsClean() {
        let findings = check.findings(in: documents())
        #expect(findings.isEmpty, "\(findings.map(\.description))")
    }

    static let seeds: [Seed] = [
        Seed(
            file: "bulletin.md", replace: "商务部服务贸易司", with: "发布单位请在此填写", rule: .placeholder,
            excerpt: "请在此填写"),
        Seed(
            file: "press-figures-2025-10-en.txt", replace: "year on year.", with: "year on year (TBD).",
            rule: .placeholder, excerpt: "…ion, up by 7.5% year on year (TBD)."),
        Seed(
            file: "bulletin.md", replace: "https://www.globaltimes.cn/page/202512/1349678.shtml",
            with: "https://jcipo.org/?p=13151", rule: .mirrorHost, excerpt: "https://jcipo.org/?p=13151"),
        Seed(
            file: "bulletin.md", replace: "**发布日期**：2025-11-28\n", with: "", rule: .noReleaseDate,
            excerpt: "# 2025年1—10月我国服务贸易发展情况"),
        Seed(
            file: "figures-zh.json", replace: "\"published_on\" : \"2025-11-20\"",
            with: "\"published_on\" : \"2025-12-01\"", rule: .newerInput,
            excerpt: "\"published_on\" : \"2025-12-01\","),
        Seed(
            file: "bulletin.md", replace: "2025年11月20日发布", with: "2025年12月2日发布", rule: .newerInput,
            excerpt: "2025年12月2日"),
        Seed(
            file: "bulletin.md", replace: "released 20 November 2025", with: "released 2 December 2025",
            rule: .newerInput, excerpt: "2 December 2025"),
        Seed(
            file: "press-figures-2025-10-zh.txt", replace: "今年1—10月",
            with: "服务出口增幅大于进口11.7个百分点。今年1—10月", rule: .unmarkedComputed, excerpt: "大于进口11.7个百分点"),
        Seed(
            file: "bulletin.md", replace: "up by 7.5% year on year.",
            with: "up by 7.5% year on year. Export growth was 11.7 percentage points above import growth.",
            rule: .unmarkedComputed, excerpt: "11.7 percentage points above import growth"),
        Seed(
            file: "bulletin.md", replace: "| 2025年10月 | 6444* |", with: "| 2025年10月 | 6444.3* |", rule: .precision,
            excerpt: "6444.3*"),
        Seed(
            file: "bulletin.md", replace: "注：带*的月度数由相邻两期累计数相减推算。\n", with: "", rule: .legendMissing,
            excerpt: "6444*"),
        Seed(
            file: "bulletin.md", replace: "| 服务贸易 | 进出口 | 65844.3 |", with: "| 服务贸易 | 进出口 | 65944.3 |",
            rule: .coherence, excerpt: "65944.3"),
        Seed(
            file: "bulletin.md", replace: "| Services | balance | -7663.7 |", with: "| Services | balance | -7763.7 |",
            rule: .coherence, excerpt: "-7763.7"),
        Seed(
            file: "bulletin.md", replace: "| 其中：知识密集型服务 | 进出口 | 25121.5 |",
            with: "| 其中：知识密集型服务 | 进出口 | 75121.5 |", rule: .coherence, excerpt: "75121.5"),
        Seed(
            file: "bulletin.md", replace: "# 2025年1—10月我国服务贸易发展情况", with: "# 2025年1—10月我国服务贸易发展情况（草稿）",
            rule: .draft, excerpt: "# 2025年1—10月我国服务贸易发展情况（草稿）"),
        Seed(
            file: "bulletin.md", replace: "**Status**: Preliminary", with: "**Status**: DRAFT, preliminary",
            rule: .draft, excerpt: "**Status**: DRAFT, preliminary; may be revised"),
    ]

    @Test(arguments: seeds)
    func oneDefectGivesExactlyItsRule(_ seed: Seed) {
        let findings = check.findings(in: documents(seed.apply))
        #expect(findings.map(\.rule) == [seed.rule], "\(findings.map(\.description))")
        #expect(findings.first?.text == seed.excerpt)
        #expect(findings.first?.file.hasSuffix(seed.file) == true)
        #expect(findings.first?.line != nil)
    }

    @Test func aMirrorFindingNamesTheHostAndPrintsAsFileLineRule() throws {
        let seed = Self.seeds[2]
        let finding = try #require(check.findings(in: documents(seed.apply)).first)
        #expect(finding.description.hasPrefix("bulletin-2025-10/bulletin.md:\(finding.line ?? 0): mirror-host: "))
        #expect(finding.message.contains("jcipo.org"))
        #expect(finding.description.hasSuffix("— \"https://jcipo.org/?p=13151\""))
    }

    @Test func anUnknownHostIsNotCitableEither() {
        let seed = Seed(
            file: "bulletin.md", replace: "https://www.globaltimes.cn/page/202512/1349678.shtml",
            with: "https://example.invalid/release", rule: .mirrorHost, excerpt: "https://example.invalid/release")
        let findings = check.findings(in: documents(seed.apply))
        #expect(findings.map(\.rule) == [.mirrorHost])
        #expect(findings.first?.message.contains("not in the classification") == true)
    }

    @Test func monthsThatDoNotAddUpToTheYearToDateAreIncoherent() {
        // January and February present: 5001 + 5002 is 10003, 10008 is beyond the ±1.5 of three roundings.
        let table = """
            # 2025年1—2月我国服务贸易发展情况

            **发布日期**：2025-03-20

            | 月份 | 进出口（亿元） |
            |---|---:|
            | 2025年1月 | 5001 |
            | 2025年2月 | 5002 |
            | 2025年1—2月 | 10008 |

            """
        let findings = check.findings(
            in: [ReleaseCheck.Document(path: "m/bulletin.md", contents: table)].compactMap { $0 })
        #expect(findings.map(\.rule) == [.coherence])
        #expect(findings.first?.text == "10008")
        #expect(findings.first?.line == 9)
    }

    @Test func aTableCSVIsCheckedForTotalsBalancesAndParts() {
        let header = "region,sector,flow,currency,period_from,period_to,value,unit,status,name"
        let clean = """
            \(header)
            CN,S,total,CNY,2025-01,2025-10,65844.3,CNY 100m,published,Services
            CN,S,export,CNY,2025-01,2025-10,29090.3,CNY 100m,published,Services
            CN,S,import,CNY,2025-01,2025-10,36754,CNY 100m,published,Services
            CN,S,balance,CNY,2025-01,2025-10,-7663.7,CNY 100m,published,Services
            CN,SI,total,CNY,2025-01,2025-10,8836.9,CNY 100m,published,"Telecommunications, computer, and information services"

            """
        let ok = ReleaseCheck.Document(path: "t.csv", contents: clean).map { check.findings(in: [$0]) }
        #expect(ok?.isEmpty == true, "\(ok?.map(\.description) ?? [])")
        let bad = clean.replacingOccurrences(of: "8836.9", with: "68836.9")
            .replacingOccurrences(of: "-7663.7", with: "-7600")
        let findings = ReleaseCheck.Document(path: "t.csv", contents: bad).map { check.findings(in: [$0]) } ?? []
        #expect(findings.map(\.rule) == [.coherence, .coherence])
        #expect(findings.map(\.line) == [5, 6])
        #expect(findings.first?.message.contains("balance is -7600") == true)
    }

    @Test func theCommittedTablesCSVOfApril2021AddsUp() throws {
        let path = Repository.root + "/notebooks-output/tables/bulletin-2021-04.csv"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let findings = ReleaseCheck.Document(path: path, contents: text).map { check.findings(in: [$0]) }
        #expect(findings?.isEmpty == true, "\(findings?.map(\.description) ?? [])")
    }

    @Test func filesAreClassifiedByName() {
        #expect(ReleaseCheck.Document.classify("x/press-figures-2025-10-en.txt")?.0 == .press)
        #expect(ReleaseCheck.Document.classify("x/press-figures-2025-10-en.txt")?.1 == .en)
        #expect(ReleaseCheck.Document.classify("x/figures-zh.json")?.1 == .zh)
        #expect(ReleaseCheck.Document.classify("x/bulletin.md")?.0 == .markdown)
        #expect(ReleaseCheck.Document.classify("x/bulletin.html")?.0 == .html)
        #expect(ReleaseCheck.Document.classify("x/table.csv")?.0 == .tableCSV)
        #expect(ReleaseCheck.Document.classify("x/bulletin.pdf") == nil)
    }

    @Test func ruleIdsAreStable() {
        #expect(
            ReleaseCheck.Rule.allCases.map(\.rawValue) == [
                "placeholder", "mirror-host", "newer-input", "no-release-date", "unmarked-computed", "precision",
                "legend-missing", "coherence", "draft", "unsupported-claim",
            ])
    }

    /// The help lists every rule once, its summary wrapped under it within 80 columns.
    @Test func theHelpListsEveryRuleWithinEightyColumns() {
        let lines = ReleaseCheck.Rule.summaries.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.count == ReleaseCheck.Rule.allCases.count)
        for rule in ReleaseCheck.Rule.allCases {
            #expect(lines.contains { $0.hasPrefix("  \(rule.rawValue)  ") }, "\(rule)")
        }
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(lines.contains("                     all twelve categories)"))
    }
}
