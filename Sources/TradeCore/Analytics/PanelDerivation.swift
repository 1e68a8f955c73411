/// Year to date and year-on-year growth for every series and month of a panel (the W3 workload of
/// the bench workload of `Benchmarks/RESULTS.md`), calendar-matched: month t is compared with month t − 12 of the same
/// series, whatever rows are missing.
///
/// `ytd_t` is the sum of January…t of t's year, empty unless every one of those months is present;
/// growth is `(x_t / x_{t−12} − 1) × 100`, empty when the base is missing or not positive.
public enum PanelDerivation {
    /// The derived values of one series, aligned with its months.
    public struct Derived: Sendable {
        /// Year to date, hundredths (`nil` when a month of the year so far is missing).
        public var ytd: [Int64?]
        /// Month year on year, percent.
        public var yoyMonth: [Double?]
        /// Year-to-date year on year, percent.
        public var yoyYTD: [Double?]
    }

    /// Derives one series.
    public static func derive(_ s: MonthlyPanel.Series) -> Derived {
        let n = s.values.count
        var ytd = [Int64?](repeating: nil, count: n)
        var yoyMonth = [Double?](repeating: nil, count: n)
        var yoyYTD = [Double?](repeating: nil, count: n)
        var running: Int64? = 0
        for k in 0..<n {
            let month = s.firstMonth + k
            if month % 12 == 0 { running = 0 }  // January restarts the year
            if k == 0 && month % 12 != 0 { running = nil }  // the year began before the data
            if let r = running, s.present[k] {
                let (t, overflow) = r.addingReportingOverflow(s.values[k])
                running = overflow ? nil : t
            } else {
                running = nil
            }
            ytd[k] = running
            let b = k - 12
            if b >= 0 {
                if s.present[k], s.present[b] { yoyMonth[k] = growth(s.values[k], s.values[b]) }
                if let cur = ytd[k], let base = ytd[b] { yoyYTD[k] = growth(cur, base) }
            }
        }
        return Derived(ytd: ytd, yoyMonth: yoyMonth, yoyYTD: yoyYTD)
    }

    @inline(__always)
    static func growth(_ cur: Int64, _ base: Int64) -> Double? {
        base > 0 ? (Double(cur) / Double(base) - 1) * 100 : nil
    }
}
