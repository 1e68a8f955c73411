/// The best available level of a series over a span, how it was obtained, and how precise it is.
///
/// Published levels are rounded (15644.5 亿元 is anything within ±0.05 亿元), and derived levels carry
/// the sum of their inputs' rounding: the half width lets every rate computed from them carry an
/// interval (<doc:Methodology>).
public struct Estimate: Sendable, Equatable {
    public static func == (a: Estimate, b: Estimate) -> Bool {
        a.level == b.level && a.halfWidth == b.halfWidth && a.origin == b.origin && a.unit == b.unit
            && a.sources == b.sources
            && a.resolution == b.resolution && a.status == b.status && a.inputs == b.inputs
            && a.restsOnPublishedFiguresOnly == b.restsOnPublishedFiguresOnly
    }

    /// How a level was obtained.
    public enum Origin: String, Sendable, Codable {
        /// Published for exactly this series and span.
        case published
        /// A monthly value of an imported panel.
        case monthly
        /// Sum of the months of the span (all present).
        case sumOfMonths = "sum-of-months"
        /// Difference of two year-to-date totals, `C(y,m) − C(y,m0−1)` (a derived month or quarter).
        case cumulativeDifference = "cumulative-difference"
        /// Exports plus imports.
        case exportsPlusImports = "exports-plus-imports"
        /// Exports minus imports.
        case exportsMinusImports = "exports-minus-imports"
        /// Sum of the members of a group (KIS), or a total minus an excluded item (excluding travel).
        case groupSum = "group-sum"
        /// Sum of the children in the EBOPS hierarchy.
        case sumOfChildren = "sum-of-children"
        /// Sum over the regions of an aggregate (pilot localities), overlaps removed.
        case sumOfRegions = "sum-of-regions"
        /// The comparable base implied by a published rate: `X_t / (1 + g)` (<doc:Methodology>).
        case impliedByRate = "implied-by-rate"
        /// The prior balance implied by a published change of the balance.
        case impliedByChange = "implied-by-change"

        /// True for levels computed from other figures.
        public var isDerived: Bool { self != .published && self != .monthly }

        /// The status a level obtained this way has at least (``FigureStatus``).
        public var status: FigureStatus {
            switch self {
            case .published, .monthly: return .published
            case .cumulativeDifference: return .derived
            case .impliedByRate, .impliedByChange: return .implied
            case .sumOfMonths, .exportsPlusImports, .exportsMinusImports, .groupSum, .sumOfChildren, .sumOfRegions:
                return .computed
            }
        }
    }

    /// A figure an estimate rests on: a published level or a panel month, with the sign it enters with.
    public struct Input: Sendable, Equatable, Codable {
        /// The series.
        public var key: SeriesKey
        /// The span.
        public var span: PeriodSpan
        /// The level as stored.
        public var level: Level
        /// +1 or −1: how it enters the sum.
        public var sign: Int
        /// Its status (``FigureStatus/published`` or ``FigureStatus/illustrative``).
        public var status: FigureStatus
        /// Where it was read.
        public var source: String
    }

    /// The level.
    public var level: Level
    /// Half the width of its uncertainty interval, in hundredths of the currency unit.
    public var halfWidth: Int64
    /// How it was obtained.
    public var origin: Origin
    /// The unit the inputs were published in (for display precision).
    public var unit: MonetaryUnit
    /// Source addresses of the inputs.
    public var sources: [String]
    /// The rounding step of the finest input, hundredths (a published 15644.5 亿元 has a step of 0.1 亿元).
    public var resolution: Int64
    /// What the level is: published, computed, derived, implied or illustrative.
    public var status: FigureStatus
    /// Whether every figure it rests on is a published level or a month of a published panel (status
    /// ``FigureStatus/published``), known whether or not the inputs are recorded: a difference of two
    /// published 0.1 亿元 figures is an identity of published figures in a table (no inputs kept) as in a
    /// press sentence (inputs kept). Kept through ``combine(_:origin:)``; `false` for a level implied by a
    /// rate or a change.
    public var restsOnPublishedFiguresOnly: Bool
    /// How it was built, kept as a tree so that combining estimates costs O(1); ``inputs`` flattens it.
    var trace: Trace?

    /// The published levels (or panel months) it rests on, with their signs.
    public var inputs: [Input] {
        get { trace?.leaves() ?? [] }
        set { trace = newValue.isEmpty ? nil : Trace(parts: newValue.map { (Trace(leaf: $0), 1) }) }
    }

    /// A node of an estimate's provenance: a published input, or signed parts.
    final class Trace: Sendable {
        let leaf: Input?
        let parts: [(Trace, Int)]

