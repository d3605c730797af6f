import FestivalCatalog

/// Interface strings in both languages. `L` toggles the whole interface, these included.
public enum UIString: CaseIterable, Sendable {
    case unknown, films, quotes, people, festival, title, director, directors, award, runtime, country, styles
    case synopsis, links, sources, speaker, speakers, context, topics, film, roles, affiliation, jury, prizeTiers
    case events, submissions, finalists, organizer, edition, website, note, noQuotes, noFilms, help, back
    case search, matches, noMatches, tooSmall, keysHere, quit, language, sortBy, filter, all, open
    case name, date, venue, city, quote, about, position, kind, fromFilm, translationNote, byPerson
    case yourNote, result, onlyInChinese, onlyInEnglish
    case shelf, favoriteFilms, favoriteQuotes, watchedFilms, ratedFilms, notes, emptyShelf, onYourShelf
    case addedFavorite, removedFavorite, markedWatched, unmarkedWatched, rated, ratingCleared, noteSaved
    case catalogReloaded
    case selectAFilm, selectFilmOrQuote, ratePrompt, notePrompt, favorite, watched, rating
    case nothingToExport, exportPrompt, exported, exportPathPrompt, exportCancelled
    case noLink, nothingToCopy, copied, opened, noBrowser, browserFailed, theLink, editorFailed, noteKept, noteUnchanged
    case historyNotSaved, pasteIgnored, noteDraftKept, notRunnable, exitStatus, endedBySignal, titleBy, titleOn, titleMatching
    case source, directedBy, colon, comma, listSeparator, english, chinese, watchLink, infoLink, articleLink
    // The `?` help: one line per command, and per group of commands shown together.
    case commandDown, commandUp, commandPageDown, commandPageUp, commandHalfDown, commandHalfUp, commandTop
    case commandBottom, commandOpen, commandBack, commandNextSection, commandPreviousSection
    case commandSectionFilms, commandSectionQuotes, commandSectionPeople, commandSectionFestival
    case commandFind, commandFindNext, commandFindPrevious, commandSearch, commandSearchQuotes, commandSort
    case commandFilterAward, commandFilterStyle, commandFilterSpeaker, commandFilterTopic
    case commandClearFilters, commandExport, commandFavorite, commandWatched, commandRate, commandNote
    case commandSectionShelf, commandOpenLink, commandCopy, commandToggleLanguage, commandHelp, commandQuit
    case commandSuspend, commandRedraw, commandTogglePreview, keysDownUp, keysPageDownPageUp, keysHalfDownHalfUp, keysTopBottom
    case keysNextSectionPreviousSection, keysSectionFilmsSectionQuotes, keysFindNextFindPrevious
    case keysOpenLinkCopy, keysFilterAwardFilterStyle, keysFilterSpeakerFilterTopic, keysFavoriteWatched
    case keysToggleLanguageHelp, keysSuspendRedraw
    // Screenings and the plan.
    case priority, ticketHeld, screenings, schedule, myPlan, picked, ticket, statusScheduled, statusSoldOut, statusStandby
    case statusCancelled, timeUnknown, dayUnknown, venueUnknown, travel, minutesShort, tightConnection, conflictsWith
    case excludedPast, excludedCancelled, excludedSoldOut, excludedStandby, excludedUnknownTime, excludedOutsideWindow
    case excludedUnavailable, excludedNotWanted, leftOutNoScreening, leftOutDayFull, leftOutSearchStopped, leftOutAllExcluded
    case planAdded, planRemoved, planProven, planBound, planNoChange, filmsSeen, weight, lateNights, time, day, programme
    case undated, noScreenings, pickDrops, pickedScreening, unpickedScreening, ticketMarked, ticketUnmarked, prioritySet
    case priorityCleared, priorityPrompt, planning, planReady, planApplied, planUndone, planFailed, ticketsClash, dayOverfull
    case commandPriority, commandPick, commandTicket, commandPlan, commandUndoPlan, commandSectionSchedule, commandNextDay
    case commandPreviousDay, keysNextDayPreviousDay, keysPickTicket, commandApplyPlan, planPreview, wantedFilms
    case status, labels, address, overlapsPrevious
    case loadingReading, loadingChecking, loadingParsing, loadingValidating, loadingDone, sortLineup, approximately
    case move, history, section, searchKey, findKey, otherLanguage, toResults
    case previewNeedsWidth, enterCompletes, choose, cancel, typeToNarrow, nothingToFilter, noneMatchFilters, clearsThem
    case person, results, searchPrompt, searchHint, searchEverything, searchQuotes, loading, indexing, stillLoading, loadingQuotes

