import Foundation
import TradeCore
import TradeReport

/// A request of the press site, validated: every parameter parsed once, every refusal a
/// ``PressRefusal`` that says what would be valid.
enum PressRoute: Sendable {
    case home
    case page(month: Period, languages: [Language], baseYear: Int?)
    case download(month: Period, name: String, baseYear: Int?)
    case apiIndex
    case apiMonths
    case apiOpenAPI
    case apiFigures(month: Period, language: Language, baseYear: Int?)
    case apiTable(month: Period, format: TableFormat, language: Language, baseYear: Int?)
    case apiSeries(selection: FigureSelection, csv: Bool)
    case sdmx(SDMXQuery)

    /// The month the route answers for (a page, a download, the figures or the table of a month).
    var month: Period? {
        switch self {
        case .page(let month, _, _), .download(let month, _, _), .apiFigures(let month, _, _),
            .apiTable(let month, _, _, _):
            return month
        case .home, .apiIndex, .apiMonths, .apiOpenAPI, .apiSeries, .sdmx:
            return nil
        }
    }

    /// The key of the cached answer: the route with its parameters in canonical form.
    var cacheKey: String { "\(self)" }

    /// Validates `request` against the months the store can support (oldest first).
    init(_ request: PressRequest, months: [Period]) throws(PressRefusal) {
        let s = request.segments
        let q = request.query
        switch s.first {
        case nil:
            self = .home
        case "figures" where s.count == 1:
            let month = try Self.month(q["month"], months: months)
            self = .page(
                month: month, languages: try Self.languages(q["lang"] ?? "both", allowBoth: true),
                baseYear: try Self.baseYear(q["vs"], month: month))
        case "download" where s.count >= 3:
            let month = try Self.month(s[1], months: months)
            let name = try Self.downloadName(Array(s.dropFirst(2)))
            self = .download(month: month, name: name, baseYear: try Self.baseYear(q["vs"], month: month))
        case "api" where s.count == 1:
            self = .apiIndex
        case "api" where s.count == 2 && s[1] == "months":
            self = .apiMonths
        case "api" where s.count == 2 && s[1] == "openapi.json":
            self = .apiOpenAPI
        case "api" where s.count == 3 && s[1] == "figures":
            let month = try Self.month(s[2], months: months)
            guard let language = try Self.languages(q["lang"] ?? "zh", allowBoth: false).first else {
                throw PressRefusal(status: 400, message: "lang must be zh or en")
            }
            self = .apiFigures(month: month, language: language, baseYear: try Self.baseYear(q["vs"], month: month))
        case "api" where s.count == 3 && s[1] == "table":
            let month = try Self.month(s[2], months: months)
            let asked = q["format"] ?? "json"
            guard let format = TableFormat(rawValue: asked) else {
                throw PressRefusal(
                    status: 400,
                    message:
                        "format \"\(Self.shown(asked))\" is not offered; give format=\(TableFormat.allCases.map(\.rawValue).joined(separator: ", format="))"
                )
            }
            guard let language = try Self.languages(q["lang"] ?? "en", allowBoth: false).first else {
                throw PressRefusal(status: 400, message: "lang must be zh or en")
            }
            self = .apiTable(
                month: month, format: format, language: language, baseYear: try Self.baseYear(q["vs"], month: month))
        case "api" where s.count == 2 && s[1] == "series":
            let csv: Bool
            switch q["format"] ?? "json" {
            case "json": csv = false
            case "csv": csv = true
            case let other:
                throw PressRefusal(
                    status: 400,
                    message: "format \"\(Self.shown(other))\" is not offered; give format=json or format=csv")
            }
            var selection = FigureSelection()
            if let region = q["region"] {
                guard let found = Regions.standard.lookup(region) else {
                    throw PressRefusal(
                        status: 400, message: "region \"\(Self.shown(region))\" is unknown; e.g. CN, beijing, xixian")
                }
                selection.regions = [found.code]
            }
            if let sector = q["sector"] {
                guard let found = Sectors.standard.lookup(sector) else {
                    throw PressRefusal(
                        status: 400, message: "sector \"\(Self.shown(sector))\" is unknown; e.g. S, SD, KIS")
                }
                selection.sectors = [found.code]
            }
            self = .apiSeries(selection: selection, csv: csv)
        case "sdmx":
            self = .sdmx(try Self.sdmx(Array(s.dropFirst()), query: q, accept: request.accept))
        default:
            throw PressRefusal(
                status: 404,
                message:
                    "there is no page at /\(s.map(Self.shown).joined(separator: "/")); pages are /figures?month=YYYY-MM, /download/YYYY-MM/NAME and /api/"
            )
        }
    }

