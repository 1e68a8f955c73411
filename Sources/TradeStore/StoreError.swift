/// A store operation that could not be done, with what to do about it.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The class of problem.
    public enum Kind: String, Sendable {
        /// A release of that name is already stored.
        case releaseExists
        /// The database file cannot be opened or is not an svctrade store.
        case cannotOpen
        /// A value does not fit the store's integer range.
        case overflow
    }
    /// The class of problem.
    public let kind: Kind
    /// What happened and how to fix it.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
