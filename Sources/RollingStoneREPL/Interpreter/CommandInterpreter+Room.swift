import RollingStoneCore
import RollingStoneMeeting

/// The room's inbox: what phones sent, and the facilitator's decisions.
extension CommandInterpreter {
    func inboxListing() -> String {
        let pending = state.pendingSubmissions
        guard !pending.isEmpty else { return "The inbox is empty." }
        var lines = ["\(plural(pending.count, "submission")) waiting ('accept N [@NAME]' or 'reject N'):"]
        for submission in pending {
            lines.append("  \(submission.number) \(submission.kind.rawValue) from \(submission.name): \(submission.text.quotedPreview)")
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
        var reply = "Submission \(number) accepted as #\(entry.number) \(entry.kind.rawValue)"
        if let id = entry.participant, let person = after.participant(id) { reply += " by \(person.name)" }
        reply += ", under \(placeDescription(item: entry.item, lesson: entry.lesson, in: after))"
        if entry.participant == nil, let sender = after.submissions.first(where: { $0.number == number })?.name {
            // Said, so the name the phone gave is not lost without a word.
            reply += ". \"\(sender.abbreviated())\" has not joined, so it is attributed to no one; to name them: undo, join, accept \(number) @NAME"
        }
        return .ok(reply)
    }

    func reject(_ number: Int) throws -> Reply {
        let submission = try meeting.reject(submission: number)
        return .ok("Submission \(number) rejected: \(submission.text.quotedPreview) ('undo' brings it back)")
    }

    func roomPolicy(direct: Bool?) -> Reply {
        if let direct { meeting.acceptsSubmissionsDirectly = direct }
        return .ok(
            meeting.acceptsSubmissionsDirectly
                ? "Room direct: what phones send is captured at once, under the current item and lesson."
                : "Room moderated: what phones send waits in the inbox for 'accept N' or 'reject N'.")
    }
}

extension SubmissionStatus {
    /// "pending", "accepted as #12", "rejected".
    var wording: String {
        switch self {
        case .pending: "waiting in the inbox"
        case .accepted(let entry): "accepted as #\(entry)"
        case .rejected: "rejected"
        }
    }
}

/// What the REPL says above the prompt when a phone sends something.
enum RoomAnnouncement {
    static func text(for submission: Submission, direct: Bool) -> String {
        let what = "Phone: \(submission.kind.rawValue) from \(submission.name) — \(submission.text.quotedPreview)"
        return direct
            ? what + "  (room direct: captured at once; 'undo' takes it back)"
            : what + "  (accept \(submission.number) / reject \(submission.number))"
    }
}
