import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneReport
import SessionGenerator

/// A jrnl journal (plain-text format) with the same texts as a generated
/// session, so jrnl and rollingstone are compared on comparable content.
///
/// It holds exactly `entries` entries: the text of captures #1…#N as they
/// stand at the end of the session (edits applied; deleted ones kept, so the
/// count matches), each at the time of its capture and prefixed with
/// `@FirstName` when attributed, as typed in the REPL. The journal's config
/// must use `timeformat: "%Y-%m-%d %H:%M:%S"`.
enum JrnlJournal {
    static func text(entries: Int, seed: UInt64) -> String {
        let (_, records) = SessionGenerator(entries: entries, seed: seed).records()
        var names: [Int: String] = [:]
        var texts: [Int: (time: Date, text: String, participant: Int?)] = [:]
        var order: [Int] = []
        for record in records {
            switch record.event {
            case .joined(let participant):
                names[participant.id] = String(participant.name.split(separator: " ").first ?? "")
            case .captured(let entry), .accepted(_, let entry):
                if texts[entry.number] == nil { order.append(entry.number) }
                texts[entry.number] = (record.time, entry.text, entry.participant)
            case .edited(let number, let text):
                texts[number]?.text = text
            default:
                break
            }
        }
        let formatter = timeFormatter()
        var journal = ""
        journal.reserveCapacity(order.count * 100)
        for number in order {
            guard let entry = texts[number] else { continue }
            let who = entry.participant.flatMap { names[$0] }.map { "@\($0) " } ?? ""
            journal += "[\(formatter.string(from: entry.time))] \(who)\(entry.text)\n\n"
        }
        return journal
    }

    /// jrnl's `timeformat: "%Y-%m-%d %H:%M:%S"`, in UTC.
    private static func timeFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }

    static func write(entries: Int, seed: UInt64, to url: URL) throws {
        try Data(text(entries: entries, seed: seed).utf8).write(to: url)
    }

    /// A jrnl journal of every live entry of every session in `folder`,
    /// with the same texts and `@FirstName`, one entry a minute from each
    /// session's start (jrnl keeps entries by time; the sessions keep no
    /// time per entry once replayed).
    static func write(archive folder: URL, to url: URL) throws {
        let formatter = timeFormatter()
        var journal = Data()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        for name in names {
            let state = try SessionFile.read(at: folder.appendingPathComponent(name)).state
            for (minute, entry) in state.entries.enumerated() {
                let time = formatter.string(from: state.header.created.addingTimeInterval(Double(minute) * 60))
                let who = entry.participant.flatMap { state.participant($0)?.name.split(separator: " ").first }.map { "@\($0) " } ?? ""
                journal.append(contentsOf: "[\(time)] \(who)\(entry.text)\n\n".utf8)
            }
        }
        try journal.write(to: url)
    }
}
