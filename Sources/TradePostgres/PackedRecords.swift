#if PostgreSQL
    import PostgresNIO
    import TradeCore

    /// Rows the server packs into one `bytea` (`string_agg` of `int8send(…) || …`) and svctrade reads
    /// back field by field: a read of tens of thousands of small rows becomes a few large values, so the
    /// client decodes its own compact records instead of one protocol row, and seven cells, per block.
    ///
    /// Layout of one record, big-endian as PostgreSQL's `*send` functions write: `int8` and `int4`
    /// fields as they are; `bytea` and `text` fields as a 4-byte length and the bytes (`text` in the
    /// session's encoding, UTF-8 for PostgresNIO, by `textsend`).
    enum PackedRecords {
        /// One field of a packed record and the SQL expression that writes it.
        enum Field {
            case int8(String)
            case int4(String)
            case bytes(String)
            case text(String)

            var sql: String {
                switch self {
                case .int8(let e): "int8send(\(e))"
                case .int4(let e): "int4send(\(e))"
                case .bytes(let e): "int4send(octet_length(\(e))) || \(e)"
                case .text(let e): "int4send(octet_length(textsend(\(e)))) || textsend(\(e))"
                }
            }
        }

        /// The fields of a record, one after the other.
        static func record(_ fields: [Field]) -> String { fields.map(\.sql).joined(separator: " || ") }

        /// `SELECT count(*), string_agg(<record>, '')` over `from` (the count lets the reader check
        /// that no record was lost: a NULL field would drop its record from `string_agg` silently).
        static func select(_ record: String, from: String) -> String {
            "SELECT count(*), string_agg(\(record), ''::bytea) \(from)"
        }
    }

    /// One packed value as the server sent it: how many records it counted, and their bytes (none when
    /// no row matched).
    struct PackedPart: Sendable {
        let count: Int
        let bytes: ByteBuffer?
    }

    /// Reads the fields of ``PackedRecords`` from bytes, checking each length against the bytes left:
    /// a short or damaged value is an error, never a read past the end.
    struct PackedRecordReader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var atEnd: Bool { offset >= bytes.count }

        mutating func take(_ n: Int) throws -> UnsafeRawBufferPointer {
            guard n >= 0, n <= bytes.count - offset else {
                throw PostgresStoreError(
                    "error: the PostgreSQL server sent a packed record cut short at byte \(offset) of \(bytes.count) (\(n) more bytes expected); run the command again, and if it repeats, report it with the server's version"
                )
            }
            defer { offset += n }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n])
        }

        mutating func int64() throws -> Int64 {
            Int64(bigEndian: try take(8).loadUnaligned(as: Int64.self))
        }

        mutating func int32() throws -> Int {
            Int(Int32(bigEndian: try take(4).loadUnaligned(as: Int32.self)))
        }

        /// A length-prefixed `bytea` field (the bytes stay in the buffer).
        mutating func data() throws -> UnsafeRawBufferPointer { try take(try int32()) }

        /// A length-prefixed UTF-8 `text` field.
        mutating func text() throws -> String { String(decoding: try data(), as: UTF8.self) }
    }
#endif
