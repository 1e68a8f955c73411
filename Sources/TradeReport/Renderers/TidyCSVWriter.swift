import TradeCore

/// Writes a monthly panel in the tidy long layout that `svctrade import` reads
/// (`period,region,sector,flow,value,unit,release,source`), values exact in each series' unit.
public enum TidyCSVWriter {
    /// The CSV text, series in panel order, months ascending.
    public static func render(_ panel: MonthlyPanel) -> String {
        var out = "period,region,sector,flow,value,unit,release,source\n"
        for s in panel.series {
            let tail = ",\(s.unit),\(CSVRenderer.escape(s.release)),\(CSVRenderer.escape(s.source))\n"
            let head = ",\(s.key.region),\(s.key.sector),\(s.key.flow.rawValue),"
            for (k, present) in s.present.enumerated() where present {
                guard let period = Period(index: s.firstMonth + k) else { continue }
                let value = Level(hundredths: s.values[k]).formatted(in: s.unit, places: s.decimals)
                out += period.description + head + value + tail
            }
        }
        return out
    }
}