    public func text(_ language: Language) -> String {
        let (en, zh) = pair
        return language == .en ? en : zh
    }

    private var pair: (String, String) {
        switch self {
        case .unknown: return ("unknown", "不詳")
        case .films: return ("Films", "影片")
        case .quotes: return ("Quotes", "語錄")
        case .people: return ("People", "人物")
        case .festival: return ("Festival", "影展")
        case .title: return ("Title", "片名")
        case .director: return ("Director", "導演")
        case .directors: return ("Directors", "導演")
        case .award: return ("Award", "獎項")
        case .runtime: return ("Runtime", "片長")
        case .country: return ("Country", "國家／地區")
        case .styles: return ("Styles", "風格")
        case .synopsis: return ("Synopsis", "簡介")
        case .links: return ("Links", "連結")
        case .sources: return ("Sources", "來源")
        case .speaker: return ("Speaker", "發言者")
        case .speakers: return ("Speakers", "講者")
        case .context: return ("Context", "場合")
        case .topics: return ("Topics", "主題")
        case .film: return ("Film", "影片")
        case .roles: return ("Roles", "身分")
        case .affiliation: return ("Affiliation", "所屬機構")
        case .jury: return ("Jury", "評審團")
        case .prizeTiers: return ("Prizes", "獎項級別")
        case .events: return ("Dates and venues", "日期與場地")
        case .submissions: return ("Submissions", "投稿數")
        case .finalists: return ("Finalists", "入圍影片")
        case .organizer: return ("Organizer", "主辦")
        case .edition: return ("Edition", "屆別")
        case .website: return ("Website", "網站")
        case .note: return ("Note", "附註")
        case .noQuotes: return ("No quotes.", "沒有語錄。")
        case .noFilms: return ("No films.", "沒有影片。")
        case .help: return ("help", "說明")
        case .back: return ("back", "返回")
        case .search: return ("Search", "搜尋")
        case .matches: return ("matches", "個相符")
        case .noMatches: return ("no matches", "沒有相符")
        case .tooSmall: return ("terminal too small", "終端機太小")
        case .keysHere: return ("Keys on this screen", "本畫面按鍵")
        case .quit: return ("quit", "離開")
        case .language: return ("language", "語言")
        case .sortBy: return ("sort", "排序")
        case .filter: return ("filter", "篩選")
        case .all: return ("all", "全部")
        case .open: return ("open", "開啟")
        case .name: return ("Name", "名稱")
        case .date: return ("Date", "日期")
        case .venue: return ("Venue", "場地")
        case .city: return ("City", "城市")
        case .quote: return ("Quote", "語錄")
        case .about: return ("About", "簡介")
        case .position: return ("Position", "職銜")
        case .kind: return ("Kind", "類型")
        case .fromFilm: return ("Film", "相關影片")
        case .translationNote: return ("Text note", "文字附註")
        case .byPerson: return ("Quotes", "語錄")
        case .person: return ("Person", "人物")
        case .shelf: return ("Shelf", "收藏")
        case .favoriteFilms: return ("Favorite films", "最愛影片")
        case .favoriteQuotes: return ("Favorite quotes", "最愛語錄")
        case .watchedFilms: return ("Watched", "已看")
        case .ratedFilms: return ("Rated", "已評分")
        case .notes: return ("Your notes", "我的筆記")
        case .yourNote: return ("Your note", "我的筆記")
        case .emptyShelf: return ("Nothing here yet: f marks a favorite, w a watched film, r rates, m writes a note.",
                                  "這裡還沒有東西：f 加入最愛、w 標記已看、r 評分、m 寫筆記。")
        case .onYourShelf: return ("Shelf", "收藏")
        case .addedFavorite: return ("Added to favorites ★", "已加入最愛 ★")
        case .removedFavorite: return ("Removed from favorites", "已從最愛移除")
        case .markedWatched: return ("Marked watched ✓", "已標記為已看 ✓")
        case .unmarkedWatched: return ("Marked not watched", "已標記為未看")
        case .rated: return ("Rated ", "評分 ")
        case .ratingCleared: return ("Rating cleared", "已清除評分")
        case .noteSaved: return ("Note saved", "筆記已儲存")
        case .noteUnchanged: return ("Note unchanged", "筆記未變更")
        case .editorFailed: return ("The editor failed (", "編輯器執行失敗（")
        case .noteKept: return ("); the note is as it was", "）；筆記維持原樣")
        case .browserFailed: return ("The browser failed (", "瀏覽器執行失敗（")
        case .theLink: return ("). The link: ", "）。連結：")
        case .catalogReloaded: return ("The catalog file had changed: read it again", "目錄檔案已變更，已重新讀取")
        case .selectAFilm: return ("Select a film first.", "請先選擇一部影片。")
        case .selectFilmOrQuote: return ("Select a film or a quote first.", "請先選擇影片或語錄。")
        case .ratePrompt: return ("Rate: 1–5, 0 clears, Esc cancels", "評分：1–5，0 清除，Esc 取消")
        case .notePrompt: return ("Note: ", "筆記：")
        case .favorite: return ("favorite", "最愛")
        case .watched: return ("watched", "已看")
        case .rating: return ("rated", "評分")
        case .nothingToExport: return ("Nothing to export here.", "這裡沒有可匯出的項目。")
        case .exportPrompt: return ("Export as: m Markdown, c CSV, j JSON, i iCalendar (Esc cancels)", "匯出格式：m Markdown、c CSV、j JSON、i iCalendar（Esc 取消）")
        case .exported: return ("Exported to ", "已匯出至 ")
        case .exportPathPrompt: return ("Export to: ", "匯出至：")
        case .exportCancelled: return ("Export cancelled.", "已取消匯出。")
        case .notRunnable: return ("not found or not runnable", "找不到或無法執行")
        case .exitStatus: return ("exit status ", "結束狀態 ")
        case .endedBySignal: return ("ended by signal ", "被訊號終止 ")
        // An export's title: "Quotes by X on Y matching “Z”", "語錄（發言者：X，主題：Y，搜尋：「Z」）".
        case .titleBy: return (" by ", "發言者：")
        case .titleOn: return (" on ", "主題：")
        case .titleMatching: return (" matching ", "搜尋：")
        case .noteDraftKept: return ("Note not saved: the next note key brings it back.", "筆記未儲存：再按一次筆記鍵即可取回。")
        case .pasteIgnored: return ("A paste is text, not keys: nothing done.", "貼上的是文字，不是按鍵：未執行任何動作。")
        case .noLink: return ("No link here.", "這裡沒有連結。")
        case .nothingToCopy: return ("Nothing to copy here.", "這裡沒有可複製的內容。")
        case .copied: return ("Copied to the clipboard: ", "已複製到剪貼簿：")
        case .opened: return ("Opened ", "已開啟 ")
        case .noBrowser: return ("No browser found (set $BROWSER or install xdg-utils). The link: ",
                                 "找不到瀏覽器（請設定 $BROWSER 或安裝 xdg-utils）。連結：")
        case .results: return ("results", "筆結果")
        case .result: return ("result", "筆結果")
        case .onlyInChinese: return ("Only in Chinese: no English text is known.", "只有中文。")
        case .onlyInEnglish: return ("Only in English.", "只有英文，尚無中文譯文。")
        case .searchPrompt: return ("Search", "搜尋")
        case .searchHint: return ("Type to search quotes, films and people: words, \"a phrase\", speaker:, topic:, film:",
                                  "輸入即搜尋語錄、影片與人物：字詞、\"整句\"、speaker:、topic:、film:")
        case .searchEverything: return ("everything", "全部")
        case .searchQuotes: return ("quotes", "語錄")
        case .loading: return ("Loading", "載入中")
        case .indexing: return ("Indexing", "建立索引")
        case .stillLoading: return ("still loading", "仍在載入")
        case .loadingQuotes: return ("Loading quotes", "正在載入語錄")
        case .commandDown: return ("move down", "向下")
        case .commandUp: return ("move up", "向上")
        case .commandPageDown: return ("page down", "下一頁")
        case .commandPageUp: return ("page up", "上一頁")
        case .commandHalfDown: return ("half page down", "下半頁")
        case .commandHalfUp: return ("half page up", "上半頁")
        case .commandTop: return ("first line", "到頂端")
        case .commandBottom: return ("last line", "到底端")
        case .commandOpen: return ("open the selection", "開啟所選項目")
        case .commandBack: return ("go back", "返回上一頁")
        case .commandNextSection: return ("next section", "下一個分頁")
        case .commandPreviousSection: return ("previous section", "上一個分頁")
        case .commandSectionFilms: return ("Films", "影片")
        case .commandSectionQuotes: return ("Quotes", "語錄")
        case .commandSectionPeople: return ("People", "人物")
        case .commandSectionFestival: return ("Festival", "影展")
        case .commandFind: return ("find on this screen", "在本頁搜尋")
        case .commandFindNext: return ("next match", "下一個相符")
        case .commandFindPrevious: return ("previous match", "上一個相符")
        case .commandSearch: return ("search quotes, films, people", "搜尋語錄、影片、人物")
        case .commandSearchQuotes: return ("search the quotes", "搜尋語錄")
        case .commandSort: return ("sort: lineup, award, title, runtime", "排序：片單、獎項、片名、片長")
        case .commandFilterAward: return ("filter by award", "依獎項篩選")
        case .commandFilterStyle: return ("filter by style", "依風格篩選")
        case .commandFilterSpeaker: return ("filter by speaker", "依發言者篩選")
        case .commandFilterTopic: return ("filter by topic", "依主題篩選")
        case .commandClearFilters: return ("clear filters", "清除篩選")
        case .commandExport: return ("export the list (then m, c or j)", "匯出清單（再按 m、c 或 j）")
        case .commandFavorite: return ("favorite (★) on or off", "加入／移除最愛（★）")
        case .commandWatched: return ("mark the film watched (✓) or not", "標記影片已看（✓）或未看")
        case .commandRate: return ("rate the film: r then 1–5 (0 clears)", "為影片評分：r 再按 1–5（0 清除）")
        case .commandNote: return ("write a note ($EDITOR, else here)", "寫筆記（$EDITOR，或在此輸入）")
        case .commandSectionShelf: return ("Shelf", "收藏")
        case .commandOpenLink: return ("open the link in a browser", "在瀏覽器開啟連結")
        case .commandCopy: return ("copy quote or link to the clipboard", "複製語錄或連結到剪貼簿")
        case .commandToggleLanguage: return ("中文 / English", "中文 / English")
        case .commandHelp: return ("this help", "本說明")
        case .commandQuit: return ("quit", "離開")
        case .commandSuspend: return ("suspend (fg resumes)", "暫停（fg 繼續）")
        case .commandRedraw: return ("redraw the screen", "重繪畫面")
        case .commandTogglePreview: return ("show or hide the preview beside the list", "顯示或隱藏清單旁的預覽")
        case .previewNeedsWidth: return ("The preview appears from 100 columns on", "畫面寬 100 欄以上才顯示預覽")
        case .enterCompletes: return ("Enter completes", "Enter 補全")
        case .choose: return ("choose", "選擇")
        case .cancel: return ("cancel", "取消")
        case .typeToNarrow: return ("type to narrow", "輸入以縮小範圍")
        case .nothingToFilter: return ("Nothing to filter by here.", "這裡沒有可篩選的項目。")
        case .noneMatchFilters: return ("Nothing matches these filters: ", "沒有符合這些篩選的項目：")
        case .clearsThem: return (" clears them", " 清除篩選")
        case .keysDownUp: return ("move down / up", "向下／向上")
        case .keysPageDownPageUp: return ("page down / up", "下一頁／上一頁")
        case .keysHalfDownHalfUp: return ("half page down / up", "下半頁／上半頁")
        case .keysTopBottom: return ("first / last line", "頂端／底端")
        case .keysNextSectionPreviousSection: return ("next / previous section", "下一個／上一個分頁")
        case .keysSectionFilmsSectionQuotes: return ("Films … Schedule (the six sections)", "影片…場次表（六個分頁）")
        case .keysFindNextFindPrevious: return ("next / previous match", "下一個／上一個相符")
        case .keysOpenLinkCopy: return ("open link in a browser / copy", "在瀏覽器開啟連結／複製")
        case .keysFilterAwardFilterStyle: return ("filter by award / style", "依獎項／風格篩選")
        case .keysFilterSpeakerFilterTopic: return ("filter by speaker / topic", "依發言者／主題篩選")
        case .keysFavoriteWatched: return ("favorite / watched / rate (then 1–5) / note", "最愛／已看／評分（再按 1–5）／筆記")
        case .keysToggleLanguageHelp: return ("中文 / English, this help", "中文／English、本說明")
        case .keysSuspendRedraw: return ("suspend (fg resumes) / redraw", "暫停（fg 繼續）／重繪")
        case .loadingReading: return ("reading", "讀取中")
        case .loadingChecking: return ("checking UTF-8", "檢查 UTF-8")
        case .loadingParsing: return ("parsing JSON", "解析 JSON")
        case .loadingValidating: return ("checking fields and references", "檢查欄位與參照")
        case .loadingDone: return ("done", "完成")
        case .sortLineup: return ("lineup", "片單順序")
        case .approximately: return ("about ", "約 ")
        case .move: return ("move", "移動")
        case .source: return ("Source", "來源")
        case .directedBy: return ("Directed by", "導演")
        case .colon: return (": ", "：")
        case .historyNotSaved: return ("Search history not saved: ", "搜尋紀錄未能儲存：")
        case .comma: return (", ", "，")
        case .listSeparator: return (", ", "、")
        case .english: return ("English", "英文")
        case .chinese: return ("Chinese", "中文")
        case .watchLink: return ("Watch", "觀看")
        case .infoLink: return ("Information", "資料")
        case .articleLink: return ("Article", "文章")
        case .toResults: return ("results", "結果")
        case .history: return ("history", "歷史")
        case .section: return ("section", "分頁")
        case .searchKey: return ("search", "搜尋")
        case .findKey: return ("find", "尋找")
        case .otherLanguage: return ("中文", "English")
        case .priority: return ("Priority", "優先")
        case .ticketHeld: return ("Ticket held", "已有票")
        case .screenings: return ("Screenings", "場次")
        case .schedule: return ("Schedule", "場次表")
        case .myPlan: return ("My plan", "我的行程")
        case .picked: return ("picked", "已選")
        case .ticket: return ("ticket", "有票")
        case .statusScheduled: return ("scheduled", "照常")
        case .statusSoldOut: return ("sold out", "售罄")
        case .statusStandby: return ("standby", "候補")
        case .statusCancelled: return ("cancelled", "取消")
        case .timeUnknown: return ("time unknown", "時間不詳")
        case .dayUnknown: return ("day unknown", "日期不詳")
        case .venueUnknown: return ("venue unknown", "場地不詳")
        case .travel: return ("travel", "交通")
        case .minutesShort: return ("min", "分")
        case .tightConnection: return ("tight connection", "轉場緊湊")
        case .conflictsWith: return ("every screening conflicts with", "每一場都與這些衝突：")
        case .excludedPast: return ("past", "已過")
        case .excludedCancelled: return ("cancelled", "取消")
        case .excludedSoldOut: return ("sold out", "售罄")
        case .excludedStandby: return ("standby only", "只有候補")
        case .excludedUnknownTime: return ("no known time", "時間不詳")
        case .excludedOutsideWindow: return ("outside your hours", "在時段之外")
        case .excludedUnavailable: return ("when you are unavailable", "在你沒空的時間")
        case .excludedNotWanted: return ("not wanted", "不想看")
        case .leftOutNoScreening: return ("no screening in the catalog", "目錄中沒有場次")
        case .leftOutDayFull: return ("its day is full", "當天已滿")
        case .leftOutSearchStopped: return ("the search stopped at its time limit", "搜尋在時限內未完成")
        case .leftOutAllExcluded: return ("every screening is", "每一場都")
        case .planAdded: return ("added", "新增")
        case .planRemoved: return ("removed", "移除")
        case .planProven: return ("proven best", "已證明最佳")
        case .planBound: return ("at most", "最多")
        case .planNoChange: return ("the plan is already the best", "目前的行程已是最佳")
        case .filmsSeen: return ("films", "部影片")
        case .weight: return ("weight", "權重")
        case .lateNights: return ("late nights", "晚場")
        case .time: return ("Time", "時間")
        case .day: return ("Day", "日期")
        case .programme: return ("programme", "節目")
        case .undated: return ("Day unknown", "日期不詳")
        case .noScreenings: return ("No screenings", "沒有場次")
        case .pickDrops: return ("picking this drops", "選這場會放棄")
        case .pickedScreening: return ("Picked", "已選")
        case .unpickedScreening: return ("Unpicked", "已取消選擇")
        case .ticketMarked: return ("Ticket marked", "已標記有票")
        case .ticketUnmarked: return ("Ticket unmarked", "已取消有票")
        case .prioritySet: return ("Priority set", "已設定優先")
        case .priorityCleared: return ("Priority cleared", "已清除優先")
        case .priorityPrompt: return ("Priority 0–5 (0: don't want to see; Backspace: clear)", "優先 0–5（0：不想看；Backspace：清除）")
        case .planning: return ("Planning…", "規劃中…")
        case .planReady: return ("Plan ready", "行程已規劃")
        case .planApplied: return ("Plan applied", "已套用行程")
        case .planUndone: return ("Plan undone", "已復原行程")
        case .planFailed: return ("No plan", "無法規劃")
        case .ticketsClash: return ("these tickets clash", "這些票的時間衝突")
        case .dayOverfull: return ("more tickets than the day's limit", "票數超過每日上限")
        case .commandPriority: return ("set the film's priority 0–5", "設定影片優先 0–5")
        case .commandPick: return ("pick or unpick the screening", "選擇或取消場次")
        case .commandTicket: return ("mark or unmark a held ticket", "標記或取消有票")
        case .commandPlan: return ("plan: the best schedule for your priorities", "規劃：依優先排出最佳行程")
        case .commandUndoPlan: return ("undo the last plan", "復原上一次規劃")
        case .commandSectionSchedule: return ("the schedule", "場次表")
        case .commandNextDay: return ("next day", "下一天")
        case .commandPreviousDay: return ("previous day", "前一天")
        case .keysNextDayPreviousDay: return ("next, previous day", "下一天、前一天")
        case .keysPickTicket: return ("pick, ticket", "選擇、有票")
        case .commandApplyPlan: return ("apply the plan shown", "套用顯示的行程")
        case .planPreview: return ("Enter: apply · Esc: keep yours", "Enter：套用 · Esc：保留原本的")
        case .wantedFilms: return ("wanted", "想看")
        case .status: return ("Status", "狀態")
        case .labels: return ("Labels", "標籤")
        case .address: return ("Address", "地址")
        case .overlapsPrevious: return ("overlaps the one before once travel is counted", "加上交通時間與前一場重疊")
        }
    }
}

