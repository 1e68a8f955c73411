import Foundation
import TradeCore

/// A request of the SDMX RESTful API 2.1 under `/sdmx/2.1/`, parsed and checked (no store read):
/// a structure query (`dataflow`, `datastructure`, `codelist`, `conceptscheme`) or a data query
/// (`data/{flowRef}/{key}/{providerRef}?startPeriod=&endPeriod=&dimensionAtObservation=&detail=`).
/// What the standard defines and svctrade does not do is refused with 501 (code 501), a malformed
/// request with 400 (code 140, syntax error).
public enum SDMXQuery: Sendable, Equatable {
    case structure(SDMXStructureQuery)
    case data(SDMXDataQuery)

    /// Parses the path segments after `/sdmx/2.1/` and the query parameters.
    public init(segments: [String], query: [String: String]) throws(SDMXRefusal) {
        guard let resource = segments.first else {
            throw SDMXRefusal.syntax(
                "give a resource: /sdmx/2.1/dataflow, /sdmx/2.1/datastructure, /sdmx/2.1/codelist or /sdmx/2.1/data/DF_SVC_TRADE/KEY"
            )
        }
        if resource == "data" {
            self = .data(try SDMXDataQuery(segments: Array(segments.dropFirst()), query: query))
        } else {
            self = .structure(try SDMXStructureQuery(resource: resource, Array(segments.dropFirst()), query: query))
        }
    }
}

/// Why an SDMX request is not answered: the HTTP status and the SDMX error code of the standard
/// (100 no results found, 140 syntax error, 150 semantic error, 406 not acceptable, 501 not
/// implemented, 503 service unavailable).
public struct SDMXRefusal: Error, Sendable, Equatable {
    /// HTTP status.
    public var status: Int
    /// What was wrong, and what would be right.
    public var message: String

    /// A refusal.
    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    /// The SDMX error code of the status (SDMX RESTful API 2.1, "Error handling").
    public var code: Int {
        switch status {
        case 404: 100
        case 400: 140
        case 401, 403: 110
        case 413: 130
        default: status
        }
    }

    /// 400, code 140.
    static func syntax(_ message: String) -> SDMXRefusal { SDMXRefusal(status: 400, message: message) }
    /// 501, code 501.
    static func notImplemented(_ message: String) -> SDMXRefusal { SDMXRefusal(status: 501, message: message) }
    /// 404, code 100 (the standard's "NoResultsFound").
    public static func noResults(_ message: String) -> SDMXRefusal {
        SDMXRefusal(status: 404, message: "NoResultsFound: " + message)
    }
}

/// `/{resource}/{agencyID}/{resourceID}/{version}` with `references` and `detail`.
public struct SDMXStructureQuery: Sendable, Equatable {
    /// The structures svctrade serves.
    public enum Resource: String, Sendable, CaseIterable {
        case dataflow, datastructure, codelist, conceptscheme
    }
    /// Which referenced structures come with the ones asked for.
    public enum References: String, Sendable, CaseIterable {
        case none, parents, parentsandsiblings, children, descendants, all
    }

    public var resource: Resource
    /// `nil`: any agency (`all`).
    public var agency: String?
    /// `nil`: every one (`all`).
    public var id: String?
    /// `nil`: the latest (`latest`, `all` or absent; svctrade has one version of each).
    public var version: String?
    public var references: References

    init(resource name: String, _ rest: [String], query: [String: String]) throws(SDMXRefusal) {
        guard let resource = Resource(rawValue: name) else {
            if Self.otherResources.contains(name) {
                throw SDMXRefusal.notImplemented(
                    "svctrade serves no \(PressRoute.shown(name)); it serves \(Self.offered)")
            }
            throw SDMXRefusal(
                status: 404, message: "there is no SDMX resource \"\(PressRoute.shown(name))\"; give \(Self.offered)")
        }
        guard rest.count <= 3 else {
            throw SDMXRefusal.notImplemented(
                "item queries (/\(name)/AGENCY/ID/VERSION/ITEM) are not served; leave the item out")
        }
        self.resource = resource
        func part(_ i: Int, _ any: Set<String>) -> String? {
            i < rest.count && !any.contains(rest[i]) && !rest[i].isEmpty ? rest[i] : nil
        }
        agency = part(0, ["all", "*"])
        id = part(1, ["all", "*"])
        version = part(2, ["all", "latest", "*", "+"])
        let asked = query["references"] ?? "none"
        guard let references = References(rawValue: asked) else {
            throw SDMXRefusal.notImplemented(
                "references=\(PressRoute.shown(asked)) is not served; give references=\(References.allCases.map(\.rawValue).joined(separator: "|"))"
            )
        }
        self.references = references
        if let detail = query["detail"], detail != "full" {
            throw SDMXRefusal.notImplemented("detail=\(PressRoute.shown(detail)) is not served; give detail=full")
        }
    }

