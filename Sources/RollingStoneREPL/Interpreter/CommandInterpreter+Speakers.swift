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
        let count = state.speakers.waiting.count
        var reply: String
        switch language {
        case .en: reply = "\(participant.name) queued, \(place) of \(count)"
        case .nl: reply = "\(participant.name) staat op de lijst, nummer \(place) van \(count)"
        }
        if request.priority == .direct { reply += directWording }
        if let topic = request.topic { reply += ": \(topic.quotedPreview)" }
        reply += "."
        if state.speakers.current == nil {
            switch language {
            case .en: reply += " 'ack' gives the floor."
            case .nl: reply += " 'beurt' geeft het woord."
            }
        }
        return .ok(reply)
    }

    /// `q- @NAME`.
    func unqueue(_ text: String) throws -> Reply {
        let (participant, rest) = try speaker(in: text, for: .unqueue)
        guard rest.isEmpty else { throw CommandError.unexpectedArguments(.unqueue, rest) }
        _ = try meeting.unqueueSpeaker(participant.id)
        switch language {
        case .en: return .ok("\(participant.name) taken out of the queue; \(waitingWording(state)).")
        case .nl: return .ok("\(participant.name) van de lijst gehaald; \(waitingWording(state)).")
        }
    }

    /// `ack`, `q next`.
    func nextSpeaker() throws -> Reply {
        let change = try meeting.nextSpeaker()
        let state = self.state
        var parts: [String] = []
        if let ended = change.ended { parts.append(endedWording(ended, in: state)) }
        let speaker = name(change.started.participant, in: state)
        var floor: String
        switch language {
        case .en: floor = "Floor: \(speaker)"
        case .nl: floor = "Het woord is aan \(speaker)"
        }
        if change.started.priority == .direct { floor += directWording }
        if let topic = change.started.topic { floor += ", \(topic.quotedPreview)" }
        parts.append(floor + "; \(waitingWording(state)).")
        return .ok(parts.joined(separator: " "))
    }

    /// `q done`.
    func endTurn() throws -> Reply {
        let turn = try meeting.endTurn()
        let state = self.state
        switch language {
        case .en: return .ok(endedWording(turn, in: state) + " No one has the floor; \(waitingWording(state)).")
        case .nl: return .ok(endedWording(turn, in: state) + " Niemand heeft het woord; \(waitingWording(state)).")
        }
    }

    /// `q time MIN`, `q time off`.
    func setSpeakerTime(seconds: Int) throws -> Reply {
        try meeting.setSpeakerTime(seconds: seconds)
        switch (language, seconds > 0) {
        case (.en, false): return .ok("No time limit per speaker.")
        case (.en, true): return .ok("Each speaker has \(Self.minutes(seconds)); running over is announced once per turn.")
        case (.nl, false): return .ok("Geen tijdslimiet per spreker.")
        case (.nl, true): return .ok("Elke spreker heeft \(Self.minutes(seconds)); wie uitloopt, wordt één keer per beurt gemeld.")
        }
    }

    /// What `q` shows: who has the floor, for how long, and who waits.
    func queueListing() -> String {
        let state = self.state
        let speakers = state.speakers
        var lines: [String] = []
        if let turn = speakers.current {
            let speaker = name(turn.request.participant, in: state)
            let spoken = Self.clock(turn.seconds(now: meeting.now))
            let limit = Self.minutes(speakers.secondsPerTurn)
            switch (language, speakers.secondsPerTurn > 0) {
            case (.en, true): lines.append("Floor: \(speaker), \(spoken) of \(limit).")
            case (.en, false): lines.append("Floor: \(speaker), \(spoken).")
            case (.nl, true): lines.append("Het woord: \(speaker), \(spoken) van \(limit).")
            case (.nl, false): lines.append("Het woord: \(speaker), \(spoken).")
            }
        } else {
            switch language {
            case .en: lines.append("No one has the floor.")
            case .nl: lines.append("Niemand heeft het woord.")
            }
        }
        let waiting = speakers.waiting
        guard !waiting.isEmpty else {
            switch language {
            case .en: lines.append("The queue is empty: q+ @NAME puts someone in, '!' ahead of the others.")
            case .nl: lines.append("De sprekerslijst is leeg: q+ @NAAM zet iemand erop, met '!' vóór de anderen.")
            }
            return lines.joined(separator: "\n")
        }
        switch language {
        case .en: lines.append("Queue (\(waiting.count)):")
        case .nl: lines.append("Sprekerslijst (\(waiting.count)):")
        }
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
        guard totals.all.turns > 0 else {
            switch language {
            case .en: return "No turns yet: q+ @NAME, then ack."
            case .nl: return "Nog geen beurten: q+ @NAAM, dan beurt."
            }
        }
        let countryLanguage = self.countryLanguage
        func line(_ total: SpeakerQueue.Total) -> String { "\(language.counted(total.turns, .turn)), \(Self.clock(total.seconds))" }
        let countries = totals.countries.map { "  \(CountryResolver.name(of: $0.code, in: countryLanguage)): \(line($0.total))" }
        let people = totals.people.map { "  \($0.participant.name) (\($0.participant.country)): \(line($0.total))" }
        let unheard = totals.unheard.map(\.name).joined(separator: ", ")
        var lines: [String]
        switch language {
        case .en:
            lines = ["Speaking turns: \(line(totals.all)) in all.", "By country:"] + countries + ["By person:"] + people
            if !totals.unheard.isEmpty { lines.append("Not heard yet: \(unheard).") }
        case .nl:
            lines = ["Spreekbeurten: \(line(totals.all)) in totaal.", "Per land:"] + countries + ["Per persoon:"] + people
            if !totals.unheard.isEmpty { lines.append("Nog niet gehoord: \(unheard).") }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: Helpers

    /// The participant `@NAME` at the start of `text` names, and what follows it.
    private func speaker(in text: String, for command: CommandName) throws -> (Participant, String) {
        guard text.hasPrefix("@") else { throw CommandError.missingArgument(command, .speaker) }
        let (participant, rest) = try mentionResolver(for: state).resolve(text)
        guard let participant else { throw CommandError.missingArgument(command, .speaker) }
        return (participant, rest)
    }

    private func name(_ id: Int, in state: MeetingState) -> String {
        if let participant = state.participant(id) { return participant.name }
        switch language {
        case .en: return "participant \(id)"
        case .nl: return "deelnemer \(id)"
        }
    }

    /// Said of a request with '!'.
    private var directWording: String {
        switch language {
        case .en: " (point of order / direct reply)"
        case .nl: " (punt van orde / directe reactie)"
        }
    }

    private func endedWording(_ turn: SpeakerTurn, in state: MeetingState) -> String {
        let speaker = name(turn.request.participant, in: state)
        let spoken = Self.clock(turn.seconds(now: meeting.now))
        switch language {
        case .en: return "\(speaker) spoke \(spoken)."
        case .nl: return "\(speaker) sprak \(spoken)."
        }
    }

    private func waitingWording(_ state: MeetingState) -> String {
        let waiting = state.speakers.waiting
        switch (language, waiting.first, waiting.count) {
        case (.en, nil, _): return "the queue is empty"
        case (.en, let first?, 1): return "next: \(name(first.participant, in: state))"
        case (.en, let first?, let count): return "next: \(name(first.participant, in: state)) (\(count) waiting)"
        case (.nl, nil, _): return "de lijst is leeg"
        case (.nl, let first?, 1): return "volgende: \(name(first.participant, in: state))"
        case (.nl, let first?, let count): return "volgende: \(name(first.participant, in: state)) (\(count) op de lijst)"
        }
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
