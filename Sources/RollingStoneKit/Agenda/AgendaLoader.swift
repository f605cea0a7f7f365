import Foundation
import Yams

/// Reads agenda files (YAML, see `docs/agenda-format.md`) into an ``Agenda``.
///
/// Every problem is reported as an ``AgendaError`` that names the file, line and column
/// of the offending value, so a facilitator can fix the file minutes before a meeting.
/// The loader is meant for files written by people, and it refuses anything that could
/// make it slow or large instead of trying to cope with it: files over 1 MiB, anchors
/// and aliases, complex keys, and deep nesting (see ``Limits``).
public enum AgendaLoader {
    /// The bounds the loader enforces; each is reported as its own clear error.
    public enum Limits {
        /// The largest agenda file accepted, in bytes (1 MiB).
        public static let fileBytes = 1_048_576
        /// How deeply lists and mappings may nest; an agenda itself needs 4 levels.
        public static let nesting = 16
        /// The most items an agenda may have.
        public static let items = 100
        /// The most prompts one agenda item may have.
        public static let promptsPerItem = 20
        /// The range of `minutes` for one agenda item.
        public static let minutes = 1...600
        /// The range of `number`, the meeting's number within its series.
        public static let number = 1...9_999
        /// The longest meeting or item title, in characters.
        public static let titleCharacters = 500
        /// The longest short text (venue, host name, website, next meeting details), in characters.
        public static let textCharacters = 500
        /// The longest prompt, in characters.
        public static let promptCharacters = 1_000
        /// The longest host profile, in characters.
        public static let profileCharacters = 10_000
    }

    /// The name shown in messages about the built-in agenda.
    public static let builtInSource = "rollingstone.yaml (built in)"

    /// The YAML text of the built-in agenda, for facilitators who want a copy to adapt.
    public static var builtInText: String {
        String(decoding: PackageResources.rollingstone_yaml, as: UTF8.self)
    }

    /// The built-in RollingStone afternoon, used when no agenda file is given.
    ///
    /// The file ships inside the module and is covered by tests, so failing to load it is a
    /// build defect rather than bad input; it stops the program with the loader's message.
    public static let builtIn: Agenda = {
        do {
            return try parse(builtInText, source: builtInSource)
        } catch {
            preconditionFailure("the built-in agenda does not load: \(error)")
        }
    }()

    /// The built-in RollingStone afternoon; the same value as ``builtIn``.
    public static func builtInAgenda() -> Agenda {
        builtIn
    }

    /// Reads and checks the agenda file at `url`.
    ///
    /// Messages name the file as the URL spells it (its relative path when it has one).
    public static func load(contentsOf url: URL) throws(AgendaError) -> Agenda {
        let source = url.isFileURL ? url.relativePath : url.absoluteString
        let data = try readFile(at: url, source: source)
        return try parse(data, source: source)
    }

    /// Checks agenda bytes, which must be UTF-8; `source` names them in messages.
    public static func parse(_ data: Data, source: String) throws(AgendaError) -> Agenda {
        guard data.count <= Limits.fileBytes else {
            throw tooLarge(byteCount: data.count, source: source)
        }
        return try parse(decodeUTF8(data, source: source), source: source)
    }

