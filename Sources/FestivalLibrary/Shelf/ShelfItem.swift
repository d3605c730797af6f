/// Something the user can keep on their shelf: a film or a quote, by catalog id.
public enum ShelfItem: Hashable, Sendable {
    case film(String)
    case quote(String)

    /// The catalog id of the film or quote.
    public var id: String {
        switch self {
        case .film(let id), .quote(let id): return id
        }
    }
}
