import RollingStoneCore

/// The things replies count, with their singular and plural in every
/// interface language: counts are never made by adding an English "s".
package enum Noun: Sendable {
    case participant, country, entry, item, theme, submission, speaker, turn, lesson
    case kind(EntryKind)

    /// The singular and the plural, in `language`.
    func forms(in language: InterfaceLanguage) -> (one: String, many: String) {
        switch language {
        case .en:
            switch self {
            case .participant: ("participant", "participants")
            case .country: ("country", "countries")
            case .entry: ("entry", "entries")
            case .item: ("item", "items")
            case .theme: ("theme", "themes")
            case .submission: ("submission", "submissions")
            case .speaker: ("speaker", "speakers")
            case .turn: ("turn", "turns")
            case .lesson: ("lesson", "lessons")
            case .kind(let kind): (kind.rawValue, kind.rawValue + "s")
            }
        case .nl:
            switch self {
            case .participant: ("deelnemer", "deelnemers")
            case .country: ("land", "landen")
            case .entry: ("bijdrage", "bijdragen")
            case .item: ("agendapunt", "agendapunten")
            case .theme: ("thema", "thema's")
            case .submission: ("inzending", "inzendingen")
            case .speaker: ("spreker", "sprekers")
            case .turn: ("beurt", "beurten")
            case .lesson: ("les", "lessen")
            case .kind(let kind): kind.dutchForms
            }
        }
    }
}

extension InterfaceLanguage {
    /// "1 lesson", "2 lessons"; "1 les", "2 lessen".
    package func counted(_ count: Int, _ noun: Noun) -> String {
        let forms = noun.forms(in: self)
        return "\(count) " + (count == 1 ? forms.one : forms.many)
    }

    /// The name of an entry kind: "tip", "quote"; "tip", "citaat".
    package func name(of kind: EntryKind) -> String {
        Noun.kind(kind).forms(in: self).one
    }

    /// The kind with its definite article, at the start of a sentence:
    /// "The tip", "The quote"; "De tip", "Het citaat".
    func theKind(_ kind: EntryKind) -> String {
        switch self {
        case .en: "The \(kind.rawValue)"
        case .nl: (kind.takesHet ? "Het " : "De ") + name(of: kind)
        }
    }
}

extension EntryKind {
    /// The Dutch singular and plural.
    fileprivate var dutchForms: (one: String, many: String) {
        switch self {
        case .note: ("notitie", "notities")
        case .tip: ("tip", "tips")
        case .quote: ("citaat", "citaten")
        case .idea: ("idee", "ideeën")
        case .action: ("actie", "acties")
        case .question: ("vraag", "vragen")
        }
    }

    /// Whether the Dutch word is a "het" word (het citaat, het idee).
    var takesHet: Bool { self == .quote || self == .idea }
}
