import Foundation
import Testing
import TradeCore
import TradeIngest
import TradeReport
import TradeStore
import TradeTestSupport

/// The press lines of the June 2021 release (reference/domain.md §5), from the shipped data.
@Suite struct PressFiguresTests {
    /// The 2017–2022 record; each fixture keeps why it could not be built (`get()` rethrows).
    static let book = Result { try BulletinTableSnapshotTests.book() }

    /// The national figures 2017–2025 and SAFE's months, as shipped.
    static let fullBook = Result { try ShippedData.store().figureBook() }
    /// The same with the illustrative regional panel imported.
    static let fullBookWithPanel = Result { try ShippedData.store(illustrativePanel: true).figureBook() }

    static func release(
        _ through: String, _ language: PressFigures.Language, baseYear: Int? = 2019, book: FigureBook? = nil,
        allowDerived: Bool = false
    ) throws -> PressRelease {
        let book = try book ?? Self.book.get()
        let text = try String(
            contentsOfFile: Repository.root + "/templates/press-\(language.rawValue).txt", encoding: .utf8)
        let template = PressTemplate(parsing: text, joiner: language == .zh ? "" : " ")
        let figures = PressFigures(
            book: book, through: try Period(parsing: through), baseYear: baseYear, language: language,
            allowDerived: allowDerived)
        return PressRelease(figures: figures, template: template)
    }

    func sentence(_ r: PressRelease, _ id: String) -> PressRelease.Sentence? { r.sentences.first { $0.id == id } }
    func number(_ r: PressRelease, _ key: String) -> PressNumber? {
        (r.sentences + r.computed).flatMap(\.numbers).first { $0.key == key }
    }

