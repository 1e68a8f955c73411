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
            // A flow svctrade does not know.
            #expect(try PostgresStore.key("R001\u{1F}SA\u{1F}re-export\u{1F}CNY") == nil)
            let error = #expect(throws: PostgresStoreError.self) {
                try PostgresStore.key("R\u{1F}01\u{1F}SA\u{1F}export\u{1F}CNY")
            }
            #expect(error?.message.contains("holds the control character U+001F") == true)
        }

        /// Seven series over three releases; the slice is the same in one part or many, on one
        /// connection or two, or when the second connection is refused; a damaged key is refused.
        @Test func theSliceIsTheSameInPartsOverOneOrTwoConnections() async throws {
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
            let url = try #require(URL(string: database.address))
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
    }
#endif
