import Foundation
import TradeCore

/// Turns bulletin rows into a ``Table`` with the documented columns (command reference, "Table columns").
///
/// Values are written in one unit (default CNY 100m, 亿元) with the precision their rounding allows;
/// rates to 0.1 (contributions to 0.01), rounded half away from zero, once.
public struct BulletinTableBuilder: Sendable {
    /// Output unit for levels in CNY.
    public var unitCNY = MonetaryUnit(.cny, .hundredMillion)
    /// Output unit for levels in USD.
    public var unitUSD = MonetaryUnit(.usd, .hundredMillion)
    /// Language of the name column.
    public var language: Language = .en
    /// Most fraction digits of a level (levels show the precision of their finest input, up to this).
    public var maxPlaces = 2
    /// Sector codelist for names.
    public var sectors: Sectors = .standard
    /// Region codelist for names.
    public var regions: Regions = .standard

    /// Name language (``TradeCore/Language``).
    public typealias Language = TradeCore.Language

    /// Creates a builder.
    public init() {}

    /// Every documented column, in the order of CSV and JSON (README, "Table columns"): its name,
    /// whether it holds numbers, and its Chinese header for readers (English readers see the name).
    public static let allColumns: [Table.Column] = [
        .init("region", zh: "地区"), .init("sector", zh: "领域代码"), .init("flow", zh: "流向"), .init("currency", zh: "币种"),
        .init("period_from", zh: "起始月"), .init("period_to", zh: "截止月"), .init("value", numeric: true, zh: "金额"),
        .init("unit", zh: "单位"), .init("status", zh: "数字性质"), .init("prior_value", numeric: true, zh: "上年同期"),
        .init("yoy_pct", numeric: true, zh: "同比（%）"), .init("yoy_source", zh: "增速来源"), .init("yoy_status", zh: "增速性质"),
        .init("published_yoy_pct", numeric: true, zh: "公布增速（%）"), .init("base_restated", zh: "基数已修订"),
        .init("vs_base_pct", numeric: true, zh: "比基期（%）"), .init("avg_growth_pct", numeric: true, zh: "年均增长（%）"),
        .init("share_pct", numeric: true, zh: "占比（%）"), .init("share_change_pp", numeric: true, zh: "占比变化（百分点）"),
        .init("contribution_pp", numeric: true, zh: "拉动（百分点）"), .init("name", zh: "名称"),
        .init("period_kind", zh: "期别"), .init("value_origin", zh: "金额来源"),
        .init("computed_yoy_pct", numeric: true, zh: "计算增速（%）"),
        .init("computed_yoy_low", numeric: true, zh: "计算增速下限"),
        .init("computed_yoy_high", numeric: true, zh: "计算增速上限"),
        .init("yoy_change_pp", numeric: true, zh: "增速变化（百分点）"), .init("vs_base_year", numeric: true, zh: "基期年"),
        .init("vs_base_source", zh: "比基期来源"), .init("avg_growth_source", zh: "年均增长来源"),
        .init("contribution_rate_pct", numeric: true, zh: "贡献率（%）"), .init("mom_pct_nsa", numeric: true, zh: "环比（%）"),
        .init("implied_revision", numeric: true, zh: "隐含修订"), .init("balance_change", numeric: true, zh: "差额变化"),
        .init("balance_movement", zh: "差额变动"), .init("export_import_gap_pp", numeric: true, zh: "进出口增速差（百分点）"),
        .init("illustrative", zh: "示意数据"), .init("value_low", numeric: true, zh: "金额下限"),
        .init("value_high", numeric: true, zh: "金额上限"), .init("share_status", zh: "占比性质"),
        .init("share_change_status", zh: "占比变化性质"), .init("contribution_status", zh: "拉动性质"),
    ]

    /// The names of the documented columns, in order.
    public static var columns: [String] { allColumns.map(\.name) }

