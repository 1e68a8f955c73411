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
