import FestivalCatalog
import FestivalText
import TextGrid

/// The screen while a large catalog loads: which file, which phase, a bar, and how to leave.
public func loadingView(file: String, phase: LoadProgress.Phase, fraction: Double?, language l: Language,
                        size: Size) -> Canvas {
    var canvas = Canvas(width: size.width, height: size.height)
    guard size.width >= 10, size.height >= 3 else { return canvas }
    let y = max(0, size.height / 2 - 1)
    let title = UIString.loading.text(l) + " " + file
    canvas.put(Wrap.truncate(title, width: size.width - 2), x: 1, y: y, style: Style(.title, bold: true))
    let phaseText: String
    switch phase {
    case .reading: phaseText = UIString.loadingReading.text(l)
    case .checking: phaseText = UIString.loadingChecking.text(l)
    case .parsing: phaseText = UIString.loadingParsing.text(l)
    case .validating: phaseText = UIString.loadingValidating.text(l)
    case .indexing: phaseText = UIString.indexing.text(l)
    case .done: phaseText = UIString.loadingDone.text(l)
    }
    let barWidth = max(0, min(40, size.width - 10))
    var line = phaseText
    if let fraction, barWidth > 0 {
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        line = "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled) + "] "
            + "\(Int((fraction * 100).rounded(.down)))%  " + phaseText
    }
    canvas.put(Wrap.truncate(line, width: size.width - 2), x: 1, y: y + 1, style: Style(.accent))
    canvas.put(Wrap.truncate("q " + UIString.quit.text(l), width: size.width - 2), x: 1, y: min(size.height - 1, y + 2),
               style: Style(.muted, dim: true))
    return canvas
}
