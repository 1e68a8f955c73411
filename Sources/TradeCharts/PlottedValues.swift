import TradeCore

/// One value a chart draws: the series, the x position (period or category), the value and its unit.
/// A chart's ``BulletinChart/plotted`` values, written as CSV beside the chart ("get the data").
public struct PlottedValue: Sendable, Equatable {
    /// Series (legend or panel name).
    public var series: String
    /// Position on the x axis or category.
    public var x: String
    /// The value drawn, or `nil` for a gap.
    public var value: Double?
    /// Unit of the value.
    public var unit: String
    /// The decimals the agency printed the value with, when it is its own figure (a rate published
    /// as "40%" is written `40`, not `40.0`); `nil`: the shortest decimal.
    public var decimals: Int?

    /// Creates a plotted value.
    public init(series: String, x: String, value: Double?, unit: String, decimals: Int? = nil) {
        self.series = series
        self.x = x
        self.value = value
        self.unit = unit
        self.decimals = decimals
    }

    /// The value as the CSV writes it: an amount that is a whole number without a padded ".0" (20000 for
    /// "2万亿元", never 20000.0, which claims 0.1 亿元); a percentage as its shortest decimal.
    var text: String {
        guard let value else { return "" }
        guard let decimals else {
            return unit != "%" && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        }
        return Growth.roundedPercent(value, places: decimals).description
    }

    /// The values as CSV (`series,x,value,unit`, a header line, LF line ends); a gap, or a value the chart
    /// does not state (a share its levels' rounding leaves open), has an empty value, and a value is
    /// written as the shortest decimal that reads back as the stated number.
    public static func csv(_ values: [PlottedValue]) -> String {
        func field(_ s: String) -> String {
            s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let rows = values.map { v in
            [field(v.series), field(v.x), v.text, field(v.unit)].joined(separator: ",")
        }
        return (["series,x,value,unit"] + rows).joined(separator: "\n") + "\n"
    }

    /// The fewest points a series of a line, combo or small-multiples chart is drawn with.
    public static let minimumPoints = 3

    /// True when some series has values and each series with values has at least ``minimumPoints``.
    static func enoughPoints(_ series: [[Double?]]) -> Bool {
        let counts = series.map { $0.count { $0 != nil } }.filter { $0 > 0 }
        return !counts.isEmpty && counts.allSatisfy { $0 >= minimumPoints }
    }

    /// The CSV file beside the chart file `path`: `x.svg` or `x.png` → `x.csv`.
    public static func csvPath(beside path: String) -> String {
        for ext in [".svg", ".png", ".SVG", ".PNG"] where path.hasSuffix(ext) {
            return String(path.dropLast(ext.count)) + ".csv"
        }
        return path + ".csv"
    }
}

extension ComboChart {
    /// The bars then the growth line, period by period.
    public var plotted: [PlottedValue] {
        points.map { PlottedValue(series: valueLegend, x: $0.label, value: $0.value, unit: valueUnit) }
            + points.map {
                // A computed rate keeps its one decimal (8.0, not 8).
                PlottedValue(series: rateLegend, x: $0.label, value: $0.rate, unit: "%", decimals: $0.rateDecimals ?? 1)
            }
    }
}

extension LineChart {
    /// Each line, position by position.
    public var plotted: [PlottedValue] {
        series.flatMap { s in
            zip(xLabels, s.values).map { PlottedValue(series: s.name, x: $0, value: $1, unit: unit) }
        }
    }
}

extension RankingChart {
    /// The bars in drawn order (largest first).
    public var plotted: [PlottedValue] {
        items.sorted { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }.map {
            PlottedValue(series: text.title, x: $0.label, value: $0.value, unit: unit, decimals: $0.decimals)
        }
    }
}

extension CompositionChart {
    /// Each segment's stated share, column by column (empty where it is not stated).
    public var plotted: [PlottedValue] {
        segments.flatMap { s in
            zip(columns, s.values).map { PlottedValue(series: s.name, x: $0, value: $1, unit: "%") }
        }
    }
}

extension SmallMultiples {
    /// Each panel's values, position by position.
    public var plotted: [PlottedValue] {
        panels.flatMap { p in
            p.values.enumerated().map { i, v in
                PlottedValue(
                    series: p.title, x: i < xLabels.count ? xLabels[i] : String(i + 1), value: v, unit: unit)
            }
        }
    }
}
