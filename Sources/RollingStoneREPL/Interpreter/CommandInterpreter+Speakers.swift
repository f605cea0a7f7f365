import Foundation
import RollingStoneCore
import RollingStoneMeeting

/// The speaker queue at the prompt: `q+`, `q-`, `ack`, `q` and its words.
extension CommandInterpreter {
    /// `q+ @NAME [!] [TOPIC]`.
    func queueUp(_ typed: String) throws -> Reply {
        // "@stef!" is typed as often as "@stef !".
        var text = typed
        let (first, after) = CommandParser.splitFirstWord(typed)
        if first.count > 2, first.hasSuffix("!") { text = first.dropLast() + " ! " + after }
        let (participant, rest) = try speaker(in: text, for: .queueUp)
        var priority = SpeakerPriority.plain
        var topic = rest
        if topic.hasPrefix("!") {
            priority = .direct
            topic = topic.dropFirst().trimmingWhitespace
        }
        let (request, place) = try meeting.queueSpeaker(participant.id, priority: priority, topic: topic.isEmpty ? nil : topic)
        let state = self.state
        var reply = "\(participant.name) queued, \(place) of \(state.speakers.waiting.count)"
        if request.priority == .direct { reply += " (point of order / direct reply)" }
        if let topic = request.topic { reply += ": \(topic.quotedPreview)" }
        reply += "."
        if state.speakers.current == nil { reply += " 'ack' gives the floor." }
        return .ok(reply)
    }

    /// `q- @NAME`.
    func unqueue(_ text: String) throws -> Reply {
        let (participant, rest) = try speaker(in: text, for: .unqueue)
        guard rest.isEmpty else { throw CommandError.unexpectedArguments(.unqueue, rest) }
        _ = try meeting.unqueueSpeaker(participant.id)
        return .ok("\(participant.name) taken out of the queue; \(waitingWording(state)).")
    }

    /// `ack`, `q next`.
    func nextSpeaker() throws -> Reply {
        let change = try meeting.nextSpeaker()
        let state = self.state
        var parts: [String] = []
        if let ended = change.ended { parts.append(endedWording(ended, in: state)) }
        var floor = "Floor: \(name(change.started.participant, in: state))"
        if change.started.priority == .direct { floor += " (point of order / direct reply)" }
        if let topic = change.started.topic { floor += ", \(topic.quotedPreview)" }
        parts.append(floor + "; \(waitingWording(state)).")
        return .ok(parts.joined(separator: " "))
    }

    /// `q done`.
    func endTurn() throws -> Reply {
        let turn = try meeting.endTurn()
        let state = self.state
        return .ok(endedWording(turn, in: state) + " No one has the floor; \(waitingWording(state)).")
    }

    /// `q time MIN`, `q time off`.
    func setSpeakerTime(seconds: Int) throws -> Reply {
        try meeting.setSpeakerTime(seconds: seconds)
        guard seconds > 0 else { return .ok("No time limit per speaker.") }
        return .ok("Each speaker has \(Self.minutes(seconds)); running over is announced once per turn.")
    }

    /// What `q` shows: who has the floor, for how long, and who waits.
    func queueListing() -> String {
        let state = self.state
        let speakers = state.speakers
        var lines: [String] = []
        if let turn = speakers.current {
            let limit = speakers.secondsPerTurn > 0 ? " of \(Self.minutes(speakers.secondsPerTurn))" : ""
            lines.append("Floor: \(name(turn.request.participant, in: state)), \(Self.clock(turn.seconds(now: meeting.now)))\(limit).")
        } else {
            lines.append("No one has the floor.")
        }
        let waiting = speakers.waiting
        guard !waiting.isEmpty else {
            lines.append("The queue is empty: q+ @NAME puts someone in, '!' ahead of the others.")
            return lines.joined(separator: "\n")
        }
        lines.append("Queue (\(waiting.count)):")
        for (index, request) in waiting.enumerated() {
            let mark = request.priority == .direct ? "!" : " "
            let topic = request.topic.map { " — \($0.abbreviated(limit: 60))" } ?? ""
            lines.append("  \(index + 1). \(mark) \(name(request.participant, in: state))\(topic)")
        }
        return lines.joined(separator: "\n")
    }

    /// What `q stats` shows: turns and time by country and person, and who has not spoken.
    func speakerStatistics() -> String {
        let state = self.state
        let totals = SpeakingTotals(state, now: meeting.now)
        guard totals.all.turns > 0 else { return "No turns yet: q+ @NAME, then ack." }
        let language = state.agenda.language
        func line(_ total: SpeakerQueue.Total) -> String { "\(plural(total.turns, "turn")), \(Self.clock(total.seconds))" }
        var lines = ["Speaking turns: \(line(totals.all)) in all."]
        lines.append("By country:")
        lines += totals.countries.map { "  \(CountryResolver.name(of: $0.code, in: language)): \(line($0.total))" }
        lines.append("By person:")
        lines += totals.people.map { "  \($0.participant.name) (\($0.participant.country)): \(line($0.total))" }
        if !totals.unheard.isEmpty {
            lines.append("Not heard yet: \(totals.unheard.map(\.name).joined(separator: ", ")).")
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Helpers

    /// The participant `@NAME` at the start of `text` names, and what follows it.
    private func speaker(in text: String, for command: CommandName) throws -> (Participant, String) {
        guard text.hasPrefix("@") else { throw CommandError.missingArgument(command, "@NAME") }
        let (participant, rest) = try mentionResolver(for: state).resolve(text)
        guard let participant else { throw CommandError.missingArgument(command, "@NAME") }
        return (participant, rest)
    }

    private func name(_ id: Int, in state: MeetingState) -> String {
        state.participant(id)?.name ?? "participant \(id)"
    }

    private func endedWording(_ turn: SpeakerTurn, in state: MeetingState) -> String {
        "\(name(turn.request.participant, in: state)) spoke \(Self.clock(turn.seconds(now: meeting.now)))."
    }

    private func waitingWording(_ state: MeetingState) -> String {
        let waiting = state.speakers.waiting
        guard let first = waiting.first else { return "the queue is empty" }
        return "next: \(name(first.participant, in: state))" + (waiting.count > 1 ? " (\(waiting.count) waiting)" : "")
    }

    /// "2:05": minutes and seconds, as a speaker's time is short.
    static func clock(_ seconds: TimeInterval) -> String {
        let whole = Int(Swift.max(0, seconds).rounded(.down))
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }

    /// "3 min", "1:30 min".
    static func minutes(_ seconds: Int) -> String {
        seconds % 60 == 0 ? "\(seconds / 60) min" : "\(clock(TimeInterval(seconds))) min"
    }
}
