import Foundation
import Testing
import TradeCore
import TradeIngest
import TradeReport
import TradeStore
import TradeTestSupport

/// The press lines of the June 2021 release (reference/domain.md §5), from the shipped data.
@Suite struct PressFiguresTests {
    static let book: FigureBook? = try? BulletinTableSnapshotTests.book()

    static func release(_ through: String, _ language: PressFigures.Language, baseYear: Int? = 2019) throws -> PressRelease {
        let book = try #require(Self.book)
        let text = try String(contentsOfFile: Repository.root + "/templates/press-\(language.rawValue).txt", encoding: .utf8)
        let template = PressTemplate(parsing: text, joiner: language == .zh ? "" : " ")
        return PressRelease(figures: PressFigures(book: book, through: try Period(parsing: through), baseYear: baseYear, language: language), template: template)
    }

    func sentence(_ r: PressRelease, _ id: String) -> PressRelease.Sentence? { r.sentences.first { $0.id == id } }
    func number(_ r: PressRelease, _ key: String) -> PressNumber? { r.sentences.flatMap(\.numbers).first { $0.key == key } }

    @Test func chineseLinesOfJanuaryToApril2021() throws {
        let r = try Self.release("2021-04", .zh)
        #expect(sentence(r, "headline")?.text == "今年1—4月，我国服务贸易进出口总值15644.5亿元人民币，同比增长3.3%；其中服务出口7462.1亿元，增长23.2%，进口8182.4亿元，下降10%。")
        #expect(sentence(r, "balance")?.text == "服务出口增幅大于进口33.2个百分点，带动服务贸易逆差下降76.3%至720.4亿元，同比减少2313.2亿元。")
        #expect(sentence(r, "base-year")?.text == "与2019年同期相比，服务进出口下降10.3%，两年平均下降5.3%，其中出口增长20.5%，两年平均增长9.8%；进口下降27.3%，两年平均下降14.7%。")
        #expect(sentence(r, "kis")?.text == "1—4月，我国知识密集型服务进出口7325.3亿元，增长14.9%，占服务进出口总额的比重达到46.8%，提升4.7个百分点。")
        #expect(sentence(r, "excluding-travel")?.text == "剔除旅行服务，1—4月我国其他服务进出口增长20.6%，其中出口增长27.9%，进口增长12.7%。")
        #expect(r.missing.isEmpty)
    }

    @Test func englishLinesOfJanuaryToApril2021() throws {
        let r = try Self.release("2021-04", .en)
        #expect(sentence(r, "headline")?.text == "From January to April, the import and export of services were RMB1.56445 trillion in value, up by 3.3% year-on-year; in breakdown, service exports increased by 23.2% to RMB746.21 billion and imports dropped 10% to RMB818.24 billion.")
        #expect(sentence(r, "balance")?.text == "Service exports increased by 33.2 percentage points more than imports, driving the service trade deficit down 76.3% to RMB72.04 billion, a decrease of RMB231.32 billion year-on-year.")
        #expect(sentence(r, "base-year")?.text.contains("fell by 10.3%, or a two-year average of 5.3%, of which exports grew by 20.5%, or a two-year average of 9.8%, and imports fell by 27.3%, or a two-year average of 14.7%") == true)
        #expect(sentence(r, "kis")?.text == "From January to April, the import and export of knowledge-intensive services in China amounted to RMB732.53 billion, up by 14.9% year-on-year, accounting for 46.8% of the total import and export of services, an increase of 4.7 percentage points.")
    }

