import Foundation
import TradeCore

/// The pre-publication check of a bulletin and its press files: what must not go out.
///
/// The check is pure: it takes the contents of the files a bulletin directory holds (`bulletin.md`,
/// `bulletin.html`, `figures-zh.json`, `figures-en.json`), the press files
/// (`press-figures-YYYY-MM-LANG.txt`) and table CSVs (`svctrade table --format csv`), and returns
/// every ``Finding``; reading the files is the caller's job (`svctrade check`).
///
/// ```swift
/// let check = ReleaseCheck()
/// let documents = [ReleaseCheck.Document(path: "bulletin-2025-10/bulletin.md", contents: markdown)]
/// for finding in check.findings(in: documents.compactMap { $0 }) { print(finding) }
/// // bulletin-2025-10/bulletin.md:3: placeholder: placeholder text left in — "发布单位请在此填写"
/// ```
///
/// The rules, each with a stable id (``Rule``): placeholder text, citations of mirror or unknown
/// hosts (the policy of ``SourceKind/isCitable``), a missing release date or inputs published after
/// it, computed figures outside the block headed as computed, derived cells printed finer than their
/// inputs support or without a legend for "*", incoherent table totals, and drafts.
public struct ReleaseCheck: Sendable {
    /// The classification of source hosts used for the `mirror-host` rule.
    public var hosts: SourceHosts

    /// Creates a check with a host classification (the shipped one by default).
    public init(hosts: SourceHosts = .standard) {
        self.hosts = hosts
    }

    /// Every finding in `documents`, in the order of the documents and then of their lines.
    ///
    /// - Parameters:
    ///   - documents: The files to check.
    ///   - context: Files read for reference only, never reported on: the bulletin's
    ///     `figures-LANG.json` and `bulletin.md` when a press file is checked on its own.
    /// - Returns: The findings; empty when the files may be sent.
    public func findings(in documents: [Document], context: [Document] = []) -> [Finding] {
        let reference = Reference(documents + context)
        var out: [Finding] = []
        for document in documents {
            var found: [Finding] = []
            switch document.kind {
            case .markdown:
                found += placeholders(document)
                found += citedHosts(document)
                found += markdownChecks(document, reference)
            case .html:
                found += placeholders(document)
                found += citedHosts(document)
                found += htmlChecks(document)
            case .figures:
                found += placeholders(document)
                found += newerInputs(document, reference)
            case .press:
                found += placeholders(document)
                found += citedHosts(document)
                found += unmarkedComputed(
                    document, lines: Array(document.lines.enumerated()), figures: reference.figures(document.language),
                    language: document.language)
                found += unsupportedClaims(
                    document, lines: Array(document.lines.enumerated()), figures: reference.figures(document.language))
            case .tableCSV:
                found += csvCoherence(document)
            }
            out += found.sorted { ($0.line ?? 0, $0.rule.rawValue) < ($1.line ?? 0, $1.rule.rawValue) }
        }
        return out
    }
}

// MARK: - Findings

extension ReleaseCheck {
    /// The stable id of a rule, as printed and as tests assert.
    public enum Rule: String, Sendable, CaseIterable, Codable {
        /// Placeholder text left in ("请在此填写", "set the issuing office here", TODO, TBD, XXX, lorem).
        case placeholder
        /// A cited address whose host is a mirror or not classified (``SourceKind/isCitable``).
        case mirrorHost = "mirror-host"
        /// An input or a cited source published after the bulletin's release date.
        case newerInput = "newer-input"
        /// A bulletin (or one language of it) without a release-date line in its header.
        case noReleaseDate = "no-release-date"
        /// A number that is not published printed outside the block headed as computed.
        case unmarkedComputed = "unmarked-computed"
        /// A derived cell printed with more decimals than its inputs support.
        case precision
        /// "*" used in a table without a line explaining it.
        case legendMissing = "legend-missing"
        /// Table figures that do not add up within their rounding.
        case coherence
        /// A bulletin marked as a draft.
        case draft
        /// A ranking or superlative ("fastest", "最快") not backed by a check of the whole compared set.
        case unsupportedClaim = "unsupported-claim"
    }

    /// One thing that must be fixed before the files are sent.
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        /// The file, as the caller named it.
        public var file: String
        /// The 1-based line, when known.
        public var line: Int?
        /// The offending excerpt.
        public var text: String
        /// The rule broken.
        public var rule: Rule
        /// One line saying what is wrong.
        public var message: String

        /// Creates a finding.
        public init(file: String, line: Int?, text: String, rule: Rule, message: String) {
            self.file = file
            self.line = line
            self.text = text
            self.rule = rule
            self.message = message
        }

        /// `FILE:LINE: RULE: message — "excerpt"` (`FILE: RULE: …` without a line).
        public var description: String {
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place): \(rule.rawValue): \(message) — \"\(text)\""
        }
    }
}

// MARK: - Documents

extension ReleaseCheck {
    /// The contents of one file to check, with what kind of file it is.
    public struct Document: Sendable {
        /// What a file is, which decides the rules applied to it.
        public enum Kind: String, Sendable, CaseIterable {
            /// `bulletin.md`: both languages, separated by a `---` line.
            case markdown
            /// `bulletin.html`.
            case html
            /// `figures-LANG.json`: the numbers of every sentence, with status and inputs.
            case figures
            /// `press-figures-YYYY-MM-LANG.txt` (or `.md`): what the press office reads out.
            case press
            /// A table CSV written by `svctrade table --format csv`.
            case tableCSV = "table-csv"
        }

        /// The file's path as it should be printed.
        public var path: String
        /// The kind of file.
        public var kind: Kind
        /// The language of a figures or press file (from its name), `nil` for bilingual files.
        public var language: Language?
        /// The file's text.
        public var contents: String