/// How catalog values read in a language.
public enum Format {
    public static func unknown(_ l: Language) -> String { UIString.unknown.text(l) }

    /// "Grand Prix", "Merit (6th)", "6th place" (tier unknown), or "unknown".
    public static func award(_ film: Film, in catalog: Catalog, _ l: Language) -> String {
        guard let award = film.award else { return unknown(l) }
        guard let tier = award.tier else {
            guard let place = award.place else { return unknown(l) }
            return l == .en ? "\(ordinal(place)) place" : "第\(place)名"
        }
        let name = catalog.prizeTier(tier)?.name.text(l) ?? tier
        // The place only adds something when the tier spans several places.
        guard let place = award.place, place != catalog.prizeTier(tier)?.rank else { return name }
        return l == .en ? "\(name) (\(ordinal(place)))" : "\(name)（第\(place)名）"
    }

    public static func runtime(_ film: Film, _ l: Language) -> String {
        film.runtimeText ?? unknown(l)
    }

    /// What a film's people are called: speakers for a talk whose people all speak (an
    /// imported conference schedule), else directors.
    public static func creditLabel(_ film: Film, in catalog: Catalog) -> UIString {
        let talk = !film.directors.isEmpty && film.directors.allSatisfy { id in
            catalog.person(id).map { $0.roles.contains(.speaker) && !$0.roles.contains(.director) } ?? false
        }
        if talk { return film.directors.count > 1 ? .speakers : .speaker }
        return film.directors.count > 1 ? .directors : .director
    }

