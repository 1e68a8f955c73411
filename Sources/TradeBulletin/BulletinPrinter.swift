import Foundation
import TradeCore

/// Prints a bulletin page to an A4 PDF with headless Chromium (the page's print stylesheet lays it
/// out, running header, footer and page numbers included), with the PDF's creation and modification
/// dates set to the page's release date (`dcterms.created`; 2020-01-01 without one) so that the
/// same page gives the same bytes, and its author to the page's `author` (the issuer). The PDF is untagged: Chromium numbers the nodes of a tagged PDF's structure tree differently
/// from run to run; the HTML page is the accessible version.
public enum BulletinPrinter {
    /// Chromium could not print the page.
    public struct PrintFailed: UserFacingError, Equatable {
        /// What went wrong, with Chromium's last words.
        public var message: String
        public var description: String { message }
    }

    /// The first Chromium found in the folders of `path` (the caller's `$PATH`; `nil`: `/usr/bin:/bin`)
    /// called `chromium`, `chromium-browser` or `google-chrome`, or `nil`.
    public static func chromium(path: String?) -> String? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }

    /// Prints `html` (a file path) to `pdf` with the Chromium at `chromium`.
    public static func print(html: String, to pdf: String, chromium: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--disable-pdf-tagging",
            "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: html).absoluteString,
        ]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let said = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0, var bytes = FileManager.default.contents(atPath: pdf) else {
            throw PrintFailed(
                message:
                    "error: \(chromium) could not print \(html) (exit \(p.terminationStatus)): \(String(decoding: said.suffix(300), as: UTF8.self))"
            )
        }
        let page = (try? String(contentsOfFile: html, encoding: .utf8)) ?? ""
        let created = meta("dcterms.created", in: page)
        bytes = fixedDates(bytes, date: created.flatMap(pdfDate) ?? "20200101000000")
        bytes = withInfo(bytes, author: meta("author", in: page))
        try bytes.write(to: URL(fileURLWithPath: pdf))
    }

    /// The `content` of the page's `<meta name="…">` tag, unescaped; `nil` when there is none.
    static func meta(_ name: String, in page: String) -> String? {
        let open = "<meta name=\"\(name)\" content=\""
        guard let start = page.range(of: open), let end = page[start.upperBound...].firstIndex(of: "\"") else {
            return nil
        }
        let value = String(page[start.upperBound..<end])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return value.isEmpty ? nil : value
    }

    /// The 14 digits of a PDF date (`YYYYMMDDHHmmSS`) of a release date `YYYY-MM-DD` (or `YYYY-MM`:
    /// the first of the month), midnight; `nil` for anything else.
    static func pdfDate(_ date: String) -> String? {
        let parts = date.split(separator: "-").map(String.init)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else { return nil }
        return parts.joined() + (parts.count == 2 ? "01" : "") + "000000"
    }

    /// The PDF with every `/CreationDate (D:…)` and `/ModDate (D:…)` date replaced by `date` (14
    /// digits), digit for digit (the cross-reference offsets stay valid).
    static func fixedDates(_ pdf: Data, date: String) -> Data {
        var bytes = [UInt8](pdf)
        let fixed = Array(date.utf8)
        for tag in ["/CreationDate (D:", "/ModDate (D:"] {
            let t = Array(tag.utf8)
            var i = 0
            while i + t.count + fixed.count <= bytes.count {
                if bytes[i] == t[0], Array(bytes[i..<i + t.count]) == t {
                    var j = i + t.count
                    var k = 0
                    while j < bytes.count, k < fixed.count, (48...57).contains(bytes[j]) {
                        bytes[j] = fixed[k]
                        j += 1
                        k += 1
                    }
                    i = j
                } else {
                    i += 1
                }
            }
        }
        return Data(bytes)
    }

    /// The PDF with `/Author` added to its document information, as an incremental update (the
    /// information dictionary written again under its own object number, a cross-reference section
    /// for it and a trailer pointing back to the first): Chromium writes the title and dates but no
    /// author. The PDF as it is when there is no author or its trailer cannot be read.
    static func withInfo(_ pdf: Data, author: String?) -> Data {
        guard let author, let text = String(data: pdf.suffix(4096), encoding: .isoLatin1),
            let trailer = text.range(of: "trailer", options: .backwards),
            let startxref = text.range(of: "startxref", options: .backwards),
            let previous = Int(text[startxref.upperBound...].split(whereSeparator: \.isWhitespace).first ?? ""),
            let info = reference("/Info", in: text[trailer.upperBound..<startxref.lowerBound]),
            let root = reference("/Root", in: text[trailer.upperBound..<startxref.lowerBound]),
            let size = number("/Size", in: text[trailer.upperBound..<startxref.lowerBound]),
            let whole = String(data: pdf, encoding: .isoLatin1),
            let infoStart = whole.range(of: "\n\(info) 0 obj\n"),
            let dictionaryEnd = whole[infoStart.upperBound...].range(of: ">>\nendobj")
        else { return pdf }
        let dictionary = whole[infoStart.upperBound..<dictionaryEnd.lowerBound]
        var out = pdf
        if !out.isEmpty, out.last != 10 { out.append(10) }
        let offset = out.count
        // Latin-1 both ways: the dictionary's bytes go back as they came.
        func bytes(_ s: String) -> [UInt8] { s.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } }
        let utf16 = author.utf16.map { String(format: "%04X", $0) }.joined()
        let object = bytes("\(info) 0 obj\n" + dictionary + "\n/Author <FEFF\(utf16)>>>\nendobj\n")
        let xref = offset + object.count
        let tail =
            "xref\n\(info) 1\n" + String(format: "%010d", offset) + " 00000 n \n"
            + "trailer\n<</Size \(size)\n/Root \(root) 0 R\n/Info \(info) 0 R\n/Prev \(previous)>>\n"
            + "startxref\n\(xref)\n%%EOF\n"
        out.append(contentsOf: object + bytes(tail))
        return out
    }

    /// The object number of `key N 0 R` in a dictionary.
    static func reference(_ key: String, in text: Substring) -> Int? {
        guard let r = text.range(of: key + " ") else { return nil }
        return Int(text[r.upperBound...].prefix { $0.isNumber })
    }

    /// The number after `key` in a dictionary.
    static func number(_ key: String, in text: Substring) -> Int? { reference(key, in: text) }
}