    /// Columns shown on a terminal.
    public static let terminalColumns: [String] = [
        "region", "name", "flow", "period_from", "period_to", "value", "status", "yoy_pct", "yoy_status", "vs_base_pct",
        "avg_growth_pct", "share_pct", "share_change_pp", "contribution_pp", "share_status",
    ]

    /// The full table.
    public func table(_ rows: [BulletinRow], illustrative: (BulletinRow) -> Bool = { _ in false }) -> Table {
        table(rows, columns: Self.columns, illustrative: illustrative)
    }

    /// A table with a chosen subset of columns.
    public func table(_ rows: [BulletinRow], columns: [String], illustrative: (BulletinRow) -> Bool = { _ in false })
        -> Table
    {
        var t = Table(columns: columns.map { name in Self.allColumns.first { $0.name == name } ?? Table.Column(name) })
        let flags = rows.map(illustrative)
        // Large tables (every region) are formatted in pieces side by side; the order is kept.
        let pieces = rows.count < 1024 ? 1 : 2 * ProcessInfo.processInfo.activeProcessorCount
        t.rows = OrderedParallelMap.map(OrderedParallelMap.ranges(count: rows.count, pieces: pieces)) { range in
            range.map { i in
                let cells = self.cells(rows[i], illustrative: flags[i])
                return columns.map { cells[$0] ?? "" }
            }
        }
        return t
    }

    func unit(for currency: Currency) -> MonetaryUnit { currency == .cny ? unitCNY : unitUSD }

