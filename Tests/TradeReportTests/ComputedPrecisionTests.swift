import Testing
import TradeCore
import TradeReport
import TradeStore
import TradeTestSupport

/// A level the release does not print is written no finer than the interval its rounded inputs allow,
/// and a published figure written in the computed block says that it is published.
@Suite struct ComputedPrecisionTests {
    /// The shipped record as known on a release date (undated copies and later copies left out).
    static func release(_ through: String, asOf: String, _ language: PressFigures.Language) throws -> PressRelease {
        let book = try ShippedData.store().figureBook(asOf: asOf)
        return try PressFiguresTests.release(through, language, baseYear: nil, book: book)
    }

    /// The computed block's balance sentence in Chinese and in English.
    static func balanceSentences(_ through: String, asOf: String) throws -> (zh: String?, en: String?) {
        let zh = try release(through, asOf: asOf, .zh)
        let en = try release(through, asOf: asOf, .en)
        return (zh.computed.first { $0.id == "balance" }?.text, en.computed.first { $0.id == "balance" }?.text)
    }

    @Test func theStepCoarsensUntilItsHalfCoversTheInterval() throws {
        let yi = MonetaryUnit(.cny, .hundredMillion)
        func texts(_ s: String, step: String, halfWidth: String) throws -> (String, String) {
            let level = try Level(parsing: s, in: yi)
            let resolution = LevelText.honestResolution(
                try Level(parsing: step, in: yi).hundredths, halfWidth: try Level(parsing: halfWidth, in: yi).hundredths
            )
            return (LevelText.chinese(level, resolution: resolution), LevelText.english(level, resolution: resolution))
        }
        // 974.2 − 933.3 billion, each ±0.05 billion: 408–410亿元, so not "409亿元" (±0.5).
        #expect(try texts("-409", step: "1", halfWidth: "1") == ("410亿元", "RMB41 billion"))
        // 3.68 − 2.91 万亿元, each ±0.005 万亿元: 0.76–0.78 万亿元, so not "0.77万亿元".
        #expect(try texts("-7700", step: "100", halfWidth: "100") == ("0.8万亿元", "RMB0.8 trillion"))
        // |−409| − |−720.4|: ±1.05亿元.
        #expect(try texts("-311.4", step: "1", halfWidth: "1.05") == ("310亿元", "RMB31 billion"))
        // A half width within half the input's step keeps the input's step.
        #expect(try texts("15644.5", step: "0.1", halfWidth: "0.05") == ("15644.5亿元", "RMB1.56445 trillion"))
        #expect(try texts("4502", step: "1", halfWidth: "0.5") == ("4502亿元", "RMB450.2 billion"))
    }

    @Test func january2022ToAprilDeficitIsPrintedAtThePrecisionItsPartsAllow() throws {
        let (zh, en) = try Self.balanceSentences("2022-04", asOf: "2022-05-31")
        #expect(zh == "服务出口增幅大于进口6个百分点，服务贸易逆差410亿元，同比下降43.1%（减少310亿元）。（其中“下降43.1%”为公布数。）")
        #expect(
            en
                == "Export growth was 6 percentage points above import growth, and the services trade deficit stood at RMB41 billion, down by 43.1% year on year (a decrease of RMB31 billion). (Published figure: “down by 43.1%”.)"
        )
        let numbers = try Self.release("2022-04", asOf: "2022-05-31", .zh).computed.flatMap(\.numbers)
        let amount = numbers.first { $0.key == "balance.amount" }
        #expect(amount?.status == "computed")
        #expect(
            amount?.rounding
                == "half away from zero, once, to the finest power of ten whose half covers its interval (±1 亿元)")
        // The published rate keeps its status and its place in the release's figures.
        let rate = numbers.first { $0.key == "balance.change" }
        #expect(rate?.status == "published")
        #expect(rate?.inRelease == true)
    }

    @Test func januaryToOctober2025DeficitAndItsPublishedChange() throws {
        let (zh, en) = try Self.balanceSentences("2025-10", asOf: "2025-12-03")
        #expect(zh == "服务出口增幅大于进口11.7个百分点，服务贸易逆差0.8万亿元（减少2693.9亿元）。（其中“减少2693.9亿元”为公布数。）")
        #expect(
            en
                == "Export growth was 11.7 percentage points above import growth, and the services trade deficit stood at RMB0.8 trillion (a decrease of RMB269.39 billion). (Published figure: “a decrease of RMB269.39 billion”.)"
        )
    }

    @Test func aComputedSentenceWithNoPublishedFigureHasNoNote() throws {
        let en = try Self.release("2022-04", asOf: "2022-05-31", .en)
        let sentence = try #require(en.computed.first { $0.id == "excluding-travel" })
        #expect(sentence.text == "Excluding travel, services trade rose 24.3%.")
        // …and one with two names both, once each.
        let zh = try Self.release("2022-04", asOf: "2022-05-31", .zh)
        #expect(
            zh.computed.first { $0.id == "month" }?.text
                == "单看4月份，服务进出口4502亿元，同比增长10.8%，环比下降10.6%。（其中“4502亿元”、“增长10.8%”为公布数。）")
    }
}
