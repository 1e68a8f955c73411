import ArgumentParser
import Foundation
import TradeBulletin
import TradeCore
import TradeReport
import TradeStore

extension TradeCore.Language: ExpressibleByArgument {}

enum PressFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct FiguresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Quote-ready press sentences for a period, in Chinese or English, every number traceable.",
        discussion: """
            The sentences come from editable templates (templates/press-zh.txt, templates/press-en.txt;
            syntax in those files and the command reference). Only published and computed figures are stated; a derived
            figure (a month from two year-to-date releases) only with --allow-derived, and then marked; implied
            and illustrative figures never. A rate that its inputs' rounding leaves wider than ±0.15 points is
            not stated unless published. A sentence degrades to the parts it can support; what was left out
            goes to standard error (--explain: every withheld number and why), never into the press text.
            --format json gives, for every number of every sentence, the printed text, status, value, unit,
            rounding, formula, inputs and sources, and the sentences and numbers left out.

            Example: svctrade figures --through 2021-04 --vs-year 2019 --lang en
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "Last month covered, YYYY-MM.", transform: Arguments.period)
    var through: Period

    @Option(help: "Language: zh or en.")
    var lang: PressFigures.Language = .zh

    @Option(name: .customLong("vs-year"), help: "Also compare with this year (e.g. 2019: growth and two-year average).")
    var vsYear: Int?

    @Option(help: "Output: text or json.")
    var format: PressFormat = .text

    @Option(help: "Folder of the templates (default: $SVCTRADE_TEMPLATES, else ./templates).")
    var templates: String?

    @Option(
        name: .customLong("as-of"),
        help: """
            Only figures published by this date, YYYY-MM-DD, or latest for every figure stored (default: the \
            month's release_date in release.toml, else latest). Figures without a known publication date are left \
            out of a dated reading.
            """,
        transform: Arguments.vintage)
    var asOf: String?

    @Flag(
        name: .customLong("allow-derived"),
        help: "Also state derived figures (months from two year-to-date releases), marked with *.")
    var allowDerived = false

    @Flag(help: "Say on standard error why each known number was not stated.")
    var explain = false

    func run() async throws {
        let database = try await store.reader()
        let resources = try ResourceFolders.load(templates: templates, datasets: nil)
        let vintage = BulletinComposer.vintage(through: through, given: asOf, header: resources.release)
        let book = try await database.figureBook(
            PressDocuments.selection(through: through, baseYear: vsYear, asOf: vintage))
        let release = try PressDocuments.release(
            book: book, through: through, baseYear: vsYear, language: lang, resources: resources,
            allowDerived: allowDerived)
        print(format == .json ? try PressDocuments.json(release) : release.plainText, terminator: "")
        let report = release.report(explain: explain)
        if !report.isEmpty { FileHandle.standardError.write(Data(report.utf8)) }
    }
}
