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

    package static let formatName = "rollingstone-session"
    /// The format version this tool writes and reads.
    package static let currentVersion = 1

    package init(created: Date, agenda: Agenda, tool: String = ToolVersion.current) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.tool = tool
        self.created = created
        self.agenda = agenda
    }

    private enum CodingKeys: String, CodingKey {
        case format, version, tool, created, agenda
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        // A file without a version predates versioning: it is version 1.
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        tool = try container.decodeIfPresent(String.self, forKey: .tool) ?? "unknown"
        created = try SessionTimestamp.date(from: container.decode(String.self, forKey: .created), codingPath: container.codingPath)
        agenda = try container.decode(Agenda.self, forKey: .agenda)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try container.encode(tool, forKey: .tool)
        try container.encode(SessionTimestamp.string(from: created), forKey: .created)
        try container.encode(agenda, forKey: .agenda)
    }
}

/// The version of this tool, shown by `--version` and stored in session files.
package enum ToolVersion {
    package static let current = "0.1.0"
}
