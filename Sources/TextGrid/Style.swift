/// What a piece of text means on screen; the backend maps roles to theme colors
/// (or to nothing when color is off) and always honours the attributes.
public enum ColorRole: UInt8, Sendable, CaseIterable {
    case normal, muted, accent, title, heading, selection, highlight, status, error, link, tab, activeTab
}

/// Style of one cell.
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(_ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
}
