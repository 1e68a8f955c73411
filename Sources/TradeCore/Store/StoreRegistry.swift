/// How a command asks for a store: its `--db` address and what it will do with it.
public struct StoreRequest: Sendable {
    /// A file path (SQLite) or a `postgres://…` address.
    public var address: String
    /// How long an import waits for another import to finish, seconds (`nil`: the backend's default).
    public var importLockWait: Int?
    /// Whether a writer may create the store when it does not exist yet (`import`, `demo`); readers
    /// never create one.
    public var mayCreate: Bool
    /// How long one call to a store server may take before it is given up, seconds (`nil`: the
    /// backend's default; a file store has no server).
    public var callDeadline: Int?
    /// The password for an address that has none (the caller's `$PGPASSWORD`; a store reads no
    /// environment variable).
    public var password: String?
    /// Where the store's waits and timings go (a second writer waiting for the first).
    public var events: StoreEventHandler

    /// Creates a request.
    public init(
        address: String, importLockWait: Int? = nil, mayCreate: Bool = false, callDeadline: Int? = nil,
        password: String? = nil, events: @escaping StoreEventHandler = { _ in }
    ) {
        self.password = password
        self.address = address
        self.importLockWait = importLockWait
        self.mayCreate = mayCreate
        self.callDeadline = callDeadline
        self.events = events
    }
}

/// One kind of store: which addresses it takes and how it opens them.
public struct StoreBackend: Sendable {
    /// Its name in messages (`SQLite`, `PostgreSQL`).
    public var name: String
    /// Whether an address is this backend's.
    public var claims: @Sendable (String) -> Bool
    /// The address as it may be shown (no password).
    public var display: @Sendable (String) -> String
    /// Opens an existing store read-only.
    public var reader: @Sendable (StoreRequest) async throws -> any FigureReader
    /// Opens a store for writing.
    public var writer: @Sendable (StoreRequest) async throws -> any FigureWriter

    /// Creates a backend.
    public init(
        name: String, claims: @escaping @Sendable (String) -> Bool,
        display: @escaping @Sendable (String) -> String = { $0 },
        reader: @escaping @Sendable (StoreRequest) async throws -> any FigureReader,
        writer: @escaping @Sendable (StoreRequest) async throws -> any FigureWriter
    ) {
        self.name = name
        self.claims = claims
        self.display = display
        self.reader = reader
        self.writer = writer
    }
}

/// The backends a program knows, in order: an address goes to the first that claims it, else to the
/// last (the file store).
public struct StoreRegistry: Sendable {
    /// The backends, the default last.
    public var backends: [StoreBackend]

    /// Creates a registry; `backends` must not be empty (the last is the default).
    public init(_ backends: [StoreBackend]) {
        self.backends = backends
    }

    /// The backend for an address.
    public func backend(for address: String) -> StoreBackend? {
        backends.first { $0.claims(address) } ?? backends.last
    }

    /// Opens the store at `request.address` read-only (reading commands, the press page).
    public func reader(_ request: StoreRequest) async throws -> any FigureReader {
        try await resolved(request.address).reader(request)
    }

    /// Opens the store at `request.address` for writing.
    public func writer(_ request: StoreRequest) async throws -> any FigureWriter {
        try await resolved(request.address).writer(request)
    }

    /// The address as it may be shown in messages (no password).
    public func display(_ address: String) -> String {
        backend(for: address)?.display(address) ?? AddressRedaction.redacted(address)
    }

    private func resolved(_ address: String) throws -> StoreBackend {
        guard let backend = backend(for: address) else { throw NoStoreBackend() }
        return backend
    }
}

/// A registry with no backend was asked for a store.
public struct NoStoreBackend: UserFacingError {
    /// The message.
    public var description: String { "this svctrade knows no store backend" }
}
