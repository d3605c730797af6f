import FestivalCatalog
/// Word and phrase lists for `CatalogGenerator`: neutral film-making vocabulary, with
/// invented names. Nothing here is anyone's real words.

/// A phrase in Traditional Chinese, Simplified Chinese and English, kept as UTF-8 bytes
/// with its length in characters so quotes are assembled without measuring strings.
/// All text is precomposed (NFC), so a character is one Unicode scalar.
struct SyntheticPhrase: Sendable {
    let hant: [UInt8]
    let hans: [UInt8]
    let en: [UInt8]
    /// `en` with its first letter in upper case (a sentence that starts with it).
    let enCapitalized: [UInt8]
    let hantCount: Int
    let hansCount: Int
    let enCount: Int

    init(_ hant: String, _ hans: String, _ en: String) {
        self.hant = Array(hant.utf8)
        self.hans = Array(hans.utf8)
        self.en = Array(en.utf8)
        var cap = Array(en.utf8)
        if let first = cap.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { cap[0] = first - 32 }
        enCapitalized = cap
        hantCount = hant.unicodeScalars.count
        hansCount = hans.unicodeScalars.count
        enCount = en.unicodeScalars.count
    }

    func zh(simplified: Bool) -> [UInt8] { simplified ? hans : hant }
    func zhCount(simplified: Bool) -> Int { simplified ? hansCount : hantCount }
}

/// A name or label in both languages with an ASCII slug for ids.
struct SyntheticWord: Sendable {
    let zh: String
    let en: String
    let slug: String

    init(_ zh: String, _ en: String, _ slug: String = "") {
        self.zh = zh
        self.en = en
        self.slug = slug
    }

    var text: LocalizedText { LocalizedText(zhHant: zh, en: en) }
}

enum SyntheticVocabulary {
    // MARK: Quotes
    //
    // A full sentence is opener + subject + verb + object (+ adverbial). Chinese puts the
    // adverbial before the verb; English after the object. The three columns are the
    // same sentence, so a quote in both languages is its own translation.

    /// Sentence openers; English ones end in a space and are capitalized.
    static let openers: [SyntheticPhrase] = [
        .init("", "", ""),
        .init("", "", ""),
        .init("", "", ""),
        .init("我覺得", "我觉得", "I think "),
        .init("對我來說，", "对我来说，", "For me, "),
        .init("老實說，", "老实说，", "Honestly, "),
        .init("在剪輯室裡，", "在剪辑室里，", "In the editing room, "),
        .init("在片場，", "在片场，", "On set, "),
        .init("回到咖啡館，", "回到咖啡馆，", "Back at the café, "),
        .init("說得天真一點，", "说得天真一点，", "To be naïve about it, "),
        .init("正如 Cristóbal 對劇組說的，", "正如 Cristóbal 对剧组说的，", "As Cristóbal told the crew, "),
        .init("我們發現", "我们发现", "We found that "),
        .init("其實", "其实", "In fact, "),
        .init("拍到第三天，", "拍到第三天，", "By the third day, "),
    ]

    /// Singular subjects, lower case in English.
    static let subjects: [SyntheticPhrase] = [
        .init("這個鏡頭", "这个镜头", "this shot"),
        .init("每一格畫面", "每一格画面", "every frame"),
        .init("我們的小劇組", "我们的小剧组", "our small crew"),
        .init("剪輯", "剪辑", "the edit"),
        .init("配樂", "配乐", "the score"),
        .init("攝影機", "摄影机", "the camera"),
        .init("那場咖啡館的戲", "那场咖啡馆的戏", "the café scene"),
        .init("分鏡表", "分镜表", "the storyboard"),
        .init("一部短片", "一部短片", "a short film"),
        .init("這部電影", "这部电影", "this film"),
        .init("觀眾", "观众", "the audience"),
        .init("演員的沉默", "演员的沉默", "the actor's silence"),
        .init("第一版粗剪", "第一版粗剪", "the first rough cut"),
        .init("那份天真的草稿", "那份天真的草稿", "that naïve draft"),
        .init("創作", "创作", "the creative work"),
        .init("版權問題", "版权问题", "the copyright question"),
        .init("生成的影像", "生成的影像", "the generated image"),
        .init("聲音設計", "声音设计", "the sound design"),
        .init("劇本", "剧本", "the script"),
        .init("每一次重拍", "每一次重拍", "every retake"),
    ]

    /// Verbs for a singular subject; English ones are surrounded by spaces.
    static let verbs: [SyntheticPhrase] = [
        .init("需要", "需要", " needs "),
        .init("記得", "记得", " remembers "),
        .init("找到了", "找到了", " found "),
        .init("改變了", "改变了", " changed "),
        .init("隱藏著", "隐藏着", " hides "),
        .init("揭露了", "揭露了", " revealed "),
        .init("跟隨著", "跟随着", " follows "),
        .init("保護著", "保护着", " protects "),
        .init("等待著", "等待着", " waits for "),
        .init("塑造了", "塑造了", " shaped "),
        .init("質疑", "质疑", " questions "),
        .init("重新發現了", "重新发现了", " rediscovered "),
    ]

