import FestivalCatalog
import Foundation

/// Writes command output; scripting mode exits quietly when the reader of a pipe goes away.
enum Output {
    static func prepare() {
        signal(SIGPIPE, SIG_DFL)
    }

    static func write(_ text: String) {
        prepare()
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func json(_ catalog: Catalog) {
        write(CatalogEncoder.json(catalog))
    }
}
