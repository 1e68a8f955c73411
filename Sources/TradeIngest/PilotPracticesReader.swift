import TradeCore

/// Reads `datasets/pilot-practices.csv` (`theme,theme_en,theme_zh,locality,practice_en,practice_zh,source_url`).
public enum PilotPracticesReader {
    static let header = ["theme", "theme_en", "theme_zh", "locality", "practice_en", "practice_zh", "source_url"]

    /// The practices, in file order; every locality must be a known region.
    public static func read(path: String) throws(ImportError) -> [PilotPractice] {
        let scanner: CSVScanner
        do {
            scanner = try CSVScanner(path: path)
        } catch {
            throw ImportError(error, file: path, field: nil)
        }
        defer { scanner.close() }
        var out: [PilotPractice] = []
        var failure: ImportError?
        do {
            try scanner.forEachRecord { line, fields, bytes, _ in
                let f = fields.map { $0.string(in: bytes) }
                if line == 1 {
                    if f != header {
                        failure = ImportError(
                            .missingHeader, file: path, line: 1,
                            message: "expected the header \(header.joined(separator: ","))")
                    }
                    return
                }
                if f.count == 1 && f[0].isEmpty { return }
                guard failure == nil, f.count == header.count else {
                    if failure == nil {
                        failure = ImportError(
                            .wrongFieldCount, file: path, line: line,
                            message: "expected \(header.count) fields, found \(f.count)")
                    }
                    return
                }
                guard Regions.standard.region(code: f[3]) != nil else {
                    failure = ImportError(
                        .unknownRegion, file: path, line: line, field: "locality",
                        message: "unknown locality \"\(f[3])\"")
                    return
                }
                out.append(
                    PilotPractice(
                        theme: f[0], themeEnglish: f[1], themeChinese: f[2], locality: f[3], practiceEnglish: f[4],
                        practiceChinese: f[5], source: f[6]))
            }
        } catch let f as CSVScanner.Failure {
            throw ImportError(f, file: path, field: f.fieldIndex < header.count ? header[f.fieldIndex] : nil)
        } catch {
            throw ImportError(.unreadableFile, file: path, message: "cannot read the file")
        }
        if let failure { throw failure }
        return out
    }
}
