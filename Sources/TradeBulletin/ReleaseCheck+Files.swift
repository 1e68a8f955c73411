import Foundation
import TradeCore
import TradeReport

extension ReleaseCheck.Rule {
    /// What the rule finds, one line (help texts).
    public var summary: String {
        switch self {
        case .placeholder: "请在此填写, \"set the issuing office here\", TODO, TBD, XXX"
        case .mirrorHost: "a cited address on a mirror or unclassified host"
        case .newerInput: "an input or a source dated after the release date"
        case .noReleaseDate: "no **发布日期** / **Release date** line in a header"
        case .unmarkedComputed:
            "a figure not published, stated before the heading 根据公布数据计算（非发布数） / Computed from published figures, not in the release"
        case .precision: "a derived month (*) printed finer than its inputs"
        case .legendMissing: "\"*\" in a table, no line explaining it"
        case .coherence: "totals, balances or months that do not add up within their rounding"
        case .draft: "DRAFT or 草稿 in a bulletin's header"
        case .unsupportedClaim:
            "\"fastest\", \"最快\", \"largest\", \"first since\" … in prose, unless the figures file holds the claim (written only over all twelve categories)"
        }
    }

    /// Every rule with its summary, ids aligned, summaries wrapped to fit 80 columns (help texts).
    public static var summaries: String {
        let width = allCases.map(\.rawValue.count).max() ?? 0
        let indent = String(repeating: " ", count: width + 4)
        return allCases.map { rule in
            var lines = [""]
            for word in rule.summary.split(separator: " ") {
                let line = lines[lines.count - 1]
                if !line.isEmpty && DisplayWidth.of(line + " " + word) > 80 - indent.count {
                    lines.append(String(word))
                } else {
                    lines[lines.count - 1] = line.isEmpty ? String(word) : line + " " + word
                }
            }
            let id = "  " + rule.rawValue + String(repeating: " ", count: width + 2 - rule.rawValue.count)
            return id + lines.joined(separator: "\n" + indent)
        }.joined(separator: "\n")
    }
}

extension ReleaseCheck {
    /// What `svctrade check` found in its paths: the findings, how many files were read, and the
    /// lines it prints.
    public struct Report: Sendable {
        /// Every finding, in the order of the paths and files.
        public var findings: [Finding]
        /// How many distinct files were checked.
        public var fileCount: Int

        /// One line per finding (control characters escaped), then the summary line.
        public var lines: [String] {
            findings.map { ControlCharacters.escaped($0.description) } + [summary]
        }

        /// "no findings in 4 files", or the count by rule and "not ready to send".
        public var summary: String {
            let files = "\(fileCount) file\(fileCount == 1 ? "" : "s")"
            if findings.isEmpty { return "no findings in \(files)" }
            var counts: [Rule: Int] = [:]
            for finding in findings { counts[finding.rule, default: 0] += 1 }
            let byRule = Rule.allCases.compactMap { rule in counts[rule].map { "\(rule.rawValue) \($0)" } }
            return
                "\(findings.count) finding\(findings.count == 1 ? "" : "s") in \(files) (\(byRule.joined(separator: ", "))): not ready to send"
        }
    }

    /// A path the check cannot read (missing, unreadable, or holding nothing the check reads).
    public struct UnreadablePath: Error, Sendable, CustomStringConvertible {
        /// What is wrong, naming the path.
        public var description: String
    }

    /// Checks every path (a bulletin directory, a press file, a bulletin file or a table CSV), each
    /// file once; a path that cannot be read is the failure.
    public func check(paths: [String]) -> Result<Report, UnreadablePath> {
        var findings: [Finding] = []
        var checked: Set<String> = []
        for path in paths {
            let group: (documents: [Document], context: [Document])
            do {
                group = try Self.group(for: path)
            } catch {
                return .failure(error)
            }
            let documents = group.documents.filter { checked.insert(Self.standardized($0.path)).inserted }
            findings += self.findings(in: documents, context: group.context)
        }
        return .success(Report(findings: findings, fileCount: checked.count))
    }

    /// The files to check for one path, and the files read for reference only.
    static func group(for path: String) throws(UnreadablePath) -> (documents: [Document], context: [Document]) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UnreadablePath(description: "\(path): no such file or directory")
        }
        let url = URL(fileURLWithPath: path)
        if isDirectory.boolValue {
            let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted()
            var documents: [Document] = []
            for name in names {
                if let d = try document(url.appendingPathComponent(name).path) { documents.append(d) }
            }
            // The press files of bulletin-YYYY-MM sit beside it: press-figures-YYYY-MM-LANG.txt.
            let name = url.standardizedFileURL.lastPathComponent
            if name.hasPrefix("bulletin-") {
                let month = name.dropFirst("bulletin-".count)
                let parent = url.standardizedFileURL.deletingLastPathComponent()
                let siblings = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
                for sibling in siblings where sibling.hasPrefix("press-figures-\(month)-") {
                    let file = (path.hasSuffix("/") ? path : path + "/") + "../" + sibling
                    if let press = try document(file), press.kind == .press { documents.append(press) }
                }
            }
            guard !documents.isEmpty else {
                throw UnreadablePath(
                    description: "\(path): no bulletin files (bulletin.md, bulletin.html, figures-*.json, *.csv)")
            }
            return (documents, [])
        }
        guard let document = try document(path) else {
            throw UnreadablePath(
                description: "\(path): not a file the check reads (.md, .html, .txt press file, figures-*.json, .csv)")
        }
        // A press file or a lone bulletin file is read against its bulletin's figures and header.
        var context: [Document] = []
        let folder = url.deletingLastPathComponent()
        var folders = [folder.path]
        if document.kind == .press {
            let parts = url.lastPathComponent.dropFirst("press-figures-".count).split(separator: "-")
            if parts.count >= 3 { folders = [folder.appendingPathComponent("bulletin-\(parts[0])-\(parts[1])").path] }
        }
        for candidate in folders {
            for name in ["bulletin.md", "figures-zh.json", "figures-en.json"] {
                let file = candidate + "/" + name
                guard standardized(file) != standardized(path), fm.fileExists(atPath: file),
                    let extra = try Self.document(file)
                else { continue }
                context.append(extra)
            }
        }
        return ([document], context)
    }

    /// A file read and classified, named relative to the current folder; `nil` for a file the
    /// check does not read.
    static func document(_ file: String) throws(UnreadablePath) -> Document? {
        guard Document.classify(file) != nil else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw UnreadablePath(description: "\(file): cannot be read")
        }
        let shown = URL(fileURLWithPath: file).standardizedFileURL.path
        let relative = FileManager.default.currentDirectoryPath + "/"
        let name = shown.hasPrefix(relative) ? String(shown.dropFirst(relative.count)) : shown
        return Document(path: name, contents: String(decoding: data, as: UTF8.self))
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
