import Foundation
import TradeCore
import TradeReport
import TradeXLSX

/// The Excel workbook of a bulletin, for the press office: the bulletin table, the status of its
/// figures, and the bulletin's other tables, one sheet each, every sheet titled with what its figures
/// are (period, unit, status), then a sheet of notes and sources. The data sheets hold their tables
/// and nothing else under the header, so that a reader (`pandas.read_excel(header=1)`) gets only the
/// rows of the table.
enum BulletinWorkbook {
    /// The workbook's bytes for one language of the bulletin; `status` is its
    /// ``BulletinComposer/statusTable(book:through:baseYear:language:)``.
    static func data(_ document: BulletinDocument, status: Table, citations: BulletinCitations) throws -> Data {
        let zh = document.language == .zh
        let through = document.through
        let header = document.header
        let period = ReleaseHeader.reference(through: through, zh: zh)
        let yuan = zh ? "单位：亿元，增速为%" : "CNY 100 million; rates in %"
        let months =
            zh
            ? "截至\(through.year)年\(through.month)月的十三个月"
            : "the thirteen months to \(PressFigures.monthNames[through.month - 1]) \(through.year)"
        let window = zh ? "\(months)及\(period)" : "\(months) and \(period)"
        let sheets: [(name: String, subject: String, unit: String, table: Table?)] = [
            (zh ? "数据表" : "Bulletin table", zh ? "\(period)服务贸易" : "Services trade, \(period)", yuan, document.table),
            (
                zh ? "数字性质" : "Status of figures", zh ? "\(period)数据表各数字的性质" : "Status of the figures, \(period)", yuan,
                status
            ),
            (
                zh ? "分领域" : "By category", zh ? "\(period)分领域服务进出口" : "Services trade by category, \(period)", yuan,
                document.categoryTable
            ),
            (
                zh ? "人民币与美元" : "CNY and USD",
                zh ? "\(period)以人民币和美元计的服务贸易" : "Services trade in CNY and USD, \(period)",
                zh ? "单位：亿元、亿美元，增速为%" : "CNY and USD 100 million; rates in %", document.currencyTable
            ),
            (
                zh ? "月度" : "Monthly", zh ? "\(window)服务贸易（逐月）" : "Services trade month by month, \(window)", yuan,
                document.monthlyTable
            ),
            (
                zh ? "修订" : "Revisions", zh ? "\(months)月度数的隐含修订" : "Implied revisions of monthly figures, \(months)",
                yuan,
                document.revisionsTable
            ),
            (
                zh ? "修订（各次公布）" : "Revised prints",
                zh
                    ? "再次公布时数值有变的数字（\(through.year - 1)年1月起）"
                    : "Figures printed again with other values, since January \(through.year - 1)",
                yuan, document.revisedTable
            ),
        ]
        let statusText = header.statusText(through: through, zh: zh)
        let notesName = zh ? "说明" : "Notes"
        var out: [XLSXWorkbook.Sheet] = []
        for sheet in sheets {
            guard let table = sheet.table else { continue }
            let derived = table.rows.contains { $0.contains { $0.hasSuffix(PressFigures.derivedMarker) } }
            let mark =
                derived
                ? (zh
                    ? " · \(PressFigures.derivedMarker) 为由累计数推算的数，见「\(notesName)」表"
                    : " · \(PressFigures.derivedMarker) derived, not published (see \(notesName))")
                : ""
            out.append(
                XLSXWorkbook.Sheet(
                    name: sheet.name, table: table, title: "\(sheet.subject) · \(sheet.unit) · \(statusText)\(mark)"))
        }
        let cells = out.flatMap(\.rows).flatMap { $0 }
        out.append(
            notes(
                document, citations: citations, name: notesName,
                marks: (
                    derived: cells.contains { $0.hasSuffix(PressFigures.derivedMarker) }, dash: cells.contains("—")
                )))
        return try XLSXWorkbook.data(out)
    }

    /// The sheet of notes and sources: what a mark and a status mean, who issued the bulletin, when,
    /// and where the figures come from. A mark is explained only when some cell carries it (`marks`),
    /// in the words of the Markdown bulletin's legend (``TradeReport/BulletinDocument/dashMeaning``).
    static func notes(
        _ document: BulletinDocument, citations: BulletinCitations, name: String, marks: (derived: Bool, dash: Bool)
    ) -> XLSXWorkbook.Sheet {
        let zh = document.language == .zh
        let stop = zh ? "。" : "."
        let lines =
            document.header.lines(through: document.through, zh: zh).map { zh ? "\($0.0)：\($0.1)" : "\($0.0): \($0.1)" }
            + (marks.derived ? [document.derivedMarkMeaning + stop] : [])
            + [
                zh
                    ? "数字性质：公布数，按公布值列示；由公布数计算，由公布数精确计算；由累计数推算，由不同期累计数推算；由增速反推，由公布增速反推的基数。"
                    : "Status: published as printed; computed exactly from published figures; derived from cumulative releases of different dates; implied by a published rate."
            ]
            + (marks.dash ? [document.dashMeaning + stop] : []) + [citations.line(zh: zh)]
        return XLSXWorkbook.Sheet(
            name: name, header: [], rows: lines.map { [$0] },
            title: zh ? "说明与资料来源 · \(document.title)" : "Notes and sources · \(document.title)")
    }
}
