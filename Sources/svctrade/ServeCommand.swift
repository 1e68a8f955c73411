import ArgumentParser
import Foundation
import TradePress
import TradeServe

/// `svctrade serve`: the press office's read-only page (``TradePress/PressSite``).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "serve", "The press office's read-only web page over the store (build with --traits PressServer).",
        example: "svctrade serve --db svctrade.sqlite --port 8080   (then open http://127.0.0.1:8080/)")

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on (0.0.0.0 for every interface).") var host = "127.0.0.1"
    @Option(help: "Port (0: a free one, printed at start).") var port = 8080
    @Option(help: "Folder of the templates (default: $SVCTRADE_TEMPLATES, else ./templates).") var templates: String?
    @Option(help: "Folder with pilot-practices.csv.") var datasets = "datasets"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        guard PressServer.isAvailable else { throw PressServer.Unavailable.notBuilt }
        // The embargo clock: SVCTRADE_SERVE_NOW (seconds since 1970; tests), else the system's.
        let fixed = Edge.number("SVCTRADE_SERVE_NOW").map { Date(timeIntervalSince1970: TimeInterval($0)) }
        let site = PressSite(
            store: try await store.reader(), resources: try Edge.load(templates: templates, datasets: datasets),
            chromium: Edge.chromium, staleWhileRefreshing: true, now: { fixed ?? Date() })
        // The server's limits (tests set them): SVCTRADE_SERVE_IDLE_TIMEOUT (s), SVCTRADE_SERVE_MAX_CONNECTIONS.
        let limits = PressServer.Limits(
            idleSeconds: Edge.number("SVCTRADE_SERVE_IDLE_TIMEOUT"),
            maxConnections: Edge.number("SVCTRADE_SERVE_MAX_CONNECTIONS"))
        let shown = store.display
        do {
            try await PressServer.run(site: site, host: host, port: port, limits: limits) { address in
                FileHandle.standardOutput.write(Data("serving \(shown) read-only at \(address) (Ctrl-C stops)\n".utf8))
            }
        } catch {
            throw PressServer.Unavailable(failure: error, host: host, port: port)
        }
    }
}