    @Test func chineseLinesOfJanuaryToApril2021() throws {
        let r = try Self.release("2021-04", .zh)
        #expect(
            sentence(r, "headline")?.text == "今年1—4月，我国服务进出口总额15644.5亿元，同比增长3.3%；其中出口7462.1亿元，增长23.2%，进口8182.4亿元，下降10%。"
        )
        // Imports' "下降10%" is −10.0 (MOFCOM drops the trailing ".0"): the gap with exports' 23.2 is 33.2, as
        // the release prints it, an identity of the two published rates beside the published deficit.
        #expect(
            sentence(r, "balance")?.text == "服务出口增幅大于进口33.2个百分点，服务贸易逆差720.4亿元，同比下降76.3%（减少2313.2亿元）。")
        #expect(r.computed.first { $0.id == "balance" } == nil)
        #expect(number(r, "gap")?.rounding == "difference of two rates at 0.1")
        #expect(
            sentence(r, "base-year")?.text
                == "与2019年同期相比，服务进出口下降10.3%，两年平均下降5.3%；其中出口增长20.5%，两年平均增长9.8%；进口下降27.3%，两年平均下降14.7%。")
        #expect(sentence(r, "kis")?.text == "今年1—4月，我国知识密集型服务进出口7325.3亿元，同比增长14.9%，占服务进出口总额的46.8%，比重提升4.7个百分点。")
        #expect(sentence(r, "excluding-travel")?.text == "剔除旅行服务，我国服务进出口增长20.6%；其中出口增长27.9%，进口增长12.7%。")
        // MOFCOM's dollar figures are not in the data for January–April 2021: said, not invented; and
        // "fastest" needs all twelve categories' rates (one was published): withheld, with the reason.
        #expect(r.missing.map(\.id) == ["usd", "fastest"])
        #expect(r.withheld["fastest.names"]?.hasPrefix("a ranking needs all 12 categories; 1 have a rate") == true)
        // April 2021 month on month rests on a March derived as 11581.9 − 7139.8: not stated by default.
        #expect(r.withheld["month.total.mom"]?.hasPrefix("derived") == true)
        #expect(sentence(r, "month")?.text.contains("环比") == false)
    }

    @Test func englishLinesOfJanuaryToApril2021() throws {
        let r = try Self.release("2021-04", .en)
        #expect(
            sentence(r, "headline")?.text
                == "From January to April, China's services trade reached RMB1.56445 trillion, up by 3.3% year on year; exports rose 23.2% to RMB746.21 billion and imports fell 10% to RMB818.24 billion."
        )
        #expect(
            sentence(r, "balance")?.text
                == "Export growth was 33.2 percentage points above import growth, and the services trade deficit stood at RMB72.04 billion, down by 76.3% year on year (a decrease of RMB231.32 billion)."
        )
        #expect(
            sentence(r, "base-year")?.text
                == "Compared with the same period of 2019, services trade fell by 10.3%, a two-year average of −5.3%; exports grew by 20.5%, a two-year average of 9.8%; imports fell by 27.3%, a two-year average of −14.7%."
        )
        #expect(
            sentence(r, "kis")?.text
                == "From January to April, trade in knowledge-intensive services reached RMB732.53 billion, up by 14.9% year on year, 46.8% of all services trade, its share up 4.7 percentage points."
        )
    }

    @Test func chineseAndEnglishSayTheSameThings() throws {
        for through in ["2021-04", "2022-04", "2021-08", "2021-03", "2017-05", "2024-07", "2025-10"] {
            let zh = try Self.release(through, .zh, book: try Self.fullBook.get())
            let en = try Self.release(through, .en, book: try Self.fullBook.get())
            #expect(zh.sentences.map(\.id) == en.sentences.map(\.id), "\(through)")
            for (a, b) in zip(zh.sentences, en.sentences) {
                #expect(Set(a.numbers.map(\.value)) == Set(b.numbers.map(\.value)), "\(through) [\(a.id)]")
            }
        }
    }

    @Test func everyNumberCarriesItsStatusAndProvenance() throws {
        let r = try Self.release("2021-04", .en)
        let total = try #require(number(r, "total.amount"))
        #expect(total.text == "RMB1.56445 trillion")
        #expect(total.value == 15644.5)
        #expect(total.unit == "CNY 100m")
        #expect(total.status == "published")
        #expect(total.inputs.first?.status == "published")
        // Read at a mirror copy of MOFCOM's release: MOFCOM is cited, the copy kept apart.
        #expect(total.inputs.first?.sources == ["MOFCOM"])
        #expect(total.inputs.first?.readAt.contains { $0.contains("20210603069409") } == true)
        let growth = try #require(number(r, "export.growth.verb"))
        #expect(growth.value == 23.2)
        #expect(growth.rounding.contains("half away from zero"))
        let share = try #require(number(r, "kis.share.change"))
        #expect(share.value == 4.7)
        #expect(share.unit == "percentage points")
        let average = try #require(number(r, "total.avg"))
        #expect(average.value == -5.3)
        #expect(average.formula.contains("geometric mean"))
        // No fastest-growing list over an incomplete set of categories.
        #expect(number(r, "fastest.names") == nil)
        // The JSON carries the same numbers.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(r), as: UTF8.self)
        #expect(json.contains(#""text":"RMB1.56445 trillion""#))
        #expect(json.contains(#""status":"published""#))
        #expect(json.contains(#""value":15644.5"#))
    }

    @Test func ratesOf2022ComeFromTheStoresOwnLevels() throws {
        let zh = try Self.release("2022-04", .zh, baseYear: nil)
        #expect(
            sentence(zh, "headline")?.text
                == "今年1—4月，我国服务进出口总额19074.9亿元，同比增长21.9%；其中出口9332.6亿元，增长25.1%，进口9742.3亿元，增长19.1%。")
        let en = try Self.release("2022-04", .en, baseYear: nil)
        #expect(sentence(en, "headline")?.text.contains("RMB1.90749 trillion") == true)
        for key in ["total.growth", "export.growth", "import.growth"] {
            #expect(number(zh, key)?.formula == "(X_t / X_{t−1} − 1) × 100 from the stored levels", "\(key)")
        }
    }

    @Test func publishedBeatsDerivedInTheMonth() throws {
        // MOFCOM published April 2022 as 450.2 billion; exports + imports from two year-to-date releases give 4505.0.
        let zh = try Self.release("2022-04", .zh, baseYear: nil)
        #expect(number(zh, "month.total.amount")?.text == "4502亿元")
        #expect(number(zh, "month.total.amount")?.status == "published")
        let en = try Self.release("2022-04", .en, baseYear: nil)
        #expect(number(en, "month.total.amount")?.text == "RMB450.2 billion")
        // The export and import months derived from the year-to-date releases add up to 4505, not 4502:
        // they contradict the published month, so they are withheld even when derived figures are allowed.
        #expect(number(en, "month.export.amount") == nil)
        #expect(en.withheld["month.export.amount"]?.contains("contradicts the other flows of 2022-04") == true)
        let allowed = try Self.release("2022-04", .en, baseYear: nil, allowDerived: true)
        #expect(number(allowed, "month.export.amount") == nil)
        #expect(number(allowed, "month.import.amount") == nil)
        #expect(!en.plainText.contains("Derived from cumulative"))
        // A derived month that agrees with its flows is stated, marked, when allowed (March 2022).
        let march = try Self.release("2022-03", .en, baseYear: nil, allowDerived: true)
        #expect(number(march, "month.export.amount")?.text.hasSuffix(PressFigures.derivedMarker) == true)
        #expect(march.plainText.contains("Derived from cumulative releases; not published as such."))
    }

    @Test func dollarFiguresAreMOFCOMsOwn() throws {
        // MOFCOM, 8 April 2021: January–February USD 110.35 bn, +3.7 %; exports USD 51.83 bn, +31.1 %.
        let zh = try Self.release("2021-02", .zh, baseYear: nil, book: try Self.fullBook.get())
        #expect(sentence(zh, "usd")?.text.hasPrefix("以美元计，服务进出口总额1103.5亿美元，同比增长3.7%；其中出口518.3亿美元，增长31.1%") == true)
        let en = try Self.release("2021-02", .en, baseYear: nil, book: try Self.fullBook.get())
        #expect(
            sentence(en, "usd")?.text.hasPrefix(
                "In US dollar terms, services trade was USD 110.35 billion, up by 3.7% year on year") == true)
    }

    @Test func coarseLevelsPrintAsPublished() throws {
        // January–August 2021: "3.27 trillion", exports 1.55, imports 1.72 trillion.
        let zh = try Self.release("2021-08", .zh, baseYear: nil, book: try Self.fullBook.get())
        #expect(number(zh, "total.amount")?.text == "3.27万亿元")
        #expect(number(zh, "export.amount")?.text == "1.55万亿元")
        let en = try Self.release("2021-08", .en, baseYear: nil, book: try Self.fullBook.get())
        #expect(number(en, "total.amount")?.text == "RMB3.27 trillion")
        #expect(!en.plainText.contains("32700"))
    }

    @Test func sentencesDegradeInsteadOfVanishing() throws {
        // January–March 2021: the total 11581.9 and its growth were published, export and import levels were not.
        let zh = try Self.release("2021-03", .zh, baseYear: nil, book: try Self.fullBook.get())
        #expect(sentence(zh, "headline")?.text == "今年1—3月，我国服务进出口总额11581.9亿元，同比增长0.5%；其中出口增长22.8%，进口下降13.5%。")
        #expect(zh.shortened.contains { $0.id == "headline" && $0.lacking == ["export.amount", "import.amount"] })
        let en = try Self.release("2020-08", .en, baseYear: nil, book: try Self.fullBook.get())
        #expect(sentence(en, "headline") != nil)
        // Reports go to standard error and JSON, never into the press text.
        #expect(!zh.plainText.contains("缺少") && !zh.plainText.contains("missing"))
        #expect(zh.report(explain: true).contains("shortened: [headline]"))
    }

    @Test func coarseRatesAreNotPrintedAsPoints() throws {
        // Excluding travel, January–August 2021: the levels only allow 21.5 … 22.6%; nothing was published.
        let en = try Self.release("2021-08", .en, baseYear: nil, book: try Self.fullBook.get())
        #expect(number(en, "extravel.total.growth") == nil)
        #expect(en.withheld["extravel.total.growth"]?.contains("wider than ±0.15") == true)
    }

    @Test func missingInputsAreSaidNotInvented() throws {
        let r = try Self.release("2022-04", .zh, baseYear: nil)
        #expect(r.missing.first { $0.id == "fastest" } != nil)
        #expect(!r.missing.contains { $0.id == "base-year" })  // not asked for: not missing
        #expect(!r.missing.contains { $0.id == "drag" || $0.id == "balance-turned" })  // not applicable this period
        #expect(!r.plainText.contains("未能写出"))
        // A period the store barely knows: only what is supported.
        let sparse = try Self.release("2017-02", .en, baseYear: nil)
        #expect(sparse.sentences.allSatisfy { !$0.text.contains("{") && !$0.text.contains("[[") })
    }
}

