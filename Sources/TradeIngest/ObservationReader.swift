import TradeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a CSV file of services-trade observations into an ``ImportBatch``, header-driven.
///
/// Every field is checked; the first problem stops the read with an ``ImportError`` naming the file,
/// line, column, field and what was expected. Nothing is returned half-read.
public struct ObservationReader: Sendable {
    /// How to read files that leave things unsaid.
    public struct Options: Sendable {
        /// Unit of `value` when the file has no `unit` column (default CNY 10k, 万元, as regional tables).
        public var defaultUnit: MonetaryUnit
        /// Release name when the file has no `release` column (default: the file name without extension).
        public var release: String?
        /// Publication date of that release, `YYYY-MM-DD`.
        public var releaseDate: String?
        /// Try the fast path for plain `period,region,sector,flow,value` files first (default); turning it
        /// off forces the general path, which gives the same batch (tests compare the two).
        public var usesFastPath = true

        /// Creates options.
        public init(
            defaultUnit: MonetaryUnit = MonetaryUnit(.cny, .tenThousand), release: String? = nil,
            releaseDate: String? = nil
        ) {
            self.defaultUnit = defaultUnit
            self.release = release
            self.releaseDate = releaseDate
        }
    }

    /// Codelists used for validation.
    public var sectors: Sectors
    /// Region codelist.
    public var regions: Regions
    /// Options.
    public var options: Options

    /// Creates a reader with the shipped codelists.
    public init(options: Options = Options(), sectors: Sectors = .standard, regions: Regions = .standard) {
        self.options = options
        self.sectors = sectors
        self.regions = regions
    }

    /// Reads `path`; `displayName` is how errors name the file.
    ///
    /// - Parameter progress: called now and then with (bytes read, file size).
    /// - Throws: ``ImportError``.
    public func read(path: String, displayName: String? = nil, progress: ((Int, Int) -> Void)? = nil)
        throws(ImportError)
        -> ImportBatch
    {
        let file = displayName ?? path
        if StreamSpool.isStream(path) {
            switch StreamSpool.copy(path) {
            case .success(let spooled):
                defer { unlink(spooled) }
                return try read(path: spooled, displayName: file, progress: progress)
            case .failure(let failure):
                throw ImportError(.unreadableFile, file: file, message: "cannot read the stream (\(failure.reason))")
            }
        }
        if SDMXCSVReader.sniff(path: path) {
            return try SDMXCSVReader.read(
                path: path, file: file, release: options.release, releaseDate: options.releaseDate)
        }
        // The plain panel layout takes the fast path; anything else, or any problem, the general one.
        let release = options.release ?? Self.baseName(file)
        if options.usesFastPath,
            let fast = FastPanelReader(reader: self, file: file, release: release).read(path: path, progress: progress)
        {
            return fast
        }
        let scanner: CSVScanner
        do {
            scanner = try CSVScanner(path: path)
        } catch {
            throw ImportError(.unreadableFile, file: file, message: "cannot read the file (\(Self.reason(error.kind)))")
        }
        defer { scanner.close() }
        let size = scanner.fileSize
        let defaultRelease = options.release ?? Self.baseName(file)
        var state = ReadState(file: file, reader: self, defaultRelease: defaultRelease)
        do {
            var nextProgress = 1 << 24
            try scanner.forEachRecord { line, fields, bytes, consumed in
                try state.take(line: line, fields: fields, bytes: bytes)
                if let progress, consumed >= nextProgress {
                    progress(consumed, size)
                    nextProgress = consumed + (1 << 24)
                }
            }
        } catch let e as ImportError {
            throw e
        } catch let f as CSVScanner.Failure {
            let field = state.layout.flatMap { f.fieldIndex < $0.names.count ? $0.names[f.fieldIndex] : nil }
            throw ImportError(f, file: file, field: field)
        } catch {
            throw ImportError(.unreadableFile, file: file, message: "cannot read the file")
        }
        guard state.layout != nil else {
            throw ImportError(
                .emptyFile, file: file, line: 0,
                message: "the file is empty; expected a header such as period,region,sector,flow,value and data rows")
        }
        return try state.finish()
    }

    static func reason(_ kind: CSVScanner.Failure.Kind) -> String {
        if case .unreadable(let why) = kind { return why }
        return kind.explanation
    }

    static func baseName(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { return String(last[..<dot]) }
        return last
    }
}
