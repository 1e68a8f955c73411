import Testing
import TradeCore
import TradeReport

/// A rate quoted as the agency's figure is printed at the places the agency printed it: MOFCOM's
/// January–April 2021 imports fell "10%" (下降10%), and a table printing `-10.0` would claim a
/// precision of ±0.05 the release does not give. Computed rates keep their 0.1.
@Suite struct PublishedRatePrecisionTests {
    static let columns = [
        "sector", "flow", "period_from", "period_to", "yoy_pct", "yoy_source", "yoy_status", "published_yoy_pct",
        "computed_yoy_pct", "yoy_change_pp",
    ]

    static func table(through: String) throws -> [[String]] {
        let rows = try BulletinTableSnapshotTests.rows(through: through, baseYear: 2019)
        return BulletinTableBuilder().table(rows, columns: columns).rows
    }

    @Test func januaryToApril2021ImportsPrintTheIntegerRateAsPublished() throws {
        let cells = try Self.table(through: "2021-04")
        let expected: [[String]] = [
            // No level of January–April 2020 is stored (MOFCOM's 2020 releases in the record go from
            // the first quarter to January–May), so there is no computed rate: the published -10, printed
            // as MOFCOM printed it (−10.0 with its ".0" dropped). Its change from January–March's -13.5 is 3.5.
            ["S", "import", "2021-01", "2021-04", "-10", "published", "published", "-10", "", "3.5"],
            // A published rate with one decimal is unchanged.
            ["S", "export", "2021-01", "2021-04", "23.2", "published", "published", "23.2", "", "0.4"],
            // Computed rates keep their 0.1: the April balance's rate and the total's computed rate.
            ["S", "balance", "2021-04", "2021-04", "-86.5", "computed", "implied", "", "-86.5", ""],
            ["S", "total", "2021-01", "2021-04", "3.3", "published", "published", "3.3", "3.3", "2.8"],
            // An integer rate published for a single month (insurance, April 2021: 40%).
            ["SF", "total", "2021-04", "2021-04", "40", "published", "published", "40", "", ""],
        ]
        for row in expected {
            #expect(cells.contains(row), "\(row) not in \(cells)")
        }
    }

    @Test func everyTableFormatPrintsThePublishedPlaces() throws {
        let rows = try BulletinTableSnapshotTests.rows(through: "2021-04", baseYear: 2019).filter {
            $0.key.sector == "S" && $0.key.flow == .import && !$0.span.isMonth
        }
        let table = BulletinTableBuilder().table(
            rows, columns: ["flow", "value", "prior_value", "yoy_pct", "published_yoy_pct"])
        // The base implied by the rate is 8182.4 / 0.9 = 9091.6; "-10" is −10.0 (±0.05), so the base lies
        // anywhere in 8182.35 / 0.9005 = 9086.45 … 8182.45 / 0.8995 = 9096.66 (±5.1): stated at 100, "9100".
        #expect(
            CSVRenderer.render(table)
                == "flow,value,prior_value,yoy_pct,published_yoy_pct\nimport,8182.4,9100,-10,-10\n")
        #expect(MarkdownRenderer.render(table).contains("| import | 8182.4 | 9100 | -10 | -10 |"))
        #expect(HTMLRenderer.render(table).contains(#"<td class="num">-10</td>"#))
        #expect(!HTMLRenderer.render(table).contains("-10.0"))
        #expect(JSONRenderer.render(table).contains(#""yoy_pct": -10, "published_yoy_pct": -10"#))
    }

    /// The change between two rates published with their ".0" dropped is a computed figure at 0.1
    /// (January–December 2018 imports: 10% as in January–November, a change of 0.0 points).
    @Test func arithmeticOnIntegerRatesIsAtTheirPlaces() throws {
        let cells = try Self.table(through: "2018-12")
        let imports = cells.first { $0[0] == "S" && $0[1] == "import" && $0[2] == "2018-01" && $0[3] == "2018-12" }
        #expect(imports?[7] == "10", "\(cells)")
        #expect(imports?[9] == "0.0", "\(cells)")
        let quote = RateQuote.choose(computed: nil, interval: nil, published: DecimalNumber(parsing: "-10"))
        #expect(quote.value?.description == "-10")
        #expect(quote.source == .published)
        // A computed rate that happens to be whole keeps its decimal.
        let computed = RateQuote.choose(
            computed: DecimalNumber(parsing: "12.0"), interval: 11.98...12.02, published: nil)
        #expect(computed.value?.description == "12.0")
    }

    /// January–March 2020: MOFCOM printed the knowledge-intensive share as "40%" and its change as
    /// "7 个百分点" (whole numbers), and exports' growth as "11%": printed so; the computed shares of
    /// exports and imports keep 0.1.
    @Test func wholeNumberSharesAndRatesOfTheFirstQuarterOf2020() throws {
        let rows = try BulletinTableSnapshotTests.rows(through: "2020-03", baseYear: nil).filter {
            $0.key.sector == "KIS" && !$0.span.isMonth && $0.key.flow != .balance
        }
        let cells = BulletinTableBuilder().table(
            rows, columns: ["flow", "yoy_pct", "share_pct", "share_status", "share_change_pp", "share_change_status"]
        ).rows
        #expect(cells.contains(["total", "7.8", "40", "published", "7", "published"]), "\(cells)")
        #expect(cells.contains(["export", "11", "59.1", "computed", "", ""]), "\(cells)")
    }

    /// A balance change computed from a base implied by published rates is no finer than the two balances'
    /// half widths: April 2021's balance 2004.6 − 2057.3 = −52.7 (±0.1); its base 1612.7 − 2003.2 = −390.5 from
    /// exports' 24.3% (2004.55 / 1.2435 = 1612.0 … 2004.65 / 1.2425 = 1613.4, ±0.7) and imports' 2.7%
    /// (2057.25 / 1.0275 = 2002.2 … 2057.35 / 1.0265 = 2004.2, ±1.0): −390 at a step of 10 (±1.7), and the
    /// change 337.8 ± 1.9 is 340, not 337.8.
    @Test func aBalanceChangeOnAnImpliedBaseIsStatedAtItsStep() throws {
        let rows = try BulletinTableSnapshotTests.rows(through: "2021-04", baseYear: nil).filter {
            $0.key.sector == "S" && $0.key.flow == .balance && $0.span.isMonth && $0.span.end.month == 4
        }
        let cells = BulletinTableBuilder().table(rows, columns: ["value", "prior_value", "balance_change", "status"])
            .rows
        #expect(cells == [["-52.7", "-390", "340", "computed"]], "\(cells)")
    }
}
