import FestivalCatalog
import FestivalText
import FestivalLibrary
import TextGrid

/// Everything a key can ask for. The keymap below is the single table that both handles
/// keys and writes the `?` help.
public enum Command: String, CaseIterable, Sendable {
    case down, up, pageDown, pageUp, halfDown, halfUp, top, bottom
    case open, back, nextSection, previousSection
    case sectionFilms, sectionQuotes, sectionPeople, sectionFestival
    case find, findNext, findPrevious, search, searchQuotes
    case sort, filterAward, filterStyle, filterSpeaker, filterTopic, clearFilters
    case openLink, copy, export, favorite, watched, rate, note, sectionShelf
    case togglePreview, toggleLanguage, help, quit, suspend, redraw
    case sectionSchedule, myPlan, priority, pick, ticket, plan, undoPlan, nextDay, previousDay

    /// Help text.
    var help: UIString {
        switch self {
        case .down: return .commandDown
        case .up: return .commandUp
        case .pageDown: return .commandPageDown
        case .pageUp: return .commandPageUp
        case .halfDown: return .commandHalfDown
        case .halfUp: return .commandHalfUp
        case .top: return .commandTop
        case .bottom: return .commandBottom
        case .open: return .commandOpen
        case .back: return .commandBack
        case .nextSection: return .commandNextSection
        case .previousSection: return .commandPreviousSection
        case .sectionFilms: return .commandSectionFilms
        case .sectionQuotes: return .commandSectionQuotes
        case .sectionPeople: return .commandSectionPeople
        case .sectionFestival: return .commandSectionFestival
        case .find: return .commandFind
        case .findNext: return .commandFindNext
        case .findPrevious: return .commandFindPrevious
        case .search: return .commandSearch
        case .searchQuotes: return .commandSearchQuotes
        case .sort: return .commandSort
        case .filterAward: return .commandFilterAward
        case .filterStyle: return .commandFilterStyle
        case .filterSpeaker: return .commandFilterSpeaker
        case .filterTopic: return .commandFilterTopic
        case .clearFilters: return .commandClearFilters
        case .export: return .commandExport
        case .favorite: return .commandFavorite
        case .watched: return .commandWatched
        case .rate: return .commandRate
        case .note: return .commandNote
        case .sectionShelf: return .commandSectionShelf
        case .openLink: return .commandOpenLink
        case .copy: return .commandCopy
        case .togglePreview: return .commandTogglePreview
        case .toggleLanguage: return .commandToggleLanguage
        case .help: return .commandHelp
        case .quit: return .commandQuit
        case .suspend: return .commandSuspend
        case .redraw: return .commandRedraw
        case .sectionSchedule: return .commandSectionSchedule
        case .myPlan: return .myPlan
        case .priority: return .commandPriority
        case .pick: return .commandPick
        case .ticket: return .commandTicket
        case .plan: return .commandPlan
        case .undoPlan: return .commandUndoPlan
        case .nextDay: return .commandNextDay
        case .previousDay: return .commandPreviousDay
        }
    }

    /// Screens where the command applies; nil means everywhere.
    var screens: Set<ScreenKind>? {
        switch self {
        case .sort, .filterAward, .filterStyle: return [.filmList]
        case .filterSpeaker, .filterTopic: return [.quoteList]
        case .clearFilters: return [.filmList, .quoteList]
        case .searchQuotes: return [.quoteList]
        case .togglePreview: return [.filmList, .quoteList, .personList, .searchResults]
        case .find, .findNext, .findPrevious: return [.filmList, .quoteList, .personList, .searchResults, .document, .screeningList]
        case .priority: return [.filmList, .document, .screeningList, .searchResults]
        case .pick, .ticket: return [.document, .screeningList]
        case .plan, .undoPlan, .nextDay, .previousDay: return [.screeningList]
        default: return nil
        }
    }

    func applies(to kind: ScreenKind) -> Bool { screens?.contains(kind) ?? true }

    /// False where the command has nothing to act on, so the help leaves it out: the shelf's
    /// marks where no film or quote can be selected (People, the festival page), `w` and
    /// `r` where no film can.
    func isUseful(on screen: Screen) -> Bool {
        switch (self, screen) {
        case (.favorite, .people), (.favorite, .festival), (.note, .people), (.note, .festival): return false
        case (.priority, .quote), (.priority, .person), (.priority, .festival), (.priority, .shelf): return false
        case (.pick, .film), (.pick, .screening), (.pick, .schedule), (.pick, .myPlan),
             (.ticket, .film), (.ticket, .screening), (.ticket, .schedule), (.ticket, .myPlan): return true
        case (.pick, _), (.ticket, _): return false
        case (.nextDay, let s), (.previousDay, let s): return s == .schedule
        case (.watched, _), (.rate, _):
            switch screen {
            case .films, .search, .shelf, .film, .person: return true
            default: return false
            }
        default: return true
        }
    }
}

/// Keys → commands.
public struct Keymap: Sendable {
    public var bindings: [(key: Key, command: Command)]

