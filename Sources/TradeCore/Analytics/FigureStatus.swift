/// What a number is, so that a press officer never reads out as official a figure the agency did not
/// print (README "Statuses").
///
/// Ordered from most to least quotable; a number built from several inputs takes the least quotable
/// status among them, and at least ``computed``.
public enum FigureStatus: String, Sendable, Codable, CaseIterable, Comparable {
    /// Printed by the agency for exactly this series and span (a level, or a rate as published).
    case published
    /// Exact arithmetic on published figures of one release: exports + imports, a group's members, a
    /// rate or a share from published levels.
    case computed
    /// From figures that may have been revised since: a month as the difference of two year-to-date
    /// totals from different releases, a rate or share resting on such a month. Not published as such;
    /// press sentences leave it out unless allowed, and then mark it.
    case derived
    /// A base implied by a published rate, `X_t / (1 + g)`, or a prior balance implied by a published
    /// change: what the agency's comparable base must have been, never a published level.
    case implied
    /// Generated data (`svctrade generate`): shows a layout, never quotable.
    case illustrative

    /// Rank: smaller is more quotable.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    public static func < (a: FigureStatus, b: FigureStatus) -> Bool { a.rank < b.rank }

    /// Whether a press sentence may state it by default (`published` and `computed`).
    public var isQuotable: Bool { self <= .computed }

    /// The status of a number computed from inputs with these statuses: the least quotable of them,
    /// and at least ``computed``.
    public static func combining(_ inputs: some Sequence<FigureStatus>) -> FigureStatus {
        inputs.reduce(.computed) { max($0, $1) }
    }
}