    static let objects: [SyntheticPhrase] = [
        .init("光線", "光线", "the light"),
        .init("一種安靜的節奏", "一种安静的节奏", "a quiet rhythm"),
        .init("演員的呼吸", "演员的呼吸", "the actor's breath"),
        .init("一個誠實的結局", "一个诚实的结局", "an honest ending"),
        .init("房間的顏色", "房间的颜色", "the colour of the room"),
        .init("剪接點", "剪接点", "the cut point"),
        .init("觀眾的記憶", "观众的记忆", "the audience's memory"),
        .init("那杯冷掉的咖啡", "那杯冷掉的咖啡", "the cup of coffee gone cold"),
        .init("沒有說出口的話", "没有说出口的话", "the words nobody said"),
        .init("城市的聲音", "城市的声音", "the sound of the city"),
        .init("電影本身", "电影本身", "the film itself"),
        .init("創作的自由", "创作的自由", "the freedom to create"),
        .init("版權的界線", "版权的界线", "the limits of copyright"),
        .init("時間的重量", "时间的重量", "the weight of time"),
        .init("每一個錯誤", "每一个错误", "every mistake"),
        .init("手繪的質感", "手绘的质感", "the hand-drawn texture"),
        .init("一個長鏡頭", "一个长镜头", "a long take"),
        .init(" Cristóbal 的分鏡", " Cristóbal 的分镜", "Cristóbal's storyboard"),
        .init("咖啡館外的雨", "咖啡馆外的雨", "the rain outside the café"),
        .init("一種天真的勇氣", "一种天真的勇气", "a naïve kind of courage"),
        .init("似曾相識的感覺", "似曾相识的感觉", "a sense of déjà vu"),
    ]

    /// Adverbials: before the verb in Chinese, after the object in English (leading space).
    static let adverbials: [SyntheticPhrase] = [
        .init("在首映之前", "在首映之前", " before the première"),
        .init("在最後的混音裡", "在最后的混音里", " in the final mix"),
        .init("每一次都", "每一次都", " every time"),
        .init("到了深夜", "到了深夜", " late at night"),
        .init("在調色的時候", "在调色的时候", " during the colour grade"),
        .init("在第一次放映時", "在第一次放映时", " at the first screening"),
        .init("在剪輯台上", "在剪辑台上", " on the editing table"),
    ]

    /// Complete short sentences, with their full stops.
    static let shortSentences: [SyntheticPhrase] = [
        .init("這就是電影。", "这就是电影。", "That is cinema."),
        .init("我們從頭再來。", "我们从头再来。", "We started again."),
        .init("光線會說話。", "光线会说话。", "Light speaks."),
        .init("沒有捷徑。", "没有捷径。", "There is no shortcut."),
        .init("剪輯就是寫作。", "剪辑就是写作。", "Editing is writing."),
        .init("聲音是畫面的另一半。", "声音是画面的另一半。", "Sound is the other half of the picture."),
        .init("我們只是把燈打開。", "我们只是把灯打开。", "We just turned the lights on."),
        .init("每一格都算數。", "每一格都算数。", "Every frame counts."),
    ]

    /// Where a quote was said, with the kind of context it is.
    static let places: [(kind: QuoteContext.Kind, place: LocalizedText)] = [
        (.interview, LocalizedText(zhHant: "接受一本虛構雜誌訪問", en: "Interview with a fictional magazine")),
        (.interview, LocalizedText(zhHant: "在片場接受訪問", en: "Interview on set")),
        (.stage, LocalizedText(zhHant: "頒獎典禮台上", en: "On stage at the awards ceremony")),
        (.stage, LocalizedText(zhHant: "映後座談", en: "Q&A after a screening")),
        (.press, LocalizedText(zhHant: "記者會", en: "Press conference")),
        (.statement, LocalizedText(zhHant: "導演的書面聲明", en: "The director's written statement")),
        (.film, LocalizedText(zhHant: "影片的旁白", en: "The film's narration")),
        (.article, LocalizedText(zhHant: "為虛構刊物撰寫的專欄", en: "Column for a fictional publication")),
        (.other, LocalizedText(zhHant: "工作坊上的談話", en: "Talk at a workshop")),
    ]

