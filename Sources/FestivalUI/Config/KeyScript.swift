import TextGrid

/// A script of keys, as `festival render --keys` takes it: characters stand for
/// themselves, a key name in angle brackets (any name the config file takes, such as
/// `<enter>`, `<esc>`, `<down>`, `<ctrl-n>`, `<f1>`) for that key, and `<lt>` for "<".
/// Example: `s版权<tab>j<enter>`.
public enum KeyScript {
    public static func parse(_ script: String) -> Result<[Key], KeyNameError> {
        var keys: [Key] = []
        var rest = Substring(script)
        while let c = rest.first {
            rest = rest.dropFirst()
            guard c == "<" else {
                switch KeyName.parse(String(c)) {
                case .success(let key): keys.append(key)
                case .failure(let error): return .failure(error)
                }
                continue
            }
            guard let close = rest.firstIndex(of: ">") else {
                return .failure(KeyNameError(message: "a \"<\" without \">\" (write <lt> for the character)"))
            }
            let name = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
            if name.lowercased() == "lt" { keys.append(.char("<")); continue }
            switch KeyName.parse(name) {
            case .success(let key): keys.append(key)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(keys)
    }
}