    /// The directors' names, or "unknown" when none is known.
    public static func directors(_ film: Film, in catalog: Catalog, _ l: Language) -> String {
        film.directors.isEmpty ? unknown(l) : film.directors.map { catalog.personName($0, l) }.joined(separator: UIString.listSeparator.text(l))
    }

    /// An event's name and date: "New York gala screening — 2025-06-05" (the date unknown
    /// when it is).
    public static func eventHeading(_ e: Event, _ l: Language) -> String {
        e.name.text(l) + " — " + (e.date?.description ?? unknown(l))
    }

    /// Where an event is: "Alice Tully Hall, Lincoln Center, New York"; empty when unknown.
    public static func place(_ e: Event, _ l: Language) -> String {
        [e.venue?.text(l), e.city?.text(l)].compactMap { $0 }.joined(separator: UIString.comma.text(l))
    }

    /// A prize tier: "Honoree (4th–5th) — $1,000 + 100,000 Runway credits".
    public static func prizeTier(_ t: PrizeTier, _ l: Language) -> String {
        var line = t.name.text(l)
        if let places = t.places { line += parenthetical(places.text(l), l) }
        if let prize = t.prize { line += " — " + prize.text(l) }
        return line
    }

    /// A parenthetical remark in the language's punctuation: " (4)" or "（4）".
    public static func parenthetical(_ text: String, _ l: Language) -> String {
        l == .en ? " (" + text + ")" : "（" + text + "）"
    }

