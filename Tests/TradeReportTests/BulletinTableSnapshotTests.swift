import Foundation
import SnapshotTesting
import Testing
import TradeCore
import TradeIngest
import TradeReport
import TradeStore
import TradeTestSupport
import TradeXLSX

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

    /// A share says what it is: travel's 15.9% of January–April 2021 is computed from the levels
    /// (2481.9 / 15644.5 = 15.86…), the knowledge-intensive 46.8% is the release's.
    @Test func sharesSayWhetherTheyArePublishedOrComputed() throws {
        let rows = try Self.rows(through: "2021-04", baseYear: nil).filter {
            $0.span.kind != .month && $0.key.flow == .total && $0.key.region == "CN"
        }
        let table = BulletinTableBuilder().table(
            rows,
            columns: [
                "sector", "share_pct", "share_status", "share_change_pp", "share_change_status", "contribution_pp",
                "contribution_status",
            ])
        let cells = table.rows
        // The change compares with 2020's share, whose levels are implied by the published rates; the
        // release printed the knowledge-intensive change (4.7) but no contribution.
        #expect(cells.contains(["SD", "15.9", "computed", "-12.1", "implied", "-11.53", "implied"]), "\(cells)")
        #expect(cells.contains(["KIS", "46.8", "published", "4.7", "published", "6.27", "implied"]), "\(cells)")
        #expect(cells.contains(["S", "", "", "", "", "", ""]), "\(cells)")
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
        #expect(JSONRenderer.render(table) == JSONRenderer.render(table))
        let md = MarkdownRenderer.render(table)
        #expect(md.split(separator: "\n").count == rows.count + 2)
        let html = HTMLRenderer.render(table)
        #expect(html.components(separatedBy: "<tr>").count - 1 == rows.count + 1)
    }

    /// Every registered format renders the same table twice to the same bytes, readers' formats
    /// with the headers of their language and programs' formats with the documented names.
    @Test(arguments: TableFormat.allCases)
    func everyFormatRendersTheTableItsWay(format: TableFormat) throws {
        let table = BulletinTableBuilder().table(try Self.rows(through: "2021-04", baseYear: 2019))
        let context = TableContext(language: .zh, title: "服务贸易", footnotes: ["注"])
        let bytes = try format.render(table, context: context)
        #expect(try format.render(table, context: context) == bytes)
        #expect(TableFormat(rawValue: format.rawValue) == format)
        #expect(!format.renderer.mediaType.isEmpty && !format.renderer.fileExtension.contains("."))
        if format.renderer.isBinary {
            #expect(String(data: bytes, encoding: .utf8) == nil, "\(format) is binary")
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let shown = format.renderer.columns ?? BulletinTableBuilder.columns
        #expect(text.contains(format.renderer.isForReaders ? "同比（%）" : "yoy_pct"), "\(format)")
        #expect(text.contains("yoy_source") == (shown.contains("yoy_source") && !format.renderer.isForReaders))
    }

    @Test func theFormatsAreListedOnceInTheirOrder() {
        #expect(TableFormat.names.hasPrefix("text, csv, md, html, json, xlsx"))
        #expect(Set(TableFormat.allCases).count == TableFormat.allCases.count)
        #expect(TableFormat(rawValue: "no-such-format") == nil)
    }

    @Test func theWorkbookFormatWritesTheTableAsASheet() throws {
        let table = BulletinTableBuilder().table(try Self.rows(through: "2021-04", baseYear: 2019))
        let bytes = try TableFormat.xlsx.render(table, context: TableContext(language: .en, title: "t"))
        #expect(bytes == (try XLSXWorkbook.data([XLSXWorkbook.Sheet(name: "svctrade table", table: table)])))
        #expect(XLSXWorkbook.marker == PressFigures.derivedMarker)
    }
}
