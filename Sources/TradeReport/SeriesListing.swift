import TradeCore

/// The listing of `svctrade series` (and of the press site's `/api/series`): one row per series with
/// its key, months covered, observations, vintages and gaps.
public enum SeriesListing {
    /// The listing as a table.
    public static func table(_ summaries: [SeriesSummary]) -> Table {
        var t = Table(columns: [
            .init("region"), .init("sector"), .init("flow"), .init("currency"), .init("first"), .init("last"),
            .init("observations", numeric: true), .init("vintages", numeric: true), .init("gaps"),
        ])
        for s in summaries {
            let gaps = s.gaps.map {
                $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)..\($0.upperBound)"
            }
            t.rows.append([
                s.key.region, s.key.sector, s.key.flow.rawValue, s.key.currency.rawValue, "\(s.first)", "\(s.last)",
                "\(s.observationCount)", "\(s.vintageCount)", gaps.joined(separator: " "),
            ])
        }
        return t
    }

    /// The listing as JSON records (counts as numbers).
    public static func json(_ table: Table) -> String {
        JSONRenderer.render(table)
    }

    /// The formats of `svctrade series`.
    public enum Format: String, Sendable, CaseIterable {
        case text, csv, json

        /// The listing's text in this format.
        public func render(_ table: Table) -> String {
            switch self {
            case .text: TextTableRenderer.render(table)
            case .csv: CSVRenderer.render(table)
            case .json: SeriesListing.json(table)
            }
        }
    }
}
