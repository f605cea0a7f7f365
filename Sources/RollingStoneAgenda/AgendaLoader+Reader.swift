import Foundation
import RollingStoneCore
import Yams

extension AgendaLoader {
    /// Reads the checked tree into an ``Agenda``, one schema rule at a time.
    struct Reader {
        let source: String

        static let agendaKeys = ["title", "series", "number", "date", "language", "venue", "host", "items", "next", "intro", "organiser"]
        static let organiserKeys = ["name", "role", "contact"]
        static let hostKeys = ["name", "website", "profile"]
        static let itemKeys = ["title", "minutes", "theme", "prompts"]
        static let nextKeys = ["date", "time", "place", "theme", "contact", "description"]

        /// A key and its value, as found in a mapping.
        struct Field {
            let key: Node
            let value: Node
        }

        /// The keys of one mapping, checked against the ones its place allows.
        struct Fields {
            let node: Node
            let context: String
            let values: [String: Field]

            subscript(key: String) -> Field? { values[key] }
        }

        func agenda(from root: Node) throws(AgendaError) -> Agenda {
            guard case .mapping = root else {
                throw error(.wrongType, root, "expected a mapping of keys such as 'title' and 'items' at the top of the agenda, found \(describe(root))")
            }
            let fields = try self.fields(of: root, allowed: Self.agendaKeys, context: "the agenda")
            let title = try requiredText("title", in: fields, limit: Limits.titleCharacters)
            let series = try text(fields["series"], limit: Limits.textCharacters)
            let number = try fields["number"].flatMap { field throws(AgendaError) in
                isNull(field.value) ? nil : try integer(field, range: Limits.number, unit: "")
            }
            let date = try fields["date"].flatMap { field throws(AgendaError) in try self.date(field, strict: true) }
            let language = try self.language(fields["language"])
            let venue = try text(fields["venue"], limit: Limits.textCharacters)
            let host = try self.host(fields["host"])
            let items = try self.items(in: fields)
            let next = try self.next(fields["next"])
            let intro = try text(fields["intro"], limit: Limits.profileCharacters, multiline: true)
            let organiser = try self.organiser(fields["organiser"])
            return Agenda(
                title: title, series: series, number: number, date: date, language: language,
                venue: venue, host: host, items: items, next: next, intro: intro, organiser: organiser)
        }

        func organiser(_ field: Field?) throws(AgendaError) -> Agenda.Organiser? {
            guard let field, !isNull(field.value) else { return nil }
            guard case .mapping = field.value else {
                throw error(
                    .wrongType, field.value,
                    "expected a mapping with 'name' (and optionally 'role' and 'contact') for 'organiser', found \(describe(field.value))")
            }
            let fields = try self.fields(of: field.value, allowed: Self.organiserKeys, context: "'organiser'")
            return Agenda.Organiser(
                name: try requiredText("name", in: fields, limit: Limits.textCharacters),
                role: try text(fields["role"], limit: Limits.textCharacters),
                contact: try text(fields["contact"], limit: Limits.textCharacters)
            )
        }

        func host(_ field: Field?) throws(AgendaError) -> Agenda.Host? {
            guard let field, !isNull(field.value) else { return nil }
            guard case .mapping = field.value else {
                throw error(
                    .wrongType, field.value,
                    "expected a mapping with 'name' (and optionally 'website' and 'profile') for 'host', found \(describe(field.value))")
            }
            let fields = try self.fields(of: field.value, allowed: Self.hostKeys, context: "'host'")
            return Agenda.Host(
                name: try requiredText("name", in: fields, limit: Limits.textCharacters),
                website: try text(fields["website"], limit: Limits.textCharacters),
                profile: try text(fields["profile"], limit: Limits.profileCharacters, multiline: true)
            )
        }

        func next(_ field: Field?) throws(AgendaError) -> Agenda.NextMeeting? {
            guard let field, !isNull(field.value) else { return nil }
            guard case .mapping = field.value else {
                throw error(
                    .wrongType, field.value,
                    "expected a mapping with 'date', 'time', 'place', 'theme', 'contact' or 'description' for 'next', found \(describe(field.value))")
            }
            let fields = try self.fields(of: field.value, allowed: Self.nextKeys, context: "'next'")
            let next = Agenda.NextMeeting(
                date: try fields["date"].flatMap { field throws(AgendaError) in try date(field, strict: false) },
                time: try text(fields["time"], limit: Limits.textCharacters),
                place: try text(fields["place"], limit: Limits.textCharacters),
                theme: try text(fields["theme"], limit: Limits.textCharacters),
                contact: try text(fields["contact"], limit: Limits.textCharacters),
                description: try text(fields["description"], limit: Limits.profileCharacters, multiline: true)
            )
            return next == Agenda.NextMeeting() ? nil : next
        }

