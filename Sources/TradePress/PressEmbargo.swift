import Foundation
import TradeCore
import TradeReport

/// The months under embargo at one moment (release.toml: a month whose release moment has not
/// come), and what they withhold from the answers that span several months (`/api/series`, SDMX
/// data): every figure whose span ends in such a month (its January-to-month figure, its monthly
/// figure, a quarter or year ending in it) and every monthly value of it.
struct PressEmbargo: Sendable, Equatable {
    /// The months under embargo.
    let months: Set<Period>

    /// The months under embargo at `now` by `release`.
    init(_ release: ReleaseHeader, at now: Date) {
        months = Set(release.embargoedMonths(at: now))
    }

    /// The part of a cache key that says which months are withheld ("" when none).
    var cacheKey: String {
        months.isEmpty ? "" : "|embargoed " + months.sorted().map(\.description).joined(separator: ",")
    }

    /// Whether a figure over `span` is withheld: its last month is under embargo.
    func withholds(_ span: PeriodSpan) -> Bool { months.contains(span.end) }

    /// The summaries of the selected series (`svctrade series`) as the public may see them: the
    /// withheld figures and monthly values left out of each series' months (first, last, gaps) and
    /// observations, and a release left out of its vintages when every figure it holds for the
    /// series is withheld; a series with nothing left is left out. A monthly value held by several
    /// releases is taken off the count once (the store's panel gives each month once).
    func summaries(_ selection: FigureSelection, store: any FigureReader) async throws -> [SeriesSummary] {
        let stored = try await store.seriesSummaries(selection)
        guard !months.isEmpty else { return stored }
        var covered: [SeriesKey: Set<Int>] = [:]
        var withheld: [SeriesKey: Int] = [:]
        var kept: [SeriesKey: Set<String>] = [:]
        var lost: [SeriesKey: Set<String>] = [:]
        for copy in try await store.figureHistory(selection) where copy.isPreferred {
            let o = copy.observation
            if withholds(o.span) {
                withheld[o.key, default: 0] += 1
                lost[o.key, default: []].insert(o.release)
            } else {
                covered[o.key, default: []].formUnion(SeriesSummary.coveredMonths(of: o.span))
                kept[o.key, default: []].insert(o.release)
            }
        }
        for series in try await store.monthlyPanel(selection).series {
            for (k, present) in series.present.enumerated() where present {
                let index = series.firstMonth + k
                if let month = Period(index: index), months.contains(month) {
                    withheld[series.key, default: 0] += 1
                } else {
                    covered[series.key, default: []].insert(index)
                    kept[series.key, default: []].insert(series.release)
                }
            }
        }
        return stored.compactMap { s in
            guard let count = withheld[s.key] else { return s }
            let gone = lost[s.key, default: []].subtracting(kept[s.key] ?? []).count
            return SeriesSummary(
                key: s.key, covered: covered[s.key] ?? [], observationCount: s.observationCount - count,
                vintageCount: s.vintageCount - gone)
        }
    }
}