/// Months of 2017–2025 with a published national level: `figures` states the published figure, at the
/// published precision (datasets/mofcom-published-*.csv).
@Suite struct PublishedFiguresPinnedTests {
    static let cases: [(String, String, String, String, String)] = [
        // (through, placeholder, Chinese text, English text, status)
        ("2017-05", "total.amount", "18246.3亿元", "RMB1.82463 trillion", "published"),
        ("2021-04", "total.amount", "15644.5亿元", "RMB1.56445 trillion", "published"),
        ("2021-08", "total.amount", "3.27万亿元", "RMB3.27 trillion", "published"),
        ("2021-12", "balance.amount", "2112.7亿元", "RMB211.27 billion", "published"),  // MOFCOM's own site, not 211.28
        ("2021-12", "total.amount", "52982.7亿元", "RMB5.29827 trillion", "published"),
        ("2022-04", "month.total.amount", "4502亿元", "RMB450.2 billion", "published"),  // not 4505.0 from two releases
        // "1.9 trillion" published; exports + imports 19074.9 lies inside it and is more precise: the same figure.
        ("2022-04", "total.amount", "19074.9亿元", "RMB1.90749 trillion", "computed"),
        ("2022-12", "total.amount", "5.98万亿元", "RMB5.98 trillion", "published"),
        ("2024-07", "total.amount", "42301.8亿元", "RMB4.23018 trillion", "published"),
        // "7523.8 bn" published; 31755.6 + 43482.4 = 75238.0 lies inside it.
        ("2024-12", "total.amount", "75238.0亿元", "RMB7.52380 trillion", "computed"),
        ("2025-03", "total.amount", "19741.8亿元", "RMB1.97418 trillion", "published"),
        ("2025-10", "total.amount", "65844.3亿元", "RMB6.58443 trillion", "published"),
    ]

