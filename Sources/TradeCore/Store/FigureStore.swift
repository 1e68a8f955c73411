/// Which figures a command needs: a selection of series and a window of months, as of a date.
///
/// A store reads only what is selected (SQL `WHERE` on series and period, packed monthly blocks
/// decoded only over the window), so a command's cost follows what it asks, not what is stored.
public struct FigureSelection: Sendable, Equatable {
    /// Region codes, or `nil` for every region.
    public var regions: Set<String>?
    /// Sector codes, or `nil` for every sector.
    public var sectors: Set<String>?
    /// Currencies, or `nil` for both.
    public var currencies: Set<Currency>?
    /// Figures whose span ends in this window, and panel months inside it; `nil` for all.
    public var months: ClosedRange<Period>?
    /// Only what was published by this date (`YYYY-MM-DD`), `nil` for the latest. A published figure
    /// counts from its own publication date (`published_on`, a month alone meaning its last day), else
    /// its release's; a figure with neither date is left out, since it cannot be shown to have been
    /// known that day. Panel months count from their release's date (undated releases count).
    public var asOf: String?

    /// The copies to keep of each figure (series, span, release) among those a date admits: the
    /// preferred copy when it is among them, else the finest of the others. A preferred copy read at an
    /// undated page must not take its dated, coarser copies with it (January–October 2025: the
    /// Global Times copy of 3 December, "6.58 trillion", stands in for the undated 65844.3).
    /// `preferred` says which input is the preferred copy; the order of the input is kept.
    public static func bestCopies<T>(_ copies: [T], observation: (T) -> Observation, preferred: (T) -> Bool) -> [T] {
        var best: [CopyKey: Int] = [:]
        for (i, c) in copies.enumerated() {
            let o = observation(c)
            let k = CopyKey(key: o.key, span: o.span, release: o.release)
            guard let j = best[k] else {
                best[k] = i
                continue
            }
            let (a, b) = (copies[j], c)
            if preferred(a) { continue }
            if preferred(b) || (observation(b).roundingHalfWidth ?? .max) < (observation(a).roundingHalfWidth ?? .max) {
                best[k] = i
            }
        }
        let keep = Set(best.values)
        return copies.indices.filter { keep.contains($0) }.map { copies[$0] }
    }

    /// The copy a reader returns for each figure (series, span, release) among those a date admits
    /// (``bestCopies(_:observation:preferred:)``), with the rates it did not print filled in from the
    /// other admitted copies of the same release, in the order given (the store's order: line order
    /// within a release), each recorded in ``Observation/borrowed``. A rate printed on a page published
    /// after the date is never borrowed, since that copy is not admitted.
    public static func keptCopies<T>(
        _ copies: [T], observation: WritableKeyPath<T, Observation>, preferred: (T) -> Bool
    ) -> [T] {
        var kept = bestCopies(copies, observation: { $0[keyPath: observation] }, preferred: preferred)
        var index: [CopyKey: Int] = [:]
        for (i, c) in kept.enumerated() {
            let o = c[keyPath: observation]
            index[CopyKey(key: o.key, span: o.span, release: o.release)] = i
        }
        guard index.count < copies.count else { return kept }
        let own = kept.map { $0[keyPath: observation] }
        for c in copies {
            let o = c[keyPath: observation]
            guard let i = index[CopyKey(key: o.key, span: o.span, release: o.release)], o != own[i] else { continue }
            kept[i][keyPath: observation].borrowRates(from: o)
        }
        return kept
    }

    struct CopyKey: Hashable {
        let key: SeriesKey
        let span: PeriodSpan
        let release: String
    }

    /// The SQL expression of the date from which a figure counts as known (``asOf``), over the figure
    /// table alias `figure` (column `published_on`) and the release alias `release` (`published`);
    /// `NULL` when neither is known, which no comparison admits. Shared by the SQLite and PostgreSQL
    /// stores.
    public static func knownByDateSQL(figure: String, release: String) -> String {
        "COALESCE(CASE WHEN length(\(figure).published_on) = 7 THEN \(figure).published_on || '-31' "
            + "ELSE \(figure).published_on END, \(release).published)"
    }