    /// An SDMX query (the segments after `sdmx`), its data format chosen by `format=` or `accept`.
    static func sdmx(_ s: [String], query: [String: String], accept: String?) throws(PressRefusal) -> SDMXQuery {
        guard s.first == "2.1" else {
            throw PressRefusal(
                status: 404,
                message:
                    "the SDMX web service (RESTful API 2.1) is at /sdmx/2.1/: dataflow, datastructure, codelist, conceptscheme, data/DF_SVC_TRADE/KEY"
            )
        }
        do throws(SDMXRefusal) {
            var parsed = try SDMXQuery(segments: Array(s.dropFirst()), query: query)
            if case .data(var data) = parsed {
                data.format = try data.format(accept: accept)
                parsed = .data(data)
            }
            return parsed
        } catch {
            throw PressRefusal(status: error.status, message: error.message)
        }
    }

    /// Text from a request as shown in a message: control characters escaped, at most 40 characters.
    static func shown(_ text: String) -> String {
        let escaped = ControlCharacters.escaped(text)
        return escaped.count > 40 ? String(escaped.prefix(40)) + "…" : escaped
    }

    /// What the store's months are, for a message: "2017-02 to 2025-10 (97 months)".
    static func describe(_ months: [Period]) -> String {
        guard let first = months.first, let last = months.last else {
            return "the store has no national January-to-month figures yet"
        }
        return "months with figures run from \(first) to \(last) (\(months.count) months; see /api/months)"
    }

    static func month(_ text: String?, months: [Period]) throws(PressRefusal) -> Period {
        guard let text, !text.isEmpty else {
            throw PressRefusal(status: 400, message: "give a month, month=YYYY-MM (e.g. 2021-04); \(describe(months))")
        }
        let month: Period
        do {
            month = try Period(parsing: text)
        } catch {
            throw PressRefusal(
                status: 400,
                message:
                    "\"\(shown(text))\" is not a month; give YYYY-MM with a month 01–12, e.g. 2021-04; \(describe(months))"
            )
        }
        guard months.contains(month) else {
            throw PressRefusal(
                status: 404,
                message:
                    "the store has no January-to-month figures for the nation through \(month); \(describe(months))")
        }
        return month
    }

    static func languages(_ text: String, allowBoth: Bool) throws(PressRefusal) -> [Language] {
        switch text {
        case "zh": return [.zh]
        case "en": return [.en]
        case "both" where allowBoth: return [.zh, .en]
        default:
            throw PressRefusal(
                status: 400,
                message:
                    "language \"\(shown(text))\" is not offered; give lang=zh, lang=en\(allowBoth ? " or lang=both" : "")"
            )
        }
    }

    static func baseYear(_ text: String?, month: Period) throws(PressRefusal) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let year = Int(text), year >= 2000, year < month.year else {
            throw PressRefusal(
                status: 400,
                message:
                    "vs=\(shown(text)) is not a comparison year; give a year from 2000 to \(month.year - 1), or leave vs out"
            )
        }
        return year
    }

    /// A download name: one file name, or `charts/` and a file name; never `..`, a hidden file or a
    /// separator inside a segment (the name is then looked up among the edition's files).
    static func downloadName(_ segments: [String]) throws(PressRefusal) -> String {
        let valid =
            (1...2).contains(segments.count) && (segments.count == 1 || segments[0] == "charts")
            && segments.allSatisfy { segment in
                !segment.isEmpty && !segment.hasPrefix(".")
                    && segment.unicodeScalars.allSatisfy {
                        CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_.".unicodeScalars.contains($0)
                    }
            }
        guard valid else {
            throw PressRefusal(
                status: 400,
                message:
                    "\"\(shown(segments.joined(separator: "/")))\" is not a download name; names are like bulletin-zh.xlsx or charts/combo-zh.svg (listed on the month's page)"
            )
        }
        return segments.joined(separator: "/")
    }
}
