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

    /// The machine-readable columns (CSV, JSON, HTML, Markdown), in order.
    public static let columns: [String] = [
        "region", "sector", "flow", "currency", "period_from", "period_to", "value", "unit", "status", "prior_value",
        "yoy_pct", "yoy_source", "yoy_status", "published_yoy_pct", "base_restated", "vs_base_pct", "avg_growth_pct",
        "share_pct",
        "share_change_pp", "contribution_pp",
        "name", "period_kind", "value_origin", "computed_yoy_pct", "computed_yoy_low", "computed_yoy_high",
        "yoy_change_pp", "vs_base_year", "vs_base_source", "avg_growth_source", "contribution_rate_pct",
        "mom_pct_nsa", "implied_revision", "balance_change", "balance_movement", "export_import_gap_pp",
        "illustrative", "value_low", "value_high",
    ]

    /// Columns shown on a terminal.
    public static let terminalColumns: [String] = [
        "region", "name", "flow", "period_from", "period_to", "value", "status", "yoy_pct", "yoy_status", "vs_base_pct",
        "avg_growth_pct", "share_pct", "share_change_pp", "contribution_pp",
    ]

    static let numeric: Set<String> = [
        "value", "prior_value", "yoy_pct", "published_yoy_pct", "vs_base_pct", "avg_growth_pct", "share_pct",
        "share_change_pp", "contribution_pp", "computed_yoy_pct", "computed_yoy_low", "computed_yoy_high",
        "yoy_change_pp", "vs_base_year", "contribution_rate_pct", "mom_pct_nsa", "implied_revision", "balance_change",
        "export_import_gap_pp", "value_low", "value_high",
    ]

    /// Chinese headers of the columns, for tables a reader reads (text, Markdown, HTML); CSV and JSON
    /// keep the documented column names as stable keys.
    public static let chineseHeaders: [String: String] = [
        "region": "地区", "sector": "领域代码", "flow": "流向", "currency": "币种", "period_from": "起始月",
        "period_to": "截止月", "value": "金额", "unit": "单位", "status": "数字性质", "prior_value": "上年同期",
        "yoy_pct": "同比（%）", "yoy_source": "增速来源", "yoy_status": "增速性质", "published_yoy_pct": "公布增速（%）",
        "base_restated": "基数已修订", "vs_base_pct": "比基期（%）", "avg_growth_pct": "年均增长（%）", "share_pct": "占比（%）",
        "share_change_pp": "占比变化（百分点）", "contribution_pp": "拉动（百分点）", "name": "名称", "period_kind": "期别",
        "value_origin": "金额来源", "computed_yoy_pct": "计算增速（%）", "computed_yoy_low": "计算增速下限",
        "computed_yoy_high": "计算增速上限", "yoy_change_pp": "增速变化（百分点）", "vs_base_year": "基期年",
        "vs_base_source": "比基期来源", "avg_growth_source": "年均增长来源", "contribution_rate_pct": "贡献率（%）",
        "mom_pct_nsa": "环比（%）", "implied_revision": "隐含修订", "balance_change": "差额变化",
        "balance_movement": "差额变动", "export_import_gap_pp": "进出口增速差（百分点）", "illustrative": "示意数据",
        "value_low": "金额下限", "value_high": "金额上限",
    ]

    /// The table with reader-facing headers in `language` (Chinese labels; English keeps the names).
    public static func withHeaders(_ table: Table, language: Language) -> Table {
        guard language == .zh else { return table }
        var t = table
        t.columns = t.columns.map { Table.Column(chineseHeaders[$0.name] ?? $0.name, $0.alignment) }
        return t
    }

    /// True for columns whose cells are numbers (right-aligned; unquoted numbers in JSON).
    public static func isNumeric(_ column: String) -> Bool { numeric.contains(column) }

    /// The full table.
    public func table(_ rows: [BulletinRow], illustrative: (BulletinRow) -> Bool = { _ in false }) -> Table {
        table(rows, columns: Self.columns, illustrative: illustrative)
    }

    /// A table with a chosen subset of columns.
    public func table(_ rows: [BulletinRow], columns: [String], illustrative: (BulletinRow) -> Bool = { _ in false })
        -> Table
    {
        var t = Table(columns: columns.map { Table.Column($0, Self.isNumeric($0) ? .right : .left) })
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
            if let places = v.printablePlaces(in: u, limit: maxPlaces) {
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
            // Shown at the precision of the current level, as bulletins print comparable bases.
            c["prior_value"] = p.level.formatted(
                in: u, places: r.value?.places(in: u, limit: maxPlaces) ?? p.places(in: u, limit: maxPlaces))
        }
        c["yoy_pct"] = r.yearOnYear.value?.description
        c["yoy_source"] = r.yearOnYear.source?.rawValue
        c["yoy_status"] = r.yearOnYear.status?.rawValue
        c["published_yoy_pct"] = r.yearOnYear.published?.rounded(places: 1).description
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
        c["share_pct"] = r.share?.rounded(places: 1).description
        c["share_change_pp"] = r.shareChange?.rounded(places: 1).description
        c["contribution_pp"] = r.contribution?.description
        c["contribution_rate_pct"] = r.contributionRate?.description
        c["mom_pct_nsa"] = r.monthOnMonth?.description
        if let rev = r.impliedRevision, let v = r.value {
            c["implied_revision"] = rev.formatted(in: u, places: v.places(in: u, limit: maxPlaces))
        }
        if let b = r.balanceChange {
            c["balance_change"] = b.formatted(in: u, places: r.value?.places(in: u, limit: maxPlaces) ?? 1)
        }
        c["balance_movement"] = r.balanceMovement?.rawValue
        c["export_import_gap_pp"] = r.exportImportGap?.description
        return c
    }
}
