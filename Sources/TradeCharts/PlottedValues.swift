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
    /// What the value is (published or computed) and the values its inputs' rounding allows.
    public var basis: PlottedBasis?

    /// Creates a plotted value.
    public init(
        series: String, x: String, value: Double?, unit: String, decimals: Int? = nil, basis: PlottedBasis? = nil
    ) {
        self.series = series
        self.x = x
        self.value = value
        self.unit = unit
        self.decimals = decimals
        self.basis = basis
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

    /// Whether the value is known to the last digit it is written with: a published value always (it is
    /// the agency's figure as printed); a computed one when both ends of the interval its inputs'
    /// rounding allows round to it there (June 2022's travel growth 10.6%, from levels that allow
    /// 10.52 … 10.60, is not); `nil` for a gap or a value of unknown basis.
    public var isDetermined: Bool? {
        guard value != nil, let basis else { return nil }
        if basis.status == .published { return true }
        guard let interval = basis.interval else { return false }
        let written = text
        // The step of the last written digit: 0.1 for "14.5", 1000 for "-8000" (trailing zeros of a
        // whole number are not claimed), 1 for "0".
        let digits = written.filter(\.isNumber)
        let places: Int
        if let dot = written.firstIndex(of: ".") {
            places = written.distance(from: dot, to: written.endIndex) - 1
        } else {
            places = digits.allSatisfy { $0 == "0" } ? 0 : -digits.reversed().prefix { $0 == "0" }.count
        }
        let scale = places < 0 ? pow10(-places) : 1
        let shown = places < 0 ? 0 : places
        return Growth.roundedPercent(interval.lowerBound / scale, places: shown).isNumericallyEqual(
            to: Growth.roundedPercent(interval.upperBound / scale, places: shown))
    }

    /// The values as CSV (`series,x,value,unit,status,determined`, a header line, LF line ends); a gap,
    /// or a value the chart does not state (a share its levels' rounding leaves open), has an empty
    /// value; a value is written as the shortest decimal that reads back as the stated number. `status`
    /// says what the value is (`published`, `computed`, `derived`, `implied`, `illustrative`:
    /// ``FigureStatus``), `determined` whether it is known to its last written digit (`yes`/`no`,
    /// ``isDetermined``); both are empty for a gap.
    public static func csv(_ values: [PlottedValue]) -> String {
        func field(_ s: String) -> String {
            s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let rows = values.map { v in
            let status = v.value == nil ? "" : v.basis?.status.rawValue ?? ""
            let determined = v.isDetermined.map { $0 ? "yes" : "no" } ?? ""
            return [field(v.series), field(v.x), v.text, field(v.unit), status, determined].joined(separator: ",")
        }
        return (["series,x,value,unit,status,determined"] + rows).joined(separator: "\n") + "\n"
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

/// What a plotted value rests on: its status and the values the rounding of its inputs allows, for
/// the `status` and `determined` columns of a chart's CSV.
public struct PlottedBasis: Sendable, Equatable {
    /// Published, computed, derived, implied or illustrative.
    public var status: FigureStatus
    /// The values the rounding of the inputs allows, in the value's unit; `nil` when not known (a
    /// computed value is then not shown to be determined; a published one needs none).
    public var interval: ClosedRange<Double>?

    /// Creates a basis.
    public init(status: FigureStatus, interval: ClosedRange<Double>? = nil) {
        self.status = status
        self.interval = interval
    }

    /// A value as the agency published it.
    public static let published = PlottedBasis(status: .published)

    /// A value of the illustrative panel, exact as generated (or rounded once from exact values).
    public static func illustrative(_ value: Double) -> PlottedBasis {
        PlottedBasis(status: .illustrative, interval: value...value)
    }
}

extension ComboChart {
    /// The bars then the growth line, period by period; each named by the period it stands for
    /// (`2021-01/2021-04` for the bar labelled "Apr" of 2021: a chart over two years has each month twice,
    /// and its bars are years to date), or by year and label when the period is not known.
    public var plotted: [PlottedValue] {
        func x(_ p: Point) -> String { p.period?.description ?? "\(p.year) \(p.label)" }
        return points.map {
            PlottedValue(series: valueLegend, x: x($0), value: $0.value, unit: valueUnit, basis: $0.valueBasis)
        }
            + points.map {
                // A computed rate keeps its one decimal (8.0, not 8).
                PlottedValue(
                    series: rateLegend, x: x($0), value: $0.rate, unit: "%", decimals: $0.rateDecimals ?? 1,
                    basis: $0.rateBasis)
            }
    }
}

extension LineChart {
    /// Each line, position by position.
    public var plotted: [PlottedValue] {
        series.flatMap { s in
            zip(xLabels, s.values).enumerated().map { i, p in
                PlottedValue(
                    series: s.name, x: p.0, value: p.1, unit: unit, basis: i < s.bases.count ? s.bases[i] : nil)
            }
        }
    }
}

extension RankingChart {
    /// The bars in drawn order (largest first).
    public var plotted: [PlottedValue] {
        items.sorted { $0.value != $1.value ? $0.value > $1.value : $0.label < $1.label }.map {
            PlottedValue(
                series: text.title, x: $0.label, value: $0.value, unit: unit, decimals: $0.decimals, basis: $0.basis)
        }
    }
}

extension CompositionChart {
    /// Each segment's stated share, column by column, at the precision it is labelled with (a published
    /// share as printed, a computed one at 0.1); empty where it is not stated.
    public var plotted: [PlottedValue] {
        segments.flatMap { s in
            zip(columns, s.values).enumerated().map { i, p in
                PlottedValue(
                    series: s.name, x: p.0, value: p.1, unit: "%", decimals: i < s.decimals.count ? s.decimals[i] : nil,
                    basis: i < s.bases.count ? s.bases[i] : nil)
            }
        }
    }
}

extension SmallMultiples {
    /// Each panel's values, position by position (illustrative: the panel is generated).
    public var plotted: [PlottedValue] {
        panels.flatMap { p in
            p.values.enumerated().map { i, v in
                PlottedValue(
                    series: p.title, x: i < xLabels.count ? xLabels[i] : String(i + 1), value: v, unit: unit,
                    basis: v.map(PlottedBasis.illustrative))
            }
        }
    }
}
