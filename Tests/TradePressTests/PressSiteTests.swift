import Foundation
import PropertyBased
import Synchronization
import Testing
import TradeBulletin
import TradeCore
import TradeIngest
import TradePress
import TradeReport
import TradeStore
import TradeTestSupport

/// The press site answered in process (no server): pages, downloads, API, refusals and the cache.
@Suite struct PressSiteTests {
    /// A store with the shipped published record, and a site over it read-only.
    static func site(files: [String] = ShippedData.files) throws -> (PressSite, TradeDatabase, TemporaryFolder) {
        let folder = try TemporaryFolder()
        let path = folder.file("press.sqlite")
        let writer = try TradeDatabase(path: path)
        _ = try writer.importBatches(files.map { try ObservationReader().read(path: Repository.dataset($0)) })
        let site = PressSite(
            store: try TradeDatabase.readOnly(path: path), resources: try ShippedData.resources(), chromium: nil,
            revalidateInterval: .zero)
        return (site, writer, folder)
    }

    /// A store file with the 2017–2022 published record, its path and a writer to import more.
    static func storeOf2017To2022() throws -> (TemporaryFolder, String, TradeDatabase) {
        let folder = try TemporaryFolder()
        let path = folder.file("press.sqlite")
        let writer = try TradeDatabase(path: path)
        _ = try writer.importBatches([
            try ObservationReader().read(path: Repository.dataset("mofcom-published-2017-2022.csv"))
        ])
        return (folder, path, writer)
    }

    static func get(_ site: PressSite, _ target: String, ifNoneMatch: String? = nil) async throws -> PressResponse {
        let request = try #require(PressRequest(target: target, ifNoneMatch: ifNoneMatch))
        return await site.respond(to: request)
    }

    @Test func pageOfJanuaryToApril2021() async throws {
        let (site, _, folder) = try Self.site()
        defer { folder.remove() }
        let page = try await Self.get(site, "/figures?month=2021-04&lang=both")
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        let html = page.text
        // MOFCOM, 2021-05-28: January–April 2021 services trade 15644.5 亿元, +3.3%; exports +23.2%.
        #expect(html.contains(">15644.5亿元</a>"))
        #expect(html.contains(">RMB1.56445 trillion</a>"))
        #expect(html.contains("<a class=\"num\" href=\"#zh-headline-1\""))
        #expect(html.contains("<li id=\"zh-headline-1\"><b>15644.5亿元</b>"))
        #expect(html.contains("<button type=\"button\" class=\"copy\" data-copy=\"en-headline-text\""))
        #expect(html.contains("<svg"))
        #expect(html.contains("href=\"/download/2021-04/bulletin-zh.xlsx\""))
        #expect(html.contains("<option value=\"2021-04\" selected>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains(" style=\""))
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        #expect(page.header("X-Content-Type-Options") == "nosniff")
        // A mirror copy is never a link.
        #expect(!html.contains("href=\"http://www.crapshirt.com"))
        // One language only.
        let en = try await Self.get(site, "/figures?month=2021-04&lang=en")
        #expect(en.text.contains("<html lang=\"en\">"))
        #expect(!en.text.contains("15644.5亿元"))
    }

    /// The quote of each sentence, links removed, is the sentence of `svctrade figures` exactly.
    @Test func quotesAreTheSentencesExactly() async throws {
        let (site, _, folder) = try Self.site()
        defer { folder.remove() }
        let html = try await Self.get(site, "/figures?month=2021-04&lang=zh").text
        let release = try await release(site: site, language: .zh)
        #expect(!release.sentences.isEmpty)
        for sentence in release.sentences {
            let start = try #require(html.range(of: "<p class=\"quote\" id=\"zh-\(sentence.id)-text\">"))
            let end = try #require(html[start.upperBound...].range(of: "</p>"))
            let quote = String(html[start.upperBound..<end.lowerBound])
            let text = quote.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            #expect(text == sentence.text)
            #expect(quote.components(separatedBy: "class=\"num\"").count - 1 == sentence.numbers.count)
        }
    }

