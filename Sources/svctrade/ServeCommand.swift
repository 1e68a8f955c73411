import ArgumentParser
import Foundation
import TradeBulletin
import TradeCore
import TradePress
import TradeServe
import TradeWorkflows

/// `svctrade serve`: the press office's read-only page (``TradePress/PressSite``).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration.command(
        "serve", "The press office's page: pick a month, read and copy the sentences, check sources, download files.",
        "A read-only web server over the store (build with --traits PressServer), on loopback unless --host says otherwise.",
        example: "svctrade serve --db svctrade.sqlite --port 8080   (then open http://127.0.0.1:8080/)")

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on (default loopback only; 0.0.0.0 for every interface).") var host = "127.0.0.1"
    @Option(help: "Port (0: a free one, printed at start).") var port = 8080
    @Option(help: "Folder of the templates (default: $SVCTRADE_TEMPLATES, else ./templates).") var templates: String?
    @Option(help: "Folder with pilot-practices.csv.") var datasets = "datasets"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        guard PressServer.isAvailable else {
            throw WorkflowRefusal(
                "this svctrade was built without the web server; build it with swift build --traits PressServer (Sources/TradePress/TradePress.docc/PressPage.md)"
            )
        }
        let site = PressSite(
            store: try await store.reader(),
            resources: try Edge.load(templates: templates, datasets: datasets),
            chromium: Edge.chromium,
            staleWhileRefreshing: true)
        let shown = store.display
        do {
            try await serve(site: site, shown: shown)
        } catch {
            let text = ControlCharacters.escaped("\(error)")
            throw WorkflowRefusal(
                text.contains("in use")
                    ? "\(host):\(port) is already in use; give another --port (0 picks a free one)"
                    : "cannot serve on \(host):\(port): \(text)")
        }
    }

    private func serve(site: PressSite, shown: String) async throws {
        // The server's limits (tests set them): SVCTRADE_SERVE_IDLE_TIMEOUT (s), SVCTRADE_SERVE_MAX_CONNECTIONS.
        let environment = ProcessInfo.processInfo.environment
        let limits = PressServer.Limits(
            idleSeconds: environment["SVCTRADE_SERVE_IDLE_TIMEOUT"].flatMap { Int($0) },
            maxConnections: environment["SVCTRADE_SERVE_MAX_CONNECTIONS"].flatMap { Int($0) })
        try await PressServer.run(site: site, host: host, port: port, limits: limits) { address in
            FileHandle.standardOutput.write(Data("serving \(shown) read-only at \(address) (Ctrl-C stops)\n".utf8))
        }
    }
}
