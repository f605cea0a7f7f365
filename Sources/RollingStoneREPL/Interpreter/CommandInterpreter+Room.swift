import RollingStoneCore
import RollingStoneMeeting

/// The room's inbox: what phones sent, and the facilitator's decisions.
extension CommandInterpreter {
    func inboxListing() -> String {
        let pending = state.pendingSubmissions
        let count = language.counted(pending.count, .submission)
        var lines: [String]
        switch (language, pending.isEmpty) {
        case (.en, true): return "The inbox is empty."
        case (.nl, true): return "De inbox is leeg."
        case (.en, false): lines = ["\(count) waiting ('accept N [@NAME]' or 'reject N'):"]
        case (.nl, false): lines = ["\(count) \(pending.count == 1 ? "wacht" : "wachten") ('accepteer N [@NAAM]' of 'weiger N'):"]
        }
        for submission in pending {
            let kind = language.name(of: submission.kind.entryKind)
            let text = submission.text.quotedPreview
            switch language {
            case .en: lines.append("  \(submission.number) \(kind) from \(submission.name): \(text)")
            case .nl: lines.append("  \(submission.number) \(kind) van \(submission.name): \(text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    func accept(_ number: Int, mention: String?) throws -> Reply {
        let state = self.state
        var participant: Participant?
        if let mention {
            guard mention.hasPrefix("@") else { throw CommandError.unexpectedArguments(.accept, mention) }
            let (found, rest) = try mentionResolver(for: state).resolve(mention)
            guard rest.isEmpty else { throw CommandError.unexpectedArguments(.accept, rest) }
            participant = found
        }
        let entry = try meeting.accept(submission: number, by: participant?.id)
        let after = self.state
        let kind = language.name(of: entry.kind)
        let person = entry.participant.flatMap { after.participant($0) }?.name
        let place = placeDescription(item: entry.item, lesson: entry.lesson, in: after)
        var reply: String
        switch language {
        case .en: reply = "Submission \(number) accepted as #\(entry.number) \(kind)" + (person.map { " by \($0)" } ?? "") + ", under \(place)"
        case .nl: reply = "Inzending \(number) geaccepteerd als #\(entry.number) \(kind)" + (person.map { " van \($0)" } ?? "") + ", onder \(place)"
        }
        if entry.participant == nil, let sender = after.submissions.first(where: { $0.number == number })?.name {
            // Said, so the name the phone gave is not lost without a word.
            let sender = sender.abbreviated()
            switch language {
            case .en:
                reply += ". \"\(sender)\" has not joined, so it is attributed to no one; to name them: undo, join, accept \(number) @NAME"
            case .nl:
                reply += ". \"\(sender)\" doet niet mee, dus het staat op niemands naam; om iemand te noemen: herstel, deelnemer, accepteer \(number) @NAAM"
            }
        }
        return .ok(reply)
    }

    func reject(_ number: Int) throws -> Reply {
        let submission = try meeting.reject(submission: number)
        switch language {
        case .en: return .ok("Submission \(number) rejected: \(submission.text.quotedPreview) ('undo' brings it back)")
        case .nl: return .ok("Inzending \(number) geweigerd: \(submission.text.quotedPreview) ('herstel' haalt haar terug)")
        }
    }

    func roomPolicy(direct: Bool?) -> Reply {
        if let direct { meeting.acceptsSubmissionsDirectly = direct }
        switch (language, meeting.acceptsSubmissionsDirectly) {
        case (.en, true): return .ok("Room direct: what phones send is captured at once, under the current item and lesson.")
        case (.en, false): return .ok("Room moderated: what phones send waits in the inbox for 'accept N' or 'reject N'.")
        case (.nl, true): return .ok("Zaal direct: wat telefoons sturen, wordt meteen vastgelegd, onder het huidige punt en de huidige les.")
        case (.nl, false): return .ok("Zaal gemodereerd: wat telefoons sturen, wacht in de inbox op 'accepteer N' of 'weiger N'.")
        }
    }
}

extension SubmissionStatus {
    /// "waiting in the inbox", "accepted as #12", "rejected", in `language`.
    func wording(in language: InterfaceLanguage) -> String {
        switch (self, language) {
        case (.pending, .en): "waiting in the inbox"
        case (.pending, .nl): "wacht in de inbox"
        case (.accepted(let entry), .en): "accepted as #\(entry)"
        case (.accepted(let entry), .nl): "geaccepteerd als #\(entry)"
        case (.rejected, .en): "rejected"
        case (.rejected, .nl): "geweigerd"
        }
    }
}

/// What the REPL says above the prompt when a phone sends something.
enum RoomAnnouncement {
    static func text(for submission: Submission, direct: Bool, in language: InterfaceLanguage) -> String {
        let kind = language.name(of: submission.kind.entryKind)
        let text = submission.text.quotedPreview
        let number = submission.number
        switch (language, direct) {
        case (.en, true): return "Phone: \(kind) from \(submission.name) — \(text)  (room direct: captured at once; 'undo' takes it back)"
        case (.en, false): return "Phone: \(kind) from \(submission.name) — \(text)  (accept \(number) / reject \(number))"
        case (.nl, true): return "Telefoon: \(kind) van \(submission.name) — \(text)  (zaal direct: meteen vastgelegd; 'herstel' maakt het ongedaan)"
        case (.nl, false): return "Telefoon: \(kind) van \(submission.name) — \(text)  (accepteer \(number) / weiger \(number))"
        }
    }
}
