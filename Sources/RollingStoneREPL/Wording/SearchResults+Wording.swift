import RollingStoneArchive
import RollingStoneCore
import RollingStoneReport

extension SearchResults {
    /// The results as lines, in `language`: a count, then for each result
    /// its kind, text and speaker, and on a second line where it was said.
    ///
    /// ```
    /// 2 found for 'medefin', best first:
    ///   1. tip: "Vraag een medefinancier" — Stef Steyaert (Lab van Troje, Belgium)
    ///      RollingStone 2, 2012-09-26, Stadslab Leiden · Trekkracht aan instanties · lesson "Begin klein"
    /// ```
    package func lines(for words: String, in language: InterfaceLanguage) -> [String] {
        let shown = words.abbreviated(limit: 60)
        guard total > 0 else {
            switch language {
            case .en: return ["Nothing found for '\(shown)' in the meetings of this folder."]
            case .nl: return ["Niets gevonden voor '\(shown)' in de bijeenkomsten van deze map."]
            }
        }
        var lines: [String]
        switch language {
        case .en: lines = [total == 1 ? "1 found for '\(shown)':" : "\(total) found for '\(shown)', best first:"]
        case .nl: lines = [total == 1 ? "1 gevonden voor '\(shown)':" : "\(total) gevonden voor '\(shown)', beste eerst:"]
        }
        for (position, hit) in hits.enumerated() {
            lines.append("  \(position + 1). \(hit.kindName(in: language)): \"\(hit.text.abbreviated(limit: 160))\"\(hit.byline(in: language))")
            lines.append("     " + hit.place(in: language))
        }
        if total > hits.count {
            switch language {
            case .en: lines.append("  … and \(total - hits.count) more; more words find fewer.")
            case .nl: lines.append("  … en nog \(total - hits.count); meer woorden vinden er minder.")
            }
        }
        return lines
    }
}

extension SearchHit {
    fileprivate func kindName(in language: InterfaceLanguage) -> String {
        switch kind {
        case .lesson: Noun.lesson.forms(in: language).one
        default: language.name(of: EntryKind(rawValue: kind.rawValue) ?? .note)
        }
    }

    /// " — Stef Steyaert (Lab van Troje, Belgium)", or who they are without
    /// their name when they are kept out of the write-ups by name.
    fileprivate func byline(in language: InterfaceLanguage) -> String {
        let meetingLanguage = language.meetingLanguage
        guard let country else { return "" }
        if isPrivate { return " — " + ReportWords.anonymous(from: country, in: meetingLanguage) }
        guard let person else { return "" }
        let details = [network ?? "", CountryResolver.name(of: country, in: meetingLanguage)].filter { !$0.isEmpty }.map { $0.abbreviated(limit: 60) }
        return " — \(person.abbreviated(limit: 60)) (\(details.joined(separator: ", ")))"
    }

    /// "RollingStone 2, 2012-09-26, Stadslab Leiden · Trekkracht · lesson "Begin klein"".
    fileprivate func place(in language: InterfaceLanguage) -> String {
        let name = [meeting.series, meeting.number.map(String.init)].compactMap { $0 }.joined(separator: " ")
        let heading = [name.isEmpty ? meeting.title : name, meeting.date ?? "", meeting.host ?? ""].filter { !$0.isEmpty }
        var parts = [heading.joined(separator: ", "), item]
        if let lesson { parts.append("\(Noun.lesson.forms(in: language).one) \"\(lesson.abbreviated(limit: 50))\"") }
        // Short enough to read at a glance on a laptop's terminal.
        return parts.filter { !$0.isEmpty }.map { $0.abbreviated(limit: 70) }.joined(separator: " · ")
    }
}
