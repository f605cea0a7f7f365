import Foundation
import RollingStoneCore
import Yams

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
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return syntaxError(problem: problem, context: context, mark: mark, text: text, source: source)
        case .reader(let problem, let offset, _, _):
            guard let offset else {
                return AgendaError(.syntax, file: source, message: "invalid text: \(problem)")
            }
            let (line, column) = lineAndColumn(ofCharacterOffset: offset, in: text)
            return AgendaError(
                .syntax, file: source, line: line, column: column,
                message: "invalid text: \(problem); agenda files hold printable text only")
        case .duplicatedKeysInMapping(let duplicates, let context):
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
