#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A byte-level RFC 4180 CSV scanner that reads a file in chunks. **Hot path**: every imported row
/// passes through ``forEachRecord(_:)``.
///
/// - Skips a UTF-8 byte-order mark; accepts LF and CRLF line ends and a missing final newline.
/// - Quoted fields may contain commas, quotes written as `""`, and line breaks.
/// - Rejects bytes that are not UTF-8, an unterminated quote, and text after a closing quote.
///
/// Fields are handed out as byte ranges into a reused buffer (no allocation per row), and the file
/// is read in chunks (8 MiB by default), so memory stays flat whatever the file size.
public struct CSVScanner {
    /// Where a field lies in the current buffer.
    public struct Field: Sendable {
        /// Offset of the first content byte (after an opening quote).
        public var start: Int
        /// Offset one past the last content byte (before a closing quote).
        public var end: Int
        /// The field was quoted.
        public var isQuoted: Bool
        /// The field contains `""` escapes that must be collapsed.
        public var hasEscapedQuotes: Bool
        /// Offset of the field's first byte (the opening quote if any), for column numbers.
        public var rawStart: Int
        /// Offset of the first byte of the line the field is on, for column numbers.
        public var lineStart: Int
    }

    /// A scanning failure, with its position.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public enum Kind: Sendable, Equatable {
            /// A quoted field runs to the end of the file.
            case unterminatedQuote
            /// Text follows a closing quote before the next comma or line end.
            case textAfterClosingQuote
            /// A byte sequence that is not UTF-8.
            case invalidUTF8
            /// The file could not be opened or read.
            case unreadable(String)
        }
        /// What went wrong.
        public let kind: Kind
        /// 1-based line.
        public let line: Int
        /// 1-based character column.
        public let column: Int
        /// 0-based index of the field on its line.
        public let fieldIndex: Int

        /// `line L, column C: what is wrong; how to fix it` (``ImportError`` adds the file and column name).
        public var description: String {
            if case .unreadable = kind { return kind.explanation }
            return "line \(line), column \(column): \(kind.explanation)"
        }
    }

    private let fd: Int32
    private let chunkSize: Int

    /// Opens a file for scanning.
    ///
    /// - Throws: ``Failure`` with kind `.unreadable` when the file cannot be opened.
    public init(path: String, chunkSize: Int = 8 << 20) throws(Failure) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Failure(kind: .unreadable(String(cString: strerror(errno))), line: 0, column: 0, fieldIndex: 0)
        }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            _ = closeFile(fd)
            throw Failure(kind: .unreadable("is a directory"), line: 0, column: 0, fieldIndex: 0)
        }
        self.fd = fd
        // A small regular file needs no 8 MiB buffer: one chunk a little larger than the file.
        let regularSize = (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0
        self.chunkSize = max(regularSize > 0 ? min(chunkSize, max(4096, regularSize + 1)) : chunkSize, 64)
    }

    /// Closes the file.
    public func close() { _ = closeFile(fd) }

    /// The total size in bytes, for progress reports.
    public var fileSize: Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Calls `body` for each record with its 1-based line number, its fields, the buffer they point
    /// into, and the number of file bytes consumed so far (for progress).
    ///
    /// A blank line is passed as a record with one empty field; the caller decides what it means.
    public func forEachRecord(
        _ body: (
            _ line: Int, _ fields: UnsafeBufferPointer<Field>, _ bytes: UnsafeBufferPointer<UInt8>, _ consumed: Int
        )
            throws -> Void
    ) throws {
        var storage = [UInt8](repeating: 0, count: chunkSize)
        let blank = Field(start: 0, end: 0, isQuoted: false, hasEscapedQuotes: false, rawStart: 0, lineStart: 0)
        var fields = [Field](repeating: blank, count: 64)
        var filled = 0
        var eof = false
        var line = 1
        var consumedBefore = 0
        var firstChunk = true

        while true {
            while !eof && filled < storage.count {
                let n = storage.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return -1 }
                    return read(fd, base + filled, raw.count - filled)
                }
                if n < 0 {
                    throw Failure(
                        kind: .unreadable(String(cString: strerror(errno))), line: line, column: 0, fieldIndex: 0)
                }
                if n == 0 { eof = true } else { filled += n }
            }
            if firstChunk {
                firstChunk = false
                if filled >= 3 && storage[0] == 0xEF && storage[1] == 0xBB && storage[2] == 0xBF {
                    storage.removeSubrange(0..<3)
                    storage.append(contentsOf: [0, 0, 0])
                    filled -= 3
                    consumedBefore = 3
                }
            }
            if filled == 0 { return }

            var recordStart = 0
            try storage.withUnsafeBufferPointer { buf in
                guard let p = buf.baseAddress else { return }
                records: while recordStart < filled {
                    var i = recordStart
                    var count = 0
                    var extraLines = 0
                    var lineStart = recordStart
                    // One record.
                    fieldsLoop: while true {
                        if count == fields.count { fields.append(contentsOf: repeatElement(blank, count: count)) }
                        if i < filled && p[i] == UInt8(ascii: "\"") {
                            let raw = i
                            let fieldLineStart = lineStart
                            let fieldLine = line + extraLines
                            i += 1
                            let contentStart = i
                            var escaped = false
                            while true {
                                if i >= filled {
                                    if eof {
                                        throw Failure(
                                            kind: .unterminatedQuote, line: fieldLine,
                                            column: Self.column(p, fieldLineStart, raw), fieldIndex: count)
                                    }
                                    break records
                                }
                                let b = p[i]
                                if b == UInt8(ascii: "\"") {
                                    if i + 1 >= filled && !eof { break records }
                                    if i + 1 < filled && p[i + 1] == UInt8(ascii: "\"") {
                                        escaped = true
                                        i += 2
                                        continue
                                    }
                                    break
                                }
                                if b == 10 {
                                    extraLines += 1
                                    lineStart = i + 1
                                }
                                i += 1
                            }
                            Self.append(
                                Field(
                                    start: contentStart, end: i, isQuoted: true, hasEscapedQuotes: escaped,
                                    rawStart: raw, lineStart: fieldLineStart), to: &fields, count: &count, blank: blank)
                            i += 1
                            if i < filled && p[i] == 13 {
                                if i + 1 >= filled && !eof { break records }
                                if i + 1 >= filled || p[i + 1] == 10 { i += 1 }
                            }
                            if i >= filled {
                                if !eof { break records }
                                break fieldsLoop
                            }
                            if p[i] == UInt8(ascii: ",") {
                                i += 1
                                if i >= filled && !eof { break records }
                                if i >= filled {
                                    Self.append(
                                        Field(
                                            start: i, end: i, isQuoted: false, hasEscapedQuotes: false, rawStart: i,
                                            lineStart: lineStart), to: &fields, count: &count, blank: blank)
                                    break fieldsLoop
                                }
                                continue fieldsLoop
                            }
                            if p[i] == 10 {
                                i += 1
                                break fieldsLoop
                            }
                            throw Failure(
                                kind: .textAfterClosingQuote, line: line + extraLines,
                                column: Self.column(p, lineStart, i), fieldIndex: count - 1)
                        }
                        let fieldStart = i
                        while i < filled {
                            let b = p[i]
                            if b == UInt8(ascii: ",") || b == 10 { break }
                            i += 1
                        }
                        if i >= filled && !eof { break records }
                        var end = i
                        if end > fieldStart && p[end - 1] == 13 { end -= 1 }
                        Self.append(
                            Field(
                                start: fieldStart, end: end, isQuoted: false, hasEscapedQuotes: false,
                                rawStart: fieldStart, lineStart: lineStart), to: &fields, count: &count, blank: blank)
                        if i >= filled { break fieldsLoop }
                        if p[i] == 10 {
                            i += 1
                            break fieldsLoop
                        }
                        i += 1
                        if i >= filled {
                            if !eof { break records }
                            Self.append(
                                Field(
                                    start: i, end: i, isQuoted: false, hasEscapedQuotes: false, rawStart: i,
                                    lineStart: lineStart), to: &fields, count: &count, blank: blank)
                            break fieldsLoop
                        }
                    }
                    if let bad = Self.firstInvalidUTF8(p, recordStart, i) {
                        var l = line
                        var ls = recordStart
                        for k in recordStart..<bad where p[k] == 10 {
                            l += 1
                            ls = k + 1
                        }
                        var fi = 0
                        for f in 0..<count where fields[f].rawStart <= bad { fi = f }
                        throw Failure(kind: .invalidUTF8, line: l, column: Self.column(p, ls, bad), fieldIndex: fi)
                    }
                    try fields.withUnsafeBufferPointer { fb in
                        try body(line, UnsafeBufferPointer(rebasing: fb[0..<count]), buf, consumedBefore + i)
                    }
                    line += 1 + extraLines
                    recordStart = i
                }
            }
            // Keep the unfinished tail; grow the buffer when one record fills it.
            if recordStart > 0 {
                let tail = filled - recordStart
                if tail > 0 {
                    storage.withUnsafeMutableBufferPointer { b in
                        guard let base = b.baseAddress else { return }
                        base.update(from: base + recordStart, count: tail)
                    }
                }
                filled = tail
                consumedBefore += recordStart
            } else if !eof && filled == storage.count {
                storage.append(contentsOf: repeatElement(0, count: storage.count))
            }
            if eof && (filled == 0 || recordStart == 0) { return }
        }
    }

    /// 1-based character column of byte `at` on a line starting at `lineStart`.
    /// Puts `field` at `count` in the field table, growing the table for a record wider than it.
    @inline(__always)
    static func append(_ field: Field, to fields: inout [Field], count: inout Int, blank: Field) {
        if count == fields.count { fields += repeatElement(blank, count: fields.count) }
        fields[count] = field
        count += 1
    }

    static func column(_ p: UnsafePointer<UInt8>, _ lineStart: Int, _ at: Int) -> Int {
        var c = 1
        var k = lineStart
        while k < at {
            if p[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return c
    }

    /// The offset of the first byte in `from..<to` that breaks UTF-8, or `nil`.
    static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var i = from
        while i + 8 <= to {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            if w & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < to {
            let b = p[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let n: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 {
                n = 2
            } else if b & 0xF0 == 0xE0 {
                n = 3
            } else if b & 0xF8 == 0xF0, b <= 0xF4 {
                n = 4
            } else {
                return i
            }
            guard i + n <= to else { return i }
            for k in 1..<n where p[i + k] & 0xC0 != 0x80 { return i }
            let b1 = p[i + 1]
            if n == 3 && ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0)) { return i }
            if n == 4 && ((b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90)) { return i }
            i += n
        }
        return nil
    }
}

private func closeFile(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
        Glibc.close(fd)
    #else
        Darwin.close(fd)
    #endif
}

extension CSVScanner.Field {
    /// The field's text (quotes removed, `""` collapsed).
    public func string(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard hasEscapedQuotes else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = 0
        while k < slice.count {
            out.append(slice[k])
            if slice[k] == UInt8(ascii: "\""), k + 1 < slice.count, slice[k + 1] == UInt8(ascii: "\"") { k += 1 }
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when the field has no content.
    public var isEmpty: Bool { start == end }

    /// 1-based character column of the field in `bytes`.
    public func column(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let p = bytes.baseAddress else { return 1 }
        return CSVScanner.column(p, lineStart, rawStart)
    }
}

extension CSVScanner.Failure.Kind {
    /// What is wrong and how to fix it, in words for the person who wrote the file.
    public var explanation: String {
        switch self {
        case .invalidUTF8: "bytes that are not UTF-8; save the file as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)"
        case .unterminatedQuote: "a quoted field is never closed; add the closing \""
        case .textAfterClosingQuote:
            "text after a closing quote; quote the whole field and write an inner quote as \"\""
        case .unreadable(let why): "cannot read the file (\(why))"
        }
    }
}
