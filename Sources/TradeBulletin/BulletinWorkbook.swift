import Foundation
import TradeCore
import TradeReport
import TradeXLSX

/// The Excel workbook of a bulletin, for the press office: the bulletin table, the status of its
/// figures, and the bulletin's other tables, one sheet each, with the notes a reader needs.
enum BulletinWorkbook {
    /// The workbook's bytes for one language of the bulletin; `status` is its
    /// ``BulletinComposer/statusTable(book:through:baseYear:language:)``.
    static func data(_ document: BulletinDocument, status: Table, citations: BulletinCitations) throws -> Data {
        let zh = document.language == .zh
        let notes = [
            zh
                ? "\(PressFigures.derivedMarker) 由累计数推算，非公布数。"
                : "\(PressFigures.derivedMarker) Derived from cumulative releases; not published as such.",
            citations.line(zh: zh),
        ]
        var sheets = [XLSXWorkbook.Sheet(name: zh ? "数据表" : "Bulletin table", table: document.table, notes: notes)]
        let statusNotes = [
            zh
                ? "数字性质：published 公布数；computed 由公布数精确计算；derived 由不同期累计数推算；implied 由公布增速反推的基数。"
                : "Status: published as printed; computed exactly from published figures; derived from cumulative releases of different dates; implied by a published rate.",
            citations.line(zh: zh),
        ]
        sheets.append(
            XLSXWorkbook.Sheet(
                name: zh ? "数字性质" : "Status of figures",
                table: status,
                notes: statusNotes))
        for (name, table) in [
            (zh ? "分领域" : "By category", document.categoryTable),
            (zh ? "人民币与美元" : "CNY and USD", document.currencyTable), (zh ? "月度" : "Monthly", document.monthlyTable),
            (zh ? "修订" : "Revisions", document.revisionsTable),
            (zh ? "修订（各次公布）" : "Revised prints", document.revisedTable),
        ] {
            if let table { sheets.append(XLSXWorkbook.Sheet(name: name, table: table, notes: notes)) }
        }
        return try XLSXWorkbook.data(sheets)
    }
}