        func items(in fields: Fields) throws(AgendaError) -> [AgendaItem] {
            guard let field = fields["items"] else {
                throw missing("items", in: fields)
            }
            let emptyMessage = "'items' is empty; an agenda needs at least one item"
            if isNull(field.value) {
                throw error(.invalidValue, field.key, emptyMessage)
            }
            guard case .sequence(let sequence) = field.value else {
                throw error(.wrongType, field.value, "expected a list of agenda items for 'items', found \(describe(field.value))")
            }
            guard !sequence.isEmpty else {
                throw error(.invalidValue, field.value, emptyMessage)
            }
            var items: [AgendaItem] = []
            for (index, node) in sequence.enumerated() {
                guard index < Limits.items else {
                    throw error(.limitExceeded, node, "too many agenda items; the limit is \(Limits.items)")
                }
                items.append(try item(node))
            }
            return items
        }

        func item(_ node: Node) throws(AgendaError) -> AgendaItem {
            guard case .mapping = node else {
                throw error(.wrongType, node, "expected an agenda item (a mapping with 'title' and 'minutes'), found \(describe(node))")
            }
            let fields = try self.fields(of: node, allowed: Self.itemKeys, context: "agenda item")
            let title = try requiredText("title", in: fields, limit: Limits.titleCharacters)
            guard let minutesField = fields["minutes"] else {
                throw missing("minutes", in: fields)
            }
            let minutes = try integer(minutesField, range: Limits.minutes, unit: "minutes")
            let theme = try fields["theme"].flatMap { field throws(AgendaError) in try bool(field) } ?? false
            let prompts = try self.prompts(fields["prompts"])
            return AgendaItem(title: title, minutes: minutes, theme: theme, prompts: prompts)
        }

        func prompts(_ field: Field?) throws(AgendaError) -> [String] {
            guard let field, !isNull(field.value) else { return [] }
            guard case .sequence(let sequence) = field.value else {
                throw error(.wrongType, field.value, "expected a list of questions for 'prompts', found \(describe(field.value))")
            }
            var prompts: [String] = []
            for (index, node) in sequence.enumerated() {
                guard index < Limits.promptsPerItem else {
                    throw error(.limitExceeded, node, "too many prompts in agenda item; the limit is \(Limits.promptsPerItem)")
                }
                guard case .scalar = node, !isNull(node) else {
                    throw error(.wrongType, node, "expected text for prompt \(index + 1) in 'prompts', found \(describe(node))")
                }
                let text = try checkedText(node, name: "prompt \(index + 1)", limit: Limits.promptCharacters, multiline: true)
                guard !text.isEmpty else {
                    throw error(.invalidValue, node, "prompt \(index + 1) is empty; remove it or write the question")
                }
                prompts.append(text)
            }
            return prompts
        }

        // MARK: Mappings and keys

        func fields(of node: Node, allowed: [String], context: String) throws(AgendaError) -> Fields {
            guard case .mapping(let mapping) = node else {
                return Fields(node: node, context: context, values: [:])
            }
            var values: [String: Field] = [:]
            for (key, value) in mapping {
                guard case .scalar(let scalar) = key else {
                    throw error(.unsupported, key, nonScalarKeyMessage(found: describe(key)))
                }
                let name = scalar.string
                guard allowed.contains(name) else {
                    throw error(.unknownKey, key, unknownKeyMessage(name, allowed: allowed, context: context))
                }
                // Yams already refuses repeats it considers equal; differently tagged
                // spellings of one key ('title' and '!x title') still reach this point.
                if let earlier = values[name] {
                    let at = earlier.key.mark.map { "; it is already given at line \($0.line), column \($0.column)" } ?? ""
                    throw error(.duplicateKey, key, "duplicate key '\(name)'\(at)")
                }
                values[name] = Field(key: key, value: value)
            }
            return Fields(node: node, context: context, values: values)
        }

        func unknownKeyMessage(_ name: String, allowed: [String], context: String) -> String {
            let shown = name.abbreviated()
            if let suggestion = closestKey(to: name, among: allowed) {
                return "unknown key '\(shown)' in \(context); did you mean '\(suggestion)'?"
            }
            let valid = allowed.map { "'\($0)'" }.joined(separator: ", ")
            return "unknown key '\(shown)' in \(context); valid keys are \(valid)"
        }

        func missing(_ key: String, in fields: Fields) -> AgendaError {
            error(.missingKey, fields.node, "missing required key '\(key)' in \(fields.context)")
        }

        // MARK: Values

        func requiredText(_ key: String, in fields: Fields, limit: Int) throws(AgendaError) -> String {
            guard let field = fields[key] else {
                throw missing(key, in: fields)
            }
            guard let text = try text(field, limit: limit), !text.isEmpty else {
                throw error(.invalidValue, field.key, "'\(key)' is empty; write the \(key) after the colon")
            }
            return text
        }

        /// Text as written: `2012`, `11:00` and `yes` stay exactly that. Null or empty is absent.
        func text(_ field: Field?, limit: Int, multiline: Bool = false) throws(AgendaError) -> String? {
            guard let field, !isNull(field.value) else { return nil }
            guard case .scalar = field.value else {
                throw error(.wrongType, field.value, "expected text for '\(keyName(field))', found \(describe(field.value))")
            }
            let text = try checkedText(field.value, name: "'\(keyName(field))'", limit: limit, multiline: multiline)
            return text.isEmpty ? nil : text
        }