        /// Creates a document of a given kind.
        public init(path: String, kind: Kind, language: Language? = nil, contents: String) {
            self.path = path
            self.kind = kind
            self.language = language
            self.contents = contents
        }

        /// Creates a document classified by its file name; `nil` for a file the check does not read
        /// (an xlsx, a PDF, a chart).
        public init?(path: String, contents: String) {
            guard let (kind, language) = Self.classify(path) else { return nil }
            self.init(path: path, kind: kind, language: language, contents: contents)
        }

        /// The kind and language of a file from its name: `press-figures-*.txt|md`, `figures-*.json`,
        /// `*.md`, `*.html`, `*.csv`; `nil` for anything else.
        public static func classify(_ path: String) -> (Kind, Language?)? {
            let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            let language: Language? =
                stem.hasSuffix("-zh") ? .zh : stem.hasSuffix("-en") ? .en : nil
            if name.hasPrefix("press-figures"), name.hasSuffix(".txt") || name.hasSuffix(".md") {
                return (.press, language)
            }
            if name.hasPrefix("figures-"), name.hasSuffix(".json") { return (.figures, language) }
            if name.hasSuffix(".md") { return (.markdown, nil) }
            if name.hasSuffix(".html") || name.hasSuffix(".htm") { return (.html, nil) }
            if name.hasSuffix(".csv") { return (.tableCSV, nil) }
            return nil
        }

        /// The lines, without their line ends.
        var lines: [String] {
            contents.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
            }
        }
    }
}

// MARK: - What the files say about each other

extension ReleaseCheck {
    /// The figures JSON of each language and the release dates of the bulletin, read once.
    struct Reference {
        var figuresByLanguage: [Language: FiguresFile] = [:]
        var releaseDates: [ReleaseDate] = []

        init(_ documents: [Document]) {
            for document in documents {
                switch document.kind {
                case .figures:
                    if let file = try? JSONDecoder().decode(FiguresFile.self, from: Data(document.contents.utf8)) {
                        let language = document.language ?? file.language.flatMap(Language.init(rawValue:)) ?? .zh
                        figuresByLanguage[language] = file
                    }
                case .markdown:
                    for section in MarkdownSection.split(document.lines) {
                        if let date = section.releaseDate {
                            releaseDates.append(
                                ReleaseDate(
                                    date: date.date, language: section.language, file: document.path,
                                    line: date.line))
                        }
                    }
                default:
                    break
                }
            }
        }

        /// The figures of a language; with none given, every language's figures together.
        func figures(_ language: Language?) -> [FiguresFile] {
            if let language { return figuresByLanguage[language].map { [$0] } ?? [] }
            return Language.allCases.compactMap { figuresByLanguage[$0] }
        }

        /// The release date that applies to a language: that language's, else the earliest given.
        func releaseDate(_ language: Language?) -> ReleaseDate? {
            if let language, let own = releaseDates.first(where: { $0.language == language }) { return own }
            return releaseDates.min { $0.date < $1.date }
        }
    }

    /// A release date read from a bulletin header.
    struct ReleaseDate {
        var date: String
        var language: Language
        var file: String
        var line: Int
    }

    /// The parts of `figures-LANG.json` the check reads; every field optional so that a newer or older
    /// file still decodes.
    struct FiguresFile: Decodable {
        var language: String?
        /// Every sentence: the release block (`sentences`) and the computed block (`computed`).
        var sentences: [Sentence]

        enum CodingKeys: String, CodingKey {
            case language, sentences, computed
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            language = try? c.decodeIfPresent(String.self, forKey: .language)
            sentences =
                ((try? c.decodeIfPresent([Sentence].self, forKey: .sentences)) ?? [])
                + ((try? c.decodeIfPresent([Sentence].self, forKey: .computed)) ?? [])
        }

        struct Sentence: Decodable {
            var id: String?
            var text: String?
            var computedBlock: Bool?
            var numbers: [Number]

            enum CodingKeys: String, CodingKey {
                case id, text, numbers
                case computedBlock = "computed_block"
            }

            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                id = try? c.decodeIfPresent(String.self, forKey: .id)
                text = try? c.decodeIfPresent(String.self, forKey: .text)
                computedBlock = try? c.decodeIfPresent(Bool.self, forKey: .computedBlock)
                numbers = (try? c.decodeIfPresent([Number].self, forKey: .numbers)) ?? []
            }
        }

        struct Number: Decodable {
            var key: String?
            var status: String?
            /// Whether the release itself prints it (a published figure or an identity it prints).
            var inRelease: Bool?
            var text: String?
            var inputs: [Input]

            enum CodingKeys: String, CodingKey {
                case key, status, text, inputs
                case inRelease = "in_release"
            }

            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                key = try? c.decodeIfPresent(String.self, forKey: .key)
                status = try? c.decodeIfPresent(String.self, forKey: .status)
                inRelease = try? c.decodeIfPresent(Bool.self, forKey: .inRelease)
                text = try? c.decodeIfPresent(String.self, forKey: .text)
                inputs = (try? c.decodeIfPresent([Input].self, forKey: .inputs)) ?? []
            }
        }

        struct Input: Decodable {
            var period: String?
            var series: String?
            var status: String?
            var value: String?

            enum CodingKeys: String, CodingKey { case period, series, status, value }

            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                period = try? c.decodeIfPresent(String.self, forKey: .period)
                series = try? c.decodeIfPresent(String.self, forKey: .series)
                status = try? c.decodeIfPresent(String.self, forKey: .status)
                value =
                    (try? c.decodeIfPresent(String.self, forKey: .value))
                    ?? (try? c.decodeIfPresent(Double.self, forKey: .value)).flatMap { $0.map { "\($0)" } }
            }
        }

    }
}
