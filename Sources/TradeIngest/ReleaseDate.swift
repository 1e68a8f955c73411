import TradeCore

/// Validation of `YYYY-MM-DD` release dates.
public enum ReleaseDate {
    /// True for a valid calendar date written `YYYY-MM-DD`.
    public static func isValid(_ s: String) -> Bool { CalendarDate.isValid(s) }

    /// True for a valid month written `YYYY-MM` (a source address that gives only the month).
    public static func isValidMonth(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 7, u[4] == 45 else { return false }
        guard [0, 1, 2, 3, 5, 6].allSatisfy({ u[$0] >= 48 && u[$0] <= 57 }) else { return false }
        let m = Int(u[5] - 48) * 10 + Int(u[6] - 48)
        return (1...12).contains(m)
    }
}
