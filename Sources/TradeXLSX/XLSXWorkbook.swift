import Foundation
import TradeCore
import ZIPFoundation

/// An Excel workbook (Office Open XML SpreadsheetML, `.xlsx`) of tables, for the press office.
///
/// Cells that are decimals become numbers (so Excel can sum and chart them) shown with the decimals
/// they were printed with (`0.0`); a figure marked derived (`3600*`) is the number 3600 with a display
/// format that keeps its mark (`0"*"`), so the status travels with the number; thousands are
/// separated (`#,##0.0`). Everything else stays text. A sheet may open with a title row (what the
/// figures are: period, unit, status); the header row under it is bold, frozen and repeated on every
/// printed page, and the data range holds only the rows of the table (a reader such as
/// `pandas.read_excel(header=1)` gets the data and nothing else). Sheets print fitted to the width of
/// the page, landscape when wide. Column widths follow the longest cell (CJK characters count
/// double). Same tables, same bytes: entries carry a fixed modification date.
public enum XLSXWorkbook {
    /// A worksheet: a name (at most 31 characters, no `[]:*?/\\`), a header row and rows of cells.
    public struct Sheet: Sendable {
        /// Sheet name.
        public var name: String
        /// The header row (bold, frozen).
        public var header: [String]
        /// The rows of cells under it.
        public var rows: [[String]]
        /// Lines written under the table after a blank row (what a mark means, the source).
        public var notes: [String]
        /// The title row above the header (period, unit, status of the figures), when there is one.
        public var title: String?

        /// Creates a sheet; the name is cleaned to Excel's rules. A sheet without a header is a sheet of
        /// text: its rows wrap within a wide first column (notes, sources).
        public init(name: String, header: [String], rows: [[String]], notes: [String] = [], title: String? = nil) {
            let cleaned = name.filter { !"[]:*?/\\".contains($0) }
            self.name = String(cleaned.prefix(31))
            self.header = header
            self.rows = rows
            self.notes = notes
            self.title = title
        }

        /// The 1-based number of the header row (the title, if any, is row 1).
        public var headerRow: Int { title == nil ? 1 : 2 }
    }

