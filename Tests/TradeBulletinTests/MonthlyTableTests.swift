import Testing
import TradeBulletin
import TradeCore
import TradeIngest
import TradeReport
import TradeStore
import TradeTestSupport

/// The bulletin's month-by-month table on the shipped record, as of each bulletin's release date:
/// every month of the window has a row, January and February published together are one row.
@Suite struct MonthlyTableTests {
    /// MOFCOM's record 2017–2025, or why it could not be imported (`get()` rethrows).
    static let store = Result { try ShippedData.store(Array(ShippedData.files.prefix(2))) }

    func table(through: String, asOf: String?, _ language: Language = .zh) async throws -> Table {
        let db = try Self.store.get()
        let month = try Period(parsing: through)
        let inputs = try await BulletinComposer.inputs(store: db, through: month, baseYear: nil, asOf: asOf)
        return try #require(BulletinComposer.monthlyTable(book: inputs.book, through: month, language: language))
    }

    @Test func januaryToApril2021AsOfItsReleaseHasARowForEveryMonth() async throws {
        let t = try await table(through: "2021-04", asOf: "2021-06-03")
        #expect(
            t.rows.map { $0[0] } == [
                "2020年4月", "2020年5月", "2020年6月", "2020年7月", "2020年8月", "2020年9月", "2020年10月", "2020年11月",
                "2020年12月", "2021年1—2月", "2021年3月", "2021年4月", "2021年1—4月",
            ])
        // January and February, published together.
        #expect(t.rows[9] == ["2021年1—2月", "7139.8", "-3.6", "3353.5", "21.9", "3786.3", "-18.6"])
        // March has no figure of its own and no January–March total known on 3 June 2021: a dash, not a gap.
        #expect(t.rows[10] == ["2021年3月", "—", "", "—", "", "—", ""])
        #expect(t.rows[11] == ["2021年4月", "4061.9", "12.3", "2004.6", "24.3", "2057.3", "2.7"])
        #expect(t.rows[12] == ["2021年1—4月", "15644.5", "3.3", "7462.1", "23.2", "8182.4", "-10"])
    }

    @Test func theEnglishRowsNameTheSameSpans() async throws {
        let t = try await table(through: "2021-04", asOf: "2021-06-03", .en)
        #expect(t.rows.map { $0[0] }.suffix(4) == ["Jan–Feb 2021", "Mar 2021", "Apr 2021", "Jan–Apr 2021"])
    }

    @Test func aFebruaryBulletinEndsWithOneJanuaryFebruaryRow() async throws {
        let t = try await table(through: "2021-02", asOf: nil)
        let labels = t.rows.map { $0[0] }
        #expect(labels.filter { $0 == "2021年1—2月" }.count == 1)
        #expect(labels.last == "2021年1—2月")
        #expect(labels.filter { $0 == "2020年1—2月" }.count == 1)
        #expect(!labels.contains("2021年1月") && !labels.contains("2021年2月"))
    }

    @Test func everyMonthOfTheWindowIsAccountedForWhateverTheMonth() async throws {
        // For each month 2018-01 … 2025-10: 13 months, each in exactly one row (January–February rows
        // count for two), then the year to date.
        var month = try Period(parsing: "2018-01")
        let last = try Period(parsing: "2025-10")
        while month <= last {
            let labels = try await table(through: month.description, asOf: nil).rows.map { $0[0] }
            var covered = 0
            for label in labels.dropLast(labels.last?.hasSuffix("1—\(month.month)月") == true && month.month > 2 ? 1 : 0)
            {
                covered += label.contains("1—2月") ? 2 : 1
            }
            // A window starting in February counts the January before it in its 1—2月 row.
            let startsInFebruary = month.advanced(by: -12).month == 2
            #expect(covered == 13 + (startsInFebruary ? 1 : 0), "\(month): \(labels)")
            month = month.advanced(by: 1)
        }
    }
}