        func checkedText(_ node: Node, name: String, limit: Int, multiline: Bool) throws(AgendaError) -> String {
            let text = (node.scalar?.string ?? "").trimmingWhitespaceAndNewlines
            // Counted in Unicode scalars, so that no run of combining marks slips past as one character.
            let length = text.unicodeScalars.count
            guard length <= limit else {
                throw error(.limitExceeded, node, "\(name) is too long (\(length) characters; the limit is \(limit))")
            }
            if !multiline, text.contains(where: \.isNewline) {
                throw error(.invalidValue, node, "\(name) must fit on one line")
            }
            return text
        }

        func integer(_ field: Field, range: ClosedRange<Int>, unit: String) throws(AgendaError) -> Int {
            let key = keyName(field)
            let node = field.value
            guard case .scalar(let scalar) = node, !isNull(node) else {
                throw error(.wrongType, node, "expected a number for '\(key)', found \(describe(node))")
            }
            let text = scalar.string.trimmingWhitespace
            let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
            let rangeMessage = "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found '\(text.abbreviated())'"
            guard !digits.isEmpty, digits.allSatisfy(AgendaLoader.isDigit) else {
                var message = "expected a number for '\(key)', found \(describe(node))"
                if unit == "minutes", isClockTime(text) {
                    // YAML 1.1 would read 1:30 as 90 (base 60); better to ask than to guess.
                    message += "; write the time box in whole minutes, e.g. 90"
                } else if text.contains("."), Double(text) != nil, text.allSatisfy({ AgendaLoader.isDigit($0) || "+-.".contains($0) }) {
                    message += "; use a whole number"
                }
                throw error(.wrongType, node, message)
            }
            // Leading zeros are decimal here: YAML 1.1 would read 045 as octal 37.
            guard let value = Int(text), range.contains(value) else {
                throw error(.invalidValue, node, rangeMessage)
            }
            return value
        }

        func bool(_ field: Field) throws(AgendaError) -> Bool? {
            let node = field.value
            if isNull(node) { return nil }
            guard case .scalar(let scalar) = node else {
                throw error(.wrongType, node, "expected true or false for '\(keyName(field))', found \(describe(node))")
            }
            switch scalar.string.trimmingWhitespace.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default:
                throw error(.wrongType, node, "expected true or false for '\(keyName(field))', found \(describe(node))")
            }
        }

        /// `YYYY-MM-DD`, and a day that exists. Where free text is allowed (`next.date`),
        /// only text shaped like a date is held to that.
        func date(_ field: Field, strict: Bool) throws(AgendaError) -> String? {
            guard let text = try text(field, limit: Limits.textCharacters) else { return nil }
            let key = keyName(field)
            guard let (year, month, day) = Self.dateParts(text) else {
                if strict {
                    throw error(.invalidValue, field.value, "expected a date as YYYY-MM-DD for '\(key)', found '\(text.abbreviated())'")
                }
                return text
            }
            guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day), year >= 1 else {
                throw error(.invalidValue, field.value, "'\(text)' is not a real date for '\(key)'")
            }
            return text
        }

        func language(_ field: Field?) throws(AgendaError) -> MeetingLanguage {
            guard let field, let text = try text(field, limit: Limits.textCharacters) else { return .en }
            if let language = MeetingLanguage(rawValue: text) { return language }
            var message =
                "unknown language '\(text.abbreviated())' for 'language'; valid values are 'nl' (Dutch), 'en' (English), 'fr' (French) and 'de' (German)"
            if let suggestion = MeetingLanguage(rawValue: text.lowercased()) {
                message = "unknown language '\(text)' for 'language'; did you mean '\(suggestion.rawValue)'?"
            }
            throw error(.invalidValue, field.value, message)
        }

        // MARK: Helpers

        func isNull(_ node: Node) -> Bool {
            guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }

        func keyName(_ field: Field) -> String {
            field.key.scalar?.string ?? "?"
        }

        /// How a value is named in "found ..." phrases.
        func describe(_ node: Node) -> String {
            switch node {
            case .scalar(let scalar):
                isNull(node) ? "nothing" : "'\(scalar.string.abbreviated())'"
            case .mapping: "a mapping"
            case .sequence: "a list"
            case .alias: "an alias"
            }
        }

        func error(_ kind: AgendaError.Kind, _ node: Node, _ message: String) -> AgendaError {
            AgendaError(kind, file: source, line: node.mark?.line, column: node.mark?.column, message: message)
        }

        func isClockTime(_ text: String) -> Bool {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(AgendaLoader.isDigit) }
        }

        static func dateParts(_ text: String) -> (year: Int, month: Int, day: Int)? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
                parts.allSatisfy({ $0.allSatisfy(AgendaLoader.isDigit) }),
                let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
            else { return nil }
            return (year, month, day)
        }

        static func days(inMonth month: Int, year: Int) -> Int {
            switch month {
            case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }
    }
}
