import Foundation
import RollingStoneCore
import Yams

/// Reads agenda files (YAML, see `docs/agenda-format.md`) into an ``Agenda``.
///
/// Every problem is reported as an ``AgendaError`` that names the file, line and column
/// of the offending value, so a facilitator can fix the file minutes before a meeting.
/// The loader is meant for files written by people, and it refuses anything that could
/// make it slow or large instead of trying to cope with it: files over 1 MiB, anchors
/// and aliases, complex keys, and deep nesting (see ``Limits``).
package enum AgendaLoader {
    /// The bounds the loader enforces; each is reported as its own clear error.
    package enum Limits {
        /// The largest agenda file accepted, in bytes (1 MiB).
        package static let fileBytes = 1_048_576
        /// How deeply lists and mappings may nest; an agenda itself needs 4 levels.
        package static let nesting = 16
        /// The most items an agenda may have.
        package static let items = 100
        /// The most prompts one agenda item may have.
        package static let promptsPerItem = 20
        /// The range of `minutes` for one agenda item.
        package static let minutes = 1...600
        /// The range of `number`, the meeting's number within its series.
        package static let number = 1...9_999
        /// The longest meeting or item title, in characters.
        package static let titleCharacters = 500
        /// The longest short text (venue, host name, website, next meeting details), in characters.
        package static let textCharacters = 500
        /// The longest prompt, in characters.
        package static let promptCharacters = 1_000
        /// The longest host profile, introduction or description of the next
        /// meeting, in characters.
        package static let profileCharacters = 10_000
    }

    /// The name shown in messages about the built-in agenda.
    package static let builtInSource = "rollingstone.yaml (built in)"

    /// The YAML text of the built-in agenda, for facilitators who want a copy to adapt.
    package static var builtInText: String {
        String(decoding: PackageResources.rollingstone_yaml, as: UTF8.self)
    }

    /// The built-in RollingStone afternoon, used when no agenda file is given.
    ///
    /// The file ships inside the module and is covered by tests, so failing to load it is a
    /// build defect rather than bad input; it stops the program with the loader's message.
    package static let builtIn: Agenda = {
        do {
            return try parse(builtInText, source: builtInSource)
        } catch {
            preconditionFailure("the built-in agenda does not load: \(error)")
        }
    }()

    /// The built-in RollingStone afternoon; the same value as ``builtIn``.
    package static func builtInAgenda() -> Agenda {
        builtIn
    }

    /// Reads and checks the agenda file at `url`.
    ///
    /// Messages name the file as the URL spells it (its relative path when it has one).
    package static func load(contentsOf url: URL) throws(AgendaError) -> Agenda {
        let source = url.isFileURL ? url.relativePath : url.absoluteString
        let data = try readFile(at: url, source: source)
        return try parse(data, source: source)
    }

    /// Checks agenda bytes, which must be UTF-8; `source` names them in messages.
    package static func parse(_ data: Data, source: String) throws(AgendaError) -> Agenda {
        guard data.count <= Limits.fileBytes else {
            throw tooLarge(byteCount: data.count, source: source)
        }
        return try parse(decodeUTF8(data, source: source), source: source)
    }

    /// Checks agenda text; `source` is the file name shown in messages.
    package static func parse(_ yaml: String, source: String) throws(AgendaError) -> Agenda {
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
            (scan.complexKeyCount + 1) * byteCount > complexKeyBudget
        {
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
