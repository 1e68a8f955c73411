import Foundation
import Testing
import TradeCore
import TradeReport
import TradeTestSupport

/// The committed demo bulletins' PDFs as poppler reads them (CI installs poppler-utils, `.ci/run`):
/// every page numbered in its language, under a running header (title, period) and over a footer
/// (issuer, release date); title, author and creation date in the document information.
@Suite struct CommittedPDFTests {
    @Test(arguments: CommittedWorkbookTests.months)
    func thePDFHasPageNumbersARunningHeaderAFooterAndItsDocumentInformation(month: String) throws {
        let pdf = "\(CommittedWorkbookTests.output)/bulletin-\(month)/bulletin.pdf"
        let (period, header) = try CommittedWorkbookTests.header(month)
        let date = try #require(header.releaseDate(through: period))
        let info = try CommittedWorkbookTests.run(["pdfinfo", "-isodates", pdf])
        #expect(info.status == 0, "CI installs poppler-utils (.ci/run)")
        let fields = Dictionary(
            info.out.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }, uniquingKeysWith: { a, _ in a })
        let zhTitle = "\(ReleaseHeader.reference(through: period, zh: true))我国服务贸易发展情况"
        #expect(fields["Title"]?.hasPrefix(zhTitle) == true, "\(info.out)")
        #expect(fields["Author"]?.hasPrefix("svctrade 示例公报") == true, "\(info.out)")
        #expect(fields["CreationDate"] == date + "T00:00:00Z", "\(info.out)")
        let pages = try #require(fields["Pages"].flatMap { Int($0) })
        let text = try CommittedWorkbookTests.run(["pdftotext", "-layout", pdf, "-"])
        let pageTexts = text.out.split(separator: "\u{0C}", omittingEmptySubsequences: false).prefix(pages)
        #expect(pageTexts.count == pages)
        var chinese = 0
        var english = 0
        for (i, page) in pageTexts.enumerated() {
            if page.contains("第 \(i + 1) 页 / 共 \(pages) 页") {
                chinese += 1
                #expect(page.contains(zhTitle) && page.contains("发布日期：\(date)"), "page \(i + 1)")
            } else {
                #expect(page.contains("Page \(i + 1) of \(pages)"), "page \(i + 1): \(page.suffix(300))")
                #expect(page.contains(ReleaseHeader.reference(through: period, zh: false)), "page \(i + 1)")
                #expect(page.contains("released \(date)") && page.contains("Issued by"), "page \(i + 1)")
                english += 1
            }
        }
        // The Chinese bulletin first, then the English one, each numbered in its words.
        #expect(chinese > 0 && english > 0 && chinese + english == pages)
    }
}
