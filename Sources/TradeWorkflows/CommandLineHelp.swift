import Foundation

/// What the `svctrade` command line says about itself: its version and, for a mistyped command, the
/// command meant. Pure functions of their arguments; the executable prints what they return.
public enum CommandLineHelp {
    /// svctrade's version, the one place it is written (`svctrade --version`).
    public static let version = "0.1.0"

    /// A command's name, long options and subcommands, as the executable's parser knows them.
    public struct Command: Sendable, Equatable, Decodable {
        /// The name typed on the command line.
        public var name: String
        /// Its long options without the dashes (`through`, `vs-year`).
        public var options: [String]
        /// The commands under this one (`db init`).
        public var subcommands: [Command]

        /// Creates a command tree.
        public init(_ name: String, options: [String] = [], _ subcommands: [Command] = []) {
            (self.name, self.options, self.subcommands) = (name, options, subcommands)
        }

        /// The tree described by the JSON of swift-argument-parser's `--experimental-dump-help`.
        public init(helpDump: Data) throws {
            self = try JSONDecoder().decode(Dump.self, from: helpDump).command
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            name = try c.decode(String.self, forKey: .commandName)
            let arguments = try c.decodeIfPresent([Argument].self, forKey: .arguments) ?? []
            options = arguments.flatMap { $0.names ?? [] }.filter { $0.kind == "long" }.map(\.name)
            subcommands = try c.decodeIfPresent([Command].self, forKey: .subcommands) ?? []
        }

        private enum Key: CodingKey { case commandName, arguments, subcommands }
        private struct Dump: Decodable { var command: Command }
        private struct Argument: Decodable { var names: [Name]? }
        private struct Name: Decodable { var kind: String, name: String }
    }

    /// The usage error of a command line the parser refused, when a word in it names nothing the
    /// command knows: a command (`svctrade tabel`) or a long option (`svctrade table --thruogh`),
    /// with the nearest name when there is one; `nil` when every command and option is known.
    public static func mistake(in arguments: [String], of root: Command) -> String? {
        var (command, path, rest) = (root, [root.name], arguments[...])
        while !command.subcommands.isEmpty, let word = rest.first, !word.hasPrefix("-") {
            guard let next = command.subcommands.first(where: { $0.name == word }) else {
                let names = command.subcommands.map(\.name)
                let hint =
                    nearest(to: word, in: names).map { ". Did you mean '\($0)'?" }
                    ?? "; the commands are \(names.joined(separator: ", "))."
                return usage("Unknown command '\(word)'\(hint)", path)
            }
            (command, rest) = (next, rest.dropFirst())
            path.append(word)
        }
        let known = command.options + builtIn
        for word in rest.prefix(while: { $0 != "--" }) where word.hasPrefix("--") {
            let name = String(word.dropFirst(2).prefix { $0 != "=" })
            guard !known.contains(name) else { continue }
            let hint = nearest(to: name, in: command.options).map { " Did you mean '--\($0)'?" } ?? ""
            return usage("Unknown option '--\(name)'.\(hint)", path)
        }
        return nil
    }

    /// ``mistake(in:of:)`` of the commands and options described by `help`, the JSON of
    /// swift-argument-parser's `--experimental-dump-help`; `nil` when that cannot be read.
    public static func mistake(in arguments: [String], help: String) -> String? {
        (try? Command(helpDump: Data(help.utf8))).flatMap { mistake(in: arguments, of: $0) }
    }

    /// The parser's own options, known to every command though its help dump does not list them
    /// (`svctrade --generate-completion-script bash` writes the shell completion).
    static let builtIn = ["help", "experimental-dump-help", "generate-completion-script"]

    private static func usage(_ message: String, _ path: [String]) -> String {
        "Error: \(message)\n  See '\(path.joined(separator: " ")) --help' for more information."
    }

    /// The name in `candidates` nearest to `word`, when it is near enough to be a typo of it: at most
    /// two edits (a swapped pair of letters is one), fewer than half the letters of `word`; the first
    /// of equally near names.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        let limit = min(2, (word.count - 1) / 2)
        let scored = candidates.map { (name: $0, distance: distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else { return nil }
        return best.name
    }

    /// The edit distance between two words: insertions, deletions, substitutions and swaps of two
    /// neighbouring letters, each one edit (optimal string alignment).
    public static func distance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var (older, previous) = (Array(repeating: 0, count: b.count + 1), Array(0...b.count))
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], older[j - 2] + 1)
                }
            }
            (older, previous) = (previous, current)
        }
        return previous[b.count]
    }
}
