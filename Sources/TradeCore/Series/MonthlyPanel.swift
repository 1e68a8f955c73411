/// Monthly levels of many series, stored densely by month: the shape of a regional statistics table
/// (region × sector × flow × month), as imported from a tidy file.
///
/// Values are exact hundredths of the currency unit (see ``Level``); a month without a value is
/// absent, never zero (the completeness rules of <doc:Methodology> depend on that).
public struct MonthlyPanel: Sendable {
    /// One series of the panel.
    public struct Series: Sendable {
        /// The series key.
        public var key: SeriesKey
        /// ``Period/index`` of `values[0]`.
        public var firstMonth: Int
        /// Hundredths of the currency unit, one per month from `firstMonth`; meaningful where `present`.
        public var values: [Int64]
        /// Whether the month has a value.
        public var present: [Bool]
        /// The unit the values were published in.
        public var unit: MonetaryUnit
        /// The most fraction digits any value of the series was published with.
        public var decimals: Int
        /// Release (vintage) name.
        public var release: String
        /// Where the values were read.
        public var source: String

        /// Creates an empty series.
        public init(key: SeriesKey, unit: MonetaryUnit, decimals: Int, release: String, source: String) {
            self.key = key
            self.firstMonth = 0
            self.values = []
            self.present = []
            self.unit = unit
            self.decimals = decimals
            self.release = release
            self.source = source
        }

        /// What the months are: ``FigureStatus/illustrative`` for the generated panel, else published.
        public var status: FigureStatus { FigureStatus.ofPanelMonth(release: release) }

        /// The value of a month, or `nil` when absent.
        public func value(at month: Period) -> Level? {
            let k = month.index - firstMonth
            guard k >= 0, k < values.count, present[k] else { return nil }
            return Level(hundredths: values[k])
        }

        /// Number of months with a value.
        public var observationCount: Int { present.lazy.filter { $0 }.count }

        /// Sets a month's value; returns the value already there, if any (the caller decides whether a
        /// repeat is a conflict).
        @discardableResult @inlinable
        public mutating func set(_ hundredths: Int64, at monthIndex: Int) -> Int64? {
            if values.isEmpty {
                firstMonth = monthIndex
            } else if monthIndex < firstMonth {
                let shift = firstMonth - monthIndex
                values.insert(contentsOf: repeatElement(0, count: shift), at: 0)
                present.insert(contentsOf: repeatElement(false, count: shift), at: 0)
                firstMonth = monthIndex
            }
            let k = monthIndex - firstMonth
            if k == values.count {
                values.append(hundredths)
                present.append(true)
                return nil
            }
            if k > values.count {
                let grow = k + 1 - values.count
                values.append(contentsOf: repeatElement(0, count: grow))
                present.append(contentsOf: repeatElement(false, count: grow))
            }
            let previous: Int64? = present[k] ? values[k] : nil
            values[k] = hundredths
            present[k] = true
            return previous
        }
    }

    /// The series, in order of first appearance.
    public var series: [Series]

    /// Creates a panel.
    public init(series: [Series] = []) {
        self.series = series
    }

    /// Total number of monthly values.
    public var observationCount: Int { series.reduce(0) { $0 + $1.observationCount } }
}

/// Assembles a panel from stored blocks in release order (every store reads them this way): the
/// first block of a series starts it; a later release overrides it month by month and names it.
public struct MonthlyPanelAssembler: Sendable {
    /// The panel so far.
    public private(set) var panel = MonthlyPanel()
    private var index: [SeriesKey: Int] = [:]

    /// Creates an empty assembler.
    public init() {}

    /// Adds the months of a block: values from `start` on, where `present`.
    public mutating func add(
        key: SeriesKey, unit: MonetaryUnit, decimals: Int, release: String, source: String, start: Int,
        values: [Int64], present: [Bool]
    ) {
        if let s = index[key] {
            for k in 0..<min(present.count, values.count) where present[k] {
                panel.series[s].set(values[k], at: start + k)
            }
            panel.series[s].release = release
        } else {
            index[key] = panel.series.count
            var series = MonthlyPanel.Series(key: key, unit: unit, decimals: decimals, release: release, source: source)
            series.firstMonth = start
            series.values = values
            series.present = Array(present.prefix(values.count))
            panel.series.append(series)
        }
    }
}
