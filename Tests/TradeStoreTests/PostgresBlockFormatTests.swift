#if PostgreSQL
    import Testing
    import TradeCore
    import TradePostgres
    import TradeTestSupport

    /// Stores made before the monthly blocks were packed (`boolean[]`/`bigint[]` arrays) are refused
    /// with the command that converts them, and `db init` packs them without changing a value.
    @Suite struct PostgresBlockFormatTests {
        @Test func anArrayStoreIsRefusedThenPackedByInitWithEveryValueKept() async throws {
            guard PostgresTestServer.address != nil else {
                print("PostgresBlockFormatTests skipped: no server in $SVCTRADE_TEST_POSTGRES")
                return
            }
            let database = try await PostgresTestServer.freshDatabase()
            defer { database.drop() }
            let store = try await PostgresStore(address: database.address)
            try await store.initialize(roles: false)
            // The layout of the earlier format, with one block: R001/SA exports, 2020-01 … 2020-04,
            // February missing, values in hundredths of 万元 (12.34, 0, 56.78, -1); without the packed
            // record's generated column, which came later.
            for sql in [
                "ALTER TABLE monthly_block DROP COLUMN record_head",
                "ALTER TABLE monthly_block DROP COLUMN month_count, DROP COLUMN present, DROP COLUMN vals",
                "ALTER TABLE monthly_block ADD COLUMN present boolean[] NOT NULL, ADD COLUMN vals bigint[] NOT NULL",
                "INSERT INTO release (name, published, imported_from, row_count) VALUES ('old', '2020-05-20', 'x.csv', 4)",
                "INSERT INTO series (region, sector, flow, currency) VALUES ('R001', 'SA', 'export', 'CNY')",
                "INSERT INTO source (address) VALUES ('https://example.org/old')",
                """
                INSERT INTO monthly_block (series_id, release_id, first_month, unit, decimals, source_id, present, vals)
                VALUES (1, 1, \(2020 * 12), '万元', 2, 1, '{t,f,t,t}', '{1234,0,5678,-1}')
                """,
            ] {
                try await store.execute(sql)
            }
            let refused = await #expect(throws: PostgresStoreError.self) {
                _ = try await store.monthlyPanel(.everything)
            }
            #expect(refused?.message.contains("keeps its monthly blocks as arrays") == true)
            #expect(refused?.message.contains("svctrade db init --db") == true)

            try await store.initialize(roles: false)
            let panel = try await store.monthlyPanel(.everything)
            let series = try #require(panel.series.first)
            #expect(panel.series.count == 1)
            #expect(series.firstMonth == 2020 * 12)
            #expect(series.present == [true, false, true, true])
            #expect(series.values == [1234, 0, 5678, -1])
            #expect(series.release == "old" && series.source == "https://example.org/old")
            // A second init finds nothing to pack.
            try await store.initialize(roles: false)
            #expect(try await store.monthlyPanel(.everything).series.first?.values == [1234, 0, 5678, -1])
        }
    }
#endif