    /// Checks agenda text; `source` is the file name shown in messages.
    public static func parse(_ yaml: String, source: String) throws(AgendaError) -> Agenda {
        // Yams tells libyaml the encoding up front, and libyaml then trips over a byte order
        // mark, which Windows editors like to write. Columns are counted after it, as editors do.
        var yaml = yaml
        if yaml.unicodeScalars.first == "\u{FEFF}" {
            yaml.unicodeScalars.removeFirst()
        }
        let byteCount = yaml.utf8.count
        guard byteCount <= Limits.fileBytes else {
            throw tooLarge(byteCount: byteCount, source: source)
        }
        let scan = Prescan(yaml)

        // Yams checks every mapping for duplicate keys by hashing the keys, and hashing walks a
        // key's whole subtree; keys that are lists or mappings nested inside each other therefore
        // cost (nesting x file size) before we ever see the tree. The scan over-counts the places
        // where such a key could start, so a budget on that count bounds the work.
        if let first = scan.firstComplexKey,
           (scan.complexKeyCount + 1) * byteCount > complexKeyBudget {
            let (line, column) = lineAndColumn(ofScalarOffset: first, in: yaml)
            throw AgendaError(
                .unsupported, file: source, line: line, column: column,
                message: "keys that are lists or mappings ('? ' or '[...]:') are not allowed in agenda files; keys are plain words such as 'title'"
            )
        }

        // Yams resolves an alias by handing out the anchored node again, so a few lines of
        // nested aliases describe billions of nodes, and an alias used as a key is hashed in
        // full. So the text is first composed with every '*name' defused into a plain word that
        // starts with a marker; a plain scalar starting with the marker is then exactly an alias.
        var composed: Composed
        if let defused = scan.defusedText {
            do {
                composed = try compose(defused.text, source: source)
            } catch {
                // Messages may quote the text, e.g. a duplicated key '*a'; quote it as written.
                var error = error
                error.message = error.message.replacingOccurrences(of: String(defused.marker), with: "*")
                throw error
            }
            try checkStructure(of: composed, source: source, aliasMarker: defused.marker)
            composed = try compose(yaml, source: source)
        } else {
            composed = try compose(yaml, source: source)
            try checkStructure(of: composed, source: source, aliasMarker: nil)
        }
        guard let root = composed.root else {
            throw AgendaError(.empty, file: source, message: "file is empty; an agenda needs at least 'title' and 'items'")
        }
        return try Reader(source: source).agenda(from: root)
    }

    /// `(candidates + 1) x bytes` above which a file's possible complex keys are refused.
    /// Real agendas have no candidates, or a few stray " ?" in small files.
    static let complexKeyBudget = 2_000_000
}

// MARK: - Reading bytes

extension AgendaLoader {
    static func readFile(at url: URL, source: String) throws(AgendaError) -> Data {
        func unreadable(_ reason: String) -> AgendaError {
            AgendaError(.unreadable, file: source, message: "cannot read the agenda file: \(reason)")
        }
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw unreadable("no such file")
        }
        guard !isDirectory.boolValue else {
            throw unreadable("it is a folder, not a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw unreadable("permission denied")
        }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // One byte past the limit is enough to know the file is too big, and it keeps
            // endless sources such as /dev/zero or a pipe from filling memory.
            let data = try handle.read(upToCount: Limits.fileBytes + 1) ?? Data()
            guard data.count <= Limits.fileBytes else {
                throw tooLarge(byteCount: nil, source: source)
            }
            return data
        } catch let error as AgendaError {
            throw error
        } catch {
            throw unreadable(error.localizedDescription)
        }
    }

    static func tooLarge(byteCount: Int?, source: String) -> AgendaError {
        let size = byteCount.map { "\($0) bytes" } ?? "more than \(Limits.fileBytes) bytes"
        return AgendaError(
            .limitExceeded, file: source,
            message: "file is too large (\(size)); an agenda file may be at most \(Limits.fileBytes) bytes (1 MiB)"
        )
    }

    /// Decodes UTF-8, pointing at the first byte that is not.
    static func decodeUTF8(_ data: Data, source: String) throws(AgendaError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            throw AgendaError(.encoding, file: source, line: 1, column: 1,
                              message: "file is UTF-16 text; save it as UTF-8")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: break decoding
            case .error: break decoding
            }
        }
        let before = String(decoding: bytes[..<offset], as: UTF8.self)
        let (line, column) = lineAndColumn(ofScalarOffset: before.unicodeScalars.count, in: before)
        let byte = offset < bytes.count ? bytes[offset] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        throw AgendaError(.encoding, file: source, line: line, column: column,
                          message: "file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save it as UTF-8")
    }
}

// MARK: - Composing with Yams