    @Test func everyNumberCarriesItsProvenance() throws {
        let r = try Self.release("2021-04", .en)
        let total = try #require(number(r, "total.amount"))
        #expect(total.text == "RMB1.56445 trillion")
        #expect(total.value == 15644.5)
        #expect(total.unit == "CNY 100m")
        #expect(total.inputs.first?.origin == "published")
        #expect(total.inputs.first?.sources.contains { $0.contains("20210603069409") } == true)
        let growth = try #require(number(r, "export.change"))
        #expect(growth.value == 23.2)
        #expect(growth.rounding.contains("half away from zero"))
        let share = try #require(number(r, "kis.share.change"))
        #expect(share.value == 4.7)
        #expect(share.unit == "percentage points")
        let average = try #require(number(r, "total.avg"))
        #expect(average.value == -5.3)
        #expect(average.formula.contains("geometric mean"))
        // The JSON carries the same numbers.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(r), as: UTF8.self)
        #expect(json.contains(#""text":"RMB1.56445 trillion""#))
        #expect(json.contains(#""value":15644.5"#))
    }

    @Test func ratesOf2022ComeFromTheStoresOwnLevels() throws {
        let zh = try Self.release("2022-04", .zh, baseYear: nil)
        #expect(sentence(zh, "headline")?.text == "今年1—4月，我国服务贸易进出口总值19074.9亿元人民币，同比增长21.9%；其中服务出口9332.6亿元，增长25.1%，进口9742.3亿元，增长19.1%。")
        let en = try Self.release("2022-04", .en, baseYear: nil)
        #expect(sentence(en, "headline")?.text.contains("RMB1.90749 trillion") == true)
        for key in ["total.growth", "export.growth", "import.growth"] {
            #expect(number(zh, key)?.formula == "(X_t / X_{t−1} − 1) × 100 from the stored levels", "\(key)")
        }
    }

    @Test func missingInputsAreSaidNotInvented() throws {
        let r = try Self.release("2022-04", .zh, baseYear: nil)
        #expect(sentence(r, "excluding-travel") == nil)
        #expect(r.missing.first { $0.id == "excluding-travel" }?.lacking == ["extravel.export.growth", "extravel.import.growth"])
        #expect(!r.missing.contains { $0.id == "base-year" })  // not asked for: not missing
        #expect(!r.missing.contains { $0.id == "drag" || $0.id == "balance-turned" })  // not applicable this period
        #expect(r.plainText.contains("未能写出的句子（缺少数据）："))
        // A period the store barely knows: only what is supported.
        let sparse = try Self.release("2017-02", .en, baseYear: nil)
        #expect(sparse.sentences.allSatisfy { !$0.text.contains("{") })
        #expect(!sparse.missing.isEmpty)
    }
}

@Suite struct PressTemplateTests {
    @Test func blocksPlaceholdersOptionalsAndComments() {
        let t = PressTemplate(parsing: "# comment\n[a]\nHello {who},\n{greeting?} bye.\n\n[b]\n{missing} here\n", joiner: " ")
        #expect(t.blocks.map(\.id) == ["a", "b"])
        #expect(PressTemplate.placeholders(in: t.blocks[0].text) == ["who", "greeting?"])
        let out = t.render(["who": "world"])
        #expect(out[0].text == "Hello world,  bye.")
        #expect(out[1].text == nil)
        #expect(out[1].missing == ["missing"])
        let zh = PressTemplate(parsing: "[x]\n第一行，\n第二行。\n", joiner: "")
        #expect(zh.render([:])[0].text == "第一行，第二行。")
    }

    @Test func englishAmountsMoveTheDecimalPointWithoutRerounding() {
        let yi = MonetaryUnit(.cny, .hundredMillion)
        func en(_ s: String) -> String { (try? Level(parsing: s, in: yi)).map { PressFigures.levelTexts($0).en } ?? "" }
        #expect(en("15644.5") == "RMB1.56445 trillion")
        #expect(en("7462.1") == "RMB746.21 billion")
        #expect(en("28093.6") == "RMB2.80936 trillion")
        #expect(en("720.4") == "RMB72.04 billion")
        #expect(en("-720.4") == "RMB72.04 billion")
        #expect(en("20000") == "RMB2 trillion")
        #expect(en("5") == "RMB0.5 billion")
    }
}
