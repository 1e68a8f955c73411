import Foundation
import Testing
import TradeReport
import TradeXLSX
import ZIPFoundation

@Suite struct XLSXWorkbookTests {
    static func entry(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func numbersAreNumbersTextStaysTextAndTheBytesRepeat() throws {
        var table = Table(columns: [
            Table.Column("项目"), Table.Column("金额（亿元）", numeric: true), Table.Column("同比（%）", numeric: true),
        ])
        table.rows = [["服务贸易", "15644.5", "3.3"], ["2020年8月", "3600*", ""], ["R&D <x>", "-720.4", "-76.3"]]
        let sheets = [XLSXWorkbook.Sheet(name: "数据表: 2021/04", table: table, notes: ["* derived"])]
        let data = try XLSXWorkbook.data(sheets)
        #expect(try XLSXWorkbook.data(sheets) == data)
        let workbook = try Self.entry(data, "xl/workbook.xml")
        #expect(workbook.contains(#"<sheet name="数据表 202104" sheetId="1" r:id="rId1"/>"#))
        let sheet = try Self.entry(data, "xl/worksheets/sheet1.xml")
        // Numbers with the display format of their decimals: style 2 + d; a derived figure keeps its mark
        // in the format (style 2 + 7 + d), its value a number.
        #expect(sheet.contains(#"<c r="B2" s="3"><v>15644.5</v></c>"#))
        #expect(sheet.contains(#"<c r="C4" s="3"><v>-76.3</v></c>"#))
        #expect(sheet.contains(#"<c r="B3" s="9"><v>3600</v></c>"#))
        let styles = try Self.entry(data, "xl/styles.xml")
        #expect(styles.contains(##"<numFmt numFmtId="165" formatCode="#,##0.0"/>"##))
        #expect(styles.contains(##"<numFmt numFmtId="171" formatCode="#,##0&quot;*&quot;"/>"##))
        #expect(styles.contains(#"<cellXfs count="19">"#))
        #expect(sheet.contains("R&amp;D &lt;x&gt;"))
        #expect(sheet.contains(#"<c r="A1" s="1" t="inlineStr">"#))  // bold header
        #expect(sheet.contains(#"<c r="A6" t="inlineStr"><is><t xml:space="preserve">* derived</t>"#))
        #expect(sheet.contains(#"state="frozen""#))
        let types = try Self.entry(data, "[Content_Types].xml")
        #expect(types.contains("/xl/worksheets/sheet1.xml"))
    }

    @Test func aTitledSheetPrintsFittedWithItsTitleAndHeaderOnEveryPage() throws {
        var table = Table(columns: [Table.Column("Month"), Table.Column("CNY 100m", numeric: true)])
        table.rows = [["Oct 2024", "—"], ["Jan–Oct 2025", "65800"]]
        let sheets = [
            XLSXWorkbook.Sheet(name: "Monthly", table: table, title: "Services trade · CNY 100 million"),
            XLSXWorkbook.Sheet(name: "Bob's notes", header: [], rows: [["Source: MOFCOM"]]),
        ]
        let data = try XLSXWorkbook.data(sheets)
        let sheet = try Self.entry(data, "xl/worksheets/sheet1.xml")
        // Title in row 1 (style 16), header in row 2 (frozen under it), data from row 3.
        #expect(
            sheet.contains(
                #"<c r="A1" s="16" t="inlineStr"><is><t xml:space="preserve">Services trade · CNY 100 million</t>"#))
        #expect(sheet.contains(#"<c r="A2" s="1" t="inlineStr"><is><t xml:space="preserve">Month</t>"#))
        #expect(sheet.contains(#"<pane ySplit="2" topLeftCell="A3""#))
        #expect(sheet.contains(#"<c r="B4" s="2"><v>65800</v></c>"#))
        #expect(sheet.contains(#"<c r="B3" s="18" t="inlineStr"><is><t xml:space="preserve">—</t>"#))
        #expect(!sheet.contains(#"<row r="5">"#))
        #expect(sheet.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#))
        #expect(sheet.contains(#"orientation="portrait" fitToWidth="1" fitToHeight="0""#))
        let notes = try Self.entry(data, "xl/worksheets/sheet2.xml")
        #expect(
            notes.contains(
                #"<row r="1" ht="15" customHeight="1"><c r="A1" s="17" t="inlineStr"><is><t xml:space="preserve">Source: MOFCOM</t>"#
            ))
        #expect(notes.contains(#"orientation="landscape""#))
        let workbook = try Self.entry(data, "xl/workbook.xml")
        #expect(
            workbook.contains(
                #"<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'Monthly'!$1:$2</definedName></definedNames>"#
            ))
    }
}