    static let offered = "dataflow, datastructure, codelist, conceptscheme or data"
    /// Structure resources of SDMX 2.1 that svctrade does not have.
    static let otherResources: Set<String> = [
        "metadatastructure", "metadataflow", "provisionagreement", "structure", "categorisation", "contentconstraint",
        "attachmentconstraint", "actualconstraint", "allowedconstraint", "structureset", "process",
        "hierarchicalcodelist",
        "organisationscheme", "agencyscheme", "dataproviderscheme", "dataconsumerscheme", "organisationunitscheme",
        "categoryscheme", "reportingtaxonomy", "schema", "availableconstraint", "metadata",
    ]
}

/// `data/{flowRef}/{key}/{providerRef}` and its parameters.
public struct SDMXDataQuery: Sendable, Equatable {
    /// What a data answer holds (`detail`).
    public enum Detail: String, Sendable, CaseIterable {
        /// Observations and attributes.
        case full
        /// Observations without attributes.
        case dataonly
    }
    /// The formats of a data answer.
    public enum Format: String, Sendable, CaseIterable {
        /// SDMX-ML 2.1 generic data (the standard's default).
        case genericData = "genericdata"
        /// SDMX-CSV 1.0 (`DATAFLOW` first).
        case csv = "csv"
        /// SDMX-CSV 2.0 (`STRUCTURE`, `STRUCTURE_ID`, `ACTION`).
        case csv2 = "csv2"

        /// The media type answered.
        public var mediaType: String {
            switch self {
            case .genericData: "application/vnd.sdmx.genericdata+xml;version=2.1"
            case .csv: "application/vnd.sdmx.data+csv;version=1.0.0"
            case .csv2: "application/vnd.sdmx.data+csv;version=2.0.0"
            }
        }
    }

    /// The dataflow's agency; `nil`: any (`all`, or a flowRef of the ID alone).
    public var agency: String?
    /// The dataflow's ID (`DF_SVC_TRADE`).
    public var flow: String
    /// `nil`: the latest.
    public var version: String?
    /// One entry per key position: the values asked (`+` alternatives), empty for a wildcard; `nil`
    /// when the key is `all` or left out (every series).
    public var key: [[String]]?
    /// First month of the first period asked (`startPeriod`), inclusive.
    public var start: Period?
    /// Last month of the last period asked (`endPeriod`), inclusive.
    public var end: Period?
    /// `TIME_PERIOD` (series) or `AllDimensions` (flat observations).
    public var dimensionAtObservation: String
    public var detail: Detail
    /// `nil` until the `Accept` header or `format` parameter has chosen (``SDMXDataQuery/format(accept:)``).
    public var format: Format?

