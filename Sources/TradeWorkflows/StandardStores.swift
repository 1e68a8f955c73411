import TradeCore
import TradePostgres
import TradeStore

extension StoreRegistry {
    /// svctrade's stores: `postgres://…` addresses to PostgreSQL (a build without the PostgreSQL trait
    /// says how to get it), every other address to an SQLite file.
    public static let standard = StoreRegistry([PostgresBackend.backend, TradeDatabase.backend])
}

/// A workflow refused its input: one line that says what and how to fix it.
public struct WorkflowRefusal: UserFacingError, Equatable {
    /// The message.
    public var description: String

    /// Creates a refusal.
    public init(_ description: String) {
        self.description = description
    }
}
