#if PostgreSQL
    import Foundation
    import PostgresNIO
    import Testing
    import TradeCore
    import TradeIngest
    import TradeTestSupport

    @testable import TradePostgres

    /// The PostgreSQL panel read (`svctrade table --panel`): blocks packed by the server into one value
    /// per part of the series ids, read over two connections sharing one snapshot.
    @Suite struct PostgresPanelReadTests {
        /// Bytes as PostgreSQL's `int8send`, `int4send` and a length-prefixed `textsend` write them.
        static func record(_ id: Int64, _ text: String) -> [UInt8] {
            let utf8 = Array(text.utf8)
            return withUnsafeBytes(of: id.bigEndian, Array.init)
                + withUnsafeBytes(of: Int32(utf8.count).bigEndian, Array.init)
                + utf8
        }

        @Test func aPackedRecordIsReadFieldByField() throws {
            let bytes = Self.record(36_069, "CNY 10k") + Self.record(-2, "亿元")
            let read = try bytes.withUnsafeBytes { raw throws -> (Int64, String, Int64, String, Bool) in
                var reader = PackedRecordReader(raw)
                return (try reader.int64(), try reader.text(), try reader.int64(), try reader.text(), reader.atEnd)
            }
            #expect(read == (36_069, "CNY 10k", -2, "亿元", true))
        }

        @Test func aRecordCutShortIsAnErrorNotARead() throws {
            // A 7-byte text announced, 3 bytes sent.
            let bytes = Array(Self.record(1, "CNY 10k").dropLast(4))
            let error = bytes.withUnsafeBytes { raw in
                var reader = PackedRecordReader(raw)
                _ = try? reader.int64()
                return #expect(throws: PostgresStoreError.self) { try reader.text() }
            }
            #expect(error?.message.contains("cut short at byte 12 of 15 (7 more bytes expected)") == true)
        }

        @Test func aSeriesKeyIsReadFromItsFourFields() throws {
            #expect(
                try PostgresStore.key("R001\u{1F}SA\u{1F}export\u{1F}CNY")
                    == SeriesKey(region: "R001", sector: "SA", flow: .export, currency: .cny))
            // UTF-8 of more than one byte a character, and an empty field, cut at the right bytes.
            #expect(
                try PostgresStore.key("北京\u{1F}\u{1F}import\u{1F}USD")
                    == SeriesKey(region: "北京", sector: "", flow: .import, currency: .usd))
            // A flow svctrade does not know.
            #expect(try PostgresStore.key("R001\u{1F}SA\u{1F}re-export\u{1F}CNY") == nil)
            let short = #expect(throws: PostgresStoreError.self) { try PostgresStore.key("R001\u{1F}SA\u{1F}export") }
            #expect(short?.message.contains("(\"R001\u{1F}SA\u{1F}export\")") == true)
            let error = #expect(throws: PostgresStoreError.self) {
                try PostgresStore.key("R\u{1F}01\u{1F}SA\u{1F}export\u{1F}CNY")
            }
            #expect(error?.message.contains("holds the control character U+001F") == true)
        }

        /// Seven series over three releases; the slice is the same in one part or many, on one
        /// connection or two, or when the second connection is refused; a damaged key is refused.
        @Test func theSliceIsTheSameInPartsOverOneOrTwoConnections() async throws {
            try await Self.withFreshStore { address, store, folder in
                try await Self.slicesInParts(address, store, folder)
            }
        }

        /// An import that grows a table past autovacuum's threshold (50 rows and 10 % of the rows the planner
        /// knew of) gathers the planner's statistics in its own transaction, so the first read after a bulk
        /// import is not planned for an empty table; a small import leaves them to autovacuum; a writer who
        /// does not own the tables imports all the same (the server skips its ANALYZE with a warning).
        @Test func aBulkImportGathersThePlannersStatistics() async throws {
            guard PostgresTestServer.address != nil else { return }
            let database = try await PostgresTestServer.freshDatabase()
            defer { database.drop() }
            let store = try await PostgresStore(address: database.address)
            try await store.initialize(roles: true)
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            func plannerRows() async throws -> [String] {
                try await store.exclusive { c in
                    try await PostgresStore.rows(
                        c,
                        "SELECT relname::text, reltuples::int8 FROM pg_class WHERE relname IN ('monthly_block', 'series') ORDER BY 1"
                    ).map { row in
                        let (table, rows) = try row.decode((String, Int64).self)
                        return "\(table) \(rows)"
                    }
                }
            }
            func batch(_ name: String, _ regions: ClosedRange<Int>) throws -> ImportBatch {
                let rows = regions.map { "2021-01,R\($0),S,export,1.5,CNY 10k\n2021-02,R\($0),S,export,2,CNY 10k\n" }
                let path = try folder.write(name + ".csv", "period,region,sector,flow,value,unit\n" + rows.joined())
                return try ObservationReader(options: .init(release: name, releaseDate: "2021-03-01")).read(path: path)
            }
            #expect(try await plannerRows() == ["monthly_block -1", "series -1"])
            _ = try await store.importBatches([try batch("a", 1...60)])  // 60 > 50 + 0
            #expect(try await plannerRows() == ["monthly_block 60", "series 60"])
            _ = try await store.importBatches([try batch("b", 61...65)])  // 5 ≤ 50 + 6
            #expect(try await plannerRows() == ["monthly_block 60", "series 60"])
            let role = "writer_" + String(database.name.suffix(8))
            try await database.server.execute("CREATE ROLE \(role) LOGIN PASSWORD 'writes' IN ROLE svctrade_writer")
            defer {
                Task.detached { [server = database.server] in try? await server.execute("DROP ROLE IF EXISTS \(role)") }
            }
            var components = try #require(URLComponents(string: database.address))
            (components.user, components.password) = (role, "writes")
            let writer = try await PostgresStore(address: try #require(components.string))
            let summary = try await writer.importBatches([try batch("c", 101...200)])
            #expect(summary.monthlyValues == 200)
            #expect(try await plannerRows() == ["monthly_block 60", "series 60"])
            #expect(try await store.panelSlice(months: [2021 * 12], asOf: nil).keys.count == 165)
        }

        /// Each connection asks for its next part from its event loop as the last one comes back: every part
        /// is read once, in any order, over one connection or two; a part whose query cannot be made, or
        /// that the server refuses, ends the read with that error (no part asked for after it, nothing
        /// left in flight: the connection answers the next query).
        @Test func aPartedReadTakesEachPartOnceAndStopsAtAnError() async throws {
            try await Self.withFreshStore { _, store, _ in
                struct NoQuery: Error, Equatable { let part: Int64 }
                func partedRead(failing: Int64? = nil, refused: Int64? = nil) -> PartedRead<Int64> {
                    PartedRead(
                        parts: (1...12).map { $0...$0 },
                        query: { ids in
                            if ids.lowerBound == failing { throw NoQuery(part: ids.lowerBound) }
                            // The part's number back as the packed count; division by zero for a refused one.
                            let divisor = ids.lowerBound == refused ? 0 : 1
                            return PostgresQuery(
                                unsafeSQL: "SELECT \(ids.lowerBound) / \(divisor), NULL::bytea",
                                binds: PostgresBindings())
                        },
                        decode: { part in [Int64(part.count)] })
                }
                /// The parts read, sorted, or the error that ended the read.
                func outcome(_ work: PartedRead<Int64>) async throws -> String {
                    try await store.exclusive { c in
                        do {
                            return "\(try await work.read(c).sorted())"
                        } catch let error as NoQuery {
                            return "no query for part \(error.part)"
                        } catch {
                            return "the server said \(PostgresStoreError.sqlState(error) ?? "\(error)")"
                        }
                    }
                }
                #expect(try await outcome(partedRead()) == "\(Array(1...12))")
                let two = partedRead()
                let (mine, helped) = try await store.inSnapshot { c in
                    let snapshot = try await PostgresStore.rows(c, "SELECT pg_export_snapshot()").first?.decode(
                        String.self)
                    async let helped = PostgresStore.readOnSecondConnection(
                        store.configuration, snapshot: snapshot, deadline: 60, two)
                    return (try await two.read(c), try await helped)
                }
                #expect((mine + helped).sorted() == Array(1...12))
                #expect(try await outcome(partedRead(failing: 5)) == "no query for part 5")
                #expect(try await outcome(partedRead(refused: 3)) == "the server said 22012")
                #expect(try await store.storedReleases().isEmpty)
            }
        }

        /// A new store in a fresh database with a temporary folder (nothing without a test server).
        static func withFreshStore(
            _ body: (_ address: String, PostgresStore, TemporaryFolder) async throws -> Void
        ) async throws {
            guard PostgresTestServer.address != nil else {
                print("PostgresPanelReadTests skipped: no server in $SVCTRADE_TEST_POSTGRES")
                return
            }
            let database = try await PostgresTestServer.freshDatabase()
            defer { database.drop() }
            let store = try await PostgresStore(address: database.address)
            try await store.initialize(roles: false)
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try await body(database.address, store, folder)
        }

        static func slicesInParts(_ address: String, _ store: PostgresStore, _ folder: TemporaryFolder) async throws {
            func batch(_ name: String, _ date: String, _ rows: [String]) throws -> ImportBatch {
                let path = try folder.write(name + ".csv", "period,region,sector,flow,value,unit\n" + rows.joined())
                return try ObservationReader(options: .init(release: name, releaseDate: date)).read(path: path)
            }
            let regions = (1...7).map { "R\($0)" }
            let first = regions.flatMap { r in (1...4).map { m in "2021-0\(m),\(r),S,export,\(m)0.5,CNY 10k\n" } }
            _ = try await store.importBatches([try batch("a", "2021-05-01", first)])
            _ = try await store.importBatches([try batch("b", "2021-06-01", ["2021-02,R3,S,export,7.25,CNY 10k\n"])])
            _ = try await store.importBatches([try batch("c", "2021-07-01", ["2021-04,R6,S,export,99,CNY 10k\n"])])
            let months = [2021 * 12 + 1, 2021 * 12 + 3]  // February, April
            let whole = try await store.panelSlice(months: months, asOf: nil)
            #expect(whole.keys.map(\.region) == regions)
            let wan: Int64 = 1_000_000
            var expected: [Int64?] = regions.flatMap { _ in [205 * wan / 10, 405 * wan / 10] }
            expected[4] = 725 * wan / 100  // R3 in February, from release b
            expected[11] = 99 * wan  // R6 in April, from release c
            #expect(whole.values == expected)
            let url = try #require(URL(string: address))
            let refused = PostgresConnection.Configuration(
                host: "127.0.0.1", port: 1, username: url.user ?? "", password: url.password,
                database: String(url.path.dropFirst()), tls: .disable)
            // The panel of a table (`figureBook`, `monthlyPanel`) is read the same way.
            let window = FigureSelection(months: try Period(parsing: "2021-02")...(try Period(parsing: "2021-04")))
            let panel = try await store.monthlyPanel(window).series
            #expect(panel.map(\.key.region) == regions && panel.allSatisfy { $0.firstMonth == 2021 * 12 + 1 })
            #expect(panel[2].values == [725 * wan / 100, 305 * wan / 10, 405 * wan / 10])
            #expect(panel[2].release == "b" && panel[5].release == "c" && panel[0].release == "a")
            func rows(_ p: [MonthlyPanel.Series]) -> [String] {
                p.map { "\($0.key) \($0.firstMonth) \($0.values) \($0.present) \($0.release) \($0.source)" }
            }
            func readsInParts() async throws {
                for (size, helper) in [(1, store.configuration), (2, nil), (3, refused), (1, refused)] {
                    let how = PostgresStore.PanelRead(helper: helper, deadline: 60, partSize: size)
                    let slice = try await store.panelSlice(months: months, asOf: nil, how)
                    #expect(slice.keys == whole.keys && slice.values == whole.values && slice.units == whole.units)
                    let parted = try await store.inSnapshot { c in
                        try await PostgresStore.monthlyPanel(c, window, how)
                    }
                    #expect(rows(parted.series) == rows(panel))
                }
            }
            try await readsInParts()
            // The heads the server keeps (`record_key`, `record_head`) are the bytes the read packs without.
            let heads = try await store.exclusive { c in
                let sql = """
                    SELECT count(*), count(*) FILTER (WHERE s.record_key IS DISTINCT FROM (\(PostgresSQL.seriesHead(generated: false)))
                        OR b.record_head IS DISTINCT FROM (\(PostgresSQL.blockHead(generated: false))))
                    FROM monthly_block b JOIN series s ON s.id = b.series_id
                    """
                // And for a text no store holds yet: CJK, a backslash, an escape sequence's look-alike.
                let text = "'北京\\\\x41\\'"
                let generated = PostgresSQL.textField(text, generated: true).sql
                let sent = PostgresSQL.textField(text, generated: false).sql
                let same = try await PostgresStore.rows(c, "SELECT \(generated) = \(sent), \(sent)").first
                let counts = try await PostgresStore.rows(c, sql).first?.decode((Int, Int).self)
                return (counts, try same?.decode((Bool, ByteBuffer).self))
            }
            #expect(heads.0?.0 == 9 && heads.0?.1 == 0)
            #expect(heads.1?.0 == true)
            #expect(heads.1.map { Array($0.1.readableBytesView) } == [0, 0, 0, 12] + Array("北京\\\\x41\\".utf8))
            // A store made before the columns (or on a server that is not UTF-8) is read the same way.
            try await store.execute("ALTER TABLE monthly_block DROP COLUMN record_head")
            try await readsInParts()
            try await store.initialize(roles: false)
            try await readsInParts()
            let earlier = try await store.panelSlice(
                months: months, asOf: "2021-06-15",
                PostgresStore.PanelRead(helper: store.configuration, deadline: 60, partSize: 2))
            #expect(earlier.values[11] == 405 * wan / 10)
            #expect(earlier.values[4] == 725 * wan / 100)
            // A key edited outside svctrade to hold the packed read's separator is an error that says so.
            try await store.execute("UPDATE series SET region = 'R' || chr(31) || '1' WHERE region = 'R1'")
            let damaged = await #expect(throws: PostgresStoreError.self) {
                _ = try await store.panelSlice(months: months, asOf: nil)
            }
            #expect(damaged?.message.contains("holds the control character U+001F") == true)
        }

        @Test func recentYearsBeginInTheJanuaryTwoYearsBeforeTheLastMonth() {
            // 2002-01 … 2021-12: from 2019-01.
            #expect(PostgresImport.RecentYears.first(of: 2002 * 12, count: 240) == 2019 * 12)
            // 2017-03 … 2021-04: from 2019-01.
            #expect(PostgresImport.RecentYears.first(of: 2017 * 12 + 2, count: 50) == 2019 * 12)
            // 2019-01 … 2021-12 and 2020-06 … 2021-03: the whole block.
            #expect(PostgresImport.RecentYears.first(of: 2019 * 12, count: 36) == nil)
            #expect(PostgresImport.RecentYears.first(of: 2020 * 12 + 5, count: 10) == nil)
        }

        /// Blocks of 2017–2021: a read of 2019 on receives their recent years only (fewer bytes), an earlier
        /// window the whole blocks, and both give the values imported, as a store without the recent
        /// years does.
        @Test func theRecentYearsAreSentWhenTheyHoldTheWindow() async throws {
            try await Self.withFreshStore { _, store, folder in try await Self.recentYears(store, folder) }
        }

        static func recentYears(_ store: PostgresStore, _ folder: TemporaryFolder) async throws {
            // R1 and R2 monthly from 2017 to 2021 (value: year × 100 + month, plus 0.25 for R2; R1 has no
            // March 2020), R3 in 2021 only.
            var rows = ""
            for year in 2017...2021 {
                for month in 1...12 {
                    let period = "\(year)-\(month < 10 ? "0" : "")\(month)"
                    if !(year == 2020 && month == 3) { rows += "\(period),R1,S,export,\(year * 100 + month),CNY 10k\n" }
                    rows += "\(period),R2,S,export,\(year * 100 + month).25,CNY 10k\n"
                    if year == 2021 { rows += "\(period),R3,S,export,\(month),CNY 10k\n" }
                }
            }
            let path = try folder.write("a.csv", "period,region,sector,flow,value,unit\n" + rows)
            _ = try await store.importBatches([
                try ObservationReader(options: .init(release: "a", releaseDate: "2022-01-31")).read(path: path)
            ])
            let kept = try await store.exclusive { c in
                try await PostgresStore.rows(
                    c, "SELECT recent_first, recent_count FROM monthly_block ORDER BY series_id"
                ).map { try $0.decode((Int?, Int?).self) }
            }
            #expect(
                kept.map { "\($0.0.map(String.init) ?? "-") \($0.1.map(String.init) ?? "-")" } == [
                    "24228 36", "24228 36", "- -",
                ])
            let wan: Int64 = 1_000_000
            // R3 is in a slice only when its window reaches 2021.
            func regions(_ months: [Int]) -> [Int] { months.contains { $0 >= 2021 * 12 } ? [1, 2, 3] : [1, 2] }
            func expected(_ months: [Int]) -> [Int64?] {
                regions(months).flatMap { r in
                    months.map { m -> Int64? in
                        let (year, month) = (m / 12, m % 12 + 1)
                        switch r {
                        case 1: return year == 2020 && month == 3 ? nil : Int64(year * 100 + month) * wan
                        case 2: return Int64(year * 100 + month) * wan + wan / 4
                        default: return year == 2021 ? Int64(month) * wan : nil
                        }
                    }
                }
            }
            let recentWindow = PanelBulletin.months(for: try Period(parsing: "2021-04"))  // 2019-01 …
            let earlierWindow = PanelBulletin.months(for: try Period(parsing: "2020-03"))  // 2018-01 …
            let how = PostgresStore.PanelRead(helper: store.configuration, deadline: 60, partSize: 1)
            for months in [recentWindow, earlierWindow] {
                let slice = try await store.panelSlice(months: months, asOf: nil, how)
                #expect(slice.keys.map(\.region) == regions(months).map { "R\($0)" })
                #expect(slice.values == expected(months))
            }
            // The part of R1 from 2019 on is smaller than the whole block's (36 of its 60 months) …
            func partBytes(_ low: Int, _ fields: PostgresSQL.PartFields) async throws -> Int {
                try await store.exclusive { c in
                    let query = try PostgresSQL.partQuery(
                        months: low...(2021 * 12 + 3), ids: 1...1, fields: fields, selection: .everything)
                    let row = try await PostgresStore.rows(c, query).first?.decode((Int, ByteBuffer?).self)
                    return row?.1?.readableBytes ?? -1
                }
            }
            let whole = try await partBytes(2019 * 12, .generated)
            let recent = try await partBytes(2019 * 12, .generatedWithRecent)
            #expect(recent > 0 && recent < whole)
            // … and a window from 2018 takes the whole block.
            #expect(try await partBytes(2018 * 12, .generatedWithRecent) == whole)
            // The panel of a table from 2019-02 reads the recent years too.
            let tableWindow = FigureSelection(
                months: try Period(parsing: "2019-02")...(try Period(parsing: "2021-04")))
            func table() async throws -> [String] {
                try await store.inSnapshot { c in try await PostgresStore.monthlyPanel(c, tableWindow, how) }.series.map
                {
                    "\($0.key.region) \($0.firstMonth) \($0.values.count) \($0.values.first ?? 0) \($0.present.filter { $0 }.count)"
                }
            }
            let viaRecent = try await table()
            #expect(
                viaRecent == ["R1 24229 27 201902000000 26", "R2 24229 27 201902250000 27", "R3 24252 4 1000000 4"])
            // Without the recent years (a store imported before them) the reads are the same.
            try await store.execute("UPDATE monthly_block SET recent_first = NULL, recent_count = NULL")
            #expect(try await partBytes(2019 * 12, .generatedWithRecent) == whole)
            for months in [recentWindow, earlierWindow] {
                #expect(try await store.panelSlice(months: months, asOf: nil, how).values == expected(months))
            }
            #expect(try await table() == viaRecent)
        }
    }
#endif
