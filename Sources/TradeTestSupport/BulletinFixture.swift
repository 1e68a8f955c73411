import Foundation

/// A small bulletin that passes `svctrade check`: both languages of `bulletin.md`, the figures JSON and
/// the press files, for tests that seed one defect at a time.
public enum BulletinFixture {
    /// `bulletin.md`: a Chinese and an English section with a release date, a computed block, a table
    /// that adds up, a derived month at the precision of its inputs and a legend for "*".
    public static let markdown = """
        # 2025年1—10月我国服务贸易发展情况

        **发布单位**：商务部服务贸易司
        **统计期**：2025年1—10月
        **发布日期**：2025-11-28
        **数据状态**：初步数据，以后可能修订

        今年1—10月，我国服务进出口总额65844.3亿元，同比增长7.5%。

        根据公布数据计算（非发布数）

        服务出口增幅大于进口11.7个百分点。

        ## 数据表

        | 项目 | 流向 | 金额（亿元） | 同比增长（%） |
        |---|---|---:|---:|
        | 服务贸易 | 进出口 | 65844.3 | 7.5 |
        | 服务贸易 | 出口 | 29090.3 | 14.3 |
        | 服务贸易 | 进口 | 36754 | 2.6 |
        | 服务贸易 | 差额 | -7663.7 | -26.0 |
        | 其中：知识密集型服务 | 进出口 | 25121.5 | 6.4 |

        ### 月度服务进出口

        | 月份 | 进出口（亿元） | 出口（亿元） | 进口（亿元） |
        |---|---:|---:|---:|
        | 2025年10月 | 6444* | 3090* | 3354* |
        | 2025年1—10月 | 65844.3 | 29090.3 | 36754 |

        注：带*的月度数由相邻两期累计数相减推算。

        ## 资料来源

        - 资料来源：商务部（2025年11月20日发布）。
        - 转载：https://www.globaltimes.cn/page/202512/1349678.shtml

        ---

        # China's trade in services, January–October 2025

        **Issued by**: MOFCOM, Department of Trade in Services
        **Reference period**: January–October 2025
        **Release date**: 2025-11-28
        **Status**: Preliminary; may be revised

        From January to October, China's services trade reached RMB6.58443 trillion, up by 7.5% year on year.

        Computed from published figures, not in the release

        Export growth was 11.7 percentage points above import growth.

        ## Tables

        | Item | Flow | CNY 100m | YoY % |
        |---|---|---:|---:|
        | Services | total | 65844.3 | 7.5 |
        | Services | exports | 29090.3 | 14.3 |
        | Services | imports | 36754 | 2.6 |
        | Services | balance | -7663.7 | -26.0 |
        | of which: Knowledge-intensive services | total | 25121.5 | 6.4 |

        ### Month by month

        | Month | Total, CNY 100m | Exports, CNY 100m | Imports, CNY 100m |
        |---|---:|---:|---:|
        | Oct 2025 | 6444* | 3090* | 3354* |
        | Jan–Oct 2025 | 65844.3 | 29090.3 | 36754 |

        Note: * marks a month derived from two consecutive year-to-date releases.

        ## Sources

        - Source: Ministry of Commerce (MOFCOM) (released 20 November 2025).
        - reported by: https://www.globaltimes.cn/page/202512/1349678.shtml

        """

    /// `figures-LANG.json`: the headline's published numbers and the computed gap, each with inputs
    /// and their publication dates.
    public static func figures(_ language: String) -> String {
        let zh = language == "zh"
        return """
            {
              "language" : "\(language)",
              "sentences" : [
                {
                  "id" : "headline",
                  "numbers" : [
                    {
                      "inputs" : [
                        {
                          "period" : "2025-01/2025-10",
                          "published_on" : "2025-11-20",
                          "series" : "CN/S/total/CNY",
                          "status" : "published",
                          "unit" : "CNY 100m",
                          "value" : "65844.3"
                        }
                      ],
                      "key" : "total.amount",
                      "status" : "published",
                      "text" : "\(zh ? "65844.3亿元" : "RMB6.58443 trillion")"
                    },
                    {
                      "inputs" : [],
                      "key" : "total.growth",
                      "status" : "published",
                      "text" : "\(zh ? "增长7.5%" : "up by 7.5%")"
                    }
                  ],
                  "text" : "\(headline(language))"
                },
                {
                  "computed_block" : true,
                  "id" : "balance",
                  "numbers" : [
                    {
                      "inputs" : [],
                      "key" : "gap",
                      "status" : "computed",
                      "text" : "\(zh ? "大于进口11.7个百分点" : "11.7 percentage points above import growth")"
                    }
                  ],
                  "text" : "\(computed(language))"
                }
              ]
            }

            """
    }

    /// The headline sentence of a language.
    public static func headline(_ language: String) -> String {
        language == "zh"
            ? "今年1—10月，我国服务进出口总额65844.3亿元，同比增长7.5%。"
            : "From January to October, China's services trade reached RMB6.58443 trillion, up by 7.5% year on year."
    }

    /// The computed sentence of a language.
    public static func computed(_ language: String) -> String {
        language == "zh"
            ? "服务出口增幅大于进口11.7个百分点。"
            : "Export growth was 11.7 percentage points above import growth."
    }

    /// The heading of the computed block of a language.
    public static func computedHeading(_ language: String) -> String {
        language == "zh" ? "根据公布数据计算（非发布数）" : "Computed from published figures, not in the release"
    }

    /// `press-figures-2025-10-LANG.txt`: the published sentence, then the computed block.
    public static func press(_ language: String) -> String {
        "\(headline(language))\n\n\(computedHeading(language))\n\n\(computed(language))\n"
    }

    /// Writes `bulletin-2025-10/` (bulletin.md, figures-zh.json, figures-en.json) and the two press files
    /// beside it into `folder`, after `edit` has changed any file (by name); returns the bulletin folder.
    @discardableResult
    public static func write(
        into folder: String, editing edit: (_ name: String, _ text: String) -> String = { $1 }
    ) throws -> String {
        let bulletin = folder + "/bulletin-2025-10"
        try FileManager.default.createDirectory(atPath: bulletin, withIntermediateDirectories: true)
        let files: [(String, String)] = [
            ("bulletin-2025-10/bulletin.md", markdown),
            ("bulletin-2025-10/figures-zh.json", figures("zh")),
            ("bulletin-2025-10/figures-en.json", figures("en")),
            ("press-figures-2025-10-zh.txt", press("zh")),
            ("press-figures-2025-10-en.txt", press("en")),
        ]
        for (name, text) in files {
            try Data(edit(name, text).utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return bulletin
    }
}
