import TradeCore

/// Bounds on what a store may hold, checked as values are read: a damaged or hand-edited store gives
/// an error naming the series, never a crash (a month count of 4e12 would ask for terabytes; a level
/// of `Int64.max` hundredths would overflow the first sum).
enum StoredValueCheck {
    /// The largest magnitude of a stored level (``TradeCore/MonthlyBlockCodec/maximumMagnitude``; a
    /// yuan amount in yuan reaches 10^17 hundredths); longer sums check for overflow themselves.
    static let maximumMagnitude = MonthlyBlockCodec.maximumMagnitude

    static func damaged(_ what: String, _ key: String) -> StoreError {
        StoreError(
            .corrupt,
            "the store holds \(what) for \(ControlCharacters.escaped(key)); the file is damaged or was edited outside svctrade. Restore it from a backup, or import into a new file"
        )
    }

    /// A block's shape: its month count fits the bounds and its presence bitmap.
    static func block(first: Int, count: Int, bitmapBytes: Int, key: @autoclosure () -> String) throws {
        guard MonthlyBlockCodec.isPossibleBlock(first: first, count: count, bitmapBytes: bitmapBytes) else {
            throw damaged("an impossible monthly block (first month index \(first), \(count) months)", key())
        }
    }

    /// A level read from the store.
    static func level(_ hundredths: Int64, key: @autoclosure () -> String) throws {
        guard hundredths.magnitude <= UInt64(maximumMagnitude) else {
            throw damaged("an impossible level (\(hundredths) hundredths)", key())
        }
    }

    /// Every level of a decoded block.
    static func levels(_ values: [Int64], key: @autoclosure () -> String) throws {
        if let v = MonthlyBlockCodec.impossibleLevel(in: values) {
            throw damaged("an impossible level (\(v) hundredths)", key())
        }
    }
}
