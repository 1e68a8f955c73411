import Foundation
import Testing
import TradeCore
import TradeIngest
import TradeStore
import TradeTestSupport

@Suite struct TradeDatabaseTests {
    let yi = MonetaryUnit(.cny, .hundredMillion)

    func batch(_ folder: TemporaryFolder, _ name: String, _ text: String, release: String? = nil, date: String? = nil)
        throws -> ImportBatch
    {
        let path = try folder.write(name, text)
        return try ObservationReader(options: .init(release: release, releaseDate: date)).read(
            path: path, displayName: name)
    }

    @Test func migrationsCreateTheSchemaOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("m.sqlite")
        #expect(try TradeDatabase(path: path).appliedMigrations() == ["v1", "v2", "v3", "v4"])
        // Reopening migrates nothing.
        #expect(try TradeDatabase(path: path).appliedMigrations() == ["v1", "v2", "v3", "v4"])
    }

    @Test func refusesAFileThatIsNotAStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("not.sqlite", String(repeating: "not a database ", count: 100))
        #expect(throws: StoreError.self) { try TradeDatabase(path: path) }
    }

    @Test func figuresRoundTripExactly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try TradeDatabase.inMemory()
        let b = try batch(
            folder, "f.csv",
            """
            period_from,period_to,period_kind,scope,sector,flow,currency,unit,value,yoy_pct,vs2019_pct,two_year_avg_pct,share_pct,share_change_pp,balance_change,source_url
            2021-01,2021-04,cumulative,China,total,balance,CNY,CNY 100m,-720.4,-76.3,,,,,2313.2,http://example.org/a
            2021-01,2021-04,cumulative,China,knowledge-intensive,total,CNY,CNY 100m,7325.3,14.9,,,46.8,4.7,,http://example.org/a
            2021-01,2021-04,cumulative,China,total,total,CNY,,,,-10.3,-5.3,,,,http://example.org/a

            """, date: "2021-06-03")
        let summary = try db.importBatches([b])
        #expect(summary == .init(releases: ["f"], newSeries: 3, figures: 3, monthlyValues: 0))
        let stored = try db.figures()
        #expect(stored.map(\.observation) == b.figures.map(\.observation).sorted { $0.key < $1.key })
        let kis = try #require(stored.first { $0.observation.key.sector == "KIS" })
        #expect(kis.observation.rates.share?.description == "46.8")
        #expect(kis.observation.unit == yi)
        #expect(kis.observation.decimals == 1)
        #expect(kis.releaseDate == "2021-06-03")
        let balance = try #require(stored.first { $0.observation.key.flow == .balance })
        #expect(balance.observation.rates.balanceChange?.formatted(in: yi, places: 1) == "2313.2")
        let rateOnly = try #require(
            stored.first { $0.observation.key.flow == .total && $0.observation.key.sector == "S" })
        #expect(rateOnly.observation.value == nil)
        #expect(rateOnly.observation.rates.twoYearAverage?.description == "-5.3")
    }

    @Test func monthlyPanelRoundTripsAndLaterReleasesAreNewVintages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try TradeDatabase.inMemory()
        let first = try batch(
            folder, "may.csv",
            "period,region,sector,flow,value,unit\n2021-04,CN,S,total,4061.9,CNY 100m\n2021-05,CN,S,total,3736.1,CNY 100m\n",
            release: "2021-06", date: "2021-06-30")
        let second = try batch(
            folder, "may2.csv", "period,region,sector,flow,value,unit\n2021-05,CN,S,total,3734.5,CNY 100m\n",
            release: "2021-07", date: "2021-07-30")
        _ = try db.importBatches([first])
        _ = try db.importBatches([second])
        let may = try Period(parsing: "2021-05")
        #expect(try db.monthlyPanel().series.first?.value(at: may)?.formatted(in: yi, places: 1) == "3734.5")  // latest
        #expect(
            try db.monthlyPanel(asOf: "2021-07-01").series.first?.value(at: may)?.formatted(in: yi, places: 1)
                == "3736.1")  // as first published
        #expect(
            try db.monthlyPanel(asOf: "2021-07-01").series.first?.value(at: try Period(parsing: "2021-04"))?.formatted(
                in: yi, places: 1) == "4061.9")
        let summaries = try db.seriesSummaries()
        #expect(summaries.count == 1)
        #expect(summaries[0].vintageCount == 2)
        #expect(summaries[0].observationCount == 3)
        #expect(try db.releases().map(\.name) == ["2021-06", "2021-07"])
    }

    @Test func aRepeatedReleaseIsRejectedAndTheStoreIsUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("s.sqlite")
        let b = try batch(folder, "a.csv", "period,region,sector,flow,value\n2021-04,CN,S,X,1\n")
        _ = try TradeDatabase(path: path).importBatches([b])
        let before = try TradeDatabase(path: path).logicalDump()
        #expect(before.hasPrefix("ok\n# figure\n"))
        let again = try batch(folder, "a.csv", "period,region,sector,flow,value\n2021-04,CN,S,X,2\n2021-05,CN,S,X,3\n")
        #expect(
            throws: StoreError(
                .releaseExists,
                "release \"a\" is already in the store (imported from a.csv); a new vintage needs its own name: svctrade import a.csv --release NAME [--release-date YYYY-MM-DD]"
            )
        ) {
            try TradeDatabase(path: path).importBatches([again])
        }
        #expect(try TradeDatabase(path: path).logicalDump() == before)
    }

    @Test func gapsAreRunsOfUncoveredMonthsAndJanFebCoversJanuary() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let db = try TradeDatabase.inMemory()
        let b = try batch(
            folder, "g.csv",
            """
            period,region,sector,flow,value,unit
            2021-01/2021-02,CN,S,total,1,CNY 100m
            2021-01/2021-03,CN,S,total,2,CNY 100m
            2021-01/2021-06,CN,S,total,3,CNY 100m
            2021-08,CN,S,total,4,CNY 100m

            """)
        _ = try db.importBatches([b])
        let s = try #require(try db.seriesSummaries().first)
        #expect("\(s.first)...\(s.last)" == "2021-01...2021-08")
        #expect(s.gaps.map { "\($0.lowerBound)..\($0.upperBound)" } == ["2021-04..2021-05", "2021-07..2021-07"])
        #expect(s.observationCount == 4)
    }
}
