/// An error a command shows its user as it is: one line that says what, where and how to fix, and
/// exit status 1 (the input was read and rejected). Library errors that are not programming errors
/// conform.
public protocol UserFacingError: Error, CustomStringConvertible {}
