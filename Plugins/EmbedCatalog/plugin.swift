import Foundation
import PackagePlugin

/// Embeds `Resources/aiff2025.json` into the target as a Swift string constant,
/// so the built-in catalog works from a binary copied anywhere.
@main
struct EmbedCatalog: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "Resources/aiff2025.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalog.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(input.lastPathComponent)",
                executable: try context.tool(named: "EmbedResource").url,
                arguments: [input.path, output.path, "embeddedCatalogJSON"],
                inputFiles: [input],
                outputFiles: [output]
            )
        ]
    }
}