        init(leaf: Input) {
            self.leaf = leaf
            self.parts = []
        }

        init(parts: [(Trace, Int)]) {
            self.leaf = nil
            self.parts = parts
        }

        func leaves(sign: Int = 1) -> [Input] {
            if var l = leaf {
                l.sign *= sign
                return [l]
            }
            return parts.flatMap { $0.0.leaves(sign: sign * $0.1) }
        }
    }

    /// Creates an estimate; `resolution` defaults to the rounding step `2 × halfWidth`, `status` to
    /// what `origin` implies; ``restsOnPublishedFiguresOnly`` to whether it is itself a published level
    /// or panel month with status published.
    public init(
        level: Level, halfWidth: Int64, origin: Origin, unit: MonetaryUnit, sources: [String], resolution: Int64? = nil,
        status: FigureStatus? = nil, inputs: [Input] = [], restsOnPublishedFiguresOnly: Bool? = nil
    ) {
        self.level = level
        self.halfWidth = halfWidth
        self.origin = origin
        self.unit = unit
        self.sources = sources
        self.resolution = resolution ?? max(1, 2 * halfWidth)
        self.status = status ?? origin.status
        self.restsOnPublishedFiguresOnly =
            restsOnPublishedFiguresOnly ?? ((origin == .published || origin == .monthly) && self.status == .published)
        self.trace = inputs.isEmpty ? nil : Trace(parts: inputs.map { (Trace(leaf: $0), 1) })
    }

    /// Whether another estimate tells the same figure: their intervals overlap.
    public func agrees(with other: Estimate) -> Bool {
        (level.hundredths - other.level.hundredths).magnitude <= UInt64(halfWidth + other.halfWidth)
    }

    /// Whether `level` lies inside this estimate's rounding interval.
    public func contains(_ other: Estimate) -> Bool {
        (level.hundredths - other.level.hundredths).magnitude <= UInt64(halfWidth)
    }

    /// Lower bound of the level, hundredths.
    public var lower: Int64 { level.hundredths - halfWidth }
    /// Upper bound of the level, hundredths.
    public var upper: Int64 { level.hundredths + halfWidth }

    /// The fraction digits that show the precision of the finest input in `unit` (15644.5 亿元 → 1;
    /// values in 万元 with two decimals, shown in 亿元 → 6), at least 0, at most `limit`.
    public func places(in unit: MonetaryUnit, limit: Int = 6) -> Int {
        let step = max(1, resolution)
        var digits = 0
        var s = step
        while s >= 10 {
            s /= 10
            digits += 1
        }
        return min(limit, max(0, unit.magnitude.exponent + 2 - digits))
    }

    /// The fraction digits at which this level can be printed without claiming more than it knows: a
    /// published or computed level at the precision of its finest input (``places(in:limit:)``); a
    /// derived, implied or illustrative one at the finest step whose half is at least its half width
    /// (−369.2 ± 0.1 from two year-to-date totals prints as −369), or `nil` when even whole units of
    /// `unit` would be too fine (a month from two totals rounded to 0.01 trillion, ±50 亿元).
    public func printablePlaces(in unit: MonetaryUnit, limit: Int = 6) -> Int? {
        var p = places(in: unit, limit: limit)
        guard status >= .derived else { return p }
        while p >= 0 {
            if halfWidth <= LevelResolver.halfWidth(unit: unit, decimals: p) { return p }
            p -= 1
        }
        return nil
    }

    /// The exact sum of estimates (half widths add); `nil` on overflow or an empty list.
    static func combine(_ parts: [(Estimate, Int64)], origin: Origin) -> Estimate? {
        guard let first = parts.first else { return nil }
        var total: Int64 = 0
        var hw: Int64 = 0
        var sources: [String] = []
        var resolution = Int64.max
        var status = origin.status
        var traces: [(Trace, Int)] = []
        var publishedOnly = true
        for (e, sign) in parts {
            publishedOnly = publishedOnly && e.restsOnPublishedFiguresOnly
            resolution = min(resolution, e.resolution)
            status = max(status, e.status)
            if let t = e.trace { traces.append((t, Int(sign))) }
            let (t, o) = total.addingReportingOverflow(sign * e.level.hundredths)
            guard !o else { return nil }
            total = t
            hw += e.halfWidth
            for s in e.sources where !sources.contains(s) { sources.append(s) }
        }
        var e = Estimate(
            level: Level(hundredths: total), halfWidth: hw, origin: origin, unit: first.0.unit, sources: sources,
            resolution: resolution, status: status, restsOnPublishedFiguresOnly: publishedOnly)
        e.trace = traces.isEmpty ? nil : Trace(parts: traces)
        return e
    }
}
