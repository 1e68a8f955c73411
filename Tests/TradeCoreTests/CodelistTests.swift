import Testing
import TradeCore

@Suite struct SectorCodelistTests {
    let sectors = Sectors.standard

    @Test(arguments: [
        ("SD", "SD"), ("sd", "SD"), ("travel", "SD"), ("Travel", "SD"), ("旅行", "SD"), ("旅行服务", "SD"),
        ("建设", "SE"), ("建筑", "SE"), ("保险和养老金服务", "SF"), ("保险服务", "SF"),
        ("电信、计算机和信息服务", "SI"), ("电信计算机和信息服务", "SI"), ("IP royalties", "SH"),
        ("knowledge-intensive", "KIS"), ("知识密集型服务", "KIS"), ("total", "S"),
        ("computer and information", "SI23"), ("excluding travel", "EXTRAVEL"),
        ("Other business services", "SJ"), ("professional and management consulting", "SJ2"),
    ])
    func looksUpByCodeAndNameInBothLanguages(text: String, code: String) {
        #expect(sectors.lookup(text)?.code == code)
    }

    @Test func namesComeInSAFEAndMOFCOMVariants() throws {
        let se = try #require(sectors.sector(code: "SE"))
        #expect(se.chineseNameSAFE == "建设")
        #expect(se.chineseNameMOFCOM == "建筑")
        #expect(se.englishName == "Construction")
    }

    @Test func hierarchyAndGroups() {
        #expect(
            sectors.mainComponents.map(\.code) == [
                "SA", "SB", "SC", "SD", "SE", "SF", "SG", "SH", "SI", "SJ", "SK", "SL", "SN",
            ])
        #expect(sectors.children(of: "SC").map(\.code) == ["SC1", "SC2", "SC3", "SC4"])
        #expect(sectors.constituents(of: "KIS") == ["SF", "SG", "SH", "SI", "SJ", "SK"])
        #expect(sectors.sector(code: "KIS")?.isGroup == true)
        #expect(sectors.sector(code: "SD")?.isGroup == false)
        #expect(sectors.sector(code: "EXTRAVEL")?.excluded == ["SD"])
    }

    @Test func nationalExtensionCodesBelongToAMainComponent() {
        #expect(sectors.extensionParent(of: "SA1")?.code == "SA")
        #expect(sectors.extensionParent(of: "SD21")?.code == "SD")
        #expect(sectors.extensionParent(of: "SZ1") == nil)
        #expect(sectors.extensionParent(of: "S") == nil)
        #expect(sectors.lookup("SZ") == nil)
    }

    @Test func suggestsNearestCode() {
        #expect(sectors.suggestions(for: "SX").contains("SA"))
        #expect(sectors.suggestions(for: "travle").first?.lowercased() == "travel")
    }
}

@Suite struct RegionCodelistTests {
    let regions = Regions.standard

    @Test func pilotListsHaveThePublishedSizes() {
        #expect(regions.pilots(batch: 2016).count == 15)
        #expect(regions.pilots(batch: 2018).count == 17)
        #expect(regions.pilots(batch: 2020).count == 28)
    }

    @Test func overlapsAreKnown() throws {
        #expect(regions.region(code: "xixian")?.overlaps == ["xian"])
        #expect(regions.region(code: "guian")?.overlaps == ["guiyang"])
        let pairs = regions.overlappingPairs(in: regions.pilots(batch: 2020).map(\.code))
        #expect(pairs.map { "\($0.0)+\($0.1)" }.sorted() == ["guian+guiyang", "xian+xixian"])
    }

    @Test func kindsAndNames() throws {
        #expect(regions.region(code: "CN")?.kind == .country)
        #expect(regions.region(code: "chongqing")?.kind == .districtSet)
        #expect(regions.region(code: "xiongan")?.kind == .newArea)
        #expect(regions.region(code: "hainan")?.kind == .province)
        #expect(regions.region(code: "suzhou")?.kind == .city)
        #expect(regions.lookup("China")?.code == "CN")
        #expect(regions.lookup("西安")?.code == "xian")
        #expect(regions.lookup("Innovation pilot areas (2016 batch, combined)")?.code == "PILOT2016")
        #expect(regions.lookup("Innovation pilot areas (17 areas combined)")?.code == "PILOT2018")
    }

    @Test func numberedPanelRegions() {
        #expect(regions.region(code: "R001")?.kind == .panel)
        #expect(regions.region(code: "R") == nil)
        #expect(regions.region(code: "R12a") == nil)
        #expect(regions.suggestions(for: "beijng").first == "beijing")
    }
}