    /// Creates a selection; every criterion defaults to "all".
    public init(
        regions: Set<String>? = nil, sectors: Set<String>? = nil, currencies: Set<Currency>? = nil,
        months: ClosedRange<Period>? = nil, asOf: String? = nil
    ) {
        self.regions = regions
        self.sectors = sectors
        self.currencies = currencies
        self.months = months
        self.asOf = asOf
    }

    /// Everything, as of the latest release.
    public static let everything = FigureSelection()

    /// The months a bulletin through `through` reads: from January of the earliest comparison year
    /// (the year before, or `baseYear`, or `yearsBack` years before) to `through`. Year-on-year
    /// growth, two-year averages, month on month, rolling twelve-month sums and derived months all
    /// fall inside.
    public static func window(through: Period, baseYear: Int? = nil, yearsBack: Int = 1) -> ClosedRange<Period>? {
        let first = min(baseYear ?? Int.max, through.year - max(1, yearsBack))
        guard let start = Period(year: first, month: 1), start <= through else { return nil }
        return start...through
    }

    /// Whether a series is selected.
    public func contains(_ key: SeriesKey) -> Bool {
        (regions?.contains(key.region) ?? true) && (sectors?.contains(key.sector) ?? true)
            && (currencies?.contains(key.currency) ?? true)
    }

    /// The sectors a level of `codes` may be built from (groups' members, excluded items, EBOPS
    /// children, recursively), with `codes` themselves.
    public static func sectorsNeeded(for codes: some Sequence<String>, in sectors: Sectors = .standard) -> Set<String> {
        var out = Set<String>()
        var stack = Array(codes)
        while let code = stack.popLast() {
            guard out.insert(code).inserted, let s = sectors.sector(code: code) else { continue }
            stack += (s.members ?? []) + s.excluded + sectors.children(of: s.code).map(\.code)
        }
        return out
    }
}

/// A release (vintage) as stored.
public struct StoredRelease: Sendable, Equatable {
    /// Its name.
    public var name: String
    /// Publication date, `YYYY-MM-DD`, when known.
    public var published: String?
    /// The file it was imported from.
    public var file: String

    /// Creates a release record.
    public init(name: String, published: String?, file: String) {
        self.name = name
        self.published = published
        self.file = file
    }
}

/// What an import wrote.
public struct ImportSummary: Sendable, Equatable {
    /// Releases created.
    public var releases: [String]
    /// New series keys.
    public var newSeries: Int
    /// Figure rows written (including non-preferred copies).
    public var figures: Int
    /// Monthly values written.
    public var monthlyValues: Int

    /// Creates a summary.
    public init(releases: [String], newSeries: Int, figures: Int, monthlyValues: Int) {
        self.releases = releases
        self.newSeries = newSeries
        self.figures = figures
        self.monthlyValues = monthlyValues
    }
}

/// What the store holds for one series: for `svctrade series`.
public struct SeriesSummary: Sendable, Equatable {
    /// The series.
    public var key: SeriesKey
    /// Earliest month covered.
    public var first: Period
    /// Latest month covered.
    public var last: Period
    /// Figures (any span, preferred copies) plus monthly values.
    public var observationCount: Int
    /// Runs of months between `first` and `last` with no figure ending in them (January counts as
    /// covered when a January–February figure exists, since MOFCOM never publishes January alone).
    public var gaps: [ClosedRange<Period>]
    /// Number of releases with figures for the series.
    public var vintageCount: Int

    /// Creates a summary.
    public init(
        key: SeriesKey, first: Period, last: Period, observationCount: Int, gaps: [ClosedRange<Period>],
        vintageCount: Int
    ) {
        self.key = key
        self.first = first
        self.last = last
        self.observationCount = observationCount
        self.gaps = gaps
        self.vintageCount = vintageCount
    }

