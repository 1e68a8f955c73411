import ArgumentParser
import Foundation
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
              placeholder        请在此填写, "set the issuing office here", TODO, TBD, XXX
              mirror-host        a cited address on a mirror or unclassified host
              no-release-date    no **发布日期** / **Release date** line in a header
              newer-input        an input or a source dated after the release date
              unmarked-computed  a figure not published, stated before the heading
                                 根据公布数据计算（非发布数） / Computed from
                                 published figures, not in the release
              precision          a derived month (*) printed finer than its inputs
              legend-missing     "*" in a table, no line explaining it
              coherence          totals, balances or months that do not add up
                                 within their rounding
              draft              DRAFT or 草稿 in a bulletin's header
              unsupported-claim  "fastest", "最快", "largest", "first since" … in
                                 prose, unless the figures file holds the claim
                                 (written only over all twelve categories)

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
        let check = ReleaseCheck()
        var findings: [ReleaseCheck.Finding] = []
        var checked: Set<String> = []
        for path in paths {
            let group = try Self.group(for: path)
            let documents = group.documents.filter { checked.insert(Self.standardized($0.path)).inserted }
            findings += check.findings(in: documents, context: group.context)
        }
        for finding in findings {
            print(ControlCharacters.escaped(finding.description))
        }
        if findings.isEmpty {
            print("no findings in \(checked.count) file\(checked.count == 1 ? "" : "s")")
            return
        }
        var counts: [String: Int] = [:]
        for finding in findings { counts[finding.rule.rawValue, default: 0] += 1 }
        let byRule = ReleaseCheck.Rule.allCases.compactMap { rule in
            counts[rule.rawValue].map { "\(rule.rawValue) \($0)" }
        }
        print(
            "\(findings.count) finding\(findings.count == 1 ? "" : "s") in \(checked.count) file\(checked.count == 1 ? "" : "s") (\(byRule.joined(separator: ", "))): not ready to send"
        )
        throw ExitCode(1)
    }

    /// The files to check for one argument, and the files read for reference only.
    static func group(for path: String) throws -> (
        documents: [ReleaseCheck.Document], context: [ReleaseCheck.Document]
    ) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("\(path): no such file or directory")
        }
        let url = URL(fileURLWithPath: path)
        if isDirectory.boolValue {
            let names = try fm.contentsOfDirectory(atPath: path).sorted()
            var documents = try names.compactMap { try document(url.appendingPathComponent($0).path, under: path) }
            // The press files of bulletin-YYYY-MM sit beside it: press-figures-YYYY-MM-LANG.txt.
            let name = url.standardizedFileURL.lastPathComponent
            if name.hasPrefix("bulletin-") {
                let month = name.dropFirst("bulletin-".count)
                let parent = url.standardizedFileURL.deletingLastPathComponent()
                let siblings = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
                for sibling in siblings where sibling.hasPrefix("press-figures-\(month)-") {
                    let file = (path.hasSuffix("/") ? path : path + "/") + "../" + sibling
                    if let press = try document(file, under: nil), press.kind == .press { documents.append(press) }
                }
            }
            guard !documents.isEmpty else {
                throw ValidationError("\(path): no bulletin files (bulletin.md, bulletin.html, figures-*.json, *.csv)")
            }
            return (documents, [])
        }
        guard let document = try document(path, under: nil) else {
            throw ValidationError(
                "\(path): not a file the check reads (.md, .html, .txt press file, figures-*.json, .csv)")
        }
        // A press file or a lone bulletin file is read against its bulletin's figures and header.
        var context: [ReleaseCheck.Document] = []
        let folder = url.deletingLastPathComponent()
        var folders = [folder.path]
        if document.kind == .press {
            let name = url.lastPathComponent
            let parts = name.dropFirst("press-figures-".count).split(separator: "-")
            if parts.count >= 3 { folders = [folder.appendingPathComponent("bulletin-\(parts[0])-\(parts[1])").path] }
        }
        for candidate in folders {
            for name in ["bulletin.md", "figures-zh.json", "figures-en.json"] {
                let file = candidate + "/" + name
                guard Self.standardized(file) != Self.standardized(path), fm.fileExists(atPath: file),
                    let extra = try Self.document(file, under: nil)
                else { continue }
                context.append(extra)
            }
        }
        return ([document], context)
    }

    /// A file read and classified; `nil` for a file the check does not read.
    static func document(_ file: String, under folder: String?) throws -> ReleaseCheck.Document? {
        guard ReleaseCheck.Document.classify(file) != nil else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("\(file): cannot be read")
        }
        let shown = URL(fileURLWithPath: file).standardizedFileURL.path
        let relative = FileManager.default.currentDirectoryPath + "/"
        let name = shown.hasPrefix(relative) ? String(shown.dropFirst(relative.count)) : shown
        return ReleaseCheck.Document(path: name, contents: String(decoding: data, as: UTF8.self))
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
