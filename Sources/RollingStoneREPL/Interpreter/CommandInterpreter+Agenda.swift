import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// Moving through the agenda and showing where the meeting stands.
extension CommandInterpreter {
    /// The prompt: the current item with its elapsed and planned minutes,
    /// marked when it runs over.
    package var prompt: String {
        let state = self.state
        let items = state.agenda.items
        let item = items[state.currentItem]
        let title = item.title.count > 24 ? item.title.prefix(23) + "…" : item.title
        let position = "\(state.currentItem + 1)/\(items.count) \(title)"
        // A reopened meeting's clock has stopped: no minutes to show.
        if state.hasEnded {
            switch language {
            case .en: return "[reopened \(position)] > "
            case .nl: return "[heropend \(position)] > "
            }
        }
        let seconds = state.secondsSpent(onItem: state.currentItem, now: meeting.now)
        let elapsed = Int(seconds / 60)
        // Over as soon as the time box is used up, when the alert says so too.
        // Not "over" in Dutch, where "tijd over" is time to spare.
        var over = ""
        if seconds >= Double(item.minutes * 60) {
            switch language {
            case .en: over = " OVER"
            case .nl: over = " TE LANG"
            }
        }
        return "[\(position) \(elapsed)/\(item.minutes)m\(over)] > "
    }

    /// What is shown when an item starts: its title, time box and prompts.
    package func itemIntroduction() -> String {
        let state = self.state
        let index = state.currentItem
        let item = state.agenda.items[index]
        let position = "\(index + 1)/\(state.agenda.items.count)"
        var lines: [String]
        switch language {
        case .en: lines = ["Item \(position): \(item.title) (\(item.minutes) min\(item.theme ? ", theme" : ""))"]
        case .nl: lines = ["Punt \(position): \(item.title) (\(item.minutes) min\(item.theme ? ", thema" : ""))"]
        }
        lines += item.prompts.map { "  ? \($0)" }
        if item.theme {
            switch language {
            case .en: lines.append("  'lesson TITLE' opens a lesson; 'tip', 'quote', 'idea' capture under it.")
            case .nl: lines.append("  'les TITEL' opent een les; 'tip', 'citaat', 'idee' leggen eronder vast.")
            }
        }
        return lines.joined(separator: "\n")
    }

    func go(to target: AgendaMove) throws -> Reply {
        let change = try meeting.go(to: target)
        let previous = state.agenda.items[change.from]
        let spent = Int((change.secondsOnPrevious / 60).rounded())
        switch language {
        case .en: return .ok("Closed \"\(previous.title)\" after \(spent) of \(previous.minutes) min.\n" + itemIntroduction())
        case .nl: return .ok("\"\(previous.title)\" afgesloten na \(spent) van \(previous.minutes) min.\n" + itemIntroduction())
        }
    }