    /// The workbook's bytes.
    public static func data(_ sheets: [Sheet]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01: reproducible bytes
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes(count: sheets.count))
        try add("_rels/.rels", rootRelationships)
        try add("xl/workbook.xml", workbook(sheets))
        try add("xl/_rels/workbook.xml.rels", workbookRelationships(count: sheets.count))
        try add("xl/styles.xml", styles)
        for (i, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet))
        }
        guard let data = archive.data else { throw XLSXError("the workbook could not be assembled in memory") }
        return data
    }

    /// The column letters of a 0-based index: A … Z, AA …
    static func column(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 forbids most control characters; drop them.
                if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Display width of a cell: CJK characters count double.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }

    /// Printed page width in characters of column width: a sheet wider than this prints landscape.
    static let portraitWidth = 90
    /// Width of the text column of a sheet without a header (its lines wrap within it).
    static let textWidth = 100

    /// The widths of a sheet's columns (longest cell plus a margin; a text sheet's one wide column).
    static func widths(_ sheet: Sheet) -> [Int] {
        if sheet.header.isEmpty { return [textWidth] }
        var widths = sheet.header.map(width)
        for row in sheet.rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], width(cell)) }
        }
        return widths.map { min(60, max(8, $0 + 2)) }
    }

    static func worksheet(_ sheet: Sheet) -> String {
        let widths = widths(sheet)
        let headerRow = sheet.headerRow
        let text = sheet.header.isEmpty
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        out += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        if text {
            out += #"<sheetViews><sheetView workbookViewId="0"/></sheetViews>"#
        } else {
            out +=
                #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(headerRow)" topLeftCell="A\#(headerRow + 1)" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        out += "<cols>"
        for (i, w) in widths.enumerated() {
            out += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(w)" customWidth="1"/>"#
        }
        out += "</cols><sheetData>"
        func textCell(_ ref: String, _ value: String, style: Int) -> String {
            let styled = style == 0 ? "" : " s=\"\(style)\""
            return #"<c r="\#(ref)"\#(styled) t="inlineStr"><is><t xml:space="preserve">\#(escape(value))</t></is></c>"#
        }
        if let title = sheet.title {
            out += #"<row r="1">"# + textCell("A1", title, style: titleStyle) + "</row>"
        }
        let firstRow = text ? headerRow : headerRow + 1
        if !text {
            out += #"<row r="\#(headerRow)">"#
            for (c, cell) in sheet.header.enumerated() where !cell.isEmpty {
                out += textCell(column(c) + String(headerRow), cell, style: 1)
            }
            out += "</row>"
        }
        for (k, row) in sheet.rows.enumerated() {
            let r = firstRow + k
            if text {
                // A wrapped line is as tall as its lines (readers do not all grow the row themselves).
                let perLine = textWidth - 12
                let lines = max(1, ((row.map(width).max() ?? 0) + perLine - 1) / perLine)
                out += #"<row r="\#(r)" ht="\#(15 * lines)" customHeight="1">"#
            } else {
                out += #"<row r="\#(r)">"#
            }
            for (c, cell) in row.enumerated() where !cell.isEmpty {
                let ref = column(c) + String(r)
                if !text, let number = numberCell(cell) {
                    out += #"<c r="\#(ref)" s="\#(number.style)"><v>\#(number.value)</v></c>"#
                } else {
                    out += textCell(ref, cell, style: text ? wrapStyle : cell == absent ? absentStyle : 0)
                }
            }
            out += "</row>"
        }
        for (k, note) in sheet.notes.enumerated() {
            let r = firstRow + sheet.rows.count + 1 + k
            out += #"<row r="\#(r)">"# + textCell("A\(r)", note, style: 0) + "</row>"
        }
        out += "</sheetData>"
        let landscape = widths.reduce(0, +) > portraitWidth
        out += #"<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        out +=
            #"<pageSetup paperSize="9" orientation="\#(landscape ? "landscape" : "portrait")" fitToWidth="1" fitToHeight="0"/>"#
        out += "</worksheet>"
        return out
    }

    /// Most decimals a number format is provided for.
    static let maxDecimals = 6
    /// The mark of a derived figure, as tables print it (`3600*`; TradeReport's
    /// `PressFigures.derivedMarker`, checked equal by its tests).
    public static let marker = "*"

    /// A cell's number and its style (display decimals, derived mark), or `nil` for text.
    static func numberCell(_ cell: String) -> (value: String, style: Int)? {
        let marked = cell.hasSuffix(marker)
        let text = marked ? String(cell.dropLast(marker.count)) : cell
        guard DecimalNumber(parsing: text) != nil else { return nil }
        let decimals = text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        guard decimals <= maxDecimals else { return (text, 0) }
        return (text, 2 + decimals + (marked ? maxDecimals + 1 : 0))
    }

    static func contentTypes(count: Int) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        out +=
            #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        out +=
            #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for i in 1...max(1, count) {
            out +=
                #"<Override PartName="/xl/worksheets/sheet\#(i).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return out + "</Types>"
    }

    static let rootRelationships =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(_ sheets: [Sheet]) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out +=
            #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (i, s) in sheets.enumerated() {
            out += #"<sheet name="\#(escape(s.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        out += "</sheets>"
        // Printed, every page repeats the title and header rows of its sheet.
        let titled = sheets.enumerated().filter { !$0.element.header.isEmpty }
        if !titled.isEmpty {
            out += "<definedNames>"
            for (i, s) in titled {
                let quoted = "'" + s.name.replacingOccurrences(of: "'", with: "''") + "'"
                out +=
                    #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(i)">\#(escape(quoted))!$1:$\#(s.headerRow)</definedName>"#
            }
            out += "</definedNames>"
        }
        return out + "</workbook>"
    }

    static func workbookRelationships(count: Int) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in 1...max(1, count) {
            out +=
                #"<Relationship Id="rId\#(i)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i).xml"/>"#
        }
        out +=
            #"<Relationship Id="rId\#(count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        return out + "</Relationships>"
    }

    /// The style of the title row (bold, larger).
    static let titleStyle = 2 + 2 * (maxDecimals + 1)
    /// The style of the lines of a text sheet (wrapped, top-aligned).
    static let wrapStyle = titleStyle + 1
    /// The style of ``absent`` (right-aligned, where the number would be).
    static let absentStyle = wrapStyle + 1
    /// What a table prints for a figure that is not known.
    public static let absent = "—"

    /// Styles: 0 plain, 1 bold header, 2 + d numbers with d decimals and thousands separated,
    /// 2 + (maxDecimals + 1) + d the same marked derived, then ``titleStyle``, ``wrapStyle`` and
    /// ``absentStyle``.
    static let styles: String = {
        var formats: [String] = []
        for marked in [false, true] {
            for d in 0...maxDecimals {
                var code = "#,##0"
                if d > 0 { code += "." + String(repeating: "0", count: d) }
                if marked { code += "&quot;" + marker + "&quot;" }
                formats.append(code)
            }
        }
        let numFmts =
            #"<numFmts count="\#(formats.count)">"#
            + formats.enumerated().map { #"<numFmt numFmtId="\#(164 + $0)" formatCode="\#($1)"/>"# }.joined()
            + "</numFmts>"
        let numberStyles = formats.indices.map {
            #"<xf numFmtId="\#(164 + $0)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        }.joined()
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + numFmts
            + #"<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="12"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="\#(absentStyle + 1)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"# + numberStyles
            + #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
            + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right"/></xf>"#
            + "</cellXfs>"
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
    }()
}

/// A workbook that could not be written.
public struct XLSXError: UserFacingError, Equatable {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
