import TextGrid
/// Puts the subcommand first, so that options given before it work as after it
/// (`festival --catalog my.json films`), and names an unknown command as one
/// (`festival nosuchcmd`: unknown command, the commands, the nearest) instead of letting
/// the default browse command reject it.
enum CommandLineOrder {
    /// The options that may come before the subcommand and take a value.
    static let valued: Set<String> = ["--catalog", "--lang", "--theme", "--generate-completion-script"]

    /// `arguments` (without the program name) with the subcommand moved to the front.
    static func normalized(_ arguments: [String], commands: [String]) throws -> [String] {
        // Shell completion calls the program with its own protocol: leave it alone.
        if arguments.first == "---completion" { return arguments }
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" { break }
            if valued.contains(word) { i += 2; continue }
            if word.hasPrefix("-") && word != "-" { i += 1; continue }
            guard commands.contains(word) else {
                let nearest = Suggestions.nearest(to: word, among: commands.filter { $0 != "help" }, limit: 2)
                throw CLIFailure.usage("unknown command '\(Sanitize.oneLine(word))'\(Suggestions.phrase(nearest))\n"
                                       + "the commands: \(commands.joined(separator: ", ")) (see festival --help)")
            }
            if i == 0 { return arguments }
            var moved = arguments
            moved.remove(at: i)
            return [word] + moved
        }
        return arguments
    }
}
