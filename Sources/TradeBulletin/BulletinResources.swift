import Foundation
import TradeCore
import TradeReport

/// What a bulletin reads besides the figures: the press sentence templates, the release settings
/// (`release.toml`) and the pilot programme's best practices.
///
/// Loaded once by the caller (the CLI for one command, `svctrade serve` when it starts) and passed
/// to ``BulletinComposer``, ``PressDocuments`` and the press site, which read no file and no
/// environment variable of their own:
///
/// ```swift
/// let practices = try PilotPracticesReader.read(path: "datasets/pilot-practices.csv")
/// let resources = try BulletinResources(templatesFolder: "templates", practices: practices)
/// let files = try BulletinComposer.compose(
///     book: book, through: month, languages: [.zh, .en], baseYear: nil, resources: resources)
/// ```
public struct BulletinResources: Sendable, Equatable {
    /// The press sentence templates by language; a language without one fails when its press text
    /// is asked for (``pressTemplate(_:)``), not before.
    public var pressTemplates: [Language: PressTemplate]
    /// The release settings: issuer, release dates, status (the defaults when `release.toml` is absent).
    public var release: ReleaseHeader
    /// The pilot programme's best practices (`datasets/pilot-practices.csv`); empty where no bulletin
    /// is composed.
    public var practices: [PilotPractice]
    /// Where the templates were looked for, named when one is missing.
    public var templatesFolder: String

    /// Resources given as values (tests, or a caller with its own files).
    public init(
        pressTemplates: [Language: PressTemplate], release: ReleaseHeader = ReleaseHeader(),
        practices: [PilotPractice] = [], templatesFolder: String = "templates"
    ) {
        self.pressTemplates = pressTemplates
        self.release = release
        self.practices = practices
        self.templatesFolder = templatesFolder
    }

    /// Reads `press-zh.txt`, `press-en.txt` and `release.toml` from `templatesFolder`; a missing
    /// press template is reported when its language is used, a missing `release.toml` means the
    /// defaults.
    ///
    /// - Throws: ``BulletinError`` when `release.toml` is present but not valid.
    public init(templatesFolder: String, practices: [PilotPractice] = []) throws(BulletinError) {
        var templates: [Language: PressTemplate] = [:]
        for language in Language.allCases {
            if let data = FileManager.default.contents(atPath: Self.path(templatesFolder, language)) {
                templates[language] = PressTemplate(
                    parsing: String(decoding: data, as: UTF8.self), joiner: language == .zh ? "" : " ")
            }
        }
        var release = ReleaseHeader()
        let releasePath = templatesFolder + "/release.toml"
        if let data = FileManager.default.contents(atPath: releasePath) {
            do {
                release = try ReleaseHeader(parsing: String(decoding: data, as: UTF8.self), file: releasePath)
            } catch {
                throw BulletinError("\(error)")
            }
        }
        self.init(pressTemplates: templates, release: release, practices: practices, templatesFolder: templatesFolder)
    }

    /// The press template of `language`.
    ///
    /// - Throws: ``BulletinError`` naming the file when the folder had none.
    public func pressTemplate(_ language: Language) throws(BulletinError) -> PressTemplate {
        guard let template = pressTemplates[language] else {
            throw BulletinError(
                "template \(Self.path(templatesFolder, language)) not found; run from the repository root, or give --templates DIR (or $SVCTRADE_TEMPLATES)"
            )
        }
        return template
    }

    private static func path(_ folder: String, _ language: Language) -> String {
        folder + "/press-\(language.rawValue).txt"
    }
}
