import Foundation
import Synchronization
import TradeBulletin
import TradeCore
import TradeReport

/// The press office's read-only site over a store: pages, downloads and a JSON API, as answers to
/// ``PressRequest``s (the web server in TradeServe only carries bytes).
///
/// Routes (every one `GET` or `HEAD`):
/// - `/` → the latest month's page (303);
/// - `/figures?month=YYYY-MM&lang=zh|en|both&vs=YYYY` → the page of a month;
/// - `/download/YYYY-MM/NAME?vs=YYYY` → a file of the month (bulletin, workbooks, charts, JSON, CSV, PDF);
/// - `/api/openapi.json` → the OpenAPI 3 document of `/api/`;
/// - `/api/months`, `/api/figures/YYYY-MM?lang=zh|en&vs=YYYY`, `/api/table/YYYY-MM?format=json|csv|…&lang=en|zh&vs=YYYY` (any `TableFormat`),
///   `/api/series?format=json|csv&region=CN&sector=S` → JSON (or CSV) for other tools;
/// - `/sdmx/2.1/dataflow|datastructure|codelist|conceptscheme/…` → SDMX-ML 2.1 structure messages, and
///   `/sdmx/2.1/data/DF_SVC_TRADE/KEY?startPeriod=&endPeriod=` → SDMX-ML generic data or SDMX-CSV
///   (``SDMXQuery``; errors as SDMX-ML error messages);
/// - `/static/press.css`, `/static/press.js`.
///
/// A month under embargo (release.toml, ``now``) answers 404 on its own routes, and its figures are
/// left out of the answers that span months (`/api/series`, SDMX data).
///
/// The site never writes to the store. A bad parameter gets a 4xx answer that says what is valid
/// (never a 500). Answers are cached, each with an entity tag, until the store's list of releases
/// changes (checked at most every ``revalidateInterval``) or a month comes out of embargo.
public final class PressSite: Sendable {
    /// The store read.
    let store: any FigureReader
    /// The press templates, release settings and pilot practices, loaded when the site was made.
    let resources: BulletinResources
    /// Chromium for the PDF download, when the machine has it.
    let chromium: String?
    /// How long a check that the store has not changed is trusted.
    public let revalidateInterval: Duration
    /// The most bytes of answers kept in the cache (bodies); past it the cache starts again empty.
    public let cacheByteLimit: Int

    /// Whether a page cached before the store changed is still answered while its new version is
    /// made in the background (`svctrade serve`: an import never makes the press office wait for a
    /// page it has seen); off, the first request after a change waits for the new page.
    public let staleWhileRefreshing: Bool

    /// The clock the embargo is read against (tests set it; `svctrade serve` takes the system's). A
    /// month whose release moment (``TradeReport/ReleaseHeader/releaseMoment(through:)``) is after
    /// `now()` answers 404 "embargoed until …" on its page, downloads and API, is left out of the
    /// month lists, and its figures (every figure ending in it, and its monthly values) are left out
    /// of `/api/series` and the SDMX data answers until then.
    public let now: @Sendable () -> Date

    private struct Cached {
        var response: PressResponse
        /// The store version it was made from.
        var version: String?
    }

    private struct State {
        var checked: ContinuousClock.Instant?
        var storeVersion: String?
        var months: [Period] = []
        var editions: [String: PressEdition] = [:]
        var responses: [String: Cached] = [:]
        var responseBytes = 0
        var pdfs: [String: Data] = [:]
        /// Pages being made again in the background.
        var refreshing: Set<String> = []
    }
    /// One bulletin composed at a time: composing takes a core for about half a second, and cached
    /// answers need the other one.
    private let composing = AsyncGate()
    private let state = Mutex(State())
    private static let cacheLimit = 512

