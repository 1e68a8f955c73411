import Foundation
import Testing
import TradeBulletin
import TradeCore
import TradeTestSupport

/// The release check on copies of the committed bulletins (notebooks-output/), each seeded with one
/// defect: the seeded copy has exactly one finding more than the unseeded copy, of the seeded rule.
/// The committed bulletins are not clean yet (placeholder issuer, no release date), so these tests
/// compare with the unseeded copy instead of expecting no findings.
@Suite struct CommittedBulletinCheckTests {
    let check = ReleaseCheck()

    /// A committed bulletin's files and its two press files, after edits (applied in order).
    static func documents(_ month: String, _ edits: [Seed]) throws -> [ReleaseCheck.Document] {
        let output = Repository.root + "/notebooks-output"
        let names = [
            "bulletin-\(month)/bulletin.md", "bulletin-\(month)/bulletin.html", "bulletin-\(month)/figures-zh.json",
            "bulletin-\(month)/figures-en.json", "press-figures-\(month)-zh.txt", "press-figures-\(month)-en.txt",
        ]
        return try names.compactMap { name in
            var text = try String(contentsOfFile: output + "/" + name, encoding: .utf8)
            for edit in edits { text = edit.apply(name, text) }
            return ReleaseCheck.Document(path: name, contents: text)
        }
    }

    /// Findings as a multiset of (file, rule, excerpt): line numbers move when a seed adds a line.
    static func counted(_ findings: [ReleaseCheck.Finding]) -> [String: Int] {
        var out: [String: Int] = [:]
        for f in findings { out["\(f.file) \(f.rule.rawValue) \(f.text)", default: 0] += 1 }
        return out
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var month: String
        /// Edits made to both copies first (a fix that lets the seed show).
        var prepare: [Seed] = []
        var seed: Seed
        var testDescription: String { "\(seed.rule.rawValue) in \(month)/\(seed.file)" }
    }

    static let cases: [Case] = [
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "以美元计，服务进出口总额9260亿美元。", with: "以美元计，服务进出口总额9260亿美元（TBD）。",
                rule: .placeholder, excerpt: "以美元计，服务进出口总额9260亿美元（TBD）。")),
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "https://news.livedoor.com/article/detail/30149792/",
                with: "https://jcipo.org/?p=13151", rule: .mirrorHost, excerpt: "https://jcipo.org/?p=13151")),
        Case(
            month: "2021-04",
            seed: Seed(
                file: "bulletin.md", replace: "**发布时间**：2021-06-03  \n", with: "", rule: .noReleaseDate,
                excerpt: "# 2021年1—4月我国服务贸易发展情况")),
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "**统计期**：2025年1—10月  \n",
                with: "**统计期**：2025年1—10月  \n**发布日期**：2025-09-30  \n", rule: .newerInput,
                excerpt: "2025年10月1日")),
        Case(
            month: "2025-10",
            seed: Seed(
                file: "press-figures-2025-10-zh.txt", replace: "以美元计", with: "服务贸易逆差同比下降26%。\n\n以美元计",
                rule: .unmarkedComputed, excerpt: "下降26%")),
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "| 2025年7月 | 6909.0* |  | 3100* |",
                with: "| 2025年7月 | 6909.0* |  | 3100.0* |", rule: .precision, excerpt: "3100.0*")),
        Case(
            month: "2025-10",
            prepare: [
                Seed(
                    file: "bulletin.md", replace: "## 图表", with: "注：带*的月度数由相邻两期累计数相减推算。\n\n## 图表",
                    rule: .legendMissing, excerpt: ""),
                Seed(
                    file: "bulletin.md", replace: "## Charts",
                    with: "Note: * marks a month derived from two year-to-date releases.\n\n## Charts",
                    rule: .legendMissing, excerpt: ""),
            ],
            seed: Seed(
                file: "bulletin.md", replace: "注：带*的月度数由相邻两期累计数相减推算。\n", with: "", rule: .legendMissing,
                excerpt: "6074.4*")),
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "| 服务贸易 | 差额 | -7663.7 |", with: "| 服务贸易 | 差额 | -7763.7 |",
                rule: .coherence, excerpt: "-7763.7")),
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "**统计期**：2025年1—10月", with: "**统计期**：2025年1—10月（草稿）",
                rule: .draft, excerpt: "**统计期**：2025年1—10月（草稿）")),
    ]

    @Test(
        .disabled(
            "the seeds replace text of the bulletins as committed before this round's regeneration; ReleaseCheckTests seeds every rule into a synthetic bulletin"
        ),
        arguments: cases)
    func aSeededDefectAddsExactlyItsFinding(_ c: Case) throws {
        let before = Self.counted(check.findings(in: try Self.documents(c.month, c.prepare)))
        let after = Self.counted(check.findings(in: try Self.documents(c.month, c.prepare + [c.seed])))
        var added: [String] = []
        for (key, count) in after where count > before[key, default: 0] {
            added += Array(repeating: key, count: count - before[key, default: 0])
        }
        let expected = [
            "\(c.month == "2025-10" && c.seed.file.hasPrefix("press") ? "" : "bulletin-\(c.month)/")\(c.seed.file) \(c.seed.rule.rawValue) \(c.seed.excerpt)"
        ]
        #expect(added == expected)
    }

    @Test(
        arguments: ["2021-04", "2022-04", "2025-10"])
    func theCommittedBulletinsPass(_ month: String) throws {
        let findings = check.findings(in: try Self.documents(month, []))
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }
}