extension AgendaLoader {
    /// A composed document and the parser that made it. The parser owns the anchors that nodes
    /// refer to weakly, so it has to outlive any look at `Node.anchor`.
    struct Composed {
        let parser: Yams.Parser
        let root: Node?
    }

    static func compose(_ text: String, source: String) throws(AgendaError) -> Composed {
        do {
            // The basic resolver tags every plain scalar as text: values are read from their
            // text as written, so YAML 1.1 guesses ('11:00' is 660, 'no' is false) never apply.
            // UTF-8 is explicit because the default reads (and prints about) an environment variable.
            let parser = try Yams.Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            let root = try parser.singleRoot()
            return Composed(parser: parser, root: root)
        } catch let error as YamlError {
            throw agendaError(from: error, text: text, source: source)
        } catch {
            throw AgendaError(.syntax, file: source, message: "invalid YAML: \(error)")
        }
    }

    static func agendaError(from error: YamlError, text: String, source: String) -> AgendaError {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return syntaxError(problem: problem, context: context, mark: mark, text: text, source: source)
        case let .reader(problem, offset, _, _):
            guard let offset else {
                return AgendaError(.syntax, file: source, message: "invalid text: \(problem)")
            }
            let (line, column) = lineAndColumn(ofCharacterOffset: offset, in: text)
            return AgendaError(.syntax, file: source, line: line, column: column,
                               message: "invalid text: \(problem); agenda files hold printable text only")
        case let .duplicatedKeysInMapping(duplicates, context):
            return duplicateKeyError(keys: duplicates, first: context.mark, text: text, source: source)
        case .memory:
            return AgendaError(.limitExceeded, file: source, message: "out of memory while reading the YAML")
        default:
            return AgendaError(.syntax, file: source, message: "invalid YAML: \(error)")
        }
    }

    static func syntaxError(
        problem: String, context: YamlError.Context?, mark: Mark, text: String, source: String
    ) -> AgendaError {
        func error(_ kind: AgendaError.Kind, _ message: String) -> AgendaError {
            AgendaError(kind, file: source, line: mark.line, column: mark.column, message: message)
        }
        if problem.hasPrefix("Maximum nesting level reached") {
            return error(.limitExceeded, nestingMessage)
        }
        if problem == "but found another document" {
            return error(.syntax, "an agenda file holds one YAML document, but a second one starts here")
        }
        if problem == "found undefined alias" {
            return error(.unsupported, aliasMessage(name: nil))
        }
        var message = "invalid YAML: \(problem)"
        // Yams puts the context's position in its text, which would repeat the
        // position badly; name where the construct began in words instead.
        if let context, context.mark.line != mark.line || context.mark.column != mark.column {
            message += " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
        }
        if problem == "mapping values are not allowed in this context" {
            message += "; put text that contains ': ' in quotes"
        } else if problem.contains("tab") || character(at: mark, in: text) == "\t" {
            message += "; indent with spaces, not tabs"
        }
        return error(.syntax, message)
    }

    /// Yams reports the first occurrence of a duplicated key; the useful place is the repeat.
    /// It is found the way a reader would: later in the same mapping, at the same column.
    static func duplicateKeyError(keys: [String], first: Mark, text: String, source: String) -> AgendaError {
        let key = keys.first ?? ""
        if let repeatMark = repeatOfKey(key, after: first, in: text) {
            return AgendaError(
                .duplicateKey, file: source, line: repeatMark.line, column: repeatMark.column,
                message: "duplicate key '\(key)'; it is already given at line \(first.line), column \(first.column)"
            )
        }
        return AgendaError(
            .duplicateKey, file: source, line: first.line, column: first.column,
            message: "duplicate key '\(key)'; it is given more than once in this mapping"
        )
    }

    static func repeatOfKey(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = splitLines(text)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let spellings = [key, "\"\(key)\"", "'\(key)'"]

        func isKey(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
            var scalars = scalars
            if scalars.first == "!" {
                // A tagged key, such as '!!str title:'.
                scalars = scalars.drop { $0 != " " }.drop { $0 == " " }
            }
            for spelling in spellings where scalars.starts(with: spelling.unicodeScalars) {
                let rest = scalars.dropFirst(spelling.unicodeScalars.count).drop { $0 == " " || $0 == "\t" }
                if rest.first == ":" { return true }
            }
            return false
        }
        // The rest of the first key's line, for flow mappings such as {title: a, title: b}.
        let firstLine = Array(lines[first.line - 1].unicodeScalars)
        var index = first.column - 1 + key.unicodeScalars.count
        while index < firstLine.count {
            let before = index == 0 ? " " : firstLine[index - 1]
            if before == " " || before == "," || before == "{", isKey(firstLine[index...]) {
                return (first.line, index + 1)
            }
            index += 1
        }
        // Later lines: a sibling key of a block mapping starts at the same column with only
        // spaces before it; a line indented less means the mapping has ended.
        for lineIndex in first.line..<lines.count {
            let scalars = Array(lines[lineIndex].unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            guard indent < scalars.count, scalars[indent] != "#" else { continue }
            if indent < first.column - 1 { return nil }
            if indent == first.column - 1, isKey(scalars[indent...]) {
                return (lineIndex + 1, indent + 1)
            }
        }
        return nil
    }
}