    /// A site over `store` with the bulletin's `resources` (loaded once, when the server starts);
    /// `chromium` (e.g. ``BulletinPrinter/chromium(path:)``) enables the PDF.
    public init(
        store: any FigureReader, resources: BulletinResources, chromium: String?,
        revalidateInterval: Duration = .seconds(1), cacheByteLimit: Int = 64 << 20,
        staleWhileRefreshing: Bool = false, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.now = now
        self.staleWhileRefreshing = staleWhileRefreshing
        self.cacheByteLimit = cacheByteLimit
        self.store = store
        self.resources = resources
        self.chromium = chromium
        self.revalidateInterval = revalidateInterval
    }

    /// The answer to a request (it may read the store and compose a bulletin; the composing runs off
    /// the cooperative threads).
    public func respond(to request: PressRequest) async -> PressResponse {
        let isAPI = request.segments.first == "api"
        let isSDMX = request.segments.first == "sdmx"
        /// A refusal in the form of the part of the site asked: SDMX-ML, JSON or a page.
        func refused(_ refusal: PressRefusal) -> PressResponse {
            if isSDMX { return SDMXService.error(SDMXRefusal(status: refusal.status, message: refusal.message)) }
            return isAPI ? Self.jsonError(refusal) : PressPage.errorPage(refusal, months: knownMonths())
        }
        var response: PressResponse
        do {
            guard request.method == "GET" || request.method == "HEAD" else {
                throw PressRefusal(status: 405, message: "this site only reads: use GET (or HEAD)")
            }
            response = try await cachedAnswer(request)
        } catch let refusal as PressRefusal {
            response = refused(refusal)
            if refusal.status == 405 { response.headers.append(.init(name: "Allow", value: "GET, HEAD")) }
        } catch {
            let refusal = PressRefusal(
                status: 503,
                message:
                    "this answer could not be made (the store could not be read, or the templates or datasets folder given to svctrade serve is missing something): \(ControlCharacters.escaped("\(error)"))"
            )
            response = refused(refusal)
        }
        if let tag = response.header("ETag"), request.ifNoneMatch?.contains(tag) == true, response.status == 200 {
            response = PressResponse(
                status: 304, headers: response.headers.filter { $0.name != "Content-Length" }, body: Data())
        }
        if request.method == "HEAD" {
            // A HEAD answer carries the length the GET answer would have, without the body.
            if response.status != 304, response.header("Content-Length") == nil {
                response.headers.append(.init(name: "Content-Length", value: String(response.body.count)))
            }
            response.body = Data()
        }
        response.headers = Self.securityHeaders(for: request) + response.headers
        return response
    }

    // MARK: - Cache

    /// Bytes of answers held in the cache now (at most ``cacheByteLimit``).
    public var cachedBytes: Int { state.withLock { $0.responseBytes } }

    /// The months of the store that are released (not under embargo now), as last read (error pages
    /// list them without reading again).
    private func knownMonths() -> [Period] {
        let at = now()
        return state.withLock { $0.months }.filter { resources.release.embargo(through: $0, at: at) == nil }
    }

    /// Refuses a route of a month under embargo: 404, saying until when.
    private func checkEmbargo(_ route: PressRoute) throws(PressRefusal) {
        guard let month = route.month, let moment = resources.release.embargo(through: month, at: now()) else { return }
        throw PressRefusal(
            status: 404,
            message:
                "\(month) is embargoed until \(moment) (release.toml); its page, downloads and API answer from then on"
        )
    }

