import Foundation
import SnapshotTesting
import Testing
import TradeCore
import TradeIngest
import TradeReport
import TradeStore
import TradeTestSupport

@Suite struct BulletinTableSnapshotTests {
    static func book() throws -> FigureBook {
        let db = try TradeDatabase.inMemory()
        _ = try db.importBatches([
            try ObservationReader().read(
                path: Repository.dataset("mofcom-published-2017-2022.csv"),
                displayName: "mofcom-published-2017-2022.csv")
        ])
        return try db.figureBook()
    }

    static func rows(through: String, baseYear: Int?) throws -> [BulletinRow] {
        let book = try book()
        let query = BulletinQuery(through: try Period(parsing: through))
        let calculator = BulletinCalculator(resolver: LevelResolver(book: book), baseYear: baseYear)
        return query.keys(in: book).flatMap { key in query.spans.map { calculator.row(key, $0) } }
            .filter { $0.value != nil || $0.yearOnYear.value != nil }
    }

    @Test func csvOfJanuaryToApril2021() throws {
        let csv = CSVRenderer.render(BulletinTableBuilder().table(try Self.rows(through: "2021-04", baseYear: 2019)))
        assertSnapshot(of: csv, as: .lines, named: "2021-04")
    }

    @Test func textTableAlignsChineseNamesByDisplayWidth() throws {
        var builder = BulletinTableBuilder()
        builder.language = .zh
        let rows = try Self.rows(through: "2021-04", baseYear: nil).filter {
            $0.span.kind != .month && $0.key.flow == .total
        }
        let text = TextTableRenderer.render(
            builder.table(rows, columns: ["name", "flow", "value", "yoy_pct", "share_pct"]))
        assertSnapshot(of: text, as: .lines, named: "2021-04-zh")
        let widths = Set(text.split(separator: "\n").map { DisplayWidth.of(String($0)) })
        #expect(widths.count == 1)  // every line has the same display width: columns line up
    }

    @Test func formatsAreDeterministicAndWellFormed() throws {
        let rows = try Self.rows(through: "2022-04", baseYear: nil)
        let table = BulletinTableBuilder().table(rows)
        #expect(
            JSONRenderer.render(table, isNumeric: BulletinTableBuilder.isNumeric)
                == JSONRenderer.render(table, isNumeric: BulletinTableBuilder.isNumeric))
        let md = MarkdownRenderer.render(table)
        #expect(md.split(separator: "\n").count == rows.count + 2)
        let html = HTMLRenderer.render(table)
        #expect(html.components(separatedBy: "<tr>").count - 1 == rows.count + 1)
    }
}