    public static func list(_ items: [String], _ l: Language) -> String {
        items.joined(separator: UIString.listSeparator.text(l))
    }

    public static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    public static func role(_ role: Person.Role, _ l: Language) -> String {
        let names: [Person.Role: (String, String)] = [
            .director: ("director", "導演"), .juror: ("juror", "評審"), .speaker: ("speaker", "發言者"),
            .author: ("author", "作者"), .executive: ("executive", "企業主管"), .guest: ("guest", "嘉賓"),
            .narrator: ("narrator", "旁白"), .producer: ("producer", "製片"), .writer: ("writer", "編劇"),
            .editor: ("editor", "剪輯師"), .vfx: ("visual effects", "視覺特效"),
        ]
        let pair = names[role] ?? (role.rawValue, role.rawValue)
        return l == .en ? pair.0 : pair.1
    }

    public static func contextKind(_ kind: QuoteContext.Kind, _ l: Language) -> String {
        let names: [QuoteContext.Kind: (String, String)] = [
            .interview: ("interview", "訪談"), .press: ("press event", "媒體活動"), .stage: ("on stage", "台上致詞"),
            .statement: ("statement", "聲明"), .film: ("film narration", "影片旁白"), .article: ("article", "文章"),
            .other: ("other", "其他"),
        ]
        let pair = names[kind] ?? (kind.rawValue, kind.rawValue)
        return l == .en ? pair.0 : pair.1
    }

