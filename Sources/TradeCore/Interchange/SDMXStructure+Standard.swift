extension SDMXStructure {
    /// svctrade's structures: `DF_SVC_TRADE` (one observation per key) on `DSD_SVC_TRADE`, and
    /// `DF_SVC_TRADE_COPIES` (every copy of every source and release) on `DSD_SVC_TRADE_COPIES`, which
    /// adds the `COPY` dimension; the concept scheme `CS_SVC_TRADE`; and every codelist, each code
    /// with English and Chinese names.
    public static let standard = SDMXStructure(
        agency: SDMXCodes.agency, version: SDMXCodes.version,
        conceptScheme: ("CS_SVC_TRADE", Text("svctrade concepts", "服务贸易统计概念")), concepts: concepts,
        codelists: codelists,
        dataStructures: [
            DataStructure(
                id: "DSD_SVC_TRADE", name: Text("Trade in services", "服务贸易"), components: components(copies: false)),
            DataStructure(
                id: "DSD_SVC_TRADE_COPIES", name: Text("Trade in services, every copy", "服务贸易（全部来源副本）"),
                components: components(copies: true)),
        ],
        dataflows: [
            Dataflow(
                id: "DF_SVC_TRADE", name: Text("China's trade in services", "中国服务贸易"),
                description: Text(
                    "Published figures (levels and the rates printed with them) and monthly panels: one observation per series key and period, the copy the bulletin uses (the latest release's preferred source)",
                    "已公布数据（金额及随之公布的增速等）和月度面板：每个序列键和期间一个观测值，即公报所用的副本（最新发布中的首选来源）"),
                structure: "DSD_SVC_TRADE"),
            Dataflow(
                id: "DF_SVC_TRADE_COPIES", name: Text("China's trade in services, every copy", "中国服务贸易（全部来源副本）"),
                description: Text(
                    "Every stored copy of every figure (each release, each source), each as printed; COPY 1 is the copy the bulletin uses (DF_SVC_TRADE also writes, under their own copies, the rates other copies lend it, and leaves out a withheld balance change, here OBS_STATUS U)",
                    "每个数据的全部存储副本（各次发布、各来源），均按原样；COPY 为 1 的即公报所用副本（DF_SVC_TRADE 另以各自副本写出其他副本补充的比率，并略去不予采用的差额变化额，此处 OBS_STATUS 为 U）"
                ),
                structure: "DSD_SVC_TRADE_COPIES"),
        ])

    /// The components of a DSD, in key order; `copies` adds the `COPY` dimension before the time.
    static func components(copies: Bool) -> [Component] {
        let dimensions: [Component] = [
            Component("FREQ", .dimension, .codelist("CL_FREQ")),
            Component("REF_AREA", .dimension, .codelist("CL_AREA")),
            Component("COUNTERPART_AREA", .dimension, .codelist("CL_COUNTERPART_AREA")),
            Component("ACCOUNTING_ENTRY", .dimension, .codelist("CL_ACCOUNTING_ENTRY")),
            Component("INT_ACC_ITEM", .dimension, .codelist("CL_INT_ACC_ITEM")),
            Component("CURRENCY", .dimension, .codelist("CL_CURRENCY")),
            Component("UNIT_MEASURE", .dimension, .codelist("CL_UNIT_MEASURE")),
            Component("ACCUMULATION", .dimension, .codelist("CL_ACCUMULATION")),
        ]
        return dimensions + (copies ? [Component("COPY", .dimension, .text("Integer"))] : []) + [
            Component("TIME_PERIOD", .time, .text("ObservationalTimePeriod")),
            Component("OBS_VALUE", .measure, .text("Decimal")),
            Component("UNIT_MULT", .seriesAttribute(required: true), .codelist("CL_UNIT_MULT")),
            Component("UNIT_MULT_PUBLISHED", .observationAttribute(required: false), .codelist("CL_UNIT_MULT")),
            Component("DECIMALS", .observationAttribute(required: true), .text("Integer")),
            Component("OBS_STATUS", .observationAttribute(required: true), .codelist("CL_OBS_STATUS")),
            Component("SOURCE", .observationAttribute(required: false), .text("String")),
            Component("RELEASE", .observationAttribute(required: true), .text("String")),
            Component("PUBLISHER", .observationAttribute(required: false), .text("String")),
            Component("PUBLICATION_DATE", .observationAttribute(required: false), .text("String")),
            Component("PREFERRED", .observationAttribute(required: true), .text("Integer")),
            Component("PANEL", .observationAttribute(required: false), .text("Integer")),
            Component("FIGURE", .observationAttribute(required: false), .text("Integer")),
            Component("SOURCE_COPY", .observationAttribute(required: false), .text("String")),
        ]
    }

    /// The concepts: ID, English and Chinese name, and what each means (English, Chinese) where a name is not enough.
    static let concepts: [Concept] = [
        (
            "FREQ", "Frequency", "频率",
            "SDMX CL_FREQ. M with ACCUMULATION P is a month; M with YTD is January to that month, so a first quarter, first half or whole year is M YTD of its last month (the year 2021 is M YTD 2021-12) and one series key holds the whole year-to-date series. Q and S are written only for a quarter or half year that starts after January; A is read, never written",
            "SDMX 频率代码。M 与 ACCUMULATION P 为当月；M 与 YTD 为1月至该月累计，一季度、上半年和全年均记为其末月的 M YTD（2021年全年为 M YTD 2021-12），使同一序列键包含全年累计序列。Q、S 仅用于不始于1月的季度或半年；A 只读不写"
        ),
        ("REF_AREA", "Reference area", "参考地区", nil, nil),
        ("COUNTERPART_AREA", "Counterpart area", "对方地区", nil, nil),
        ("ACCOUNTING_ENTRY", "Accounting entry", "记账方向", nil, nil),
        ("INT_ACC_ITEM", "International accounts item (EBOPS 2010)", "国际账户项目（EBOPS 2010）", nil, nil),
        ("CURRENCY", "Currency of the series", "序列币种", nil, nil),
        ("UNIT_MEASURE", "Unit of measure", "计量单位", nil, nil),
        (
            "ACCUMULATION", "Accumulation", "累计方式",
            "P: the period of TIME_PERIOD alone; YTD: January to the end of TIME_PERIOD",
            "P：TIME_PERIOD 所指期间；YTD：1月至 TIME_PERIOD 末累计"
        ),
        (
            "COPY", "Copy", "副本",
            "1 for the copy the bulletin uses, as printed, 2, 3 … for the other sources and releases of the same figure (a rate one copy lends another keeps its lender's number)",
            "1 为公报所用副本（按原样），2、3……为同一数据的其他来源和发布（一副本借给另一副本的比率保留出借副本的编号）"
        ),
        ("TIME_PERIOD", "Time period", "时间", nil, nil),
        ("OBS_VALUE", "Observation value", "观测值", nil, nil),
        (
            "UNIT_MULT", "Unit multiplier", "单位乘数", "Power of ten of OBS_VALUE: 8 (亿) for levels, 0 for rates",
            "OBS_VALUE 的十的幂次：金额为 8（亿），比率为 0"
        ),
        (
            "UNIT_MULT_PUBLISHED", "Unit multiplier as published", "公布时的单位乘数",
            "Power of ten of the unit the agency printed the level in (12 for 万亿元, 9 for billions)",
            "发布机构公布该金额所用单位的十的幂次（万亿元为 12，十亿为 9）"
        ),
        (
            "DECIMALS", "Decimals", "小数位数",
            "Decimal places of OBS_VALUE as published: the digits the agency printed after the point, moved to 亿 (0 for 33900 亿元, a whole number; -2 for 2.33 万亿元); never inferred from trailing zeros",
            "OBS_VALUE 按公布精度的小数位数：发布机构所印小数位数换算到亿（33900亿元为 0；2.33万亿元为 -2）；不由末尾的零推断"
        ),
        (
            "OBS_STATUS", "Observation status", "观测值状态",
            "SDMX CL_OBS_STATUS: A a published figure (or exact arithmetic on published figures), E derived by svctrade or a dollar figure only a reporter printed (a conversion), I implied, G illustrative (never quotable), U a published balance change that contradicts the balances, withheld by the bulletin (every-copy files only)",
            "SDMX 观测值状态代码：A 已公布数据（或已公布数据的精确运算），E 由 svctrade 推算或仅见于报道者换算的美元数据，I 隐含值，G 示意数据（不可引用），U 与差额相矛盾、公报不予采用的已公布差额变化额（仅见于全部副本文件）"
        ),
        (
            "SOURCE", "Source (page or publisher to cite)", "来源（可引用的网页或发布机构）",
            "The page that printed the figure (the publisher's own, another official site, a news report, or the file imported); for a figure read from a copy on an unrelated site (a mirror), the publisher whose figure it is (MOFCOM, SAFE), with the copy's address in SOURCE_COPY",
            "刊载该数据的网页（发布机构网站、其他官方网站、新闻报道或所导入的文件）；若数据读自无关网站上的转载副本（镜像），则为该数据的发布机构（MOFCOM、SAFE），副本地址见 SOURCE_COPY"
        ),
        (
            "RELEASE", "Release (vintage)", "发布（版本）",
            "The release the figure was imported with (a file or a named vintage); a later release's copy of a figure is kept before an earlier one's",
            "数据导入时所属的发布（文件或指定版本）；同一数据以较晚发布的副本为准"
        ),
        (
            "PUBLISHER", "Publisher", "发布机构",
            "The agency whose figure it is (MOFCOM, SAFE), whatever the site it was read at; empty when the source file did not say (then the region's publisher)",
            "数据所属的发布机构（MOFCOM、SAFE），与读取的网站无关；来源文件未注明时为空（此时为该地区的发布机构）"
        ),
        (
            "PUBLICATION_DATE", "Publication date", "发布日期",
            "The date the figure's page gives for its publication, YYYY-MM-DD or YYYY-MM when only the month is known; empty when unknown",
            "数据所在网页给出的发布日期，YYYY-MM-DD，仅知月份时为 YYYY-MM；未知时为空"
        ),
        (
            "PREFERRED", "Preferred copy among the sources of a release", "同一发布中的首选来源副本",
            "1 for the copy kept among the sources of one release, 0 for another source, for a rate written under the copy that lent it, and for a withheld balance change (OBS_STATUS U)",
            "1 为同一发布的多个来源中保留的副本；其他来源、以出借副本写出的比率及不予采用的差额变化额（OBS_STATUS 为 U）为 0"
        ),
        (
            "PANEL", "Month of a monthly panel", "月度面板数据",
            "1 for a month of an imported monthly panel rather than a published figure; empty otherwise",
            "1 表示导入的月度面板中的月份而非已公布数据；否则为空"
        ),
        (
            "FIGURE", "Stored figure number", "存储数据编号",
            "Rows of one stored figure (a level and the rates printed with it on one page) share a number; a rate written under the copy that lent it has that copy's number; empty for a panel month. One copy has one number in the default and the every-copy file of one store (numbered as the default file writes them, the other copies after); not an identifier across stores",
            "同一存储数据（同一网页公布的金额及随之公布的比率）的各行编号相同；以出借副本写出的比率沿用出借副本的编号；面板月份为空。同一存储的默认文件与全部副本文件中同一副本编号相同（按默认文件的编号，其余副本续编）；不是跨存储的标识"
        ),
        (
            "SOURCE_COPY", "Address of the copy the figure was read from (not to be cited)", "数据所读副本的地址（不可引用）",
            "A mirror: a copy of an agency page or a news page on an unrelated site, kept as evidence of where the figure was read, never as a citation (SOURCE names the publisher); empty where SOURCE is the page itself",
            "镜像：无关网站上对发布机构或新闻网页的转载副本，仅作为数据读取来源的证据保留，不作引用（SOURCE 为发布机构）；SOURCE 为网页本身时为空"
        ),
    ].map { (id: String, en: String, zh: String, aboutEn: String?, aboutZh: String?) in
        Concept(id, Text(en, zh), description: aboutEn.map { Text($0, aboutZh) })
    }

    static var codelists: [Codelist] {
        let sectors = Sectors.standard.all.map { s in
            Code(
                s.code, Text(s.englishName, s.chineseNameSAFE),
                description: s.chineseNameMOFCOM == s.chineseNameSAFE
                    ? nil : Text("MOFCOM bulletin: \(s.chineseNameMOFCOM)", "商务部公报用语：\(s.chineseNameMOFCOM)"),
                parent: s.parent.flatMap { Sectors.standard.sector(code: $0) == nil ? nil : $0 })
        }
        let regions = Regions.standard.all
        let areas = regions.filter { !SDMXCodes.partnerScopes.contains($0.code) }.map { r in
            Code(r.code, Text(r.englishName, r.chineseName))
        }
        let partners = regions.filter { SDMXCodes.partnerScopes.contains($0.code) }.map { r in
            Code(r.code, Text(r.englishName, r.chineseName))
        }
        return [
            Codelist(
                id: "CL_FREQ", name: Text("Frequency", "频率"),
                codes: [
                    Code("M", Text("Monthly", "月度")), Code("Q", Text("Quarterly", "季度")),
                    Code("S", Text("Half-yearly", "半年度")), Code("A", Text("Annual", "年度")),
                ]),
            Codelist(id: "CL_AREA", name: Text("Reference area", "参考地区"), codes: areas),
            Codelist(
                id: "CL_COUNTERPART_AREA", name: Text("Counterpart area", "对方地区"),
                codes: [Code(SDMXCodes.counterpart, Text("Rest of the world", "世界其他地区"))] + partners),
            Codelist(
                id: "CL_ACCOUNTING_ENTRY", name: Text("Accounting entry", "记账方向"),
                codes: [
                    Code("C", Text("Credit (exports)", "贷方（出口）")), Code("D", Text("Debit (imports)", "借方（进口）")),
                    Code("B", Text("Balance (exports minus imports)", "差额（出口减进口）")),
                    Code("T", Text("Total trade (exports plus imports)", "进出口总额")),
                ]),
            Codelist(id: "CL_INT_ACC_ITEM", name: Text("EBOPS 2010 services items", "EBOPS 2010 服务项目"), codes: sectors),
            Codelist(
                id: "CL_CURRENCY", name: Text("Currency", "币种"),
                codes: [Code("CNY", Text("Yuan renminbi", "人民币")), Code("USD", Text("US dollar", "美元"))]),
            Codelist(
                id: "CL_UNIT_MEASURE", name: Text("Unit of measure", "计量单位"),
                codes: [
                    Code("CNY", Text("Yuan renminbi", "人民币元")), Code("USD", Text("US dollar", "美元")),
                    Code("PC_YOY", Text("Year-on-year change, percent", "同比增长率（%）")),
                    Code("PC_VS2019", Text("Change versus the same period of 2019, percent", "比2019年同期增长（%）")),
                    Code("PC_AVG2Y", Text("Two-year average growth, percent", "两年平均增长率（%）")),
                    Code("PC_SHARE", Text("Share, percent", "占比（%）")),
                    Code("PP_SHARE_CHG", Text("Change of the share, percentage points", "占比变化（百分点）")),
                    Code("BAL_CHG", Text("Change of the balance versus a year earlier", "差额同比变化额")),
                ]),
            Codelist(
                id: "CL_ACCUMULATION", name: Text("Accumulation", "累计方式"),
                codes: [
                    Code(SDMXCodes.Accumulation.period.rawValue, Text("The period alone", "当期")),
                    Code(
                        SDMXCodes.Accumulation.yearToDate.rawValue, Text("January to the end of the period", "1月至当期累计")),
                ]),
            Codelist(
                id: "CL_OBS_STATUS", name: Text("Observation status", "观测值状态"),
                codes: [
                    Code("A", Text("Normal value (published)", "正常值（已公布）")),
                    Code(
                        "E",
                        Text(
                            "Estimated value (derived by svctrade, or a reporter's currency conversion; not published by the agency)",
                            "估计值（推算，或报道者自行换算的币种；非发布机构公布）")),
                    Code("I", Text("Imputed value (implied)", "插补值（隐含）")),
                    Code("G", Text("Experimental value (illustrative, never quotable)", "试验值（示意数据，不可引用）")),
                    Code(
                        SDMXCodes.withheldStatus,
                        Text(
                            "Low reliability: a published balance change that contradicts the published balances, withheld by the bulletin (every-copy files only)",
                            "低可靠性：与已公布差额相矛盾的已公布差额变化额，公报不予采用（仅见于全部副本文件）")),
                ]),
            Codelist(
                id: "CL_UNIT_MULT", name: Text("Unit multiplier", "单位乘数"),
                codes: [
                    Code("0", Text("Units", "个")), Code("4", Text("Tens of thousands", "万")),
                    Code("6", Text("Millions", "百万")), Code("8", Text("Hundreds of millions", "亿")),
                    Code("9", Text("Billions", "十亿")), Code("12", Text("Trillions", "万亿")),
                ]),
        ]
    }
}