    static let topics: [SyntheticWord] = [
        .init("攝影", "cinematography", "cinematography"),
        .init("剪輯", "editing", "editing"),
        .init("聲音", "sound", "sound"),
        .init("配樂", "music", "music"),
        .init("編劇", "screenwriting", "screenwriting"),
        .init("導演工作", "directing", "directing"),
        .init("表演", "acting", "acting"),
        .init("動畫", "animation", "animation"),
        .init("紀錄片", "documentary", "documentary"),
        .init("調色", "colour", "colour"),
        .init("光線", "light", "light"),
        .init("記憶", "memory", "memory"),
        .init("時間", "time", "time"),
        .init("觀眾", "audience", "audience"),
        .init("影展", "festivals", "festivals"),
        .init("發行", "distribution", "distribution"),
        .init("版權", "copyright", "copyright"),
        .init("工具", "tools", "tools"),
        .init("協作", "collaboration", "collaboration"),
        .init("技藝", "craft", "craft"),
    ]

    // MARK: Films

    static let titleAdjectives: [SyntheticWord] = [
        .init("安靜的", "Quiet", "quiet"), .init("最後的", "Last", "last"), .init("隱藏的", "Hidden", "hidden"),
        .init("遙遠的", "Distant", "distant"), .init("借來的", "Borrowed", "borrowed"), .init("銀色的", "Silver", "silver"),
        .init("未完成的", "Unfinished", "unfinished"), .init("無盡的", "Endless", "endless"), .init("紙做的", "Paper", "paper"),
        .init("天真的", "Naïve", "naive"), .init("北方的", "Northern", "northern"), .init("漂浮的", "Floating", "floating"),
        .init("午夜的", "Midnight", "midnight"), .init("破碎的", "Broken", "broken"), .init("金色的", "Golden", "golden"),
        .init("緩慢的", "Slow", "slow"),
    ]

    static let titleNouns: [SyntheticWord] = [
        .init("檔案館", "Archive", "archive"), .init("花園", "Garden", "garden"), .init("港口", "Harbour", "harbour"),
        .init("機器", "Machine", "machine"), .init("果園", "Orchard", "orchard"), .init("訊號", "Signal", "signal"),
        .init("燈塔", "Lighthouse", "lighthouse"), .init("咖啡館", "Café", "cafe"), .init("地平線", "Horizon", "horizon"),
        .init("鏡子", "Mirror", "mirror"), .init("河流", "River", "river"), .init("信", "Letter", "letter"),
        .init("房間", "Room", "room"), .init("邊境", "Frontier", "frontier"), .init("夢", "Dream", "dream"),
        .init("車站", "Station", "station"), .init("潮汐", "Tide", "tide"), .init("森林", "Forest", "forest"),
        .init("合唱", "Chorus", "chorus"), .init("地圖集", "Atlas", "atlas"),
    ]

    /// Who a synopsis is about (English with its article, capitalized).
    static let synopsisLeads: [SyntheticWord] = [
        .init("一位放映師", "A projectionist"), .init("一位剪輯師", "A film editor"),
        .init("一位年輕的導演", "A young director"), .init("一位退休的演員", "A retired actor"),
        .init("一位咖啡館老闆", "A café owner"), .init("一位作曲家", "A composer"),
        .init("一位守燈塔的人", "A lighthouse keeper"), .init("一群學生", "A group of students"),
    ]

    static let synopsisVerbs: [SyntheticWord] = [
        .init("尋找", "searches for"), .init("拍攝", "films"), .init("修復", "restores"),
        .init("記錄", "records"), .init("追逐", "chases"), .init("重建", "rebuilds"),
    ]

    static let synopsisPlaces: [SyntheticWord] = [
        .init("在一座被遺忘的城市裡", "in a forgotten city"), .init("在海邊的小鎮", "in a seaside town"),
        .init("在深夜的攝影棚", "in a studio at midnight"), .init("在廢棄的電影院", "in an abandoned cinema"),
        .init("在北方的港口", "in a northern harbour"), .init("在沙漠中的車站", "at a desert station"),
    ]

    /// Further synopsis sentences, complete.
    static let synopsisExtras: [SyntheticWord] = [
        .init("影片以單一長鏡頭拍成。", "The film is shot as a single long take."),
        .init("全片以手繪動畫完成。", "It is entirely hand-drawn."),
        .init("旁白由導演親自錄製。", "The director voices the narration."),
        .init("片中沒有任何對白。", "There is no dialogue."),
        .init("配樂以現場錄音製作。", "The score was recorded live."),
        .init("結局留給觀眾自己想像。", "The ending is left to the audience."),
        .init("影像由生成模型與實拍素材混合而成。", "Generated images are mixed with live-action footage."),
    ]

    static let styles: [SyntheticWord] = [
        .init("紀錄片", "documentary"), .init("散文電影", "essay film"), .init("轉描動畫", "rotoscope animation"),
        .init("定格動畫", "stop-motion animation"), .init("實驗電影", "experimental film"), .init("音樂錄影帶", "music video"),
        .init("劇情短片", "narrative short"), .init("混合媒材", "mixed media"),
    ]

