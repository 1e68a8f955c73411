import ArgumentParser
import TradeBulletin
import TradeCore

/// `svctrade check`: the pre-publication check of a bulletin directory, a press file or a table CSV.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a bulletin before it is sent: placeholders, citations, dates, computed figures, tables.",
        discussion: """
            PATH is a bulletin directory (bulletin.md, bulletin.html, figures-LANG.json; the press files \
            press-figures-YYYY-MM-LANG.txt beside a bulletin-YYYY-MM directory are checked with it), a press \
            file (read against the figures JSON of the bulletin directory beside it), a bulletin Markdown or \
            HTML file, or a table CSV written by `svctrade table --format csv`.

            Rules (stable ids):
            \(ReleaseCheck.Rule.summaries)

            Each finding is printed as FILE:LINE: RULE: message — "excerpt", then a summary line. \
            Exit status: 0 nothing found, 1 findings, 2 a path that cannot be read.

            Example: svctrade check notebooks-output/bulletin-2025-10
            """)

    @Argument(help: "Bulletin directories, press files (press-figures-*.txt) or table CSVs.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give a bulletin directory, a press file or a table CSV") }
    }

    func run() throws {
        let report: ReleaseCheck.Report
        switch ReleaseCheck().check(paths: paths) {
        case .success(let checked): report = checked
        case .failure(let unreadable): throw ValidationError(unreadable.description)  // exit status 2
        }
        for line in report.lines { print(line) }
        if !report.findings.isEmpty { throw ExitCode(1) }
    }
}