    /// The summary of a series from the months its figures end in (``Period/index`` values), or `nil`
    /// when it has none: first, last and the runs of months in between with nothing (every store
    /// computes gaps this way).
    public init?(key: SeriesKey, covered months: Set<Int>, observationCount: Int, vintageCount: Int) {
        guard let lo = months.min(), let hi = months.max(), let first = Period(index: lo), let last = Period(index: hi)
        else { return nil }
        var gaps: [ClosedRange<Period>] = []
        var runStart: Int?
        for m in lo...hi + 1 {
            let missing = m <= hi && !months.contains(m)
            if missing, runStart == nil { runStart = m }
            if !missing, let s = runStart, let a = Period(index: s), let b = Period(index: m - 1) {
                gaps.append(a...b)
                runStart = nil
            }
        }
        self.init(
            key: key, first: first, last: last, observationCount: observationCount, gaps: gaps,
            vintageCount: vintageCount)
    }

    /// The months a figure over `span` covers for gap finding: its last month, and January too for a
    /// January–February figure (MOFCOM never publishes January alone).
    public static func coveredMonths(of span: PeriodSpan) -> [Int] {
        span.start.month == 1 && span.end.month == 2 ? [span.end.index, span.start.index] : [span.end.index]
    }
}

/// A stored copy of a figure: as published by one source in one release, and whether it is the copy
/// kept when several sources of the release give the same figure.
public struct FigureCopy: Sendable, Equatable {
    /// The figure as published.
    public var observation: Observation
    /// Whether this copy is the one kept among the release's sources.
    public var isPreferred: Bool

    /// Creates a copy.
    public init(observation: Observation, isPreferred: Bool) {
        self.observation = observation
        self.isPreferred = isPreferred
    }
}

/// Chosen months of every panel series, read straight from the packed blocks: the input of the
/// one-month bulletin over a whole panel (``PanelBulletin``).
public struct PanelSlice: Sendable {
    /// The series.
    public var keys: [SeriesKey]
    /// Their units.
    public var units: [MonetaryUnit]
    /// The months asked for (``Period/index``).
    public var months: [Int]
    /// `values[s * months.count + k]`: hundredths of series `s` in month `months[k]`, or `nil`.
    public var values: [Int64?]

    /// Creates a slice.
    public init(keys: [SeriesKey], units: [MonetaryUnit], months: [Int], values: [Int64?]) {
        self.keys = keys
        self.units = units
        self.months = months
        self.values = values
    }
}

/// What a store can be asked: every read a command makes, through one door.
///
/// The SQLite store (`TradeDatabase` in TradeStore) and the PostgreSQL store (`PostgresStore` in
/// TradePostgres) conform; another backend is a new type conforming to it, not a copy (DocC article
/// *Adding a store backend*). Methods are `async`: a synchronous store (SQLite) answers at once, a
/// networked one (PostgreSQL) suspends instead of blocking a thread. Contract:
/// - reads see a consistent snapshot and are never blocked by a writer;
/// - reads return only what the ``FigureSelection`` selects; where several releases hold the same
///   figure, the latest by publication date (then import order) wins.
///
/// A store opened for a reading command is handed out as `any FigureReader`: it cannot be written
/// through, and the backend opens it read-only underneath (SQLite `query_only`, a PostgreSQL session
/// whose transactions are read-only).
public protocol FigureReader: Sendable {
    /// All releases, oldest import first.
    func storedReleases() async throws -> [StoredRelease]
    /// The selected figures and panel months, ready for bulletin arithmetic.
    func figureBook(_ selection: FigureSelection) async throws -> FigureBook
    /// Summaries of the selected series, ordered by key.
    func seriesSummaries(_ selection: FigureSelection) async throws -> [SeriesSummary]
    /// Every stored copy of the selected figures (all releases, every source), in key and span order:
    /// the history a revisions table compares (first print against latest).
    func figureHistory(_ selection: FigureSelection) async throws -> [FigureCopy]
    /// The chosen months of every panel series, as of a release date (the one-month panel bulletin).
    func panelSlice(months: [Int], asOf: String?) async throws -> PanelSlice
    /// The selected panel series over the selection's months (`derive` reads the whole panel).
    func monthlyPanel(_ selection: FigureSelection) async throws -> MonthlyPanel
}

