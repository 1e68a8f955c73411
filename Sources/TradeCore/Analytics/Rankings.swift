/// Ordered lists a bulletin quotes: "the three fastest growing areas were …".
public enum Rankings {
    /// Rows ordered by quoted year-on-year growth, fastest first (ties by key), without rows that have
    /// no rate; `limit` keeps the first n.
    public static func fastestGrowing(_ rows: [BulletinRow], limit: Int? = nil) -> [BulletinRow] {
        let ranked = rows.filter { $0.yearOnYear.value != nil }.sorted { a, b in
            guard let x = a.yearOnYear.value, let y = b.yearOnYear.value else { return false }
            if !x.isNumericallyEqual(to: y) { return y < x }
            return a.key < b.key
        }
        return limit.map { Array(ranked.prefix($0)) } ?? ranked
    }
}

/// Checks that published parts and wholes agree within rounding (<doc:Methodology>: a checker
/// needs a tolerance of ±0.05·n for n rounded addends).
public enum ConsistencyCheck {
    /// One comparison of a published whole with the sum of its parts.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// The whole.
        public var key: SeriesKey
        /// The span.
        public var span: PeriodSpan
        /// What was compared ("exports + imports", "sum of children", …).
        public var rule: String
        /// Published whole, hundredths.
        public var published: Level
        /// Sum of the parts, hundredths.
        public var parts: Level
        /// Whether the difference exceeds the rounding tolerance of all inputs.
        public var isBeyondRounding: Bool

        /// `CN/S/balance/CNY 2021-01/2021-04: published -720.4, exports − imports -720.3 (within rounding)`.
        public var description: String {
            let u = MonetaryUnit(key.currency, .hundredMillion)
            return
                "\(key) \(span): published \(published.exactDecimal(in: u)), \(rule) \(parts.exactDecimal(in: u)) \(u) (\(isBeyondRounding ? "beyond rounding" : "within rounding"))"
        }
    }

    /// Compares every published level of `keys` over `span` with the sum of its parts where both exist.
    public static func findings(_ resolver: LevelResolver, keys: [SeriesKey], span: PeriodSpan) -> [Finding] {
        var out: [Finding] = []
        for key in keys {
            guard let whole = resolver.direct(key, span), whole.origin == .published else { continue }
            var candidates: [(String, Estimate?)] = []
            switch key.flow {
            case .total:
                candidates.append(("exports + imports", resolver.flowCombination(key, span, sign: 1, depth: 1)))
            case .balance:
                candidates.append(("exports − imports", resolver.flowCombination(key, span, sign: -1, depth: 1)))
            default: break
            }
            candidates.append(("sum of parts", resolver.groupSum(key, span, depth: 1)))
            for (rule, parts) in candidates {
                guard let parts else { continue }
                let difference = (whole.level.hundredths - parts.level.hundredths).magnitude
                out.append(
                    Finding(
                        key: key, span: span, rule: rule, published: whole.level, parts: parts.level,
                        isBeyondRounding: difference > UInt64(whole.halfWidth + parts.halfWidth)))
            }
        }
        return out
    }
}

/// The set a comparison claim ranges over: the codes that must be compared and those that were.
public struct ComparedSet: Sendable, Equatable {
    /// Every code the claim speaks of ("the categories": the twelve EBOPS main categories).
    public var universe: [String]
    /// The codes with a value to compare, in universe order.
    public var compared: [String]

    /// Creates the set; codes outside `universe` are ignored.
    public init(universe: [String], compared: some Sequence<String>) {
        let have = Set(compared)
        self.universe = universe
        self.compared = universe.filter { have.contains($0) }
    }

    /// The codes of the universe without a value.
    public var missing: [String] {
        let have = Set(compared)
        return universe.filter { !have.contains($0) }
    }

    /// Whether every code of the universe was compared: the precondition of "fastest", "largest",
    /// "first since" and "above/below all others".
    public var isComplete: Bool { !universe.isEmpty && compared.count == universe.count }
}

/// A ranking claim ("the fastest-growing areas were A, B and C"): stated only over a complete compared
/// set. Ranking three of twelve categories and calling them the fastest is a claim the data do not
/// support (January–October 2025: three published rates, one below the total's).
public struct RankingClaim: Sendable {
    /// What was compared.
    public let set: ComparedSet
    /// The first `limit` rows by quoted growth, fastest first; `nil` when the set is incomplete.
    public let ranked: [BulletinRow]?

    /// Ranks `rows` (those with a quoted rate count as compared) over `universe`.
    public init(rows: [BulletinRow], universe: [String], limit: Int) {
        let withRate = rows.filter { $0.yearOnYear.value != nil }
        set = ComparedSet(universe: universe, compared: withRate.map(\.key.sector))
        ranked = set.isComplete ? Rankings.fastestGrowing(withRate, limit: limit) : nil
    }

    /// Why no ranking is stated, when it is not.
    public var withheldReason: String? {
        guard ranked == nil else { return nil }
        return "a ranking needs all \(set.universe.count) categories; \(set.compared.count) have a rate "
            + "(missing \(set.missing.joined(separator: ", ")))"
    }
}
