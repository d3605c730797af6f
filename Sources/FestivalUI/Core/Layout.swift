
/// Where things go on a screen of a given size; shared by `update` and `view` so both
/// agree on page heights and list widths.
public struct Layout: Equatable, Sendable {
    public static let minWidth = 20
    public static let minHeight = 6
    /// Lists show a preview of the selection beside them from this width on.
    public static let previewFromWidth = 100

    public let size: Size
    public let hasHeader: Bool
    public let hasPreview: Bool

    /// `preview`: whether the user wants the preview (`v` toggles it); it is shown only
    /// beside a list on a screen wide enough.
    public init(size: Size, screen: Screen, preview: Bool = true) {
        self.size = size
        let isList = screen.kind != .document
        hasHeader = isList
        // The schedule's grid takes the whole width.
        hasPreview = preview && isList && screen != .schedule && size.width >= Self.previewFromWidth
    }

    /// The layout of a state's screen (or another one) at the state's size.
    public init(_ state: AppState, screen: Screen? = nil) {
        self.init(size: state.size, screen: screen ?? state.screen, preview: state.showsPreview)
    }

    public var isTooSmall: Bool { size.width < Self.minWidth || size.height < Self.minHeight }
    /// First row of the page's content.
    public var contentTop: Int { 1 + (hasHeader ? 1 : 0) }
    /// Rows available for the page's content.
    public var contentHeight: Int { max(1, size.height - 3 - (hasHeader ? 1 : 0)) }
    /// Columns of the page (the list, when a preview is beside it).
    public var contentWidth: Int { hasPreview ? max(40, size.width * 11 / 20) : size.width }
    public var previewX: Int { contentWidth + 1 }
    public var previewWidth: Int { max(0, size.width - previewX - 1) }
}