    @Test(arguments: cases.indices)
    func thePublishedFigureIsWhatIsPrinted(_ i: Int) throws {
        let (through, key, zhText, enText, status) = Self.cases[i]
        let zh = try PressFiguresTests.release(through, .zh, baseYear: nil, book: try PressFiguresTests.fullBook.get())
        let en = try PressFiguresTests.release(through, .en, baseYear: nil, book: try PressFiguresTests.fullBook.get())
        let a = zh.sentences.flatMap(\.numbers).first { $0.key == key }
        let b = en.sentences.flatMap(\.numbers).first { $0.key == key }
        #expect(a?.text == zhText, "\(through) \(key)")
        #expect(b?.text == enText, "\(through) \(key)")
        #expect(a?.status == status, "\(through) \(key)")
    }

    @Test func theRestated2024BaseQuotesThePublishedRate() throws {
        // From the January–July 2024 release on, the 2023 base was restated: the published rate stands.
        let book = try PressFiguresTests.fullBook.get()
        let calculator = BulletinCalculator(resolver: LevelResolver(book: book))
        let row = calculator.row(
            SeriesKey(region: "CN", sector: "S", flow: .total, currency: .cny),
            try PeriodSpan(parsing: "2024-01/2024-07"))
        #expect(row.yearOnYear.source == .published)
        #expect(row.yearOnYear.status == .published)
        #expect(row.yearOnYear.value == row.yearOnYear.published?.rounded(places: 1))
    }
}

/// No press sentence states a derived, implied or illustrative number unless allowed, for every month
/// of 2017–2025, in both languages, with and without the illustrative regional panel.
@Suite struct PressStatusPropertyTests {
    @Test(arguments: [false, true])
    func noUnquotableNumberInAnySentence(allowDerived: Bool) throws {
        let book = try PressFiguresTests.fullBookWithPanel.get()
        guard var month = Period(year: 2017, month: 2), let last = Period(year: 2025, month: 10) else { return }
        var sentences = 0
        while month <= last {
            for language in PressFigures.Language.allCases {
                let r = try PressFiguresTests.release(
                    month.description, language, baseYear: month.year == 2021 ? 2019 : nil, book: book,
                    allowDerived: allowDerived)
                for s in r.sentences {
                    sentences += 1
                    #expect(!s.text.contains("{") && !s.text.contains("[["), "\(month) \(s.id)")
                    if let first = s.text.first {
                        #expect(!first.isNumber, "\(month) \(language) [\(s.id)] begins with a numeral")
                        if language == .en { #expect(first.isUppercase, "\(month) [\(s.id)] begins in lower case") }
                    }
                    for n in s.numbers {
                        let status = try #require(FigureStatus(rawValue: n.status))
                        if status == .derived {
                            #expect(allowDerived, "\(month) {\(n.key)} is derived")
                            #expect(n.text.hasSuffix(PressFigures.derivedMarker))
                        } else {
                            #expect(status.isQuotable, "\(month) {\(n.key)} is \(status)")
                        }
                        #expect(
                            !n.inputs.contains { $0.status == FigureStatus.illustrative.rawValue },
                            "\(month) {\(n.key)}")
                    }
                }
            }
            month = month.advanced(by: 1)
        }
        #expect(sentences > 550)  // a floor: the loop really ran over 105 months
    }
}

