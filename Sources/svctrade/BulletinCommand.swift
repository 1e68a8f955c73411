import ArgumentParser
import Foundation
import TradeBulletin
import TradeCharts
import TradeCore
import TradeIngest
import TradeReport
import TradeStore

enum BulletinLanguage: String, ExpressibleByArgument, CaseIterable {
    case zh, en, both

    var languages: [Language] { self == .both ? [.zh, .en] : [self == .zh ? .zh : .en] }
}

struct BulletinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract:
            "Write the monthly bulletin: bulletin.md and a self-contained bulletin.html with charts, tables and press prose.",
        discussion: """
            The bulletin holds the press sentences (templates/), a "main features" list, the bulletin table, the
            charts (inline SVG in the HTML, files under charts/ for the Markdown), the pilot programme section
            (datasets/pilot-practices.csv; regional figures from the illustrative panel when the store has it),
            every source address used, and notes. figures-LANG.json gives every number's provenance.

            Example: svctrade bulletin --through 2021-04 --lang both --vs-year 2019 --out notebooks-output/bulletin-2021-04
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Last month covered, YYYY-MM.", transform: Arguments.period)
    var through: Period

    @Option(help: "Language: zh, en or both.")
    var lang: BulletinLanguage = .both

    @Option(name: .customLong("vs-year"), help: "Compare with this year (e.g. 2019).")
    var vsYear: Int?

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Folder of the templates (default: $SVCTRADE_TEMPLATES, else ./templates).")
    var templates: String?

    @Option(help: "Folder with pilot-practices.csv.")
    var datasets: String = "datasets"

    @Option(
        name: .customLong("as-of"),
        help: """
            Only figures published by this date, YYYY-MM-DD, or latest for every figure stored (default: the \
            month's release_date in release.toml, else latest). Figures without a known publication date are left \
            out of a dated reading.
            """,
        transform: Arguments.vintage)
    var asOf: String?

    @Option(help: "The issuing office, English (overrides issuer in release.toml).")
    var issuer: String?

    @Option(name: .customLong("issuer-zh"), help: "The issuing office, Chinese (overrides issuer_zh in release.toml).")
    var issuerZh: String?

    @Flag(help: "Write a draft: allowed without an issuer; every page is marked DRAFT.")
    var draft = false

    func run() async throws {
        let database = try await store.reader()
        let month = through
        let resources = try ResourceFolders.load(templates: templates, datasets: datasets)
        let header = try resources.release.issued(
            through: month, issuer: issuer, issuerZh: issuerZh, draft: draft, languages: lang.languages)
        let (book, history) = try await BulletinComposer.inputs(
            store: database, through: month, baseYear: vsYear,
            asOf: BulletinComposer.vintage(through: month, given: asOf, header: header))
        let files = try BulletinComposer.composition(
            book: book, through: through, languages: lang.languages, baseYear: vsYear,
            resources: resources, history: history, header: header
        ).files
        try FileOutput.write(files, into: out)
        print("wrote \(files.map(\.name).joined(separator: ", ")) to \(out)/")
    }
}
