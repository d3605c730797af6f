/// The one version constant: `festival --version`, the top of `--help` and the man page.
enum FestivalVersion {
    static let string = "1.1.0"
}