// MARK: - Whole-tree checks

extension AgendaLoader {
    static let nestingMessage =
        "lists and mappings are nested more than \(Limits.nesting) levels deep; an agenda needs only 4 levels"

    static func aliasMessage(name: String?) -> String {
        let found = name.map { "alias '*\($0)'" } ?? "an alias"
        return "anchors and aliases are not allowed in agenda files, found \(found); write each value out in full"
    }

    /// Walks the whole tree once, in document order, for what no agenda uses: anchors, aliases
    /// (defused, see `parse`), keys that are not plain scalars, and deep nesting. The schema
    /// walk that follows then only meets shapes it can read.
    static func checkStructure(of composed: Composed, source: String, aliasMarker: Unicode.Scalar?) throws(AgendaError) {
        defer { withExtendedLifetime(composed.parser) {} }
        guard let root = composed.root else { return }

        func fail(_ kind: AgendaError.Kind, _ node: Node, _ message: String) -> AgendaError {
            AgendaError(kind, file: source, line: node.mark?.line, column: node.mark?.column, message: message)
        }
        // Iterative, so that no input can exhaust the stack.
        var stack: [(node: Node, nesting: Int, isKey: Bool)] = [(root, 0, false)]
        while let (node, nesting, isKey) = stack.popLast() {
            if let anchor = node.anchor {
                throw fail(.unsupported, node, "anchors and aliases are not allowed in agenda files, found anchor '&\(anchor.rawValue)'; write each value out in full")
            }
            switch node {
            case .scalar(let scalar):
                if let aliasMarker, scalar.style == .plain, scalar.string.unicodeScalars.first == aliasMarker {
                    let name = String(String.UnicodeScalarView(scalar.string.unicodeScalars.dropFirst().prefix(while: isAnchorCharacter)))
                    throw fail(.unsupported, node, aliasMessage(name: name))
                }
            case .mapping(let mapping):
                if isKey { throw fail(.unsupported, node, nonScalarKeyMessage(found: "a mapping")) }
                guard nesting < Limits.nesting else { throw fail(.limitExceeded, node, nestingMessage) }
                for (key, value) in mapping.reversed() {
                    stack.append((value, nesting + 1, false))
                    stack.append((key, nesting + 1, true))
                }
            case .sequence(let sequence):
                if isKey { throw fail(.unsupported, node, nonScalarKeyMessage(found: "a list")) }
                guard nesting < Limits.nesting else { throw fail(.limitExceeded, node, nestingMessage) }
                for element in sequence.reversed() {
                    stack.append((element, nesting + 1, false))
                }
            case .alias:
                // Yams resolves aliases while composing; kept for completeness.
                throw fail(.unsupported, node, aliasMessage(name: nil))
            }
        }
    }

