/// What an export cites for a figure, and the address kept as evidence where that is not the citation.
///
/// A figure read at a mirror (a copy of an agency or news page on an unrelated site, ``SourceKind/mirror``)
/// is still the agency's: the export cites the publisher (`MOFCOM`, `SAFE`) and keeps the mirror's
/// address as the copy it was read from, never as a citation. Every other address is cited as it is.
///
/// ```swift
/// SourceHosts.standard.citation(of: "http://brlscp.com/…", publisher: .mofcom)
/// // cited "MOFCOM", copy "http://brlscp.com/…"
/// SourceHosts.standard.citation(of: "http://english.mofcom.gov.cn/…", publisher: .mofcom)
/// // cited "http://english.mofcom.gov.cn/…", copy ""
/// ```
public struct SourceCitation: Sendable, Hashable {
    /// What to cite: the address, or the publisher's code for a figure read at a mirror.
    public var cited: String
    /// The address of the mirror copy the figure was read from (evidence, not to be cited); empty when
    /// ``cited`` is the address itself.
    public var copy: String

    /// Creates a citation.
    public init(cited: String, copy: String = "") {
        self.cited = cited
        self.copy = copy
    }

    /// The address the figure was read at: the copy's when there is one, else the one cited.
    public var address: String { copy.isEmpty ? cited : copy }
}

extension SourceHosts {
    /// The citation of a figure of `publisher` read at `address`: the publisher's code with the address
    /// as the copy when the address is on a mirror host, else the address.
    public func citation(of address: String, publisher: Publisher) -> SourceCitation {
        kind(ofAddress: address) == .mirror
            ? SourceCitation(cited: publisher.code, copy: address) : SourceCitation(cited: address)
    }
}

extension Observation {
    /// The citation of the figure (``SourceHosts/citation(of:publisher:)``), its publisher as the
    /// figure says or as its region implies.
    public func citation(_ hosts: SourceHosts = .standard) -> SourceCitation {
        hosts.citation(of: source, publisher: publishingAgency)
    }
}
