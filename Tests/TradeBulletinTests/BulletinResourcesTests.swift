import Foundation
import Testing
import TradeBulletin
import TradeCore
import TradeReport
import TradeTestSupport

/// The bulletin's resources are loaded once, from folders the caller names, and fail with what to do.
@Suite struct BulletinResourcesTests {
    @Test func theShippedResourcesHaveBothTemplatesTheReleaseSettingsAndThePractices() throws {
        let resources = try ShippedData.resources()
        #expect(Set(resources.pressTemplates.keys) == [.zh, .en])
        let toml = try String(contentsOfFile: Repository.root + "/templates/release.toml", encoding: .utf8)
        #expect(resources.release == (try ReleaseHeader(parsing: toml)))
        #expect(resources.practices.count == 13)
        #expect(resources.practices.first?.locality == "xixian")
    }

    /// A folder without templates loads (the release defaults); asking for a press text names the file.
    @Test func aMissingTemplateIsNamedWhenItsLanguageIsAskedFor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let resources = try BulletinResources(templatesFolder: folder.path)
        #expect(resources.pressTemplates.isEmpty)
        #expect(resources.release == ReleaseHeader())
        #expect(
            throws: BulletinError(
                "template \(folder.path)/press-en.txt not found; run from the repository root, or give --templates DIR (or $SVCTRADE_TEMPLATES)"
            )
        ) { try resources.pressTemplate(.en) }
    }

    @Test func aBrokenReleaseFileIsRefusedWithItsLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("release.toml", "[2021-04]\nissuer \"MOFCOM\"\n")
        #expect(
            throws: BulletinError(
                "\(folder.path)/release.toml:2:1: expected key = \"value\", [section] or # comment, found issuer \"MOFCOM\"; write key = \"value\""
            )
        ) { try BulletinResources(templatesFolder: folder.path) }
    }

    /// Generated panel months are illustrative by their status, read in one place.
    @Test func aPanelMonthIsIllustrativeByItsReleaseOnly() {
        #expect(FigureStatus.ofPanelMonth(release: IllustrativePanel.release) == .illustrative)
        #expect(FigureStatus.ofPanelMonth(release: "mofcom-2021-06-03") == .published)
        let series = MonthlyPanel.Series(
            key: SeriesKey(region: "beijing", sector: "S", flow: .export, currency: .cny),
            unit: MonetaryUnit(.cny, .hundredMillion),
            decimals: 2, release: "illustrative but not the panel", source: "illustrative")
        #expect(series.status == .published)
    }
}