    static func nonScalarKeyMessage(found: String) -> String {
        "keys must be plain words such as 'title', found \(found)"
    }

    /// The characters libyaml allows in anchor and alias names.
    static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "a"..."z", "A"..."Z", "_", "-": true
        default: false
        }
    }
}

// MARK: - The lexical pre-scan

extension AgendaLoader {
    /// One pass over the raw text, before Yams sees it, for the two constructs that make
    /// composing expensive. It over-approximates on purpose: a '*' inside a quoted text is
    /// defused too (harmlessly, since that copy is only checked, never read), and a stray
    /// " ?" in a prompt counts as a possible complex key (harmlessly, within the budget).
    struct Prescan {
        /// The text with every possible alias defused, or nil when there is no possible alias.
        var defusedText: (text: String, marker: Unicode.Scalar)?
        /// How many places could start a key that is a list or mapping.
        var complexKeyCount = 0
        /// The Unicode-scalar offset of the first such place.
        var firstComplexKey: Int?

        init(_ text: String) {
            let scalars = Array(text.unicodeScalars)
            var aliasStarts: [Int] = []
            // After '&name' or '*name' libyaml starts a new token at once, e.g. the '?' in '*a?'.
            var inName = false
            for (index, scalar) in scalars.enumerated() {
                var atTokenStart = index == 0 || Self.endsToken(scalars[index - 1])
                if inName {
                    if isAnchorCharacter(scalar) { continue }
                    inName = false
                    atTokenStart = true
                }
                let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
                switch scalar {
                case "*", "&":
                    if let next, isAnchorCharacter(next) {
                        // Every '*name', wherever it is: sound without knowing quoting or context.
                        if scalar == "*" { aliasStarts.append(index) }
                        inName = atTokenStart
                    }
                case "?" where atTokenStart:
                    countComplexKey(at: index)
                case "]", "}":
                    // A flow collection used as an implicit key: '[a, b]: value'.
                    var lookahead = index + 1
                    while lookahead < scalars.count, scalars[lookahead] == " " || scalars[lookahead] == "\t" {
                        lookahead += 1
                    }
                    if lookahead < scalars.count, scalars[lookahead] == ":" {
                        countComplexKey(at: index)
                    }
                default:
                    break
                }
            }
            if !aliasStarts.isEmpty {
                let marker = Self.unusedScalar(in: scalars)
                var defused = scalars
                for start in aliasStarts { defused[start] = marker }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: defused)
                defusedText = (String(view), marker)
            }
        }

        private mutating func countComplexKey(at index: Int) {
            complexKeyCount += 1
            if firstComplexKey == nil { firstComplexKey = index }
        }

        /// Whether a token may begin right after `scalar`: whitespace, line breaks,
        /// flow indicators, the key and value indicators, and closing quotes.
        static func endsToken(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}",
                 "[", "]", "{", "}", ",", ":", "?", "\"", "'":
                true
            default:
                false
            }
        }

        /// A printable scalar that can start a plain YAML scalar and does not occur in the text,
        /// so a plain scalar starting with it can only be a defused alias. Private-use
        /// characters come first; a 1 MiB text cannot hold every candidate.
        static func unusedScalar(in scalars: [Unicode.Scalar]) -> Unicode.Scalar {
            let used = Set(scalars.lazy.filter { $0.value >= 0x100 }.map(\.value))
            let ranges: [ClosedRange<UInt32>] = [
                0xE000...0xF8FF, 0xF0000...0x10FFFD, 0x4E00...0x9FFF, 0x100...0x1FFF, 0x10000...0xEFFFF,
            ]
            for range in ranges {
                for value in range where !used.contains(value) {
                    if let scalar = Unicode.Scalar(value) { return scalar }
                }
            }
            return "\u{E000}"  // Unreachable for texts within the size limit.
        }
    }
}

// MARK: - Positions

