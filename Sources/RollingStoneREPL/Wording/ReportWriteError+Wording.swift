import RollingStoneCore
import RollingStoneReport

extension ReportWriteError {
    /// What the REPL says when `report FILE` could not write, in `language`.
    /// What the system or WeasyPrint said stays in their words.
    func description(in language: InterfaceLanguage) -> String {
        let path = path.abbreviated(limit: 200)
        switch (reason, language) {
        case (.system(let reason), .en):
            return "Could not write the report to \(path): \(reason)"
        case (.system(let reason), .nl):
            return "Het verslag kon niet naar \(path) worden geschreven: \(reason)"
        case (.pdf(.weasyPrintMissing), .en):
            return
                "No PDF: WeasyPrint, which prints it, is not installed (sudo apt-get install weasyprint). Write 'report \(htmlPath)' and print that from a browser."
        case (.pdf(.weasyPrintMissing), .nl):
            return
                "Geen PDF: WeasyPrint, dat hem drukt, is niet geïnstalleerd (sudo apt-get install weasyprint). Schrijf 'verslag \(htmlPath)' en druk dat af vanuit een browser."
        case (.pdf(.weasyPrintFailed(let status, let message)), .en):
            return "WeasyPrint could not print \(path) (exit status \(status))" + (message.isEmpty ? "." : ": \(message.abbreviated(limit: 400))")
        case (.pdf(.weasyPrintFailed(let status, let message)), .nl):
            return "WeasyPrint kon \(path) niet drukken (afsluitcode \(status))" + (message.isEmpty ? "." : ": \(message.abbreviated(limit: 400))")
        case (.pdf(.unwritable(_, let reason)), .en):
            return "Could not write the report to \(path): \(reason)"
        case (.pdf(.unwritable(_, let reason)), .nl):
            return "Het verslag kon niet naar \(path) worden geschreven: \(reason)"
        }
    }

    /// The same name ending in `.html`, to suggest when a PDF cannot be made.
    private var htmlPath: String {
        let base = path.lowercased().hasSuffix(".pdf") ? String(path.dropLast(4)) : path
        return base + ".html"
    }
}
