import FestivalCatalog
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
    case toggleLanguage, help, quit, suspend, redraw

    /// Help text (English, Chinese).
    var help: (String, String) {
        switch self {
        case .down: return ("move down", "向下")
        case .up: return ("move up", "向上")
        case .pageDown: return ("page down", "下一頁")
        case .pageUp: return ("page up", "上一頁")
        case .halfDown: return ("half page down", "下半頁")
        case .halfUp: return ("half page up", "上半頁")
        case .top: return ("first line", "到頂端")
        case .bottom: return ("last line", "到底端")
        case .open: return ("open the selection", "開啟所選項目")
        case .back: return ("go back", "返回上一頁")
        case .nextSection: return ("next section", "下一個分頁")
        case .previousSection: return ("previous section", "上一個分頁")
        case .sectionFilms: return ("Films", "影片")
        case .sectionQuotes: return ("Quotes", "語錄")
        case .sectionPeople: return ("People", "人物")
        case .sectionFestival: return ("Festival", "影展")
        case .find: return ("find on this screen", "在本頁搜尋")
        case .findNext: return ("next match", "下一個相符")
        case .findPrevious: return ("previous match", "上一個相符")
        case .search: return ("search quotes, films, people", "搜尋語錄、影片、人物")
        case .searchQuotes: return ("search the quotes", "搜尋語錄")
        case .sort: return ("sort: lineup, award, title, runtime", "排序：片單、獎項、片名、片長")
        case .filterAward: return ("filter by award", "依獎項篩選")
        case .filterStyle: return ("filter by style", "依風格篩選")
        case .filterSpeaker: return ("filter by speaker", "依發言者篩選")
        case .filterTopic: return ("filter by topic", "依主題篩選")
        case .clearFilters: return ("clear filters", "清除篩選")
        case .export: return ("export the list (then m, c or j)", "匯出清單（再按 m、c 或 j）")
        case .favorite: return ("favorite (★) on or off", "加入／移除最愛（★）")
        case .watched: return ("mark the film watched (✓) or not", "標記影片已看（✓）或未看")
        case .rate: return ("rate the film: r then 1–5 (0 clears)", "為影片評分：r 再按 1–5（0 清除）")
        case .note: return ("write a note ($EDITOR, else here)", "寫筆記（$EDITOR，或在此輸入）")
        case .sectionShelf: return ("Shelf", "收藏")
        case .openLink: return ("open the link in a browser", "在瀏覽器開啟連結")
        case .copy: return ("copy quote or link to the clipboard", "複製語錄或連結到剪貼簿")
        case .toggleLanguage: return ("中文 / English", "中文 / English")
        case .help: return ("this help", "本說明")
        case .quit: return ("quit", "離開")
        case .suspend: return ("suspend (fg resumes)", "暫停（fg 繼續）")
        case .redraw: return ("redraw the screen", "重繪畫面")
        }
    }

    /// Screens where the command applies; nil means everywhere.
    var screens: Set<ScreenKind>? {
        switch self {
        case .sort, .filterAward, .filterStyle: return [.filmList]
        case .filterSpeaker, .filterTopic: return [.quoteList]
        case .clearFilters: return [.filmList, .quoteList]
        case .searchQuotes: return [.quoteList]
        case .find, .findNext, .findPrevious: return [.filmList, .personList, .document]
        default: return nil
        }
    }

    func applies(to kind: ScreenKind) -> Bool { screens?.contains(kind) ?? true }
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
        (.char("/"), .searchQuotes), (.char("/"), .find), (.char("s"), .search), (.char("/"), .search), (.char("n"), .findNext), (.char("N"), .findPrevious),
        (.char("S"), .sort), (.char("a"), .filterAward), (.char("t"), .filterStyle),
        (.char("p"), .filterSpeaker), (.char("t"), .filterTopic), (.char("x"), .clearFilters),
        (.char("o"), .openLink), (.char("y"), .copy),
        (.char("e"), .export), (.char("f"), .favorite), (.char("w"), .watched), (.char("r"), .rate), (.char("m"), .note), (.char("5"), .sectionShelf),
        (.char("L"), .toggleLanguage), (.char("?"), .help), (.function(1), .help),
        (.char("q"), .quit), (.ctrl("c"), .quit), (.ctrl("z"), .suspend), (.ctrl("l"), .redraw),
    ])

    /// The command a key means on a kind of screen.
    public func command(for key: Key, on kind: ScreenKind) -> Command? {
        bindings.first { $0.key == key && $0.command.applies(to: kind) }?.command
    }

    /// Commands the help shows on one line, with the line's text (English, Chinese).
    static let helpGroups: [([Command], (String, String))] = [
        ([.down, .up], ("move down / up", "向下／向上")),
        ([.pageDown, .pageUp], ("page down / up", "下一頁／上一頁")),
        ([.halfDown, .halfUp], ("half page down / up", "下半頁／上半頁")),
        ([.top, .bottom], ("first / last line", "頂端／底端")),
        ([.nextSection, .previousSection], ("next / previous section", "下一個／上一個分頁")),
        ([.sectionFilms, .sectionQuotes, .sectionPeople, .sectionFestival, .sectionShelf],
         ("Films … Shelf (the five sections)", "影片…收藏（五個分頁）")),
        ([.findNext, .findPrevious], ("next / previous match", "下一個／上一個相符")),
        ([.openLink, .copy], ("open link in a browser / copy", "在瀏覽器開啟連結／複製")),
        ([.filterAward, .filterStyle], ("filter by award / style", "依獎項／風格篩選")),
        ([.filterSpeaker, .filterTopic], ("filter by speaker / topic", "依發言者／主題篩選")),
        ([.favorite, .watched, .rate, .note], ("favorite / watched / rate (then 1–5) / note", "最愛／已看／評分（再按 1–5）／筆記")),
        ([.toggleLanguage, .help], ("中文 / English, this help", "中文／English、本說明")),
        ([.suspend, .redraw], ("suspend (fg resumes) / redraw", "暫停（fg 繼續）／重繪")),
    ]

    /// Help lines for a screen: each command that applies, with all its keys.
    public func help(for kind: ScreenKind, _ language: Language) -> [(keys: String, text: String)] {
        var lines: [(keys: String, text: String)] = []
        var done = Set<Command>()
        for command in Command.allCases where command.applies(to: kind) && !done.contains(command) {
            let group = Self.helpGroups.first { $0.0.contains(command) }
            let members = group?.0.filter { $0.applies(to: kind) } ?? [command]
            done.formUnion(members)
            // Only the keys that mean this command here (an earlier binding may take a key).
            let bound = members.compactMap { member -> (Command, String)? in
                let keys = bindings.filter { $0.command == member && self.command(for: $0.key, on: kind) == member }
                    .map(\.key.label).joined(separator: " ")
                return keys.isEmpty ? nil : (member, keys)
            }
            guard !bound.isEmpty else { continue }
            // A group with a member left without keys says only what the others do.
            let text: (String, String) = bound.count == members.count
                ? group?.1 ?? command.help
                : (bound.map { $0.0.help.0 }.joined(separator: " / "), bound.map { $0.0.help.1 }.joined(separator: "／"))
            let separator = members.first == .sectionFilms ? " " : " / "
            lines.append((bound.map(\.1).joined(separator: separator), language == .en ? text.0 : text.1))
        }
        return lines
    }
}
