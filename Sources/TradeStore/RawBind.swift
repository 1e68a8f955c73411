import Foundation
import GRDB
import GRDBSQLite

/// **Hot path** of bulk writes: binds values on a prepared GRDB statement with the SQLite C API and
/// steps it, skipping GRDB's per-call argument checks (about 10 µs a row on this machine, which made
/// writing 36,000 series blocks take 0.7 s; measured with `SVCTRADE_TIMING=1 svctrade import`).
struct RawBind {
    let statement: Statement

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// A value to bind.
    enum Value {
        case int(Int64)
        case text(String)
        case blob(Data)
        /// Bytes bound as a blob (the packed blocks).
        case bytes([UInt8])
        case null
    }

    /// Binds `values` to parameters 1…n, steps once and resets.
    func run(_ values: [Value]) throws {
        let s = statement.sqliteStatement
        for (i, v) in values.enumerated() {
            let n = Int32(i + 1)
            switch v {
            case .int(let x): sqlite3_bind_int64(s, n, x)
            case .text(let t): _ = t.withCString { sqlite3_bind_text(s, n, $0, -1, Self.transient) }
            case .blob(let d):
                _ = d.withUnsafeBytes { sqlite3_bind_blob(s, n, $0.baseAddress, Int32($0.count), Self.transient) }
            case .bytes(let b):
                _ = b.withUnsafeBytes { sqlite3_bind_blob(s, n, $0.baseAddress, Int32($0.count), Self.transient) }
            case .null: sqlite3_bind_null(s, n)
            }
        }
        let rc = sqlite3_step(s)
        sqlite3_reset(s)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(s))))
        }
    }
}

/// **Hot path** of the panel reads: a prepared statement stepped with the SQLite C API, each row's
/// columns read straight from SQLite's buffers (valid until the next step), nothing copied by GRDB.
struct RawRows {
    let statement: Statement

    /// One row; `statement` for the C calls not wrapped here.
    struct Row {
        let statement: OpaquePointer

        /// Column `i` as text ("" when NULL).
        func text(_ i: Int32) -> String { sqlite3_column_text(statement, i).map { String(cString: $0) } ?? "" }
    }

    /// Calls `body` with every row, in order.
    func forEach(_ body: (Row) throws -> Void) throws {
        let st = statement.sqliteStatement
        while true {
            let rc = sqlite3_step(st)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: rc)) }
            try body(Row(statement: st))
        }
    }
}
