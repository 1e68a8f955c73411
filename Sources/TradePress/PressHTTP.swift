import Foundation

/// A request to the press page, as the web server received it: method, target (path and query) and
/// the validator a browser sends back. The site answers it without knowing which server carried it.
public struct PressRequest: Sendable, Equatable {
    /// `GET`, `HEAD`, …
    public var method: String
    /// The path's segments, percent-decoded (`["download", "2021-04", "charts", "combo-zh.svg"]`).
    public var segments: [String]
    /// Query parameters, percent-decoded; the first of repeated names wins.
    public var query: [String: String]
    /// The `If-None-Match` header, when sent.
    public var ifNoneMatch: String?
    /// The `Accept` header, when sent (the SDMX data format).
    public var accept: String?

    /// A request for `target` (`/figures?month=2021-04&lang=zh`); `nil` when the target is not a path.
    public init?(method: String = "GET", target: String, ifNoneMatch: String? = nil, accept: String? = nil) {
        guard target.hasPrefix("/"), let components = URLComponents(string: target) else { return nil }
        self.method = method.uppercased()
        var segments: [String] = []
        for raw in components.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = String(raw).removingPercentEncoding else { return nil }
            segments.append(decoded)
        }
        self.segments = segments
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] where query[item.name] == nil {
            query[item.name] = item.value ?? ""
        }
        self.query = query
        self.ifNoneMatch = ifNoneMatch
        self.accept = accept
    }
}

/// An answer of the press page: status, headers and body bytes.
public struct PressResponse: Sendable, Equatable {
    /// A header line.
    public struct Header: Sendable, Equatable {
        /// Its name (`Content-Type`).
        public var name: String
        /// Its value.
        public var value: String

        /// A header line.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// HTTP status (200, 303, 304, 400, 404, 405, 503).
    public var status: Int
    /// Headers, in order; the security headers of ``PressSite`` included.
    public var headers: [Header]
    /// The body.
    public var body: Data

    /// An answer.
    public init(status: Int, headers: [Header], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the header `name` (case-insensitive), if present.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body as UTF-8 text (pages, JSON, CSV).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A request the site refuses, with the status and a message that says what is valid.
struct PressRefusal: Error, Sendable {
    /// 400 (a parameter is not valid), 404 (nothing there), 405 (method), 503 (store unreadable).
    var status: Int
    /// What was wrong and what would be right.
    var message: String
}

/// FNV-1a over bytes: the entity tags of cached responses (same bytes, same tag).
enum ContentDigest {
    static func hex(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            h ^= UInt64(byte)
            h &*= 0x100_0000_01b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