    func release(site: PressSite, language: Language) async throws -> PressRelease {
        let json = try await Self.get(site, "/api/figures/2021-04?lang=\(language.rawValue)")
        #expect(json.status == 200)
        return try JSONDecoder().decode(PressRelease.self, from: json.body)
    }

    @Test func downloadsAreTheComposedFiles() async throws {
        let (site, writer, folder) = try Self.site()
        defer { folder.remove() }
        let month = try Period(parsing: "2021-04")
        // As `svctrade bulletin` reads it: as of the month's release date in release.toml.
        let resources = try ShippedData.resources()
        let header = resources.release
        let (book, history) = try await BulletinComposer.inputs(
            store: writer, through: month, baseYear: 2019,
            asOf: BulletinComposer.vintage(through: month, given: nil, header: header))
        let files = try BulletinComposer.compose(
            book: book, through: month, languages: [.zh, .en], baseYear: 2019,
            resources: try ShippedData.resources(), history: history)
        #expect(files.count >= 8)
        for file in files {
            let answer = try await Self.get(site, "/download/2021-04/\(file.name)?vs=2019")
            #expect(answer.status == 200, "\(file.name)")
            #expect(answer.body == file.data, "\(file.name)")
        }
        let xlsx = try await Self.get(site, "/download/2021-04/bulletin-zh.xlsx?vs=2019")
        #expect(
            xlsx.header("Content-Disposition") == "attachment; filename=\"svctrade-2021-04-bulletin-zh.xlsx\"")
        #expect(xlsx.header("Content-Type")?.hasPrefix("application/vnd.openxmlformats") == true)
        let csv = try await Self.get(site, "/download/2021-04/table-en.csv")
        #expect(csv.status == 200)
        #expect(csv.text.hasPrefix("region,"))
        // No Chromium given: the PDF says what to do instead.
        let pdf = try await Self.get(site, "/download/2021-04/bulletin.pdf")
        #expect(pdf.status == 404)
        #expect(pdf.text.contains("download bulletin.html and print it"))
    }

    /// With Chromium on the server, the bulletin's PDF is printed once (the second answer is cached).
    @Test(.enabled(if: PressSiteTests.chromium != nil || ProcessInfo.processInfo.environment["CI"] == "true"))
    func thePDFIsPrinted() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("pdf.sqlite")
        let writer = try TradeDatabase(path: path)
        _ = try writer.importBatches([try ObservationReader().read(path: Repository.dataset(ShippedData.files[0]))])
        let site = PressSite(
            store: try TradeDatabase.readOnly(path: path), resources: try ShippedData.resources(),
            chromium: try #require(Self.chromium), revalidateInterval: .zero)
        #expect(try await Self.get(site, "/figures?month=2021-04").text.contains("bulletin.pdf"))
        let pdf = try await Self.get(site, "/download/2021-04/bulletin.pdf")
        #expect(pdf.status == 200, "\(pdf.text.prefix(300))")
        #expect(pdf.body.starts(with: Array("%PDF".utf8)))
        #expect(pdf.header("Content-Type") == "application/pdf")
        #expect(try await Self.get(site, "/download/2021-04/bulletin.pdf").body == pdf.body)
    }

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test func badParametersGetFourHundredsThatSayWhatIsValid() async throws {
        let (site, _, folder) = try Self.site()
        defer { folder.remove() }
        let cases: [(String, Int, String)] = [
            ("/figures?month=2021-13&lang=zh", 400, "is not a month; give YYYY-MM with a month 01–12"),
            ("/figures?month=2030-01", 404, "no January-to-month figures for the nation through 2030-01"),
            ("/figures?month=2021-04&lang=fr", 400, "give lang=zh, lang=en or lang=both"),
            ("/figures?lang=zh", 400, "give a month, month=YYYY-MM"),
            ("/figures?month=2021-04&vs=2021", 400, "give a year from 2000 to 2020"),
            ("/download/2021-04/../../etc/passwd", 400, "is not a download name"),
            ("/download/2021-04/..%2F..%2Fetc%2Fpasswd", 400, "is not a download name"),
            ("/download/2021-04/charts/..%2Fbulletin.md", 400, "is not a download name"),
            ("/download/2021-04/.hidden", 400, "is not a download name"),
            ("/download/2021-04/secret.txt", 404, "it offers bulletin.md, bulletin.html"),
            ("/download/2021-13/bulletin.md", 400, "is not a month"),
            ("/nowhere", 404, "pages are /figures?month=YYYY-MM"),
            ("/static/other.css", 404, "/static/press.css"),
        ]
        for (target, status, message) in cases {
            let answer = try await Self.get(site, target)
            #expect(answer.status == status, "\(target)")
            #expect(answer.text.contains(message), "\(target): \(answer.text)")
            #expect(answer.header("Content-Type") == "text/html; charset=utf-8", "\(target)")
            #expect(answer.header("X-Content-Type-Options") == "nosniff")
        }
        // The 400 page lists what is valid and offers the picker again.
        let bad = try await Self.get(site, "/figures?month=2021-13&lang=zh").text
        #expect(bad.contains("months with figures run from 2017-"))
        #expect(bad.contains("<form class=\"picker\""))
        // Control characters from a request are escaped, never echoed raw.
        let nul = try await Self.get(site, "/figures?month=%00%1B[31m")
        #expect(nul.status == 400)
        #expect(!nul.text.contains("\u{0}") && !nul.text.contains("\u{1B}"))
        // API refusals are JSON.
        let api = try await Self.get(site, "/api/figures/2021-04?lang=both")
        #expect(api.status == 400)
        #expect(api.header("Content-Type") == "application/json")
        #expect(api.text.contains("\"error\":\"language \\\"both\\\" is not offered; give lang=zh, lang=en\""))
        // Only reads.
        let post = await site.respond(to: try #require(PressRequest(method: "POST", target: "/figures?month=2021-04")))
        #expect(post.status == 405)
        #expect(post.header("Allow") == "GET, HEAD")
    }

    /// Whatever a request holds, the answer is a page or a 4xx, never a 5xx.
    @Test func neverAServerError() async throws {
        let (site, _, folder) = try Self.site(files: ["mofcom-published-2017-2022.csv"])
        defer { folder.remove() }
        let pieces = [
            "2021-04", "2021-13", "2021-4", "0000-00", "..", "%2e%2e", "%00", "zh", "en", "both", "x", "2019", "-1",
            "charts", "bulletin.md", "figures-en.json", "/", "%2F", "?", "&", "=", "é", "",
        ]
        let piece = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }
        let paths = [
            "/figures", "/download/", "/download/2021-04/", "/api/figures/", "/api/table/", "/api/series", "/",
        ]
        let path = Gen.int(in: 0...(paths.count - 1)).map { paths[$0] }
        await propertyCheck(count: 150, input: path, piece, piece, piece) { path, a, b, c in
            let target = "\(path)\(a)?month=\(b)&lang=\(c)&vs=\(a)&format=\(c)"
            guard let request = PressRequest(target: target) else { return }
            let answer = await site.respond(to: request)
            #expect([200, 303, 400, 404].contains(answer.status), "\(target) → \(answer.status)")
        }
    }

    @Test func answersAreCachedUntilTheStoreChanges() async throws {
        let (site, writer, folder) = try Self.site(files: ["mofcom-published-2017-2022.csv"])
        defer { folder.remove() }
        let months = try await Self.get(site, "/api/months")
        #expect(months.text.contains("\"latest\" : \"2022-"))
        let first = try await Self.get(site, "/figures?month=2021-04")
        let tag = try #require(first.header("ETag"))
        let again = try await Self.get(site, "/figures?month=2021-04", ifNoneMatch: tag)
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(try await Self.get(site, "/figures?month=2025-10").status == 404)
        // An import by someone else: the site sees the new months and recomposes.
        _ = try writer.importBatches([try ObservationReader().read(path: Repository.dataset(ShippedData.files[1]))])
        #expect(try await Self.get(site, "/api/months").text.contains("\"latest\" : \"2025-10\""))
        #expect(try await Self.get(site, "/figures?month=2025-10").status == 200)
        #expect(try await Self.get(site, "/").header("Location") == "/figures?month=2025-10&lang=both")
    }

    /// A month whose release moment (release.toml) has not come is under embargo: its page,
    /// downloads and API answer 404 "embargoed until …", the month lists leave it out; once the
    /// clock passes the moment it appears (the clock is the site's, so nothing sleeps).
    @Test func aMonthUnderEmbargoAppearsAtItsReleaseMoment() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("press.sqlite")
        let writer = try TradeDatabase(path: path)
        _ = try writer.importBatches(
            ShippedData.files.map { try ObservationReader().read(path: Repository.dataset($0)) })
        // release.toml: 2025-10 is released on 2025-12-03 in Asia/Shanghai, 00:00 (no time known),
        // which is 2025-12-02T16:00:00Z = 1764691200.
        let clock = Mutex(Date(timeIntervalSince1970: 1_764_691_199))
        let site = PressSite(
            store: try TradeDatabase.readOnly(path: path), resources: try ShippedData.resources(), chromium: nil,
            revalidateInterval: .zero, now: { clock.withLock { $0 } })
        let until = "2025-10 is embargoed until 2025-12-03 00:00 UTC+08:00"
        for target in [
            "/figures?month=2025-10&lang=both", "/download/2025-10/bulletin.md", "/download/2025-10/table-en.csv",
            "/api/figures/2025-10?lang=en", "/api/table/2025-10?format=csv",
        ] {
            let answer = try await Self.get(site, target)
            #expect(answer.status == 404, "\(target)")
            #expect(answer.text.contains(until), "\(target): \(answer.text.prefix(300))")
        }
        #expect(try await Self.get(site, "/api/figures/2025-10").header("Content-Type") == "application/json")
        let months = try await Self.get(site, "/api/months").text
        #expect(!months.contains("2025-10") && months.contains("\"2025-09\""), "\(months)")
        #expect(try await Self.get(site, "/").header("Location") == "/figures?month=2025-09&lang=both")
        let april = try await Self.get(site, "/figures?month=2021-04&lang=both")
        #expect(april.status == 200)
        #expect(!april.text.contains("value=\"2025-10\""))
        // The bulletin says what the next release will cover, not its date (release.toml: next_release =
        // "2021-06-30", after the release date 2021-06-03).
        let markdown = try await Self.get(site, "/download/2021-04/bulletin.md").text
        #expect(markdown.contains("**下次发布**：2021年1—5月数据"))
        #expect(markdown.contains("**Next release**: January–May 2021 data"))
        #expect(!markdown.contains("2021年6月30日") && !markdown.contains("30 June 2021"))
        // The release moment passes: the month is there, and the cached answers know it.
        clock.withLock { $0 = Date(timeIntervalSince1970: 1_764_691_200) }
        #expect(try await Self.get(site, "/figures?month=2025-10&lang=both").status == 200)
        #expect(try await Self.get(site, "/download/2025-10/table-en.csv").status == 200)
        #expect(try await Self.get(site, "/api/figures/2025-10?lang=en").status == 200)
        #expect(try await Self.get(site, "/api/months").text.contains("\"latest\" : \"2025-10\""))
        #expect(try await Self.get(site, "/").header("Location") == "/figures?month=2025-10&lang=both")
        #expect(try await Self.get(site, "/figures?month=2021-04&lang=both").text.contains("value=\"2025-10\""))
    }

    /// A server started without its templates says what is missing (503), never a bare 500.
    @Test func missingTemplatesGetAnAnswerThatSaysSo() async throws {
        let (_, _, folder) = try Self.site(files: ["mofcom-published-2017-2022.csv"])
        defer { folder.remove() }
        let site = PressSite(
            store: try TradeDatabase.readOnly(path: folder.file("press.sqlite")),
            resources: try BulletinResources(templatesFolder: folder.file("nowhere")), chromium: nil)
        let answer = try await Self.get(site, "/figures?month=2021-04")
        #expect(answer.status == 503)
        #expect(answer.text.contains("press-zh.txt not found"))
    }

    @Test func theStoreIsOpenedReadOnly() async throws {
        let (_, _, folder) = try Self.site(files: ["mofcom-published-2017-2022.csv"])
        defer { folder.remove() }
        let reader = try TradeDatabase.readOnly(path: folder.file("press.sqlite"))
        let before = try reader.storedReleases()
        let batch = try ObservationReader().read(path: Repository.dataset(ShippedData.files[1]))
        let refusal = #expect(throws: StoreError.self) { try reader.importBatches([batch]) }
        #expect(
            refusal
                == StoreError(
                    .cannotOpen,
                    "cannot open the store \(folder.file("press.sqlite")): attempt to write a readonly database"))
        #expect(try reader.storedReleases() == before)
        #expect(throws: StoreError.self) { try TradeDatabase.readOnly(path: folder.file("missing.sqlite")) }
    }

    @Test func apiSeriesAndTable() async throws {
        let (site, _, folder) = try Self.site()
        defer { folder.remove() }
        let series = try await Self.get(site, "/api/series?region=CN&sector=S")
        #expect(series.status == 200)
        let rows = try #require(try JSONSerialization.jsonObject(with: series.body) as? [[String: Any]])
        #expect(rows.contains { $0["flow"] as? String == "total" && $0["currency"] as? String == "CNY" })
        #expect(try await Self.get(site, "/api/series?region=atlantis").status == 400)
        let table = try await Self.get(site, "/api/table/2021-04?format=json")
        #expect(table.status == 200)
        #expect(table.text.contains("15644.5"))
        let refused = try await Self.get(site, "/api/table/2021-04?format=xml")
        #expect(refused.status == 400)
        #expect(refused.text.contains("give format=text, format=csv, format=md, format=html, format=json, format=xlsx"))
        // Every table format is offered, with its media type.
        for format in TableFormat.allCases {
            let answer = try await Self.get(site, "/api/table/2021-04?format=\(format)")
            #expect(answer.status == 200, "\(format)")
            #expect(answer.header("Content-Type") == format.renderer.mediaType)
        }
        #expect(try await Self.get(site, "/api/").text.contains("format=json|text|csv|md|html|xlsx"))
        #expect(try await Self.get(site, "/api/").text.contains("/api/months"))
    }
}