    static let countries: [SyntheticWord] = [
        .init("臺灣", "Taiwan"), .init("日本", "Japan"), .init("法國", "France"), .init("智利", "Chile"),
        .init("墨西哥", "Mexico"), .init("德國", "Germany"), .init("美國", "United States"), .init("南韓", "South Korea"),
        .init("巴西", "Brazil"), .init("加拿大", "Canada"), .init("丹麥", "Denmark"), .init("西班牙", "Spain"),
    ]

    // MARK: People (invented names, put together at random)

    static let westernFirstNames: [SyntheticWord] = [
        .init("荷西", "José", "jose"), .init("柔伊", "Zoë", "zoe"), .init("伊內絲", "Inès", "ines"),
        .init("比約恩", "Björn", "bjorn"), .init("莉亞", "Léa", "lea"), .init("馬特奧", "Mateo", "mateo"),
        .init("安娜", "Ana", "ana"), .init("諾埃米", "Noémie", "noemie"), .init("托馬斯", "Tomás", "tomas"),
        .init("索倫", "Søren", "soren"), .init("克蘿伊", "Chloé", "chloe"), .init("安德烈斯", "Andrés", "andres"),
        .init("瑪塔", "Marta", "marta"), .init("約納斯", "Jonas", "jonas"), .init("艾蜜莉", "Amélie", "amelie"),
        .init("奧斯卡", "Oskar", "oskar"), .init("露西亞", "Lucía", "lucia"), .init("拉斐爾", "Rafael", "rafael"),
        .init("瑪倫", "Maren", "maren"), .init("艾洛蒂", "Élodie", "elodie"),
    ]

    static let westernLastNames: [SyntheticWord] = [
        .init("努涅斯", "Núñez", "nunez"), .init("瓦雷", "Vallée", "vallee"), .init("厄斯特高", "Østergaard", "ostergaard"),
        .init("穆勒", "Müller", "muller"), .init("杜布瓦", "Dubois", "dubois"), .init("費雷拉", "Ferreira", "ferreira"),
        .init("林德奎斯特", "Lindqvist", "lindqvist"), .init("金特羅", "Quintero", "quintero"), .init("莫羅", "Moreau", "moreau"),
        .init("薩博", "Szabó", "szabo"), .init("卡斯蒂略", "Castillo", "castillo"), .init("彼得羅夫", "Petrov", "petrov"),
        .init("奧卡佛", "Okafor", "okafor"), .init("布蘭特", "Brandt", "brandt"), .init("里奧斯", "Ríos", "rios"),
        .init("勒克萊爾", "Leclerc", "leclerc"),
    ]

    static let chineseFamilyNames: [SyntheticWord] = [
        .init("林", "Lin", "lin"), .init("陳", "Chen", "chen"), .init("王", "Wang", "wang"), .init("黃", "Huang", "huang"),
        .init("張", "Zhang", "zhang"), .init("吳", "Wu", "wu"), .init("周", "Zhou", "zhou"), .init("許", "Hsu", "hsu"),
        .init("蔡", "Tsai", "tsai"), .init("葉", "Yeh", "yeh"), .init("鄭", "Cheng", "cheng"), .init("謝", "Hsieh", "hsieh"),
    ]

    static let chineseGivenNames: [SyntheticWord] = [
        .init("明遠", "Mingyuan", "mingyuan"), .init("雨晴", "Yuqing", "yuqing"), .init("子軒", "Zixuan", "zixuan"),
        .init("怡君", "Yijun", "yijun"), .init("家豪", "Jiahao", "jiahao"), .init("淑芬", "Shufen", "shufen"),
        .init("承恩", "Chengen", "chengen"), .init("詩涵", "Shihan", "shihan"), .init("冠宇", "Guanyu", "guanyu"),
        .init("欣妤", "Xinyu", "xinyu"), .init("柏翰", "Bohan", "bohan"), .init("佳穎", "Jiaying", "jiaying"),
    ]

    static let personTitles: [SyntheticWord] = [
        .init("導演", "director"), .init("剪輯師", "editor"), .init("攝影指導", "cinematographer"),
        .init("製片", "producer"), .init("影評人", "critic"), .init("動畫師", "animator"),
        .init("編劇", "screenwriter"), .init("聲音設計師", "sound designer"),
    ]

    static let affiliations: [SyntheticWord] = [
        .init("合成影業（虛構）", "Synthetic Pictures (fictional)"),
        .init("範例工作室（虛構）", "Example Studio (fictional)"),
        .init("紙船電影社（虛構）", "Paper Boat Film Club (fictional)"),
    ]

    /// Roles a person may have besides director, speaker and juror.
    static let extraRoles: [Person.Role] = [.producer, .writer, .editor, .vfx, .guest, .author]
}
