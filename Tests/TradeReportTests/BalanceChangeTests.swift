import Testing
import TradeCore
import TradeReport
import TradeStore
import TradeTestSupport

/// A published balance change stands beside its balance and the balance a year earlier, or is withheld;
/// and a change printed in another unit than its balance is read in its own (datasets/README.md).
@Suite struct BalanceChangeTests {
    let yi = MonetaryUnit(.cny, .hundredMillion)

    func sentence(_ r: PressRelease, _ id: String) -> String? { r.sentences.first { $0.id == id }?.text }

    /// Every published change of the shipped files against `B_t − B_{t−1}`: all agree within rounding
    /// and restatement but the one whose page printed the year-ago deficit as the change.
    @Test func everyShippedChangeAgreesWithTheBalancesOrIsWithheld() throws {
        let book = try PressFiguresTests.fullBook.get()
        let calculator = BulletinCalculator(resolver: LevelResolver(book: book))
        var withheld: [String] = []
        var checked: [(span: String, gap: Int64, prior: Int64)] = []
        for f in book.figures.sorted(by: { "\($0.key) \($0.span)" < "\($1.key) \($1.span)" }) {
            guard let published = f.rates.balanceChange, f.value != nil else { continue }
            let row = calculator.row(f.key, f.span)
            if let why = row.balanceChangeWithheld {
                #expect(row.balanceChange == nil)
                #expect(why.contains("contradicts the balances"), "\(why)")
                withheld.append("\(f.key) \(f.span)")
                continue
            }
            #expect(row.balanceChange == published, "\(f.key) \(f.span)")
            #expect(row.balanceChangeStatus == .published)
            guard let v = row.value, let p = row.prior, p.origin != .impliedByChange else { continue }
            let gap = (published.hundredths - (v.level.hundredths - p.level.hundredths)).magnitude
            checked.append(("\(f.key) \(f.span)", gap.asInt64, p.level.hundredths.magnitude.asInt64))
        }
        #expect(withheld == ["CN/S/balance/CNY 2021-01/2021-08"])
        // The largest gaps (0.1亿元) against the year-ago balance the calculator compares with (a base
        // restated by the agency is the one the parts' published rates imply): 1.2% of it at most.
        let worst = checked.sorted { $0.gap * 1000 / $0.prior > $1.gap * 1000 / $1.prior }
        let shares = worst.prefix(4).map { "\($0.span) \($0.gap / 1_000_000_000)/\($0.prior / 1_000_000_000)" }
        #expect(
            shares == [
                "CN/S/balance/CNY 2020-01/2020-07 1073/87638", "CN/S/balance/CNY 2020-01/2020-05 173/63696",
                "CN/S/balance/CNY 2021-01/2021-10 160/62626", "CN/S/balance/CNY 2018-01/2018-06 117/85201",
            ])
        #expect(worst.allSatisfy { $0.gap * BulletinCalculator.restatementAllowance <= $0.prior }, "\(shares)")
        #expect(checked.count >= 15, "\(checked.count)")
    }

    @Test func aChangeThatContradictsTheBalancesIsWithheldWithItsReason() throws {
        let unit = MonetaryUnit(.cny, .billion)
        func estimate(_ x: String) throws -> Estimate {
            Estimate(
                level: try Level(parsing: x, in: unit), halfWidth: 500_000_000, origin: .published, unit: unit,
                sources: ["test"])
        }
        let current = try estimate("-171.67"), prior = try estimate("-515.62")
        let why = BulletinCalculator.contradiction(try Level(parsing: "515.62", in: unit), current, prior)
        #expect(
            why
                == "published balance change 5156.2 contradicts the balances -1716.7 and -5156.2 a year earlier (difference 3439.5) by more than their rounding and a restatement of a tenth of the earlier balance, CNY 100m: withheld"
        )
        #expect(BulletinCalculator.contradiction(try Level(parsing: "343.95", in: unit), current, prior) == nil)
        // A restated base: 8481.8 − 7457.1 = 1024.7 against 874.9 published is 1.8% of the base.
        #expect(
            BulletinCalculator.contradiction(
                try Level(parsing: "87.49", in: unit), try estimate("-745.71"), try estimate("-848.18")) == nil)
        let press = try PressFiguresTests.release("2021-08", .en, baseYear: nil, book: PressFiguresTests.fullBook.get())
        #expect(press.withheld["balance.diff"]?.hasPrefix("published balance change 5156.2 contradicts") == true)
        #expect(
            sentence(press, "balance")
                == "Export growth was 27.1 percentage points above import growth, and the services trade deficit stood at RMB171.67 billion."
        )
    }

    /// 117.5 billion and 908.6亿元, read in their own units (were 117.5 and 908.6 trillion).
    @Test func changesInAnotherUnitThanTheirBalanceAreReadInTheirOwn() throws {
        let book = try PressFiguresTests.fullBook.get()
        let aug = try PressFiguresTests.release("2019-08", .en, baseYear: nil, book: book)
        #expect(
            sentence(aug, "balance")
                == "Export growth was 10 percentage points above import growth, and the services trade deficit stood at RMB1.05 trillion, down by 10.1% year on year (a decrease of RMB117.5 billion)."
        )
        let augZh = try PressFiguresTests.release("2019-08", .zh, baseYear: nil, book: book)
        #expect(sentence(augZh, "balance") == "服务出口增幅大于进口10个百分点，服务贸易逆差1.05万亿元，同比下降10.1%（减少1175亿元）。")
        let year = try PressFiguresTests.release("2018-12", .en, baseYear: nil, book: book)
        #expect(
            sentence(year, "balance")?.hasSuffix("deficit stood at RMB1.7 trillion (an increase of RMB90.86 billion).")
                == true)
        let yearZh = try PressFiguresTests.release("2018-12", .zh, baseYear: nil, book: book)
        // 2018 imports' whole-number rate is one decimal with its ".0" dropped: the gap is an identity of
        // the two published rates, said beside the published deficit.
        #expect(sentence(yearZh, "balance") == "服务出口增幅大于进口4.6个百分点，服务贸易逆差1.7万亿元（增加908.6亿元）。")
        let key = SeriesKey(region: "CN", sector: "S", flow: .balance, currency: .cny)
        let change = book.figure(key, try PeriodSpan(parsing: "2019-01/2019-08"))?.rates.balanceChange
        #expect(change?.formatted(in: yi, places: 1) == "1175.0")
    }
}

extension UInt64 {
    fileprivate var asInt64: Int64 { Int64(clamping: self) }
}