/// A store whose book reads can be made to fail, as a read can in the middle of an import.
final class FlakyStore: FigureReader, @unchecked Sendable {
    let inner: TradeDatabase
    let failing = Mutex(false)
    init(_ inner: TradeDatabase) { self.inner = inner }
    struct ReadFailed: Error {}
    func storedReleases() throws -> [StoredRelease] { try inner.storedReleases() }
    func figureBook(_ selection: FigureSelection) throws -> FigureBook {
        if failing.withLock({ $0 }) { throw ReadFailed() }
        return try inner.figureBook(selection)
    }
    func seriesSummaries(_ selection: FigureSelection) throws -> [SeriesSummary] {
        try inner.seriesSummaries(selection)
    }
    func figureHistory(_ selection: FigureSelection) throws -> [FigureCopy] { try inner.figureHistory(selection) }
    func panelSlice(months: [Int], asOf: String?) throws -> PanelSlice {
        try inner.panelSlice(months: months, asOf: asOf)
    }
    func monthlyPanel(_ selection: FigureSelection) throws -> MonthlyPanel { try inner.monthlyPanel(selection) }
}

@Suite struct PressEditionRefreshTests {
    @Test func theMonthListSurvivesAnImportUntilTheNewEditionIsComplete() async throws {
        let (folder, path, writer) = try PressSiteTests.storeOf2017To2022()
        defer { folder.remove() }
        let store = FlakyStore(try TradeDatabase.readOnly(path: path))
        let site = PressSite(
            store: store, resources: try ShippedData.resources(),
            chromium: nil, revalidateInterval: .zero)
        func months() async throws -> String { try await PressSiteTests.get(site, "/api/months").text }
        let before = try await months()
        #expect(before.contains("\"latest\" : \"2022-12\"") || before.contains("\"latest\":\"2022-12\""), "\(before)")
        let page = try await PressSiteTests.get(site, "/figures?month=2021-04&lang=en")
        #expect(page.status == 200)
        // A new release lands while the store's book cannot be read: the old edition keeps answering.
        _ = try writer.importBatches([
            try ObservationReader().read(path: Repository.dataset("mofcom-published-2023-2025.csv"))
        ])
        store.failing.withLock { $0 = true }
        #expect(try await months() == before)
        #expect(try await PressSiteTests.get(site, "/figures?month=2021-04&lang=en").body == page.body)
        // Once it can be read, the new edition replaces the old one whole.
        store.failing.withLock { $0 = false }
        let after = try await months()
        #expect(after.contains("2025-10"), "\(after)")
    }
}