extension FigureSelection {
    /// The series of one region and one sector, each given by code or name (`CN`, `beijing`; `S`,
    /// `sd`), `nil` for all; a name not known is kept as given (and selects nothing).
    public init(region: String?, sector: String?) {
        self.init(
            regions: region.map { [Regions.standard.lookup($0)?.code ?? $0] },
            sectors: sector.map { [Sectors.standard.lookup($0)?.code ?? $0.uppercased()] })
    }
}

/// A store that can also be written to: imports.
///
/// Contract: ``importBatches(_:)`` writes all batches in one transaction, or nothing; a release name
/// already stored is refused (a revised figure is a new vintage, never an overwrite); a second writer
/// waits (and says so through the store's ``StoreEvent`` callback).
public protocol FigureWriter: FigureReader {
    /// Writes the batches in one transaction.
    func importBatches(_ batches: [ImportBatch]) async throws -> ImportSummary
}

/// What a store tells its caller while it works; the store itself prints nothing.
public enum StoreEvent: Sendable, Equatable {
    /// Another writer holds the store; this one waits (at most the store's patience).
    case waitingForWriter(store: String)
    /// An import's rows took this long to insert (inside its transaction).
    case rowsWritten(Duration)
    /// An import's transaction, commit included, took this long.
    case transactionWritten(Duration)
    /// An import has written `written` of its `total` rows (figure rows and monthly values) in
    /// `elapsed`: heard once per percent while the rows are written (``WriteProgress``).
    case rowsProgress(written: Int, total: Int, elapsed: Duration)
}

extension StoreEvent {
    /// The line a command shows for the event (a wait on a terminal; timings on request).
    public var message: String {
        switch self {
        case .waitingForWriter(let store):
            "waiting: another svctrade import is writing to \(store); readers are not blocked"
        case .rowsWritten(let duration): "store rows: \(duration)"
        case .transactionWritten(let duration): "transaction incl. commit: \(duration)"
        case .rowsProgress(let written, let total, let elapsed):
            "writing: \(total > 0 ? written * 100 / total : 100)% (\(written) of \(total) rows, \(WriteProgress.rate(written, elapsed)) rows/s)"
        }
    }
}

/// Receives ``StoreEvent`` values (on any thread).
public typealias StoreEventHandler = @Sendable (StoreEvent) -> Void

/// Counts the rows an import writes and tells ``StoreEvent/rowsProgress(written:total:elapsed:)``
/// each time the percentage done changes (at most 101 events, whatever the size).
public struct WriteProgress {
    /// The rows the import writes in all.
    public let total: Int
    /// The rows written so far.
    public private(set) var written = 0
    private var percent = -1
    private let events: StoreEventHandler
    private let started = ContinuousClock.now

    /// Starts counting towards `total` rows, telling `events`.
    public init(total: Int, events: @escaping StoreEventHandler) {
        self.total = total
        self.events = events
    }

    /// Counts `rows` more rows written.
    public mutating func add(_ rows: Int) {
        written += rows
        let now = total > 0 ? written * 100 / total : 100
        guard now != percent else { return }
        percent = now
        events(.rowsProgress(written: written, total: total, elapsed: ContinuousClock.now - started))
    }

    /// Rows per second, whole (0 before any time has passed).
    public static func rate(_ rows: Int, _ elapsed: Duration) -> Int {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Int((Double(rows) / seconds).rounded()) : 0
    }
}
