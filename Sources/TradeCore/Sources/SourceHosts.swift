/// What kind of site a figure was read at, which decides whether a release may cite the address.
///
/// The figures are always the agency's (MOFCOM's, or SAFE's for the balance-of-payments months);
/// the site only says where the number was read. Ordered from most to least authoritative: where
/// copies of a figure disagree beyond rounding, the copy read at the better kind of site is kept
/// (the publisher's own site, then other official sites, then state media, media, industry, and
/// last unknown hosts and mirrors). See the command reference, "Sources".
public enum SourceKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// The agency's own site (english.mofcom.gov.cn).
    case publisher
    /// Another government site republishing the release (www.gov.cn, SCIO).
    case official
    /// State news agencies and papers (Xinhua, People's Daily, CGTN, China Daily).
    case stateMedia = "state-media"
    /// Other news reports of the release.
    case media
    /// Trade associations and industry portals.
    case industry
    /// A host not in the classification (a user's own file, an unknown site).
    case unknown
    /// A copy of an agency or news page on an unrelated site: kept as evidence, never cited.
    case mirror

    /// Rank for reconciliation: smaller is more authoritative.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }

    /// Whether a bulletin or a table may print the address (as "reported by" unless it is the
    /// publisher's own). Mirrors and unknown hosts are kept in provenance data only.
    public var isCitable: Bool { self != .mirror && self != .unknown }

    public static func < (a: SourceKind, b: SourceKind) -> Bool { a.rank < b.rank }
}

/// The classification of source hosts (`datasets/source-hosts.csv`, compiled in).
///
/// ```swift
/// SourceHosts.standard.kind(ofAddress: "http://english.mofcom.gov.cn/article/…")  // .publisher
/// SourceHosts.host(of: "http://en.people.cn./n3/2020/1002/…")                    // "en.people.cn"
/// ```
public struct SourceHosts: Sendable {
    /// Kinds by host name (lower case, no trailing dot).
    public let kinds: [String: SourceKind]

    /// Creates a classification.
    public init(_ kinds: [String: SourceKind]) {
        self.kinds = kinds
    }

    /// The shipped classification.
    public static let standard = SourceHosts(shipped)

    /// The host of an `http(s)://` address, lower case and without a trailing dot or port; `nil` for
    /// anything else (a file name, `file:…`).
    public static func host(of address: String) -> String? {
        let lower = address.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = lower.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = lower.dropFirst(7)
        } else {
            return nil
        }
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        while host.hasSuffix(".") { host = host.dropLast() }
        return host.isEmpty ? nil : String(host)
    }

    /// The kind of a host; `.unknown` when it is not classified.
    public func kind(ofHost host: String) -> SourceKind {
        kinds[host.lowercased()] ?? .unknown
    }

    /// The kind of the site an address points to; `.unknown` for non-web sources and new hosts.
    public func kind(ofAddress address: String) -> SourceKind {
        guard let host = Self.host(of: address) else { return .unknown }
        return kind(ofHost: host)
    }
}

/// The agency whose figures a series holds, as a release cites it ("资料来源：商务部").
public struct Publisher: Sendable, Hashable, Codable {
    /// Short code as written in the datasets' `publisher` column (`MOFCOM`, `SAFE`).
    public var code: String
    /// English name.
    public var englishName: String
    /// Chinese name as a release cites it.
    public var chineseName: String

    /// Creates a publisher.
    public init(code: String, englishName: String, chineseName: String) {
        self.code = code
        self.englishName = englishName
        self.chineseName = chineseName
    }

    /// The Ministry of Commerce: the national services-trade statistics and the regional aggregates.
    public static let mofcom = Publisher(
        code: "MOFCOM", englishName: "Ministry of Commerce (MOFCOM)", chineseName: "商务部")
    /// The State Administration of Foreign Exchange: services on the balance-of-payments basis.
    public static let safe = Publisher(
        code: "SAFE", englishName: "State Administration of Foreign Exchange (SAFE)", chineseName: "国家外汇管理局")

    /// The known publishers by code (case-insensitive); an unknown code is kept as its own publisher.
    public static func named(_ code: String) -> Publisher {
        switch code.uppercased() {
        case "MOFCOM": return .mofcom
        case "SAFE": return .safe
        default: return Publisher(code: code, englishName: code, chineseName: code)
        }
    }

    /// Whether the publisher compiles its figures in US dollars and derives the yuan ones from them:
    /// SAFE, whose monthly balance-of-payments yuan figures are the dollar figures at the month's
    /// average central parity ("当月人民币计值数据由美元数据按月均人民币对美元中间价折算得到"). Its dollar
    /// figures are its own publication wherever they are read (``FigureStatus/ofStoredFigure(currency:source:hasOwnRate:publisher:hosts:)``).
    public var compilesInUSD: Bool { code == Publisher.safe.code }

    /// The publisher of a region's series when a file does not say: SAFE for the balance-of-payments
    /// basis (``Regions/balanceOfPayments``), MOFCOM otherwise.
    public static func ofRegion(_ code: String) -> Publisher {
        code == Regions.balanceOfPayments.code ? .safe : .mofcom
    }
}