    /// "interview · 2025-06" style.
    public static func context(_ quote: Quote, _ l: Language) -> String {
        var parts = [contextKind(quote.context.kind, l)]
        if let d = quote.context.date { parts.append(d.description) }
        return parts.joined(separator: " · ")
    }

    /// Text on one line: line breaks and tabs become spaces.
    public static func singleLine(_ text: String) -> String {
        // Most text has no break at all: a byte scan decides (U+0085 is C2 85, U+2028/9 E2 80 A8/9).
        guard hasBreak(text) else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    static func hasBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            for i in b.indices {
                switch b[i] {
                case 0x09...0x0D: return true
                case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: return true
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): return true
                default: continue
                }
            }
            return false
        }
    }

    /// A quote's text in a language, falling back to the other language.
    public static func quoteText(_ quote: Quote, _ l: Language) -> String {
        quote.text.text(l)
    }

    /// The quote's text for a list row: tagged with its language when it is shown in the
    /// other one ("[zh] 他說…" in English, "〔英〕It is…" in Chinese), so a reader sees at
    /// once that no text in the interface's language exists.
    public static func quoteLine(_ quote: Quote, _ l: Language) -> String {
        guard quote.text[l] == nil, let other = quote.text[l.other] else { return quote.text.text(l) }
        return otherLanguageTag(l) + other
    }

    /// "[zh] " in English, "〔英〕" in Chinese: text in the language the interface is not in.
    public static func otherLanguageTag(_ l: Language) -> String { l == .en ? "[zh] " : "〔英〕" }
}

extension Int {
    /// 6000 → "6,000".
    public var groupedDigits: String {
        let digits = Array(String(abs(self)))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (self < 0 ? "-" : "") + out
    }
}
