import TradeCore

/// One number of a press sentence with everything needed to defend it: the printed text, the value,
/// unit, rounding, formula, and the inputs with their sources.
public struct PressNumber: Sendable, Equatable, Codable {
    /// Placeholder name (`total.amount`).
    public var key: String
    /// Text as printed in the sentence ("15644.5", "RMB1.56445 trillion", "增长3.3%").
    public var text: String
    /// The number behind it (for growth: percent; for levels: in `unit`).
    public var value: Double?
    /// Unit of `value` ("CNY 100m", "%", "percentage points").
    public var unit: String
    /// How it was rounded.
    public var rounding: String
    /// How it was obtained.
    public var formula: String
    /// `published`, `computed`, `derived`, `implied` or `illustrative` (``FigureStatus``).
    public var status: String
    /// The figures it rests on.
    public var inputs: [PressInput]
    /// Whether the release itself prints it: a published figure, or an identity the agency prints with
    /// published ones (``PressFigures/inRelease``). Every other number belongs to the computed block.
    public var inRelease: Bool = false

    enum CodingKeys: String, CodingKey {
        case key, text, value, unit, rounding, formula, status, inputs
        case inRelease = "in_release"
    }
}

/// A figure a press number rests on.
public struct PressInput: Sendable, Equatable, Codable {
    /// Series key (`CN/S/total/CNY`).
    public var series: String
    /// Span (`2021-01/2021-04`).
    public var period: String
    /// Level or rate as stored.
    public var value: String
    /// Unit.
    public var unit: String
    /// `added` or `subtracted` for a level in a sum, `published` for a published rate.
    public var origin: String
    /// What to cite for it: the page's address, or the publisher's code (`MOFCOM`, `SAFE`) for a figure
    /// read at a mirror copy (``TradeCore/SourceCitation``): never a mirror's address.
    public var sources: [String]
    /// The mirror copies it was read at (evidence, never a citation); empty when every address in
    /// ``sources`` is the page it was read at.
    public var readAt: [String] = []
    /// Status of this input.
    public var status: String

    enum CodingKeys: String, CodingKey {
        case series, period, value, unit, origin, sources, status
        case readAt = "read_at"
    }

    /// An input of `region`'s publisher read at `addresses`: the citations in ``sources``, the mirror
    /// copies in ``readAt`` (``TradeCore/SourceHosts/citation(of:publisher:)``).
    init(
        series: String, period: String, value: String, unit: String, origin: String, region: String,
        addresses: [String], status: String, hosts: SourceHosts = .standard
    ) {
        let citations = addresses.map { hosts.citation(of: $0, publisher: Publisher.ofRegion(region)) }
        self.init(
            series: series, period: period, value: value, unit: unit, origin: origin,
            sources: citations.map(\.cited).reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            readAt: citations.map(\.copy).filter { !$0.isEmpty }, status: status)
    }

    /// An input with its citations and mirror copies as given.
    public init(
        series: String, period: String, value: String, unit: String, origin: String, sources: [String],
        readAt: [String] = [], status: String
    ) {
        self.series = series
        self.period = period
        self.value = value
        self.unit = unit
        self.origin = origin
        self.sources = sources
        self.readAt = readAt
        self.status = status
    }
}