    /// Replaces the cached edition when the store's releases changed since the last check, in one
    /// step: readers keep the old edition (months, pages) until the new one is complete. The months
    /// are read between two reads of the release list, and used only when both agree (an import that
    /// commits in between is picked up by the next check); a failed read keeps the old edition.
    private func revalidate() async throws {
        let now = ContinuousClock.now
        let (due, current) = state.withLock { s in
            (s.checked.map { now - $0 >= revalidateInterval } ?? true, s.storeVersion)
        }
        guard due else { return }
        @Sendable func version() async throws -> String {
            try await store.storedReleases().map { "\($0.name)\u{1F}\($0.published ?? "")\u{1F}\($0.file)" }
                .joined(separator: "\u{1E}")
        }
        let before: String
        do {
            before = try await version()
        } catch {
            // The store cannot be read just now: keep answering from the edition we have (if any).
            if current == nil { throw error }
            return
        }
        if before == current {
            state.withLock { $0.checked = now }
            return
        }
        let months: [Period]
        do {
            months = try await PressEdition.months(store: store)
            guard try await version() == before else { return }  // changed meanwhile: the next check takes it
        } catch {
            if current == nil { throw error }
            return
        }
        state.withLock { s in
            if staleWhileRefreshing {
                // Pages stay, marked old by their version; everything they were made from goes.
                s.checked = now
                s.storeVersion = before
                s.months = months
                s.editions = [:]
                s.pdfs = [:]
            } else {
                s = State(checked: now, storeVersion: before, months: months)
            }
        }
    }

    private func cachedAnswer(_ request: PressRequest) async throws -> PressResponse {
        if request.segments.first == "static" { return try PressAssets.response(request.segments) }
        try await revalidate()
        let route = try PressRoute(request, months: state.withLock { $0.months })
        try checkEmbargo(route)
        // Answers list the released months and leave out the figures of the others: a month coming
        // out of embargo makes them anew (an import alone does not change the key, so a page seen
        // before it can still be answered meanwhile). The answer is made with the embargo of its key.
        let embargo = PressEmbargo(resources.release, at: now())
        let key = route.cacheKey + embargo.cacheKey
        let (hit, fresh) = state.withLock { s -> (PressResponse?, Bool) in
            guard let c = s.responses[key] else { return (nil, false) }
            return (c.response, c.version == s.storeVersion)
        }
        if let hit {
            if !fresh { refreshInBackground(route, embargo, key: key) }
            return hit
        }
        return try await make(route, embargo, key: key)
    }

    /// Makes an answer and caches it under `key` with the store version it was made from.
    private func make(_ route: PressRoute, _ embargo: PressEmbargo, key: String) async throws -> PressResponse {
        let version = state.withLock { $0.storeVersion }
        var response = try await answer(route, embargo)
        response.headers.append(.init(name: "ETag", value: "\"\(ContentDigest.hex(response.body))\""))
        response.headers.append(.init(name: "Cache-Control", value: "no-cache"))
        let stored = response
        if response.status == 200 || response.status == 303 {
            state.withLock { s in
                let replaced = s.responses[key]?.response.body.count ?? 0
                if s.responses.count >= Self.cacheLimit
                    || s.responseBytes - replaced + stored.body.count > cacheByteLimit
                {
                    s.responses.removeAll()
                    s.responseBytes = 0
                }
                guard stored.body.count <= cacheByteLimit else { return }
                s.responseBytes += stored.body.count - (s.responses[key]?.response.body.count ?? 0)
                s.responses[key] = Cached(response: stored, version: version)
            }
        }
        return response
    }

    /// Makes a page again after the store changed, once at a time per page, off the request path; the
    /// old page is answered meanwhile.
    private func refreshInBackground(_ route: PressRoute, _ embargo: PressEmbargo, key: String) {
        let start = state.withLock { s -> Bool in s.refreshing.insert(key).inserted }
        guard start else { return }
        Task {
            _ = try? await self.make(route, embargo, key: key)
            self.state.withLock { s in _ = s.refreshing.remove(key) }
        }
    }

    private func edition(_ month: Period, _ baseYear: Int?) async throws -> PressEdition {
        let key = "\(month)/\(baseYear.map(String.init) ?? "-")"
        if let cached = state.withLock({ $0.editions[key] }) { return cached }
        let (store, resources) = (store, resources)
        let made = try await composing.holding { () -> PressEdition? in
            if state.withLock({ $0.editions[key] }) != nil { return nil }  // made while we waited
            return try await PressEdition.compose(store: store, month: month, baseYear: baseYear, resources: resources)
        }
        guard let edition = made else { return try await self.edition(month, baseYear) }
        state.withLock { s in
            if s.editions.count >= 64 { s.editions.removeAll() }
            s.editions[key] = edition
        }
        return edition
    }

