import Foundation
import TradeCore
import ZIPFoundation

/// An Excel workbook (Office Open XML SpreadsheetML, `.xlsx`) of tables, for the press office.
///
/// Cells that are decimals become numbers (so Excel can sum and chart them) shown with the decimals
/// they were printed with (`0.0`); a figure marked derived (`3600*`) is the number 3600 with a display
/// format that keeps its mark (`0"*"`), so the status travels with the number. Everything else stays
/// text. The header row is bold and frozen; column widths follow the longest cell (CJK characters
/// count double). Same tables, same bytes: entries carry a fixed modification date.
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

        /// Creates a sheet; the name is cleaned to Excel's rules.
        public init(name: String, header: [String], rows: [[String]], notes: [String] = []) {
            let cleaned = name.filter { !"[]:*?/\\".contains($0) }
            self.name = String(cleaned.prefix(31))
            self.header = header
            self.rows = rows
            self.notes = notes
        }
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

    static func worksheet(_ sheet: Sheet) -> String {
        let header = sheet.header
        let rows = [header] + sheet.rows
        var widths = header.map(width)
        for row in sheet.rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], width(cell)) }
        }
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        out +=
            #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        out += "<cols>"
        for (i, w) in widths.enumerated() {
            out += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(min(60, max(8, w + 2)))" customWidth="1"/>"#
        }
        out += "</cols><sheetData>"
        for (r, row) in rows.enumerated() {
            out += #"<row r="\#(r + 1)">"#
            for (c, cell) in row.enumerated() where !cell.isEmpty {
                let ref = column(c) + String(r + 1)
                let style = r == 0 ? #" s="1""# : ""
                if r > 0, let number = numberCell(cell) {
                    out += #"<c r="\#(ref)" s="\#(number.style)"><v>\#(number.value)</v></c>"#
                } else {
                    out +=
                        #"<c r="\#(ref)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(escape(cell))</t></is></c>"#
                }
            }
            out += "</row>"
        }
        for (k, note) in sheet.notes.enumerated() {
            let r = rows.count + 2 + k
            out +=
                #"<row r="\#(r)"><c r="A\#(r)" t="inlineStr"><is><t xml:space="preserve">\#(escape(note))</t></is></c></row>"#
        }
        out += "</sheetData></worksheet>"
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
        return out + "</sheets></workbook>"
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

    /// Styles: 0 plain, 1 bold header, 2 + d numbers with d decimals, 2 + (maxDecimals + 1) + d the
    /// same marked derived.
    static let styles: String = {
        var formats: [String] = []
        for marked in [false, true] {
            for d in 0...maxDecimals {
                var code = "0"
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
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="\#(2 + formats.count)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"# + numberStyles
            + "</cellXfs></styleSheet>"
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
