import Foundation
import Testing
import TradeTestSupport

@testable import TradeBulletin

/// The document information the printer sets on Chromium's PDF: author and dates from the page's
/// meta tags, read back by poppler's pdfinfo.
@Suite struct BulletinPrinterTests {
    /// A one-page PDF laid out as Chromium writes it: the information dictionary first, a classic
    /// cross-reference table, a trailer naming /Info.
    static func minimalPDF() -> Data {
        let objects = [
            "<</Title (Bulletin)\n/CreationDate (D:20200101000000+00'00')\n/ModDate (D:20200101000000+00'00')>>",
            "<</Type /Catalog /Pages 3 0 R>>", "<</Type /Pages /Kids [4 0 R] /Count 1>>",
            "<</Type /Page /Parent 3 0 R /MediaBox [0 0 100 100]>>",
        ]
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        text += offsets.map { String(format: "%010d", $0) + " 00000 n \n" }.joined()
        text += "trailer\n<</Size \(objects.count + 1)\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n\(xref)\n%%EOF"
        return Data(text.utf8)
    }

    @Test func theAuthorAndTheReleaseDateReachTheDocumentInformation() throws {
        let page =
            #"<meta name="author" content="某省商务厅 · Trade &amp; Services"><meta name="dcterms.created" content="2021-06-03">"#
        let author = try #require(BulletinPrinter.meta("author", in: page))
        #expect(author == "某省商务厅 · Trade & Services")
        let date = try #require(BulletinPrinter.meta("dcterms.created", in: page).flatMap(BulletinPrinter.pdfDate))
        #expect(date == "20210603000000")
        #expect(BulletinPrinter.pdfDate("2025-12") == "20251201000000")
        #expect(BulletinPrinter.pdfDate("3 June 2021") == nil)
        let pdf = BulletinPrinter.withInfo(BulletinPrinter.fixedDates(Self.minimalPDF(), date: date), author: author)
        #expect(BulletinPrinter.withInfo(Self.minimalPDF(), author: nil) == Self.minimalPDF())
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("b.pdf", bytes: [UInt8](pdf))
        let info = try CommittedWorkbookTests.run(["pdfinfo", "-isodates", path])
        #expect(info.status == 0, "CI installs poppler-utils (.ci/run)")
        #expect(info.out.contains("Title:           Bulletin\n"), "\(info.out)")
        #expect(info.out.contains("Author:          某省商务厅 · Trade & Services\n"), "\(info.out)")
        #expect(info.out.contains("CreationDate:    2021-06-03T00:00:00Z\n"), "\(info.out)")
        #expect(info.out.contains("Pages:           1\n"), "\(info.out)")
    }
}