    /// Every cell of a row, by column name.
    public func cells(_ r: BulletinRow, illustrative: Bool = false) -> [String: String] {
        let u = unit(for: r.key.currency)
        var c: [String: String] = [
            "region": r.key.region, "sector": r.key.sector, "flow": r.key.flow.rawValue,
            "currency": r.key.currency.rawValue, "period_from": r.span.start.description,
            "period_to": r.span.end.description, "unit": u.description, "period_kind": r.span.kind.rawValue,
            "illustrative": illustrative ? "true" : "false",
        ]
        let sectorName =
            sectors.sector(code: r.key.sector).map { language == .zh ? $0.chineseNameMOFCOM : $0.englishName }
            ?? r.key.sector
        if r.key.sector == "S" && r.key.region != "CN" {
            c["name"] =
                regions.region(code: r.key.region).map { language == .zh ? $0.chineseName : $0.englishName }
                ?? r.key.region
        } else {
            c["name"] = sectorName
        }
        if let v = r.value {
            // A level derived from others is printed at the precision its interval supports, or not at
            // all (a month from two totals rounded to 0.01 trillion, ±50 亿元, is not "6444.3"); its
            // bounds are always given.
            // A level the press sentence writes computed is printed as the sentence prints it ("-410").
            if let text = LevelText.computedCell(r, in: u) {
                c["value"] = text
            } else if let places = v.printablePlaces(in: u, limit: maxPlaces) {
                c["value"] = v.level.formatted(in: u, places: places)
            }
            if v.status == .derived || v.status == .implied {
                c["value_low"] = Level(hundredths: v.lower).formatted(in: u, places: maxPlaces)
                c["value_high"] = Level(hundredths: v.upper).formatted(in: u, places: maxPlaces)
            }
            c["value_origin"] = v.origin.rawValue
            c["status"] = v.status.rawValue
        }
        if let p = r.prior {
            // Shown at the precision of the current level, as bulletins print comparable bases, unless no
            // release printed it and its interval is wider (a base implied by "下降10%": `9000`, not `9091.6`).
            let places = r.value?.places(in: u, limit: maxPlaces) ?? p.places(in: u, limit: maxPlaces)
            c["prior_value"] =
                p.status == .implied
                ? LevelText.referenceCell(p, in: u, places: places) : p.level.formatted(in: u, places: places)
        }
        c["yoy_pct"] = r.yearOnYear.value?.description
        c["yoy_source"] = r.yearOnYear.source?.rawValue
        c["yoy_status"] = r.yearOnYear.status?.rawValue
        // The agency's rate as it printed it ("下降10%" is -10, not -10.0), like the quoted one.
        c["published_yoy_pct"] = r.yearOnYear.published?.description
        if r.yearOnYear.published != nil && r.yearOnYear.interval != nil {
            c["base_restated"] = r.yearOnYear.isBaseRestated ? "true" : "false"
        }
        c["computed_yoy_pct"] = r.yearOnYear.computed?.description
        if let iv = r.yearOnYear.interval {
            c["computed_yoy_low"] = Growth.roundedPercent(iv.lowerBound, places: 2).description
            if iv.upperBound.isFinite {
                c["computed_yoy_high"] = Growth.roundedPercent(iv.upperBound, places: 2).description
            }
        }
        c["yoy_change_pp"] = r.yearOnYearChange?.description
        if let y = r.baseYear {
            c["vs_base_year"] = String(y)
            c["vs_base_pct"] = r.versusBase.value?.description
            c["vs_base_source"] = r.versusBase.source?.rawValue
            c["avg_growth_pct"] = r.averageGrowth.value?.description
            c["avg_growth_source"] = r.averageGrowth.source?.rawValue
        }
        c["share_pct"] = r.share?.printedPercent(published: r.shareStatus == .published).description
        c["share_change_pp"] = r.shareChange?.printedPercent(published: r.shareChangeStatus == .published).description
        // A share the release printed, or one computed from the levels (travel's 15.9 in January–April
        // 2021 is 2481.9 / 15644.5): said in the row, as the level's and the rate's status are.
        c["share_status"] = r.share == nil ? nil : r.shareStatus?.rawValue
        c["share_change_status"] = r.shareChange == nil ? nil : r.shareChangeStatus?.rawValue
        let contributed = r.contribution != nil || r.contributionRate != nil
        c["contribution_status"] = contributed ? r.contributionStatus?.rawValue : nil
        c["contribution_pp"] = r.contribution?.description
        c["contribution_rate_pct"] = r.contributionRate?.description
        c["mom_pct_nsa"] = r.monthOnMonth?.description
        if let rev = r.impliedRevision, let v = r.value {
            c["implied_revision"] = rev.formatted(in: u, places: v.places(in: u, limit: maxPlaces))
        }
        if let b = r.balanceChange {
            // A published change keeps the digits it was printed with (424.7 bn is 4247亿元 beside
            // −2031.7), a computed one those of the balances, no finer than their half widths allow, as the
            // press text writes it (−410 less −720.4, each ±0.5 or finer: "310", not 311); illustrative
            // figures keep their digits.
            let printed = min(max(0, b.exactDecimal(in: u).places), maxPlaces)
            let places = r.value?.places(in: u, limit: maxPlaces) ?? 1
            if r.balanceChangeStatus == .published {
                c["balance_change"] = b.formatted(in: u, places: printed)
            } else if var change = r.value, (r.balanceChangeStatus ?? .computed) <= .implied {
                change.level = b
                change.halfWidth += r.prior?.halfWidth ?? 0
                c["balance_change"] = LevelText.referenceCell(change, in: u, places: places)
            } else {
                c["balance_change"] = b.formatted(in: u, places: places)
            }
        }
        c["balance_movement"] = r.balanceMovement?.rawValue
        c["export_import_gap_pp"] = r.exportImportGap?.description
        if r.value != nil && c["value"] == nil {
            // A level too uncertain to print (April 2022's balance from two derived months, −119.8 …
            // −117.6) has no printed change or computed rate (nor the rate's bounds) either: its own bounds
            // say what is known.
            for column in [
                "balance_change", "balance_movement", "computed_yoy_pct", "computed_yoy_low", "computed_yoy_high",
            ] {
                c[column] = nil
            }
        }
        return c
    }
}