@Suite struct PressCacheBoundTests {
    @Test func theCacheStaysWithinItsByteLimit() async throws {
        let (folder, path, _) = try PressSiteTests.storeOf2017To2022()
        defer { folder.remove() }
        let limit = 300_000
        let site = PressSite(
            store: try TradeDatabase.readOnly(path: path), resources: try ShippedData.resources(), chromium: nil,
            cacheByteLimit: limit)
        var served = 0
        for month in ["2021-04", "2021-06", "2021-08", "2021-10", "2021-12", "2022-04"] {
            for lang in ["zh", "en", "both"] {
                let page = try await PressSiteTests.get(site, "/figures?month=\(month)&lang=\(lang)")
                #expect(page.status == 200)
                served += page.body.count
                #expect(site.cachedBytes <= limit)
            }
        }
        #expect(served > limit)  // more was served than the cache may hold
        #expect(site.cachedBytes > 0)
    }
}

@Suite struct PressHeadTests {
    @Test func headCarriesTheGetLengthAndEveryAnswerTheSecurityHeaders() async throws {
        let (site, _, folder) = try PressSiteTests.site(files: ["mofcom-published-2017-2022.csv"])
        defer { folder.remove() }
        for target in ["/figures?month=2021-04&lang=en", "/api/months", "/static/press.css", "/nowhere"] {
            let get = try await PressSiteTests.get(site, target)
            let head = await site.respond(
                to: try #require(PressRequest(method: "HEAD", target: target, ifNoneMatch: nil)))
            #expect(head.status == get.status, "\(target)")
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(get.body.count), "\(target)")
            #expect(head.header("X-Content-Type-Options") == "nosniff")
        }
        let bad = PressSite.badRequest()
        #expect(bad.status == 400)
        #expect(bad.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
        #expect(bad.header("X-Frame-Options") == "DENY")
    }
}

@Suite struct PressStaleWhileRefreshingTests {
    @Test func aSeenPageIsAnsweredAtOnceWhileItsNewVersionIsMade() async throws {
        let (folder, path, writer) = try PressSiteTests.storeOf2017To2022()
        defer { folder.remove() }
        let site = PressSite(
            store: try TradeDatabase.readOnly(path: path), resources: try ShippedData.resources(), chromium: nil,
            revalidateInterval: .zero,
            staleWhileRefreshing: true)
        func months() async throws -> String { try await PressSiteTests.get(site, "/api/months").text }
        let old = try await months()
        #expect(!old.contains("2025-10"))
        _ = try writer.importBatches([
            try ObservationReader().read(path: Repository.dataset("mofcom-published-2023-2025.csv"))
        ])
        // The first answer after the import is the page already made; its new version is made meanwhile.
        #expect(try await months() == old)
        var now = old
        for _ in 0..<300 where !now.contains("2025-10") {
            try await Task.sleep(for: .milliseconds(100))
            now = try await months()
        }
        #expect(now.contains("\"latest\" : \"2025-10\""), "\(now)")
    }
}