@Suite struct PressTemplateTests {
    @Test func blocksPlaceholdersOptionalsAndComments() {
        let t = PressTemplate(
            parsing: "# comment\n[a]\nHello {who},\n{greeting?} bye.\n\n[b]\n{missing} here\n", joiner: " ")
        #expect(t.blocks.map(\.id) == ["a", "b"])
        #expect(PressTemplate.placeholders(in: t.blocks[0].text) == ["who", "greeting?"])
        let out = t.render(["who": "world"])
        #expect(out[0].text == "Hello world, bye.")
        #expect(out[1].text == nil)
        #expect(out[1].missing == ["missing"])
        let zh = PressTemplate(parsing: "[x]\n第一行，\n第二行。\n", joiner: "")
        #expect(zh.render([:])[0].text == "第一行，第二行。")
    }

    @Test func optionalPartsAreDroppedWholeAndNest() {
        let t = PressTemplate(parsing: "[h]\n{a}[[, b {b}[[ and c {c}]]]][[; d {d}]] .\n", joiner: " ")
        #expect(t.render(["a": "A", "b": "B", "c": "C", "d": "D"])[0].text == "A, b B and c C; d D.")
        #expect(t.render(["a": "A", "b": "B"])[0].text == "A, b B.")
        #expect(t.render(["a": "A", "c": "C"])[0].text == "A.")
        #expect(t.render(["a": "A", "c": "C"])[0].dropped == ["b", "d"])
        #expect(t.render(["b": "B"])[0].text == nil)
        #expect(t.render(["b": "B"])[0].missing == ["a"])
    }

    @Test func levelsNeverClaimMorePrecisionThanTheirBestInput() throws {
        let yi = MonetaryUnit(.cny, .hundredMillion)
        func texts(_ s: String, step: String) throws -> (String, String) {
            let level = try Level(parsing: s, in: yi)
            let resolution = try Level(parsing: step, in: yi).hundredths
            return (LevelText.chinese(level, resolution: resolution), LevelText.english(level, resolution: resolution))
        }
        #expect(try texts("15644.5", step: "0.1") == ("15644.5亿元", "RMB1.56445 trillion"))
        #expect(try texts("7462.1", step: "0.1") == ("7462.1亿元", "RMB746.21 billion"))
        #expect(try texts("-720.4", step: "0.1") == ("720.4亿元", "RMB72.04 billion"))
        #expect(try texts("4502", step: "1") == ("4502亿元", "RMB450.2 billion"))
        #expect(try texts("32700", step: "100") == ("3.27万亿元", "RMB3.27 trillion"))
        #expect(try texts("36754", step: "1") == ("36754亿元", "RMB3.6754 trillion"))
        #expect(try texts("20000", step: "0.1") == ("20000.0亿元", "RMB2.00000 trillion"))
        // A level known to 0.01 亿元 (a panel in 万元) prints at 0.1 亿元, rounded half away from zero once.
        #expect(try texts("4061.95", step: "0.01") == ("4062.0亿元", "RMB406.20 billion"))
        #expect(try texts("0.5", step: "0.1") == ("0.5亿元", "RMB0.05 billion"))
        // A difference of two levels printed in 万亿元 (3.68 − 2.91): below a trillion, still in trillions,
        // never "7700亿元" / "RMB770 billion"; a step of 10 亿元 stays in 亿元 and billions.
        #expect(try texts("-7700", step: "100") == ("0.77万亿元", "RMB0.77 trillion"))
        #expect(try texts("4500", step: "10") == ("4500亿元", "RMB450 billion"))
    }
}
