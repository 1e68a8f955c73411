import Foundation
import TradeBulletin
import TradeCore
import TradeReport

/// What the press page offers for one month (and comparison year): the bulletin composed in
/// Chinese and English exactly as `svctrade bulletin --lang both` composes it, and the files to
/// download, each the same bytes as the command that writes it.
struct PressEdition: Sendable {
    /// A file offered for download.
    struct Download: Sendable {
        /// Name in the download address (`charts/combo-zh.svg`).
        var name: String
        /// Contents.
        var data: Data
    }

    /// The bulletin's month.
    var month: Period
    /// The comparison year (`--vs-year`), if any.
    var baseYear: Int?
    /// The bulletin documents: Chinese, then English.
    var documents: [BulletinDocument]
    /// The files, in the order the page lists them.
    var downloads: [Download]

    /// The document in `language`.
    func document(_ language: Language) -> BulletinDocument? {
        documents.first { $0.language == language }
    }

    /// The file called `name`, if offered.
    func download(_ name: String) -> Download? {
        downloads.first { $0.name == name }
    }

    /// Composes the edition from the store: the bulletin (`svctrade bulletin --through month --lang
    /// both [--vs-year baseYear]`) and the bulletin table in CSV (`svctrade table --through month
    /// --format csv [--lang zh]`).
    static func compose(
        store: any FigureReader, month: Period, baseYear: Int?, resources: BulletinResources
    ) async throws -> PressEdition {
        // As of the month's release date, as `svctrade bulletin` reads it.
        let asOf = BulletinComposer.vintage(through: month, given: nil, header: resources.release)
        let (book, history) = try await BulletinComposer.inputs(
            store: store, through: month, baseYear: baseYear, asOf: asOf)
        // Composing takes a core for about half a second: on a thread of its own, not the cooperative pool.
        let composition = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try BulletinComposer.composition(
                            book: book, through: month, languages: [.zh, .en], baseYear: baseYear,
                            resources: resources, history: history)
                    })
            }
        }
        var downloads = composition.files.map { Download(name: $0.name, data: $0.data) }
        let query = BulletinQuery(through: month)
        let tableBook = try await store.figureBook(query.selection(baseYear: baseYear, asOf: nil))
        for (name, language) in [("table-en.csv", Language.en), ("table-zh.csv", .zh)] {
            let table = BulletinTable(book: tableBook, query: query, baseYear: baseYear, lang: language)
            if table.rowCount > 0 { downloads.append(Download(name: name, data: try table.rendered(.csv))) }
        }
        return PressEdition(
            month: month, baseYear: baseYear, documents: composition.documents, downloads: downloads)
    }

    /// The months a store can give a press page for: every month that ends a January-to-month
    /// figure of the nation's total services trade in yuan (the headline sentence needs it), oldest
    /// first.
    static func months(store: any FigureReader) async throws -> [Period] {
        let book = try await store.figureBook(
            FigureSelection(regions: [Regions.nation.code], sectors: ["S"], currencies: [.cny]))
        var months = Set<Period>()
        for figure in book.figures
        where figure.key.flow == .total && figure.key.currency == .cny && figure.span.start.month == 1
            && figure.span.start.year == figure.span.end.year
        {
            months.insert(figure.span.end)
        }
        return months.sorted()
    }
}