    // MARK: - Answers

    /// The answer to `route`; the figures of the months under `embargo` are left out of answers that
    /// span several months (the routes of one month under embargo were refused before).
    private func answer(_ route: PressRoute, _ embargo: PressEmbargo) async throws -> PressResponse {
        switch route {
        case .home:
            guard let latest = knownMonths().last else {
                throw PressRefusal(
                    status: 404,
                    message:
                        "the store has no national January-to-month figures yet; import the published figures (svctrade import datasets/…)"
                )
            }
            return PressResponse(
                status: 303, headers: [.init(name: "Location", value: "/figures?month=\(latest)&lang=both")],
                body: Data())
        case .page(let month, let languages, let baseYear):
            let edition = try await edition(month, baseYear)
            let html = PressPage.page(
                edition: edition, languages: languages, months: knownMonths(), pdf: chromium != nil)
            return Self.ok(Data(html.utf8), type: "text/html; charset=utf-8")
        case .download(let month, let name, let baseYear):
            let edition = try await edition(month, baseYear)
            let data: Data
            if name == "bulletin.pdf" {
                data = try pdf(edition)
            } else if let file = edition.download(name) {
                data = file.data
            } else {
                throw PressRefusal(
                    status: 404,
                    message:
                        "\(month) has no download called \"\(ControlCharacters.escaped(name))\"; it offers \((edition.downloads.map(\.name) + (chromium == nil ? [] : ["bulletin.pdf"])).joined(separator: ", "))"
                )
            }
            var response = Self.ok(data, type: PressAssets.contentType(of: name))
            let leaf = name.split(separator: "/").last.map(String.init) ?? name
            response.headers.append(
                .init(name: "Content-Disposition", value: "attachment; filename=\"svctrade-\(month)-\(leaf)\""))
            return response
        case .apiIndex:
            return Self.ok(Data(PressAPI.index.utf8), type: "application/json")
        case .apiMonths:
            return Self.ok(Data(PressAPI.months(knownMonths()).utf8), type: "application/json")
        case .apiOpenAPI:
            return Self.ok(Data((PressOpenAPI.document + "\n").utf8), type: "application/json")
        case .apiFigures(let month, let language, let baseYear):
            let asOf = BulletinComposer.vintage(through: month, given: nil, header: resources.release)
            let book = try await store.figureBook(
                PressDocuments.selection(through: month, baseYear: baseYear, asOf: asOf))
            let release = try PressDocuments.release(
                book: book, through: month, baseYear: baseYear, language: language, resources: resources)
            return Self.ok(Data(try PressDocuments.json(release).utf8), type: "application/json")
        case .apiTable(let month, let format, let language, let baseYear):
            let query = BulletinQuery(through: month)
            let book = try await store.figureBook(query.selection(baseYear: baseYear, asOf: nil))
            let table = BulletinTable(book: book, query: query, baseYear: baseYear, lang: language)
            return Self.ok(try table.rendered(format), type: format.renderer.mediaType)
        case .sdmx(let query):
            return try await sdmx(query, embargo)
        case .apiSeries(let selection, let csv):
            let table = SeriesListing.table(try await embargo.summaries(selection, store: store))
            return csv
                ? Self.ok(Data(CSVRenderer.render(table).utf8), type: "text/csv; charset=utf-8")
                : Self.ok(Data(SeriesListing.json(table).utf8), type: "application/json")
        }
    }

