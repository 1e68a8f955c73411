import Foundation
import TradeCore

/// Prints a bulletin page to an A4 PDF with headless Chromium (the page's print stylesheet lays it
/// out), with the PDF's creation and modification dates fixed so that the same page gives the same
/// bytes. The PDF is untagged: Chromium numbers the nodes of a tagged PDF's structure tree differently
/// from run to run; the HTML page is the accessible version.
public enum BulletinPrinter {
    /// Chromium could not print the page.
    public struct PrintFailed: UserFacingError, Equatable {
        /// What went wrong, with Chromium's last words.
        public var message: String
        public var description: String { message }
    }

    /// The first Chromium found in the folders of `path` (the caller's `$PATH`; `nil`: `/usr/bin:/bin`)
    /// called `chromium`, `chromium-browser` or `google-chrome`, or `nil`.
    public static func chromium(path: String?) -> String? {
        let folders = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }

    /// Prints `html` (a file path) to `pdf` with the Chromium at `chromium`.
    public static func print(html: String, to pdf: String, chromium: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--disable-pdf-tagging",
            "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: html).absoluteString,
        ]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let said = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0, var bytes = FileManager.default.contents(atPath: pdf) else {
            throw PrintFailed(
                message:
                    "error: \(chromium) could not print \(html) (exit \(p.terminationStatus)): \(String(decoding: said.suffix(300), as: UTF8.self))"
            )
        }
        bytes = fixedDates(bytes)
        try bytes.write(to: URL(fileURLWithPath: pdf))
    }

    /// The PDF with every `/CreationDate (D:…)` and `/ModDate (D:…)` date replaced by 2020-01-01,
    /// digit for digit (the cross-reference offsets stay valid).
    static func fixedDates(_ pdf: Data) -> Data {
        var bytes = [UInt8](pdf)
        let fixed = Array("20200101000000".utf8)
        for tag in ["/CreationDate (D:", "/ModDate (D:"] {
            let t = Array(tag.utf8)
            var i = 0
            while i + t.count + fixed.count <= bytes.count {
                if bytes[i] == t[0], Array(bytes[i..<i + t.count]) == t {
                    var j = i + t.count
                    var k = 0
                    while j < bytes.count, k < fixed.count, (48...57).contains(bytes[j]) {
                        bytes[j] = fixed[k]
                        j += 1
                        k += 1
                    }
                    i = j
                } else {
                    i += 1
                }
            }
        }
        return Data(bytes)
    }
}
