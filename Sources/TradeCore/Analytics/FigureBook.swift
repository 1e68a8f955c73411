/// Every figure known for a bulletin, indexed for lookup by series and period: the published figures
/// (spans, rates) and the monthly panel values, as of one vintage.
///
/// The store fills a book; all bulletin arithmetic reads from it and never touches the store.
public struct FigureBook: Sendable {
    struct SpanKey: Hashable {
        let key: SeriesKey
        let span: PeriodSpan
    }

    private var published: [SpanKey: Observation] = [:]
    /// Regions with any published figure: most lookups in a large panel are for regions without one,
    /// answered by hashing one short string instead of a whole key and span.
    private var publishedRegions: Set<String> = []
    private var panelIndex: [SeriesKey: Int] = [:]
    /// The monthly panel.
    public let panel: MonthlyPanel
    /// All series keys present.
    public private(set) var keys: Set<SeriesKey> = []
    /// The smallest rounding half width of any level in the book, hundredths: no level computed from
    /// the book's figures can be more precise than this (``LevelResolver`` stops early at it).
    public private(set) var finestHalfWidth: Int64 = .max

    /// Builds a book from preferred figures (one per key and span; later ones win) and a panel.
    public init(figures: [Observation], panel: MonthlyPanel = MonthlyPanel()) {
        self.panel = panel
        for f in figures {
            published[SpanKey(key: f.key, span: f.span)] = f
            publishedRegions.insert(f.key.region)
            keys.insert(f.key)
            if f.value != nil, let h = f.roundingHalfWidth { finestHalfWidth = min(finestHalfWidth, h) }
        }
        for (i, s) in panel.series.enumerated() {
            panelIndex[s.key] = i
            keys.insert(s.key)
            finestHalfWidth = min(finestHalfWidth, LevelResolver.halfWidth(unit: s.unit, decimals: s.decimals))
        }
    }

    /// Builds a book from stored figures with their release dates, in the store's order: copies are
    /// ordered by release date (stably), so that where several releases hold a figure the latest by
    /// publication date, then by store order, is kept (the ``FigureReader`` contract).
    public init(vintages: [(observation: Observation, releaseDate: String?)], panel: MonthlyPanel) {
        let ordered = vintages.enumerated().sorted { a, b in
            (a.element.releaseDate ?? "", a.offset) < (b.element.releaseDate ?? "", b.offset)
        }.map(\.element.observation)
        self.init(figures: ordered, panel: panel)
    }

    /// Every published figure in the book (one per series and span), in no particular order.
    public var figures: [Observation] { Array(published.values) }

    /// The published figure for exactly this series and span (level and/or rates).
    public func figure(_ key: SeriesKey, _ span: PeriodSpan) -> Observation? {
        guard publishedRegions.contains(key.region) else { return nil }
        return published[SpanKey(key: key, span: span)]
    }

    /// Whether any published figure (not a panel month) belongs to `region`.
    public func hasPublishedFigures(region: String) -> Bool { publishedRegions.contains(region) }

    /// The panel series for a key.
    public func panelSeries(_ key: SeriesKey) -> MonthlyPanel.Series? {
        panelIndex[key].map { panel.series[$0] }
    }

    /// The latest month with any figure ending in it, for defaults.
    public var latestMonth: Period? {
        let a = published.keys.map(\.span.end).max()
        let b = panel.series.compactMap { s in
            s.present.lastIndex(of: true).flatMap { Period(index: s.firstMonth + $0) }
        }.max()
        return [a, b].compactMap { $0 }.max()
    }
}

extension FigureBook {
    /// The published balance changes the bulletin withholds
    /// (``BulletinCalculator/balanceChangeWithheld(_:_:)``), with the reason, by series key and span
    /// (January–August 2021: "515.62 billion yuan less" against balances whose difference is 343.95 bn).
    public func withheldBalanceChanges() -> [SeriesKey: [PeriodSpan: String]] {
        let calculator = BulletinCalculator(resolver: LevelResolver(book: self))
        var withheld: [SeriesKey: [PeriodSpan: String]] = [:]
        for f in published.values where f.rates.balanceChange != nil {
            if let why = calculator.balanceChangeWithheld(f.key, f.span) { withheld[f.key, default: [:]][f.span] = why }
        }
        return withheld
    }

    /// The book without the balance changes ``withheldBalanceChanges()`` names (the balances stay): what
    /// the default exports hold, so that no file presents as published a figure the bulletin withholds.
    public func withholdingContradictedBalanceChanges() -> FigureBook {
        let withheld = withheldBalanceChanges()
        guard !withheld.isEmpty else { return self }
        var book = self
        for (k, f) in published where withheld[f.key]?[f.span] != nil {
            book.published[k] = f.withoutBalanceChange
        }
        return book
    }
}
