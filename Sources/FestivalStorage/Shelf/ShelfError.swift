import FestivalLibrary
/// Why the shelf could not be saved (or read for a change). `message` is meant for the
/// user as it is: it names the file and the reason, and says what was left as it was.
public struct ShelfError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Another festival held the shelf's lock for too long.
        case locked
        /// The shelf file on disk is corrupt or unreadable; `message` says whether it was
        /// moved aside. The change was not saved.
        case corrupt
        /// A system call failed (directory, lock file, temporary file, write, rename).
        case io
    }

    public var kind: Kind
    /// The file the error is about.
    public var path: String
    public var message: String
    /// Where a corrupt file was moved, when it was.
    public var movedTo: String?

    public var description: String { message }

    init(_ kind: Kind, path: String, _ message: String, movedTo: String? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.movedTo = movedTo
    }
}

/// What `ShelfStore.load()` found: the shelf, and a message for the user when the file
/// could not be used (nil when it was read, or there was none yet).
public struct ShelfLoad: Sendable, Equatable {
    public var shelf: Shelf
    public var message: String?
    /// Where an unusable file was moved, when it was.
    public var movedTo: String?

    public init(shelf: Shelf, message: String? = nil, movedTo: String? = nil) {
        self.shelf = shelf
        self.message = message
        self.movedTo = movedTo
    }
}