    public static let standard = Keymap(bindings: [
        (.down, .down), (.char("j"), .down), (.up, .up), (.char("k"), .up),
        (.pageDown, .pageDown), (.char(" "), .pageDown), (.pageUp, .pageUp), (.char("b"), .pageUp),
        (.ctrl("d"), .halfDown), (.ctrl("u"), .halfUp),
        (.home, .top), (.char("g"), .top), (.end, .bottom), (.char("G"), .bottom),
        (.enter, .open), (.right, .open), (.char("l"), .open),
        (.escape, .back), (.left, .back), (.char("h"), .back), (.backspace, .back),
        (.tab, .nextSection), (.backTab, .previousSection),
        (.char("1"), .sectionFilms), (.char("2"), .sectionQuotes), (.char("3"), .sectionPeople), (.char("4"), .sectionFestival),
        // `/` finds on this screen, everywhere; `s` searches. searchQuotes has no key of its
        // own (a `keys` entry in the config can give it one).
        (.char("/"), .find), (.char("s"), .search), (.char("n"), .findNext), (.char("N"), .findPrevious),
        (.char("S"), .sort), (.char("a"), .filterAward), (.char("t"), .filterStyle),
        (.char("p"), .filterSpeaker), (.char("t"), .filterTopic), (.char("x"), .clearFilters),
        (.char("o"), .openLink), (.char("y"), .copy),
        (.char("e"), .export), (.char("f"), .favorite), (.char("w"), .watched), (.char("r"), .rate), (.char("m"), .note), (.char("5"), .sectionShelf),
        (.char("6"), .sectionSchedule), (.char("M"), .myPlan), (.char("P"), .priority), (.char("c"), .pick), (.char("T"), .ticket),
        (.char("A"), .plan), (.char("u"), .undoPlan), (.char("]"), .nextDay), (.char(">"), .nextDay),
        (.char("["), .previousDay), (.char("<"), .previousDay),
        (.char("v"), .togglePreview), (.char("L"), .toggleLanguage), (.char("?"), .help), (.function(1), .help),
        (.char("q"), .quit), (.ctrl("c"), .quit), (.ctrl("z"), .suspend), (.ctrl("l"), .redraw),
    ])

    /// The command a key means on a kind of screen.
    public func command(for key: Key, on kind: ScreenKind) -> Command? {
        bindings.first { $0.key == key && $0.command.applies(to: kind) }?.command
    }

    /// Commands the help shows on one line, with the line's text.
    static let helpGroups: [([Command], UIString)] = [
        ([.down, .up], .keysDownUp),
        ([.pageDown, .pageUp], .keysPageDownPageUp),
        ([.halfDown, .halfUp], .keysHalfDownHalfUp),
        ([.top, .bottom], .keysTopBottom),
        ([.nextSection, .previousSection], .keysNextSectionPreviousSection),
        ([.sectionFilms, .sectionQuotes, .sectionPeople, .sectionFestival, .sectionShelf, .sectionSchedule], .keysSectionFilmsSectionQuotes),
        ([.nextDay, .previousDay], .keysNextDayPreviousDay),
        ([.pick, .ticket], .keysPickTicket),
        ([.findNext, .findPrevious], .keysFindNextFindPrevious),
        ([.openLink, .copy], .keysOpenLinkCopy),
        ([.filterAward, .filterStyle], .keysFilterAwardFilterStyle),
        ([.filterSpeaker, .filterTopic], .keysFilterSpeakerFilterTopic),
        ([.favorite, .watched, .rate, .note], .keysFavoriteWatched),
        ([.toggleLanguage, .help], .keysToggleLanguageHelp),
        ([.suspend, .redraw], .keysSuspendRedraw),
    ]

    /// Help lines for a screen: each command that applies, with all its keys.
    public func help(for screen: Screen, _ language: Language) -> [(keys: String, text: String)] {
        help(for: screen.kind, language) { $0.isUseful(on: screen) }
    }

    /// Help lines for a kind of screen: each command that applies (and `useful` keeps),
    /// with all its keys.
    public func help(for kind: ScreenKind, _ language: Language,
                     useful: (Command) -> Bool = { _ in true }) -> [(keys: String, text: String)] {
        var lines: [(keys: String, text: String)] = []
        var done = Set<Command>()
        for command in Command.allCases where command.applies(to: kind) && useful(command) && !done.contains(command) {
            let group = Self.helpGroups.first { $0.0.contains(command) }
            let members = group?.0.filter { $0.applies(to: kind) && useful($0) } ?? [command]
            done.formUnion(members)
            // Only the keys that mean this command here (an earlier binding may take a key).
            let bound = members.compactMap { member -> (Command, String)? in
                let keys = bindings.filter { $0.command == member && self.command(for: $0.key, on: kind) == member }
                    .map(\.key.label).joined(separator: " ")
                return keys.isEmpty ? nil : (member, keys)
            }
            guard !bound.isEmpty else { continue }
            // A group with a member left without keys says only what the others do.
            let text = bound.count == members.count
                ? (group?.1 ?? command.help).text(language)
                : bound.map { $0.0.help.text(language) }.joined(separator: language == .en ? " / " : "／")
            let separator = members.first == .sectionFilms ? " " : " / "
            lines.append((bound.map(\.1).joined(separator: separator), text))
        }
        return lines
    }
}