    /// The answer of an SDMX query: a structure message, or the store's data without the
    /// observations of months under `embargo` (its `Prepared` date the latest publication date in the
    /// store, so that the same store gives the same bytes).
    private func sdmx(_ query: SDMXQuery, _ embargo: PressEmbargo) async throws -> PressResponse {
        do {
            switch query {
            case .structure(let q):
                return try SDMXService.structure(q)
            case .data(let q):
                let published = try await store.storedReleases().compactMap(\.published).max()
                return try await SDMXService.data(
                    q, format: q.format ?? .genericData, store: store, embargo: embargo,
                    prepared: published.map { "\($0)T00:00:00Z" } ?? SDMXStructureWriter.shippedPrepared)
            }
        } catch let refusal as SDMXRefusal {
            throw PressRefusal(status: refusal.status, message: refusal.message)
        }
    }

    /// The bulletin printed by Chromium (as `svctrade demo` prints it), once per edition.
    private func pdf(_ edition: PressEdition) throws -> Data {
        guard let chromium else {
            throw PressRefusal(
                status: 404,
                message: "this server has no Chromium to print the PDF; download bulletin.html and print it instead")
        }
        let key = "\(edition.month)/\(edition.baseYear.map(String.init) ?? "-")"
        if let cached = state.withLock({ $0.pdfs[key] }) { return cached }
        guard let html = edition.download("bulletin.html") else {
            throw PressRefusal(status: 404, message: "\(edition.month) has no bulletin to print")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svctrade-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("bulletin.html")
        let path = folder.appendingPathComponent("bulletin.pdf").path
        let data: Data
        do {
            try html.data.write(to: page)
            try BulletinPrinter.print(html: page.path, to: path, chromium: chromium)
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PressRefusal(
                status: 503,
                message:
                    "the PDF could not be printed (\(ControlCharacters.escaped("\(error)"))); download bulletin.html and print it instead"
            )
        }
        state.withLock { s in
            if s.pdfs.count >= 8 { s.pdfs.removeAll() }
            s.pdfs[key] = data
        }
        return data
    }

    // MARK: - Headers

    static func ok(_ body: Data, type: String) -> PressResponse {
        PressResponse(status: 200, headers: [.init(name: "Content-Type", value: type)], body: body)
    }

    static func jsonError(_ refusal: PressRefusal) -> PressResponse {
        let body = "{\"error\":\(JSONRenderer.quote(refusal.message)),\"status\":\(refusal.status)}\n"
        return PressResponse(
            status: refusal.status, headers: [.init(name: "Content-Type", value: "application/json")],
            body: Data(body.utf8))
    }

    /// The answer to a request the server cannot read as a path (bad framing, bad encoding): 400, with
    /// the same security headers as every other answer.
    public static func badRequest(_ message: String = "not a request path") -> PressResponse {
        PressResponse(
            status: 400,
            headers: securityHeaders()
                + [.init(name: "Content-Type", value: "text/plain; charset=utf-8")],
            body: Data((message + "\n").utf8))
    }

    /// The answer to a connection beyond the server's limit: 503, try again in a few seconds, with the
    /// same security headers as every other answer.
    public static func busy() -> PressResponse {
        PressResponse(
            status: 503,
            headers: securityHeaders()
                + [
                    .init(name: "Content-Type", value: "text/plain; charset=utf-8"),
                    .init(name: "Retry-After", value: "5"),
                ],
            body: Data("the press page is busy: try again in a few seconds\n".utf8))
    }

    /// Headers on every answer: a content security policy with no inline script or style (the
    /// page's script and style are files of the site), no sniffing, no framing, no referrer.
    /// ``respond(to:)`` adds them; the server adds them to the answers it writes itself.
    public static func securityHeaders(for request: PressRequest? = nil) -> [PressResponse.Header] {
        [
            .init(
                name: "Content-Security-Policy",
                value:
                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
            ),
            .init(name: "X-Content-Type-Options", value: "nosniff"),
            .init(name: "X-Frame-Options", value: "DENY"),
            .init(name: "Referrer-Policy", value: "no-referrer"),
            .init(name: "Cross-Origin-Opener-Policy", value: "same-origin"),
        ]
    }
}
