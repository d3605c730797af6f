import TextGrid

extension Keymap {
    /// This keymap with some commands' keys replaced: each command in `keys` gets exactly
    /// the keys listed (none for an empty list), the others keep theirs. A command's new
    /// keys take the place of its first old binding, so where a key means several
    /// commands on different screens (the standard `/`) the order of precedence stays.
    public func remapped(_ keys: [Command: [Key]]) -> Keymap {
        var result: [(key: Key, command: Command)] = []
        var placed = Set<Command>()
        func place(_ command: Command) {
            guard placed.insert(command).inserted, let list = keys[command] else { return }
            var seen = Set<Key>()
            for key in list where seen.insert(key).inserted { result.append((key, command)) }
        }
        for binding in bindings {
            if keys[binding.command] != nil { place(binding.command) } else { result.append(binding) }
        }
        for command in Command.allCases where keys[command] != nil { place(command) }
        return Keymap(bindings: result)
    }

    /// The keys bound to a command, in binding order.
    public func keys(for command: Command) -> [Key] {
        bindings.filter { $0.command == command }.map(\.key)
    }

    /// A key bound to two commands that both apply on some screen, where `reference` (the
    /// standard keymap) does not bind it to both there. `reference`'s own overlaps are
    /// deliberate: the earlier binding wins (`/` finds on lists, searches elsewhere).
    public struct Conflict: Equatable, Sendable {
        public var key: Key
        public var commands: (Command, Command)
        public var screens: Set<ScreenKind>

        public static func == (a: Conflict, b: Conflict) -> Bool {
            a.key == b.key && a.commands == b.commands && a.screens == b.screens
        }
    }

    /// Every conflict of this keymap, in binding order.
    public func conflicts(comparedTo reference: Keymap = .standard) -> [Conflict] {
        var found: [Conflict] = []
        var keysInOrder: [Key] = []
        var commandsByKey: [Key: [Command]] = [:]
        for binding in bindings {
            if commandsByKey[binding.key] == nil { keysInOrder.append(binding.key) }
            if commandsByKey[binding.key]?.contains(binding.command) != true {
                commandsByKey[binding.key, default: []].append(binding.command)
            }
        }
        let referenceCommands = Dictionary(grouping: reference.bindings, by: \.key).mapValues { Set($0.map(\.command)) }
        for key in keysInOrder {
            let commands = commandsByKey[key] ?? []
            for (i, a) in commands.enumerated() {
                for b in commands[(i + 1)...] {
                    let known = referenceCommands[key].map { $0.contains(a) && $0.contains(b) } ?? false
                    if known { continue }
                    let screens = Set(ScreenKind.allCases.filter { a.applies(to: $0) && b.applies(to: $0) })
                    if !screens.isEmpty { found.append(Conflict(key: key, commands: (a, b), screens: screens)) }
                }
            }
        }
        return found
    }
}

extension ScreenKind {
    /// How the config's messages name a screen.
    var configDescription: String {
        switch self {
        case .filmList: return "the film list"
        case .quoteList: return "the quote list"
        case .personList: return "the people list"
        case .searchResults: return "the search results"
        case .document: return "detail pages"
        case .screeningList: return "the schedule"
        }
    }
}
