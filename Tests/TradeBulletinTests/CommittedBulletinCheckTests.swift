import Foundation
import Testing
import TradeBulletin
import TradeCore
import TradeReport
import TradeTestSupport

/// The release check on copies of the committed bulletins (notebooks-output/), each seeded with one
/// defect: the seeded copy has exactly one finding more than the unseeded copy, of the seeded rule.
/// The unseeded copies have no finding (`theCommittedBulletinsPass`).
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

    /// One seed per defect of the issue "every printed number right or absent", each into the committed
    /// bulletin it concerns.
    static let cases: [Case] = [
        // Placeholders: an unset issuer.
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "svctrade 示例公报（根据商务部公布数据整理，非官方发布）", with: "（发布单位请在此填写）",
                rule: .placeholder, excerpt: "请在此填写")),
        // A mirror cited as the source.
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "https://www.globaltimes.cn/page/202512/1349678.shtml",
                with: "https://jcipo.org/?p=13151", rule: .mirrorHost, excerpt: "https://jcipo.org/?p=13151")),
        // Vintages: no release date; a source published after it; the pilot section citing a later conference.
        Case(
            month: "2021-04",
            seed: Seed(
                file: "bulletin.md", replace: "**发布日期**：2021-06-03  \n", with: "", rule: .noReleaseDate,
                excerpt: "# 2021年1—4月我国服务贸易发展情况")),
        Case(
            month: "2021-04",
            seed: Seed(
                file: "bulletin.md", replace: "至2021年5月7日各期发布", with: "至2021年8月3日各期发布", rule: .newerInput,
                excerpt: "2021年8月3日")),
        Case(
            month: "2021-04",
            seed: Seed(
                file: "bulletin.md", replace: "据商务部2021年6月3日例行新闻发布会介绍", with: "据商务部2022年6月2日例行新闻发布会介绍",
                rule: .newerInput, excerpt: "2022年6月2日")),
        // Computed figures read out as published: the deficit of 2025-10 moved into the release block.
        Case(
            month: "2025-10",
            seed: Seed(
                file: "press-figures-2025-10-zh.txt", replace: "今年1—10月", with: "服务贸易逆差0.77万亿元。\n\n今年1—10月",
                rule: .unmarkedComputed, excerpt: "0.77万亿元")),
        // A reporter's conversion read out as published.
        Case(
            month: "2025-10",
            seed: Seed(
                file: "press-figures-2025-10-en.txt", replace: "From January to October",
                with: "In US dollar terms, services trade was USD 926 billion.\n\nFrom January to October",
                rule: .unmarkedComputed, excerpt: "USD 926 billion")),
        // A ranking over an incomplete set.
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "今年1—10月，我国服务进出口总额6.58万亿元",
                with: "电信、计算机和信息服务增长最快。今年1—10月，我国服务进出口总额6.58万亿元", rule: .unsupportedClaim,
                excerpt: "电信、计算机和信息服务增长最快。今年1—10月，我国服务进出口总额6.58万亿元，同比增长7.5%；其中出口2.91万亿元，增长14.3%，进口3.68万…")),
        // Tables: a derived month printed finer than its inputs, "*" without its legend.
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "| 2025年6月 | 6329* |", with: "| 2025年6月 | 6329.4* |", rule: .precision,
                excerpt: "6329.4*")),
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md",
                replace: "注：带 \\* 的数字由两期累计数相减推算，非公布数；“—”表示库中没有发布日期（含）以前注明日期的公布数（未注明日期的不用），或推算区间过宽，不是零。\n", with: "",
                rule: .legendMissing, excerpt: "6329*")),
        // A total below its part (a total summed from one of its parts), and a balance that is not X − M.
        Case(
            month: "2021-04",
            seed: Seed(
                file: "bulletin.md", replace: "| 其中：知识密集型服务 | 进出口 | 7325.3 |",
                with: "| 其中：知识密集型服务 | 进出口 | 17325.3 |", rule: .coherence, excerpt: "17325.3")),
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "| 服务贸易 | 差额 | -8000 |", with: "| 服务贸易 | 差额 | -7900 |",
                rule: .coherence, excerpt: "-7900")),
        // A draft sent as final.
        Case(
            month: "2025-10",
            seed: Seed(
                file: "bulletin.md", replace: "**统计期**：2025年1—10月", with: "**统计期**：2025年1—10月（草稿）",
                rule: .draft, excerpt: "**统计期**：2025年1—10月（草稿）")),
    ]

    @Test(arguments: cases)
    func aSeededDefectAddsExactlyItsFinding(_ c: Case) throws {
        let before = Self.counted(check.findings(in: try Self.documents(c.month, c.prepare)))
        let after = Self.counted(check.findings(in: try Self.documents(c.month, c.prepare + [c.seed])))
        var added: [String] = []
        for (key, count) in after where count > before[key, default: 0] {
            added += Array(repeating: key, count: count - before[key, default: 0])
        }
        let expected = [
            "\(c.seed.file.hasPrefix("press") ? "" : "bulletin-\(c.month)/")\(c.seed.file) \(c.seed.rule.rawValue) \(c.seed.excerpt)"
        ]
        #expect(added == expected)
    }

    @Test(
        arguments: ["2021-04", "2022-04", "2025-10"])
    func theCommittedBulletinsPass(_ month: String) throws {
        let findings = check.findings(in: try Self.documents(month, []))
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    /// The inputs of every number of a committed figures-*.json (sentences and the computed block).
    static func figureInputs(_ path: String) throws -> [PressInput] {
        let release = try JSONDecoder().decode(PressRelease.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        return (release.sentences + release.computed).flatMap { $0.numbers.flatMap(\.inputs) }
    }

    /// No committed figures-*.json cites a mirror: `sources` holds the page or, for a figure read at
    /// a mirror copy, the publisher's code; the copy is in `read_at`, and only mirrors are.
    @Test(arguments: ["2021-04", "2022-04", "2025-10"])
    func theCommittedFigureFilesNeverCiteAMirror(_ month: String) throws {
        let hosts = SourceHosts.standard
        for language in ["zh", "en"] {
            let path = Repository.root + "/notebooks-output/bulletin-\(month)/figures-\(language).json"
            let inputs = try Self.figureInputs(path)
            #expect(!inputs.isEmpty, "\(path)")
            for cited in inputs.flatMap(\.sources) {
                #expect(hosts.kind(ofAddress: cited) != .mirror, "\(path) cites \(cited)")
            }
            for copy in inputs.flatMap(\.readAt) {
                #expect(hosts.kind(ofAddress: copy) == .mirror, "\(path) read_at \(copy)")
            }
            // 2021-04 was read at a mirror copy of MOFCOM's release: cited as MOFCOM, the copy kept.
            if month == "2021-04" {
                #expect(Set(inputs.flatMap(\.sources)) == ["MOFCOM"], "\(path)")
                #expect(inputs.flatMap(\.readAt).contains { $0.contains("www.crapshirt.com") }, "\(path)")
            }
        }
    }

    /// The dates a line prints, as `YYYY-MM-DD` (a day) or `YYYY-MM` (a month), each with its text:
    /// `2021年6月30日`, `2021年6月`, `30 June 2021`, `June 30, 2021`, `June 2021`, `2021-06-30`. Read as
    /// a checker that reads every date would, with none of the release check's exemptions.
    static func printedDates(_ line: String) -> [(date: String, text: String)] {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let name = "(" + months.joined(separator: "|") + ")"
        // (pattern, index of the year, month and day groups; 0 for no day)
        let forms: [(String, Int, Int, Int)] = [
            (#"(\d{4})年(\d{1,2})月(\d{1,2})日"#, 1, 2, 3), (#"(\d{4})年(\d{1,2})月(?![\d日])"#, 1, 2, 0),
            (#"\b(\d{1,2}) "# + name + #" (\d{4})\b"#, 3, 2, 1), (name + #" (\d{1,2}), (\d{4})\b"#, 3, 1, 2),
            (name + #" (\d{4})\b"#, 2, 1, 0), (#"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"#, 1, 2, 3),
        ]
        let ns = line as NSString
        var out: [(date: String, text: String)] = []
        for (pattern, y, m, d) in forms {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            for match in regex.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                func group(_ i: Int) -> String { ns.substring(with: match.range(at: i)) }
                let month = months.firstIndex(of: group(m)).map { $0 + 1 } ?? Int(group(m)) ?? 0
                let ym = group(y) + "-" + (month < 10 ? "0\(month)" : "\(month)")
                let day = d == 0 ? nil : Int(group(d))
                let date = day.map { ym + ($0 < 10 ? "-0\($0)" : "-\($0)") } ?? ym
                out.append((date, ns.substring(with: match.range)))
            }
        }
        return out
    }

    /// No committed bulletin prints a date after its own release date (release.toml), anywhere, the
    /// header's next-release line included: the press office's checker reads every date, and the
    /// header names the next release by the period it covers. A month is later when the whole month is.
    @Test(arguments: [
        ("2021-04", "2021年1—5月数据", "January–May 2021 data"), ("2022-04", "2022年1—5月数据", "January–May 2022 data"),
        ("2025-10", "2025年1—11月数据（日期尚未公布）", "January–November 2025 data (date not announced)"),
    ])
    func noCommittedBulletinPrintsADateAfterItsRelease(_ month: String, _ zh: String, _ en: String) throws {
        // The reader finds what the old header printed, and the release date itself.
        #expect(Self.printedDates("**下次发布**：2021年6月30日").map(\.date) == ["2021-06-30"])
        #expect(Self.printedDates("**Next release**：30 June 2021").map(\.date) == ["2021-06-30", "2021-06"])
        #expect(
            Self.printedDates("July 7, 2022; 2021年8月, 2022-07-07").map(\.date) == [
                "2021-08", "2022-07-07", "2022-07-07",
            ])
        let toml = try String(contentsOfFile: Repository.root + "/templates/release.toml", encoding: .utf8)
        let release = try #require(try ReleaseHeader(parsing: toml).releaseDate(through: try Period(parsing: month)))
        for name in ["bulletin.md", "bulletin.html"] {
            let text = try String(
                contentsOfFile: Repository.root + "/notebooks-output/bulletin-\(month)/\(name)", encoding: .utf8)
            var seen = 0
            var later: [String] = []
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for (date, printed) in Self.printedDates(String(line)) {
                    seen += 1
                    if date.count == 10 ? date > release : date > release.prefix(7) {
                        later.append("\(name):\(n + 1): \(printed)")
                    }
                }
            }
            #expect(seen > 10, "\(name): \(seen) dates")
            #expect(text.contains(release), "\(name)")
            #expect(later.isEmpty, "after \(release): \(later.joined(separator: "; "))")
        }
        let markdown = try String(
            contentsOfFile: Repository.root + "/notebooks-output/bulletin-\(month)/bulletin.md", encoding: .utf8)
        #expect(markdown.contains("**下次发布**：\(zh)  \n") || markdown.contains("**下次发布**：\(zh)\n"))
        #expect(markdown.contains("**Next release**: \(en)  \n") || markdown.contains("**Next release**: \(en)\n"))
        // English header lines take ": ", Chinese ones "：".
        for label in ["Issued by", "Reference period", "Release date", "Status", "Next release"] {
            #expect(markdown.contains("**\(label)**: "), "\(label)")
            #expect(!markdown.contains("**\(label)**："), "\(label)")
        }
        for label in ["发布单位", "统计期", "发布日期", "数据状态", "下次发布"] {
            #expect(markdown.contains("**\(label)**："), "\(label)")
        }
    }
}
