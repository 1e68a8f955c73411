import Foundation
import TradeCore
import TradePress

#if PressServer
    import HTTPTypes
    import Hummingbird
    import Logging
#endif

/// `svctrade serve`: the press site (``TradePress/PressSite``) over HTTP/1.1. The site decides every
/// answer; this type only carries requests and bytes (Hummingbird, in a build with the package trait
/// `PressServer`).
public enum PressServer {
    /// Whether this build has the web server (package trait `PressServer`).
    public static var isAvailable: Bool {
        #if PressServer
            true
        #else
            false
        #endif
    }

    /// A server that cannot start, with what to do.
    public struct Unavailable: UserFacingError {
        /// What happened and how to fix it.
        public var description: String

        /// A build without the web server.
        public static let notBuilt = Unavailable(
            description:
                "error: this svctrade was built without the web server; build it with swift build --traits PressServer (Sources/TradePress/TradePress.docc/PressPage.md)"
        )

        /// A server that failed on `host`:`port`: a port in use says to give another.
        public init(failure: any Error, host: String, port: Int) {
            let text = ControlCharacters.escaped("\(failure)")
            description =
                text.contains("in use")
                ? "\(host):\(port) is already in use; give another --port (0 picks a free one)"
                : "cannot serve on \(host):\(port): \(text)"
        }

        init(description: String) { self.description = description }
    }

    /// How long a silent connection is kept and how many are served at once.
    public struct Limits: Sendable, Equatable {
        /// A connection that sends nothing for this many seconds (an idle keep-alive, or a request
        /// whose header never ends) is closed: idle connections must not pile up and hold memory.
        public var idleSeconds: Int
        /// At most this many connections at once (the next ones get 503 and are closed): a flood of
        /// connections cannot take the server's memory; when they are gone, the memory goes back.
        public var maxConnections: Int

        /// Limits; `nil` takes the default (15 s, 512 connections); values below 1 count as 1.
        public init(idleSeconds: Int? = nil, maxConnections: Int? = nil) {
            self.idleSeconds = max(1, idleSeconds ?? 15)
            self.maxConnections = max(1, maxConnections ?? 512)
        }
    }

    /// Serves `site` on `host`:`port` within `limits` until the process receives SIGINT or SIGTERM;
    /// `started` is called with the address once the socket listens (port 0 picks a free port).
    public static func run(
        site: PressSite, host: String, port: Int, limits: Limits = Limits(),
        started: @escaping @Sendable (String) -> Void
    ) async throws {
        #if PressServer
            let responder = CallbackResponder<BasicRequestContext> { request, _ in
                let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                let answer: PressResponse
                if let press = PressRequest(
                    method: request.method.rawValue, target: target, ifNoneMatch: request.headers[.ifNoneMatch],
                    accept: request.headers[.accept])
                {
                    answer = await site.respond(to: press)
                } else {
                    answer = PressSite.badRequest()
                }
                var fields = HTTPFields()
                for header in answer.headers {
                    if let name = HTTPField.Name(header.name) {
                        fields.append(HTTPField(name: name, value: header.value))
                    }
                }
                return Response(
                    status: HTTPResponse.Status(code: answer.status), headers: fields,
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
            }
            // The server's own log: warnings and errors only (the command prints where it listens).
            var logger = Logger(label: "svctrade.serve")
            logger.logLevel = .warning
            let connections = ConnectionCount(limit: limits.maxConnections)
            let app = Application(
                responder: responder,
                server: .http1(
                    configuration: .init(
                        additionalChannelHandlers: [ConnectionGuard(count: connections)],
                        idleTimeout: .seconds(Int64(limits.idleSeconds)))),
                configuration: ApplicationConfiguration(
                    address: .hostname(host, port: port), serverName: "svctrade", reuseAddress: true),
                onServerRunning: { channel in
                    let bound = channel.localAddress?.port ?? port
                    let shownHost = host.contains(":") ? "[\(host)]" : host
                    started("http://\(shownHost):\(bound)/")
                },
                logger: logger)
            try await app.runService()
        #else
            throw Unavailable.notBuilt
        #endif
    }
}
