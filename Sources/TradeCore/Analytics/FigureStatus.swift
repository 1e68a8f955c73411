/// What a number is, so that a press officer never reads out as official a figure the agency did not
/// print (<doc:Methodology>; command reference, "figures").
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
    /// A US-dollar figure that only a news report printed, converted from the yuan figure at a spot
    /// rate ("about 286.4 billion U.S. dollars"): the publisher never printed it (``isPublisherUSD``).
    /// Kept and labelled; never a key figure, never in press text, never the base of a rate.
    case reportedConversion = "reported-conversion"
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

extension FigureStatus {
    /// The status of a stored panel month, from its release: ``illustrative`` for the generated
    /// panel's release (``IllustrativePanel/release``), else ``published``. The one place a month is
    /// told illustrative; everything after reads the status (never the release name or the source).
    public static func ofPanelMonth(release: String) -> FigureStatus {
        release == IllustrativePanel.release ? .illustrative : .published
    }

    /// The status of a figure as stored, from where it was read: a US-dollar figure counts as
    /// published only when read in the publisher's own text (``isPublisherUSD(source:hosts:)``);
    /// read anywhere else it is a ``reportedConversion``. Yuan figures are the publisher's own
    /// figures wherever read.
    ///
    /// A dollar level printed with its own dollar year-on-year rate is the publisher's too, wherever it
    /// was read: a reporter converting at a spot rate has no dollar growth rate to give (MOFCOM,
    /// 8 April 2021: January–February USD 110.35 bn, +3.7%, read in a People's Daily report).
    ///
    /// A dollar figure of a publisher that compiles in dollars (``Publisher/compilesInUSD``: SAFE's
    /// balance of payments, whose yuan figures are converted from the dollar ones) is its own
    /// publication wherever it was read.
    public static func ofStoredFigure(
        currency: Currency, source: String, hasOwnRate: Bool = false, publisher: Publisher,
        hosts: SourceHosts = .standard
    ) -> FigureStatus {
        guard currency == .usd, !hasOwnRate, !publisher.compilesInUSD else { return .published }
        return isPublisherUSD(source: source, hosts: hosts) ? .published : .reportedConversion
    }

    /// Whether a US-dollar figure read at `source` is the publisher's own (see ``ofStoredFigure``):
    /// read on a page of the publisher's own text — its site, or a copy of one of its pages (MOFCOM's
    /// `/article/…` addresses on a mirror host, e.g. the 3 June 2021 release "以美元计…"). News reports,
    /// and official sites reprinting them, convert the yuan figure at the day's rate (January–April 2022:
    /// "about 286.4 billion U.S. dollars" is 19074.9 / 6.66, the late-May rate; datasets/README.md,
    /// "US-dollar figures").
    public static func isPublisherUSD(source: String, hosts: SourceHosts = .standard) -> Bool {
        switch hosts.kind(ofAddress: source) {
        case .publisher: return true
        case .mirror:
            let lower = source.lowercased()
            guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return false }
            let rest = lower.dropFirst(scheme.count)
            guard let slash = rest.firstIndex(of: "/") else { return false }
            return rest[slash...].hasPrefix("/article/")
        default: return false
        }
    }
}
