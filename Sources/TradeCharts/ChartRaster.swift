import Foundation
import TradeCore

/// The file format of a written chart: the SVG itself, or a PNG for slides.
public enum ChartFormat: String, Sendable, CaseIterable {
    /// The SVG document.
    case svg
    /// A PNG at twice the SVG's size, rendered by librsvg's `rsvg-convert` (``ChartRaster``).
    case png

    /// The format a file name asks for: `png` for a name ending in `.png` (any case), else `svg`.
    public static func inferred(from path: String) -> ChartFormat {
        path.lowercased().hasSuffix(".png") ? .png : .svg
    }

    /// The format to write `path` in when `asked` was given (or not): the asked format, unless it
    /// contradicts the file name's extension (an SVG is never written into a `.png` name, nor a PNG
    /// into a `.svg` name).
    ///
    /// - Throws: ``ChartFormatMismatch`` for `--format svg -o x.png` and `--format png -o x.svg`.
    public static func resolved(asked: ChartFormat?, path: String) throws -> ChartFormat {
        let named = inferred(from: path)
        guard let asked else { return named }
        let lower = path.lowercased()
        if asked != named && (lower.hasSuffix(".png") || lower.hasSuffix(".svg")) {
            throw ChartFormatMismatch(asked: asked, path: path)
        }
        return asked
    }
}

/// A chart format that contradicts the output file's extension.
public struct ChartFormatMismatch: UserFacingError, Equatable {
    /// The format asked for.
    public var asked: ChartFormat
    /// The output file.
    public var path: String

    /// The error of `--format asked` with the output file `path`.
    public init(asked: ChartFormat, path: String) {
        self.asked = asked
        self.path = path
    }

    public var description: String {
        "error: --format \(asked.rawValue) does not match the output file \(path); name it *.\(asked.rawValue) or leave out --format (the extension chooses)"
    }
}

/// Renders a chart's SVG to PNG with librsvg's `rsvg-convert`, run as a child process at the path the
/// caller found (``rsvgConvert(path:)``), at twice the SVG's size (a 640 × 400 chart gives a
/// 1280 × 800 PNG).
public enum ChartRaster {
    /// The scale of the PNG against the SVG's width and height.
    public static let zoom = 2

    /// `rsvg-convert` is not installed.
    public struct ToolMissing: UserFacingError, Equatable {
        /// Creates the error.
        public init() {}
        public var description: String {
            "error: PNG charts need rsvg-convert (librsvg), which is not on PATH; install it (Debian/Ubuntu: apt-get install librsvg2-bin) or write SVG (--format svg)"
        }
    }

    /// `rsvg-convert` failed.
    public struct RenderFailed: UserFacingError, Equatable {
        /// What went wrong, with the tool's last words.
        public var message: String
        public var description: String { message }
    }

    /// The first executable `rsvg-convert` in the folders of `path` (the caller's `$PATH`; `nil`:
    /// `/usr/bin:/bin`), or `nil`.
    public static func rsvgConvert(path: String?) -> String? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return folders.map { $0 + "/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The PNG of `svg` at ``zoom`` times its size, rendered by the `rsvg-convert` at `tool`
    /// (`nil`: throws ``ToolMissing``).
    public static func png(svg: String, tool: String?) throws -> Data {
        guard let tool else { throw ToolMissing() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["--zoom", String(zoom), "--format", "png"]
        let input = Pipe(), output = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = err
        do { try p.run() } catch { throw ToolMissing() }
        // rsvg-convert reads the whole document before it writes, so writing first cannot deadlock.
        try input.fileHandleForWriting.write(contentsOf: Data(svg.utf8))
        try input.fileHandleForWriting.close()
        let png = output.fileHandleForReading.readDataToEndOfFile()
        let said = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            throw RenderFailed(
                message:
                    "error: \(tool) could not render the chart (exit \(p.terminationStatus)): \(String(decoding: said.suffix(300), as: UTF8.self))"
            )
        }
        return png
    }
}