    init(segments: [String], query: [String: String]) throws(SDMXRefusal) {
        guard let flowRef = segments.first, !flowRef.isEmpty else {
            throw SDMXRefusal.syntax(
                "give a dataflow: /sdmx/2.1/data/DF_SVC_TRADE or /sdmx/2.1/data/SVCTRADE,DF_SVC_TRADE,1.0")
        }
        guard segments.count <= 3 else {
            throw SDMXRefusal.syntax("a data path is data/FLOW/KEY/PROVIDER; \(segments.count) parts were given")
        }
        let parts = flowRef.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && SDMXText.isID($0, dots: true) }) else {
            throw SDMXRefusal.syntax(
                "\"\(PressRoute.shown(flowRef))\" is not a flowRef; give FLOW, AGENCY,FLOW or AGENCY,FLOW,VERSION (e.g. SVCTRADE,DF_SVC_TRADE,1.0)"
            )
        }
        (agency, flow, version) =
            switch parts.count {
            case 1: (nil, parts[0], nil)
            case 2: (parts[0] == "all" ? nil : parts[0], parts[1], nil)
            default:
                (
                    parts[0] == "all" ? nil : parts[0], parts[1],
                    ["latest", "all", "*"].contains(parts[2]) ? nil : parts[2]
                )
            }
        key = segments.count > 1 ? try Self.key(segments[1]) : nil
        if segments.count > 2, !["all", "*"].contains(segments[2]) {
            throw SDMXRefusal.notImplemented(
                "svctrade has no data providers; give the provider as all or leave it out (not \(PressRoute.shown(segments[2])))"
            )
        }
        start = try query["startPeriod"].map { text throws(SDMXRefusal) in
            try Self.months(text, "startPeriod").lowerBound
        }
        end = try query["endPeriod"].map { text throws(SDMXRefusal) in try Self.months(text, "endPeriod").upperBound }
        if let start, let end, end < start {
            throw SDMXRefusal.syntax("endPeriod (\(end)) is before startPeriod (\(start))")
        }
        dimensionAtObservation = query["dimensionAtObservation"] ?? "TIME_PERIOD"
        let asked = query["detail"] ?? "full"
        guard let detail = Detail(rawValue: asked) else {
            throw SDMXRefusal.notImplemented(
                "detail=\(PressRoute.shown(asked)) is not served; give detail=full or detail=dataonly")
        }
        self.detail = detail
        for unsupported in ["updatedAfter", "firstNObservations", "lastNObservations"] where query[unsupported] != nil {
            throw SDMXRefusal.notImplemented("\(unsupported) is not served; leave it out")
        }
        if let history = query["includeHistory"], history != "false" {
            throw SDMXRefusal.notImplemented("includeHistory is not served; ask DF_SVC_TRADE_COPIES for every copy")
        }
        if let name = query["format"] { format = try Self.format(named: name) }
    }

    /// A key: `all`, or positions separated by `.`, each empty (any value) or values joined by `+`.
    static func key(_ text: String) throws(SDMXRefusal) -> [[String]]? {
        if text == "all" || text == "*" { return nil }
        var positions: [[String]] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            let values =
                part.isEmpty ? [] : part.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
            guard values.allSatisfy({ !$0.isEmpty && SDMXText.isID($0, dots: false) }) else {
                throw SDMXRefusal.syntax(
                    "\"\(PressRoute.shown(text))\" is not a key; give one position per dimension separated by dots, each empty (any) or codes joined by + (e.g. M.CN.W1.C+D.S..)"
                )
            }
            positions.append(values)
        }
        return positions
    }

    /// The months an SDMX period covers: `2021` (A), `2021-S1`, `2021-Q2`, `2021-04`, `2021-04-15`
    /// (the month of the day).
    static func months(_ text: String, _ name: String) throws(SDMXRefusal) -> ClosedRange<Period> {
        let freq: String
        var period = text
        if text.count == 4 {
            freq = "A"
        } else if text.count == 7, text.dropFirst(5).first == "Q" {
            freq = "Q"
        } else if text.count == 7, text.dropFirst(5).first == "S" {
            freq = "S"
        } else if text.count == 10, text.dropFirst(7).first == "-" {
            (freq, period) = ("M", String(text.prefix(7)))
        } else {
            freq = "M"
        }
        guard let span = SDMXCodes.span(freq: freq, period: period),
            text.count != 10 || (Int(text.suffix(2)).map { (1...31).contains($0) } ?? false)
        else {
            throw SDMXRefusal.syntax(
                "\(name)=\(PressRoute.shown(text)) is not a period; give 2021, 2021-S1, 2021-Q2, 2021-04 or 2021-04-30")
        }
        return span.start...span.end
    }

    /// The format of a `format=` parameter (`csv`, `sdmx-csv`, `csvdata`, `csv2`, `genericdata`,
    /// `xml`, `sdmx-ml`).
    static func format(named name: String) throws(SDMXRefusal) -> Format {
        switch name.lowercased() {
        case "csv", "sdmx-csv", "csvdata", "csvfile", "sdmx-csv-1": return .csv
        case "csv2", "sdmx-csv-2": return .csv2
        case "genericdata", "generic", "xml", "sdmx-ml", "sdmx-ml-generic": return .genericData
        default:
            throw SDMXRefusal(
                status: 406,
                message:
                    "format=\(PressRoute.shown(name)) is not offered; give format=genericdata (SDMX-ML 2.1), format=csv (SDMX-CSV 1.0) or format=csv2 (SDMX-CSV 2.0)"
            )
        }
    }

    /// The format of the answer: the `format` parameter when given, else the first type of the
    /// `Accept` header svctrade writes (any SDMX-ML or XML type is answered with generic data; any
    /// SDMX-CSV or `text/csv` with SDMX-CSV, version 2.0 when asked for); no header or `*/*`: generic data.
    public func format(accept: String?) throws(SDMXRefusal) -> Format {
        if let format { return format }
        guard let accept, !accept.isEmpty else { return .genericData }
        for item in accept.lowercased().split(separator: ",") {
            let type = item.trimmingCharacters(in: .whitespaces)
            let essence = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if essence.hasSuffix("+csv") || essence == "text/csv" {
                return type.contains("version=2") ? .csv2 : .csv
            }
            if essence.hasSuffix("+xml") || essence == "application/xml" || essence == "text/xml" || essence == "*/*"
                || essence == "application/*"
            {
                return .genericData
            }
        }
        throw SDMXRefusal(
            status: 406,
            message:
                "none of the types accepted (\(PressRoute.shown(accept))) is written here; accept application/vnd.sdmx.genericdata+xml;version=2.1 or application/vnd.sdmx.data+csv;version=1.0.0 (or give format=genericdata|csv|csv2)"
        )
    }

    /// Whether an observation's dimensions fit the key (`dimensions`: the DSD's key dimensions in
    /// order, `values`: the observation's value of each). A key of another length never fits
    /// (``check(dimensions:)`` refuses it first).
    public func matches(_ values: [String]) -> Bool {
        guard let key else { return true }
        guard key.count == values.count else { return false }
        return zip(key, values).allSatisfy { $0.isEmpty || $0.contains($1) }
    }

    /// Whether an observation's months (from its `TIME_PERIOD`) lie within `startPeriod`–`endPeriod`.
    public func matches(months: ClosedRange<Period>) -> Bool {
        (start.map { months.lowerBound >= $0 } ?? true) && (end.map { months.upperBound <= $0 } ?? true)
    }

    /// Checks the key's length and `dimensionAtObservation` against the dataflow's key dimensions.
    public func check(dimensions: [String]) throws(SDMXRefusal) {
        if let key, key.count != dimensions.count {
            throw SDMXRefusal.syntax(
                "the key has \(key.count) positions; \(flow) has \(dimensions.count) dimensions: \(dimensions.joined(separator: "."))"
            )
        }
        if dimensionAtObservation != "TIME_PERIOD" && dimensionAtObservation != "AllDimensions" {
            if dimensions.contains(dimensionAtObservation) {
                throw SDMXRefusal.notImplemented(
                    "dimensionAtObservation=\(PressRoute.shown(dimensionAtObservation)) is not served; give TIME_PERIOD or AllDimensions"
                )
            }
            throw SDMXRefusal.syntax(
                "dimensionAtObservation=\(PressRoute.shown(dimensionAtObservation)) is not a dimension of \(flow); give TIME_PERIOD, AllDimensions or one of \(dimensions.joined(separator: ", "))"
            )
        }
    }
}

/// Text helpers of the SDMX answers.
enum SDMXText {
    /// An SDMX ID (`[A-Za-z0-9_@$-]+`; with `dots`, versions such as `1.0` too).
    static func isID(_ text: String, dots: Bool) -> Bool {
        text.unicodeScalars.allSatisfy {
            ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || "_@$-".unicodeScalars.contains($0)
                || (dots && $0 == ".")
        }
    }
}
