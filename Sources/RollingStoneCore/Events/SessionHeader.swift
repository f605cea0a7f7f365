import Foundation

/// The first line of every session file.
///
/// It names the format and its version, the tool that created the file, and
/// the agenda as it was used, so a session can be resumed or reported on
/// without the agenda file it came from.
package struct SessionHeader: Codable, Equatable, Sendable {
    /// Always `rollingstone-session`.
    package var format: String
    /// The format version; a file from a newer tool is refused, not guessed at.
    package var version: Int
    /// The version of the tool that created the file.
    package var tool: String
    package var created: Date
    package var agenda: Agenda
    /// The session's own id, given when the file is created; `nil` in files
    /// from before sessions had one (see `identity`).
    package var id: String?

    package static let formatName = "rollingstone-session"
    /// The format version this tool writes and reads.
    package static let currentVersion = 1

    package init(created: Date, agenda: Agenda, id: String? = nil, tool: String = ToolVersion.current) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.tool = tool
        self.created = created
        self.agenda = agenda
        self.id = id
    }

    /// How a merged session's id starts (`rollingstone merge`).
    package static let mergedIDPrefix = "merged-"

    /// A new session's id: random, so two laptops never give the same one.
    package static func newID() -> String { UUID().uuidString.lowercased() }

    /// The session's id: its own, or for an older file one derived from what
    /// its header said at creation (the time, and the agenda's series, number
    /// and title), so it is the same on every read without rewriting the
    /// file, and `forget` (which changes names, not these) leaves it alone.
    package var identity: String {
        if let id { return id }
        let source = [SessionTimestamp.string(from: created), agenda.series ?? "", agenda.number.map(String.init) ?? "", agenda.title]
        return "derived-" + StableHash.hex(source.joined(separator: "\u{1F}"))
    }

    private enum CodingKeys: String, CodingKey {
        case format, version, tool, created, agenda, id
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        // A file without a version predates versioning: it is version 1.
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        tool = try container.decodeIfPresent(String.self, forKey: .tool) ?? "unknown"
        created = try SessionTimestamp.date(from: container.decode(String.self, forKey: .created), codingPath: container.codingPath)
        agenda = try container.decode(Agenda.self, forKey: .agenda)
        id = try container.decodeIfPresent(String.self, forKey: .id)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try container.encode(tool, forKey: .tool)
        try container.encode(SessionTimestamp.string(from: created), forKey: .created)
        try container.encode(agenda, forKey: .agenda)
        try container.encodeIfPresent(id, forKey: .id)
    }
}

/// The version of this tool, shown by `--version` and stored in session files.
package enum ToolVersion {
    package static let current = "0.1.0"
}
