#if PressServer
    import Foundation
    import HTTPTypes
    import NIOConcurrencyHelpers
    import NIOCore
    import NIOHTTPTypes
    import TradePress

    #if canImport(Glibc)
        import Glibc

        /// glibc's `malloc_trim` (not in Swift's Glibc module): hands freed heap pages back to the system.
        private let mallocTrim: (@convention(c) (Int) -> Int32)? = {
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        }()
    #endif

    /// The open connections of one server, against a limit. When the last one closes, the memory the
    /// connections held is handed back to the system (`malloc_trim`), so that a flood of idle
    /// connections leaves the server near its baseline, not at its peak.
    final class ConnectionCount: Sendable {
        /// At most this many connections are served at once; the next ones are answered 503.
        let limit: Int
        private let open = NIOLockedValueBox(0)
        /// When the memory was last handed back (`DispatchTime` nanoseconds; 0: never).
        private let trimmed = NIOLockedValueBox<UInt64>(0)

        init(limit: Int) { self.limit = max(1, limit) }

        /// Counts a new connection; whether it is within the limit.
        func admit() -> Bool {
            open.withLockedValue { count in
                count += 1
                return count <= limit
            }
        }

        /// Counts a closed connection.
        func release() {
            let left = open.withLockedValue { count in
                count -= 1
                return count
            }
            // Not after every lone request: at most once every 10 s (trimming walks the heap).
            if left == 0,
                trimmed.withLockedValue({ last in
                    let now = DispatchTime.now().uptimeNanoseconds
                    guard now - last >= 10_000_000_000 || last == 0 else { return false }
                    last = now
                    return true
                })
            {
                #if canImport(Glibc)
                    DispatchQueue.global(qos: .utility).async { _ = mallocTrim?(0) }
                #endif
            }
        }
    }

    /// Sits between the HTTP codec and Hummingbird on every connection:
    /// - every response head gets the site's security headers, also the answers Hummingbird writes
    ///   itself (its 400 for a request it cannot parse);
    /// - a request without a `Host:` header, or with two, is answered 400 (RFC 9112 §3.2) and the
    ///   connection closed;
    /// - a connection beyond the limit is answered 503 with `Retry-After` and closed.
    final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart
        typealias OutboundIn = HTTPResponsePart
        typealias OutboundOut = HTTPResponsePart

        private let count: ConnectionCount
        private var counted = false
        /// Set once this connection is being refused: its request parts are dropped.
        private var refusing = false

        init(count: ConnectionCount) { self.count = count }

        private static let host = HTTPField.Name("Host")

        func channelActive(context: ChannelHandlerContext) {
            counted = true
            if !count.admit() {
                refuse(context: context, PressSite.busy())
            }
            context.fireChannelActive()
        }

        func channelInactive(context: ChannelHandlerContext) {
            if counted {
                counted = false
                count.release()
            }
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            if refusing { return }
            if case .head(let request) = unwrapInboundIn(data) {
                // The first `Host:` became the authority; a second one stays among the fields.
                let repeated = Self.host.map { !request.headerFields[values: $0].isEmpty } ?? false
                if request.authority == nil || repeated {
                    refuse(
                        context: context,
                        PressSite.badRequest(
                            request.authority == nil ? "no Host header" : "more than one Host header"))
                    return
                }
            }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            guard case .head(var response) = unwrapOutboundIn(data) else {
                context.write(data, promise: promise)
                return
            }
            for header in PressSite.securityHeaders() {
                if let name = HTTPField.Name(header.name), response.headerFields[name] == nil {
                    response.headerFields[name] = header.value
                }
            }
            context.write(wrapOutboundOut(.head(response)), promise: promise)
        }

        /// Writes `answer` straight to the codec and closes the connection.
        private func refuse(context: ChannelHandlerContext, _ answer: PressResponse) {
            refusing = true
            var fields = HTTPFields()
            for header in answer.headers {
                if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
            }
            fields[.connection] = "close"
            fields[.contentLength] = "\(answer.body.count)"
            let head = HTTPResponse(status: .init(code: answer.status), headerFields: fields)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(bytes: answer.body))), promise: nil)
            // Close our side only, and keep reading (and dropping) what the client still sends for a
            // second: closing with unread data would reset the connection and could lose the answer.
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
                channel.close(mode: .output, promise: nil)
                channel.eventLoop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) }
            }
        }
    }
#endif
