/// Calendar dates written `YYYY-MM-DD` (release dates, `--as-of`): the one validator.
public enum CalendarDate {
    /// True for a valid date of the Gregorian calendar written `YYYY-MM-DD` (`2021-13-45` is not).
    public static func isValid(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ u[$0] >= 48 && u[$0] <= 57 }) else { return false }
        let n = { (a: Int, b: Int) in u[a..<b].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let y = n(0, 4), m = n(5, 7), d = n(8, 10)
        guard (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    /// `text` when it is a valid date (``isValid(_:)``).
    ///
    /// - Throws: ``NotADate`` saying what was expected.
    public static func checked(_ text: String) throws -> String {
        guard isValid(text) else { throw NotADate(text: text) }
        return text
    }

    /// A text that is not a calendar date `YYYY-MM-DD`.
    public struct NotADate: UserFacingError, Equatable {
        /// The text given.
        public var text: String

        /// What was wrong and what is expected.
        public var description: String { "\"\(text)\" is not a date; expected YYYY-MM-DD, e.g. 2021-06-30" }
    }
}