    /// An item number (from 1) or a unique part of an item's title.
    func resolveItem(_ target: String) throws(InterpreterError) -> Int {
        let items = state.agenda.items
        if let number = Int(target) {
            guard items.indices.contains(number - 1) else { throw .noSuchItem(target, count: items.count) }
            return number - 1
        }
        let key = target.folded
        let exact = items.indices.filter { items[$0].title.folded == key }
        if exact.count == 1 { return exact[0] }
        let matches = items.indices.filter { items[$0].title.folded.contains(key) }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw .noSuchItem(target, count: items.count)
        default: throw .ambiguousItem(target, candidates: matches.map { "\($0 + 1) \"\(items[$0].title)\"" })
        }
    }

    func agendaOverview() -> String {
        let state = self.state
        let now = meeting.now
        let items = state.agenda.items
        let width = items.map(\.title.count).max() ?? 0
        var lines = items.indices.map { index -> String in
            let item = items[index]
            let spent = Int((state.secondsSpent(onItem: index, now: now) / 60).rounded())
            let status: String
            if index == state.currentItem && !state.hasEnded {
                switch language {
                case .en: status = "current, \(spent) min so far"
                case .nl: status = "nu bezig, \(spent) min tot nu toe"
                }
            } else if state.visitedItems.contains(index) {
                switch language {
                case .en: status = "done, \(spent) min"
                case .nl: status = "afgerond, \(spent) min"
                }
            } else if index < state.currentItem {
                switch language {
                case .en: status = "skipped"
                case .nl: status = "overgeslagen"
                }
            } else {
                switch language {
                case .en: status = "upcoming"
                case .nl: status = "komt nog"
                }
            }
            let marker = index == state.currentItem ? ">" : " "
            let title = item.title.padding(toLength: width, withPad: " ", startingAt: 0)
            return "\(marker) \(String(index + 1).leftPadded(2)). \(title)  \(String(item.minutes).leftPadded(3)) min  \(status)"
        }
        let planned = items.reduce(0) { $0 + $1.minutes }
        let spent = Int((state.secondsSpent(now: now) / 60).rounded())
        switch language {
        case .en: lines.append("  Planned \(planned) min; spent \(spent) min.")
        case .nl: lines.append("  Gepland \(planned) min; besteed \(spent) min.")
        }
        return lines.joined(separator: "\n")
    }

    func timeOverview() -> String {
        let state = self.state
        let now = meeting.now
        let item = state.agenda.items[state.currentItem]
        let spent = Int(state.secondsSpent(onItem: state.currentItem, now: now) / 60)
        let left = item.minutes - spent
        let number = state.currentItem + 1
        let planned = state.agenda.items.reduce(0) { $0 + $1.minutes }
        let total = Int(state.secondsSpent(now: now) / 60)
        let after = state.agenda.items[(state.currentItem + 1)...].reduce(0) { $0 + $1.minutes }
        switch language {
        case .en:
            let balance = left >= 0 ? "\(left) left" : "\(-left) over"
            return """
                Item \(number) "\(item.title)": \(spent) of \(item.minutes) min (\(balance))
                Meeting: \(total) of \(planned) min; \(after) min planned after this item.
                """
        case .nl:
            let balance = left >= 0 ? "nog \(left) te gaan" : "\(-left) te lang"
            return """
                Punt \(number) "\(item.title)": \(spent) van \(item.minutes) min (\(balance))
                Bijeenkomst: \(total) van \(planned) min; na dit punt nog \(after) min gepland.
                """
        }
    }

    func participantOverview() -> String {
        let state = self.state
        guard !state.participants.isEmpty else {
            switch language {
            case .en: return "No one has joined yet: join NAME, COUNTRY[, NETWORK[, ROLE]]"
            case .nl: return "Nog niemand doet mee: deelnemer NAAM, LAND[, NETWERK[, ROL]]"
            }
        }
        let countryLanguage = self.countryLanguage
        let groups = Dictionary(grouping: state.participants, by: \.country)
            .map { (name: CountryResolver.name(of: $0.key, in: countryLanguage), people: $0.value) }
            .sorted { $0.people.count != $1.people.count ? $0.people.count > $1.people.count : $0.name < $1.name }
        let people = language.counted(state.participants.count, .participant)
        let countries = language.counted(groups.count, .country)
        var lines: [String]
        switch language {
        case .en: lines = ["\(people) from \(countries):"]
        case .nl: lines = ["\(people) uit \(countries):"]
        }
        for (country, people) in groups {
            lines.append("\(country) (\(people.count))")
            for person in people {
                let details = [person.network, person.role].compactMap { $0 }.joined(separator: ", ")
                lines.append("  \(person.name)" + (details.isEmpty ? "" : " — \(details)"))
            }
        }
        return lines.joined(separator: "\n")
    }

    func entryListing(all: Bool) -> String {
        let state = self.state
        let items = state.agenda.items
        let shown = all ? Array(items.indices) : [state.currentItem]
        let entries = state.entries
        var lines: [String] = []
        for index in shown {
            let inItem = entries.filter { $0.item == index }
            if all && inItem.isEmpty { continue }
            let count = language.counted(inItem.count, .entry)
            switch language {
            case .en: lines.append("Item \(index + 1) \"\(items[index].title)\": \(count)")
            case .nl: lines.append("Punt \(index + 1) \"\(items[index].title)\": \(count)")
            }
            for entry in inItem {
                var line = "  #\(entry.number) \(language.name(of: entry.kind))"
                if let id = entry.participant, let person = state.participant(id) {
                    switch language {
                    case .en: line += " by \(person.name)"
                    case .nl: line += " van \(person.name)"
                    }
                }
                if let id = entry.lesson, let lesson = state.lesson(id) { line += " [\(lesson.title)]" }
                lines.append(line + ": \(entry.text)")
            }
        }
        guard lines.isEmpty else { return lines.joined(separator: "\n") }
        switch language {
        case .en: return "Nothing captured yet."
        case .nl: return "Nog niets vastgelegd."
        }
    }
}

extension String {
    package func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