extension AgendaLoader {
    /// 1-based line and column of a Unicode-scalar offset, counted as libyaml counts:
    /// a column per scalar, and CR LF, CR, LF, NEL, LS and PS each end a line.
    static func lineAndColumn(ofScalarOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for (index, scalar) in text.unicodeScalars.enumerated() {
            guard index < offset else { break }
            switch scalar {
            case "\n" where previous == "\r":
                break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
            previous = scalar
        }
        return (line, column)
    }

    /// Yams reports reader errors as a `Character` offset.
    static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        let scalarOffset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
        return lineAndColumn(ofScalarOffset: scalarOffset, in: text)
    }

    static func splitLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        let lines = splitLines(text)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        return mark.column >= 1 && mark.column <= scalars.count ? scalars[mark.column - 1] : nil
    }
}

// MARK: - Reading the agenda

extension AgendaLoader {
    /// Reads the checked tree into an ``Agenda``, one schema rule at a time.
    struct Reader {
        let source: String

        static let agendaKeys = ["title", "series", "number", "date", "language", "venue", "host", "items", "next"]
        static let hostKeys = ["name", "website", "profile"]
        static let itemKeys = ["title", "minutes", "theme", "prompts"]
        static let nextKeys = ["date", "time", "place", "theme", "contact"]

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
            return Agenda(title: title, series: series, number: number, date: date, language: language,
                          venue: venue, host: host, items: items, next: next)
        }

        func host(_ field: Field?) throws(AgendaError) -> Agenda.Host? {
            guard let field, !isNull(field.value) else { return nil }
            guard case .mapping = field.value else {
                throw error(.wrongType, field.value, "expected a mapping with 'name' (and optionally 'website' and 'profile') for 'host', found \(describe(field.value))")
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
                throw error(.wrongType, field.value, "expected a mapping with 'date', 'time', 'place', 'theme' or 'contact' for 'next', found \(describe(field.value))")
            }
            let fields = try self.fields(of: field.value, allowed: Self.nextKeys, context: "'next'")
            let next = Agenda.NextMeeting(
                date: try fields["date"].flatMap { field throws(AgendaError) in try date(field, strict: false) },
                time: try text(fields["time"], limit: Limits.textCharacters),
                place: try text(fields["place"], limit: Limits.textCharacters),
                theme: try text(fields["theme"], limit: Limits.textCharacters),
                contact: try text(fields["contact"], limit: Limits.textCharacters)
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
            let shown = abbreviated(name)
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
            let text = (node.scalar?.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
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
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
            let rangeMessage = "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found '\(abbreviated(text))'"
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
            switch scalar.string.trimmingCharacters(in: .whitespaces).lowercased() {
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
                    throw error(.invalidValue, field.value, "expected a date as YYYY-MM-DD for '\(key)', found '\(abbreviated(text))'")
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
            var message = "unknown language '\(abbreviated(text))' for 'language'; valid values are 'nl' (Dutch) and 'en' (English)"
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
                isNull(node) ? "nothing" : "'\(abbreviated(scalar.string))'"
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

// MARK: - Suggestions

extension AgendaLoader {
    /// The allowed key a mistyped one most likely meant: same letters in another case,
    /// or within one edit for short keys and two for longer ones (`minuts`, `titel`, `datum`).
    static func closestKey(to name: String, among allowed: [String]) -> String? {
        guard name.count <= 64 else { return nil }
        if let sameLetters = allowed.first(where: { $0.lowercased() == name.lowercased() }) {
            return sameLetters
        }
        let candidate = name.lowercased()
        let scored = allowed.map { (key: $0, distance: editDistance(candidate, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let threshold = candidate.count <= 4 ? 1 : 2
        return best.distance <= threshold ? best.key : nil
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

extension AgendaLoader {
    /// 0 to 9 only: `Character.isWholeNumber` also accepts other scripts' digits and fractions.
    static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }

    /// Keeps quoted input in messages short and on one line.
    static func abbreviated(_ text: String, limit: Int = 40) -> String {
        let oneLine = text.replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
        return oneLine.count > limit ? String(oneLine.prefix(limit)) + "…" : oneLine
    }
}

