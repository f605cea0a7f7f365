import Foundation
import RollingStoneArchive
import RollingStoneCore
import RollingStoneMeeting

/// Follow-up actions across the series (`actions`, `done A2.6`), and who
/// is kept out of the write-ups by name (`private @NAME`).
extension CommandInterpreter {
    /// The earlier meetings' actions not yet done, here or before.
    var openEarlierActions: [ActionReference] {
        let closed = state.closedActions.map(\.action)
        return earlierActions.filter { action in !closed.contains { $0.names(sameActionAs: action) } }
    }

    /// This meeting's own actions, labelled when the agenda has a number.
    private var ownActions: [ActionReference] { ActionReference.actions(of: state) }

    /// What `run` says at the start when earlier meetings left actions open;
    /// `nil` when there are none.
    package func carriedActionsIntroduction() -> String? {
        let open = openEarlierActions
        guard let first = open.first?.label else { return nil }
        let heading: String
        switch language {
        case .en:
            heading =
                open.count == 1
                ? "1 open action from earlier meetings ('done \(first)' closes it):"
                : "\(open.count) open actions from earlier meetings ('done \(first)' closes one):"
        case .nl:
            heading =
                open.count == 1
                ? "1 open actie van eerdere bijeenkomsten ('klaar \(first)' sluit haar af):"
                : "\(open.count) open acties van eerdere bijeenkomsten ('klaar \(first)' sluit er een af):"
        }
        return ([heading] + open.map { "  " + line($0) }).joined(separator: "\n")
    }

    func actionListing() -> String {
        let open = openEarlierActions
        let own = ownActions
        var lines: [String] = []
        switch language {
        case .en: lines.append(open.isEmpty ? "No open actions from earlier meetings." : "Open actions from earlier meetings:")
        case .nl: lines.append(open.isEmpty ? "Geen open acties van eerdere bijeenkomsten." : "Open acties van eerdere bijeenkomsten:")
        }
        lines += open.map { "  " + line($0) }
        let closed = state.closedActions
        if !closed.isEmpty {
            switch language {
            case .en: lines.append("Done in this meeting:")
            case .nl: lines.append("In deze bijeenkomst afgerond:")
            }
            lines += closed.map { "  " + line($0.action) }
        }
        if !own.isEmpty {
            switch language {
            case .en: lines.append("This meeting's actions:")
            case .nl: lines.append("Acties van deze bijeenkomst:")
            }
            lines += own.map { "  " + line($0) }
        }
        return lines.joined(separator: "\n")
    }

    func markDone(_ label: String) throws -> Reply {
        let candidates = openEarlierActions + ownActions
        guard let action = candidates.first(where: { $0.label == label }) else {
            if let closed = state.closedActions.first(where: { $0.action.label == label }) {
                throw MeetingError.actionAlreadyDone(closed.action.label)
            }
            throw InterpreterError.noSuchAction(label, known: candidates.map(\.label))
        }
        let closed = try meeting.closeAction(action)
        switch language {
        case .en: return .ok("\(closed.action.label) done: \"\(closed.action.text.abbreviated(limit: 80))\" ('undo' takes it back).")
        case .nl: return .ok("\(closed.action.label) afgerond: \"\(closed.action.text.abbreviated(limit: 80))\" ('herstel' maakt het ongedaan).")
        }
    }

    /// "A2.6 Verslag rondsturen — Marije Vos".
    private func line(_ action: ActionReference) -> String {
        let owner = action.owner.map { " — \($0)" } ?? ""
        return "\(action.label) \(action.text.abbreviated(limit: 100))\(owner)"
    }

    /// `private @NAME`.
    func makePrivate(_ text: String) throws -> Reply {
        let (found, rest) = try mentionResolver(for: state).resolve(text)
        guard let found else { throw CommandError.missingArgument(.keepPrivate, .speaker) }
        guard rest.isEmpty else { throw CommandError.unexpectedArguments(.keepPrivate, rest) }
        let participant = try meeting.makePrivate(found.id)
        switch language {
        case .en:
            return .ok(
                "\(participant.name) is kept out of the write-ups by name: they say 'a participant from …', without network or contact ('undo' takes it back).")
        case .nl:
            return .ok(
                "\(participant.name) blijft bij naam buiten de verslagen: daar staat 'een deelnemer uit …', zonder netwerk of contact ('herstel' maakt het ongedaan)."
            )
        }
    }
}

extension CommandInterpreter {
    /// The answer to `search WORDS`: what the meetings of the session's
    /// folder, this one too, said about it. Nothing is recorded.
    func search(_ words: String) throws -> Reply {
        guard let archiveSearch else { throw InterpreterError.noArchive }
        let results = try archiveSearch(SearchQuery(words: words, limit: 8))
        var lines = results.lines(for: words, in: language)
        // A sentence after the word was perhaps meant as a note: say how to keep it.
        if words.split(separator: " ").count >= 4 {
            switch language {
            case .en: lines.append("(A search: nothing was recorded. To note the line: note \(CommandName.search.word(in: .en)) …)")
            case .nl: lines.append("(Een zoekopdracht: er is niets vastgelegd. Als notitie: notitie \(CommandName.search.word(in: .nl)) …)")
            }
        }
        return .ok(lines.joined(separator: "\n"))
    }
}
