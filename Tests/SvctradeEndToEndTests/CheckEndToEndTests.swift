import Foundation
import Testing
import TradeTestSupport

/// `svctrade check` run as a user would, on a small bulletin directory written to a temporary folder.
@Suite struct CheckEndToEndTests {
    let cli = CommandRunner()

    @Test func aCleanBulletinPassesWithExitZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bulletin = try BulletinFixture.write(into: folder.path)
        let r = try cli.run(["check", bulletin])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        // bulletin.md, two figures files and the two press files beside the directory.
        #expect(r.stdout == "no findings in 5 files\n")
    }

    @Test func aPlaceholderFailsWithExitOneAndNamesTheRule() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bulletin = try BulletinFixture.write(into: folder.path) { name, text in
            name.hasSuffix("bulletin.md") ? text.replacingOccurrences(of: "商务部服务贸易司", with: "发布单位请在此填写") : text
        }
        let r = try cli.run(["check", bulletin], in: folder.path)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "bulletin-2025-10/bulletin.md:3: placeholder: placeholder text left in; fill it in before sending — \"请在此填写\""
        )
        #expect(lines.last == "1 finding in 5 files (placeholder 1): not ready to send")
    }

    @Test func aPressFileIsReadAgainstItsBulletinsFigures() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try BulletinFixture.write(into: folder.path) { name, text in
            name == "press-figures-2025-10-en.txt" ? BulletinFixture.computed("en") + "\n\n" + text : text
        }
        let r = try cli.run(["check", "press-figures-2025-10-en.txt"], in: folder.path)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("press-figures-2025-10-en.txt:1: unmarked-computed: "))
        #expect(r.stdout.contains("— \"11.7 percentage points above import growth\""))
    }

    @Test func aMissingPathIsAUsageError() throws {
        let r = try cli.run(["check", "/nonexistent/bulletin-2025-10"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no such file or directory"))
    }
}
