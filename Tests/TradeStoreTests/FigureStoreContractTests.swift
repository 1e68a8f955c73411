import Foundation
import Testing
import TradeCore
import TradeIngest
import TradePostgres
import TradeStore
import TradeTestSupport

/// One suite for every store backend: SQLite always; PostgreSQL in a build with the PostgreSQL trait
/// when `$SVCTRADE_TEST_POSTGRES` names a server (`.ci/run` starts one), each test in a database
/// of its own. The oracles are published figures, the same for every backend.
@Suite struct FigureStoreContractTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// The backends this run can test; PostgreSQL is skipped with a visible message when unavailable.
    static var backends: [Backend] {
        #if PostgreSQL
            if PostgresTestServer.address != nil { return [.sqlite, .postgres] }
            print("FigureStoreContractTests: PostgreSQL cases skipped: no server in $SVCTRADE_TEST_POSTGRES")
        #else
            print("FigureStoreContractTests: PostgreSQL cases skipped: built without the PostgreSQL trait")
        #endif
        return [.sqlite]
    }

    /// A fresh, empty store of the backend (opened through the registry), and how to dispose of it.
    static func store(_ backend: Backend) async throws -> (any FigureWriter, () -> Void) {
        let (opener, dispose) = try await storeOpener(backend)
        return (try await opener(), dispose)
    }

    /// How to open a fresh store of the backend (again, as a second process would), and dispose of it.
    static func storeOpener(_ backend: Backend) async throws -> (
        @Sendable () async throws -> any FigureWriter, () -> Void
    ) {
        let (address, dispose) = try await fresh(backend)
        return ({ try await registry.writer(StoreRequest(address: address, mayCreate: true)) }, dispose)
    }

    /// The address of a fresh, empty store of the backend (schema and roles in place), and how to
    /// dispose of it.
    static func fresh(_ backend: Backend) async throws -> (String, () -> Void) {
        switch backend {
        case .sqlite:
            let folder = try TemporaryFolder()
            return (folder.file("s.sqlite"), { folder.remove() })
        case .postgres:
            #if PostgreSQL
                let database = try await PostgresTestServer.freshDatabase()
                try await PostgresStore(address: database.address).initialize(roles: true)
                return (database.address, database.drop)
            #else
                throw FixtureError(message: "PostgreSQL is not in this build")
            #endif
        }
    }

    /// The stores, as svctrade's registry opens them.
    static let registry = StoreRegistry([PostgresBackend.backend, TradeDatabase.backend])

    static func shipped() throws -> [ImportBatch] {
        try ShippedData.files.map {
            try ObservationReader(options: .init(releaseDate: nil)).read(path: Repository.dataset($0))
        }
    }

    @Test(arguments: backends)
    func importsAndReadsThePublishedRecord(_ backend: Backend) async throws {
        let (store, dispose) = try await Self.store(backend)
        defer { dispose() }
        let summary = try await store.importBatches(try Self.shipped())
        #expect(summary.releases.count == 3)
        #expect(summary.figures == 1198)
        #expect(try await store.storedReleases().map(\.name) == summary.releases)
        // January–April 2021 (MOFCOM, 2021-05-28): total 15644.5 亿元, up 3.3%; exports 7462.1, up 23.2%.
        let book = try await store.figureBook(
            FigureSelection(regions: ["CN"], months: try Period(parsing: "2021-01")...(try Period(parsing: "2021-04"))))
        let span = try PeriodSpan(parsing: "2021-01/2021-04")
        let total = book.figure(SeriesKey(region: "CN", sector: "S", flow: .total, currency: .cny), span)
        #expect(total?.value == Level(hundredths: 156_445_000_000_000))
        #expect(total?.rates.yearOnYear == DecimalNumber(parsing: "3.3"))
        let exports = book.figure(SeriesKey(region: "CN", sector: "S", flow: .export, currency: .cny), span)
        #expect(exports?.rates.yearOnYear == DecimalNumber(parsing: "23.2"))
        #expect(book.figures.allSatisfy { $0.key.region == "CN" && $0.span.end.year == 2021 })
        // Every copy, every source.
        #expect(try await store.figureHistory(.everything).count == 1198)
        // A release already stored is refused, saying which and what to do, and nothing changes.
        let again = try Self.shipped()[0]
        let name = try #require(again.releases.keys.first)
        let refusal =
            "release \"\(name)\" is already in the store (imported from \(again.file)); a new vintage needs its own name: svctrade import \(again.file) --release NAME [--release-date YYYY-MM-DD]"
        switch backend {
        case .sqlite:
            let error = await #expect(throws: StoreError.self) { try await store.importBatches([again]) }
            #expect(error == StoreError(.releaseExists, refusal))
        case .postgres:
            #if PostgreSQL
                let error = await #expect(throws: PostgresStoreError.self) { try await store.importBatches([again]) }
                #expect(error?.message == "error: " + refusal)
            #endif
        }
        #expect(try await store.figureHistory(.everything).count == 1198)
        // Series listing: 86 series; the national total's coverage.
        let summaries = try await store.seriesSummaries(.everything)
        #expect(summaries.count == 86)
        let cn = summaries.first { $0.key == SeriesKey(region: "CN", sector: "S", flow: .total, currency: .cny) }
        #expect(cn?.first == (try Period(parsing: "2017-05")))
        #expect(cn?.last == (try Period(parsing: "2025-10")))
        #expect(cn?.observationCount == 98)
        #expect(cn?.vintageCount == 2)
        #expect(cn?.gaps.count == 13)
        #expect(cn?.gaps.first == (try Period(parsing: "2017-07"))...(try Period(parsing: "2017-08")))
    }

    /// Two imports started together both land: the second writer waits for the first.
    @Test(arguments: backends)
    func twoImportsStartedTogetherBothLand(_ backend: Backend) async throws {
        let (open, dispose) = try await Self.storeOpener(backend)
        defer { dispose() }
        let batches = try Self.shipped()
        let store = try await open()
        let other = try await open()  // a second writer, as a second process would be
        async let a = Task.detached { try await store.importBatches([batches[0]]) }.value
        async let b = Task.detached { try await other.importBatches([batches[1]]) }.value
        let (first, second) = try await (a, b)
        #expect(first.releases.count == 1 && second.releases.count == 1)
        #expect(Set(try await store.storedReleases().map(\.name)).count == 2)
        #expect(try await store.figureHistory(.everything).count == first.figures + second.figures)
    }

    @Test(arguments: backends)
    func panelMonthsComeBackOverTheWindowAsked(_ backend: Backend) async throws {
        let (store, dispose) = try await Self.store(backend)
        defer { dispose() }
        var panel = MonthlyPanel()
        for (k, flow) in [Flow.export, .import].enumerated() {
            var s = MonthlyPanel.Series(
                key: SeriesKey(region: "R001", sector: "SA", flow: flow, currency: .cny),
                unit: MonetaryUnit(.cny, .tenThousand), decimals: 2, release: "panel-a", source: "test")
            for m in 0..<36 where m != 17 {
                let value = Int64(1_000_000 * (k + 1) + m * 1_000)
                s.set(value, at: 2019 * 12 + m)
            }
            panel.series.append(s)
        }
        let batch = ImportBatch(
            file: "panel", layout: "tidy long", panel: panel, figures: [], releases: ["panel-a": nil], notes: [],
            rowCount: 70)
        #expect(try await store.importBatches([batch]).monthlyValues == 70)
        let window = try Period(parsing: "2020-03")...(try Period(parsing: "2020-08"))
        let book = try await store.figureBook(FigureSelection(months: window))
        #expect(book.panel.series.count == 2)
        let x = try #require(book.panelSeries(SeriesKey(region: "R001", sector: "SA", flow: .export, currency: .cny)))
        let april: Int64? = 1_015_000
        #expect(x.value(at: try Period(parsing: "2020-04"))?.hundredths == april)
        #expect(x.value(at: try Period(parsing: "2020-06")) == nil)  // month 17 was never stored
        #expect(x.value(at: try Period(parsing: "2020-09")) == nil)  // outside the window
        #expect(x.value(at: try Period(parsing: "2020-02")) == nil)
        let slice = try await store.panelSlice(months: [2020 * 12 + 3, 2021 * 12 + 11], asOf: nil)
        #expect(slice.keys.count == 2)
        let expected: [Int64?] = [1_015_000, 1_035_000]
        #expect(Array(slice.values.prefix(2)) == expected)
        // The whole panel, as `derive` reads it: both series, all 35 stored months each.
        let whole = try await store.monthlyPanel(.everything)
        #expect(whole.series.map(\.key.flow).sorted { $0.rawValue < $1.rawValue } == [.export, .import])
        #expect(whole.observationCount == 70)
    }

    /// The panel bulletin's slice on every backend: a later dated release wins month by month, an
    /// undated one is applied first, `asOf` leaves out what was published after it, and a series
    /// with nothing in the window asked for is left out.
    @Test(arguments: backends)
    func panelSliceTakesTheLatestReleaseMonthByMonth(_ backend: Backend) async throws {
        let (store, dispose) = try await Self.store(backend)
        defer { dispose() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        func batch(_ name: String, _ date: String?, _ rows: [String]) throws -> ImportBatch {
            let path = try folder.write(name + ".csv", "period,region,sector,flow,value,unit\n" + rows.joined())
            return try ObservationReader(options: .init(release: name, releaseDate: date)).read(path: path)
        }
        let first = (1...4).flatMap { m in
            ["R1", "R2"].map { "2021-0\(m),\($0),S,export,\(m)0.5,CNY 10k\n" }
        }
        _ = try await store.importBatches([try batch("a", "2021-05-01", first + ["2019-01,R3,S,export,1,CNY 10k\n"])])
        _ = try await store.importBatches([try batch("b", "2021-06-01", ["2021-02,R1,S,export,7.25,CNY 10k\n"])])
        _ = try await store.importBatches([try batch("c", nil, ["2021-03,R2,S,export,999,CNY 10k\n"])])
        let months = [2021 * 12 + 1, 2021 * 12 + 2, 2021 * 12 + 4]  // February, March, May
        let latest = try await store.panelSlice(months: months, asOf: nil)
        #expect(latest.keys.map(\.region) == ["R1", "R2"])
        #expect(latest.units == Array(repeating: MonetaryUnit(.cny, .tenThousand), count: 2))
        let wan: Int64 = 1_000_000  // hundredths of a yuan in 1 万元
        let expected: [Int64?] = [725 * wan / 100, 305 * wan / 10, nil, 205 * wan / 10, 305 * wan / 10, nil]
        #expect(latest.values == expected)
        let earlier = try await store.panelSlice(months: months, asOf: "2021-05-15")
        #expect(Array(earlier.values.prefix(3)) == [205 * wan / 10, 305 * wan / 10, nil])
    }

    /// A store opened for reading through the registry cannot be written to, by type and underneath.
    @Test(arguments: backends)
    func aReaderFromTheRegistryNeverWrites(_ backend: Backend) async throws {
        let (address, dispose) = try await Self.fresh(backend)
        defer { dispose() }
        let store = try await Self.registry.writer(StoreRequest(address: address, mayCreate: true))
        _ = try await store.importBatches([try Self.shipped()[0]])
        let reader = try await Self.registry.reader(StoreRequest(address: address))
        #expect(try await reader.storedReleases().count == 1)
        // Underneath the type, the backend refuses a write through the reader's own connection.
        let writer = try #require(reader as? any FigureWriter)
        let second = try Self.shipped()[1]
        switch backend {
        case .sqlite:
            let refused = await #expect(throws: StoreError.self) { try await writer.importBatches([second]) }
            #expect(refused?.kind == .cannotOpen)
            #expect(refused?.message == "cannot open the store \(address): attempt to write a readonly database")
        case .postgres:
            #if PostgreSQL
                let refused = await #expect(throws: PostgresStoreError.self) {
                    try await writer.importBatches([second])
                }
                let shown = try #require((reader as? PostgresStore)?.address)
                #expect(refused?.message.hasPrefix("error: \(shown): the server said 25006: ") == true)
                #expect(
                    refused?.message.hasSuffix("in a read-only transaction") == true, "\(String(describing: refused))")
            #endif
        }
        #expect(try await store.storedReleases().count == 1)
    }
}

#if PostgreSQL
    @Suite struct PostgresDistributionTests {
        /// Every statement that reads or writes a big table names the distribution column, so that
        /// Citus routes it by `series_id` (joins on `s.id = f.series_id` or a filter on it).
        @Test func everyQueryOfABigTableUsesTheDistributionColumn() {
            for sql in PostgresSQL.statements
            where sql.contains("figure") || sql.contains("monthly_block") {
                // Grants, DDL (Citus propagates it to the shards) and the catalog check route nothing.
                if sql.hasPrefix("GRANT") || sql.hasPrefix("ALTER TABLE") || sql.contains("pg_attribute")
                    || sql.contains("pg_class")
                {
                    continue
                }
                #expect(sql.contains("series_id"), "\(sql)")
            }
            #expect(PostgresSQL.statements.count > 15)
        }
    }
#endif
