import FestivalCatalog
import FestivalLibrary
import FestivalStorage
import Foundation

/// The shelf of the catalog a command opened, as the browser finds it: read it, or change
/// it under its lock; a file that cannot be used is reported on stderr.
struct ShelfAccess {
    let store: ShelfStore

    init(catalog: Catalog) {
        store = ShelfStore(directory: ShelfStore.standardDirectory(environment: ProcessInfo.processInfo.environment),
                           catalogID: catalog.id)
    }

    func read() -> Shelf {
        let loaded = store.load()
        if let message = loaded.message { Output.error(message) }
        return loaded.shelf
    }

    @discardableResult
    func update(_ change: (inout Shelf) throws -> Void) throws -> Shelf {
        do { return try store.update(change) } catch let error as ShelfError {
            throw CLIFailure(message: error.message, exitCode: 2)
        }
    }
}
