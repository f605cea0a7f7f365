import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// The text of `help`.
enum HelpText {
    static func reply(topic: String?) -> Reply {
        guard let topic else { return .ok(overview) }
        let key = topic.hasPrefix("@") ? "tip" : topic
        guard let name = CommandName(rawValue: key) ?? CommandName.aliases[key] else {
            return .error("No command '\(topic.abbreviated())'; 'help' lists them all.")
        }
        var lines = ["\(name.usage)", "  \(name.summary.capitalizedFirst)."]
        lines += (details[name] ?? []).map { "  " + $0 }
        if let example = examples[name] { lines.append("  Example: \(example)") }
        return .ok(lines.joined(separator: "\n"))
    }

    static let overview: String = {
        let width = CommandName.allCases.map(\.usage.count).max() ?? 0
        var lines = ["Commands (Tab completes commands, @names and item titles):"]
        for name in CommandName.allCases {
            lines.append("  " + name.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + name.summary)
        }
        lines.append("Any other line is captured as a note. Every entry is saved to disk before the prompt returns.")
        return lines.joined(separator: "\n")
    }()

    /// More than the summary's one line, for the commands that need it.
    static let details: [CommandName: [String]] = [
        .queue: [
            "q next: the floor to the first in the queue, as 'ack'.",
            "q done: the turn under way ends, with no one next.",
            "q time MIN: each speaker has MIN minutes (1.5 is 90 seconds); running over is announced once per turn. q time off: no limit.",
            "q stats: turns and speaking time by country and by person, and who has not spoken yet.",
            "'undo' leaves the queue alone: q- and q done are the way back.",
        ],
        .queueUp: ["'!' marks a point of order or a direct reply: it goes ahead of every plain request; each comes first come, first served."],
        .ack: ["During a turn, tips, quotes, ideas and notes are the speaker's unless @NAME says otherwise; actions are not."],
        .undo: ["The speaker queue is not undone: q- and q done are the way back."],
    ]

    static let examples: [CommandName: String] = [
        .join: "join Stef Steyaert, België, Lab van Troje, special guest",
        .lesson: "lesson Sell your plan to people, not to organisations",
        .tip: "tip @stef Treat the city as a partner, not as a funder",
        .quote: "quote @Hannah Schröder We are not against anything; we are for something",
        .action: "action @marije Send the slides round by Friday",
        .goto: "goto 3   or   goto resilience",
        .edit: "edit #12 Treat the city as a co-funder, not as a funder",
        .move: "move #12 resilience",
        .accept: "accept 3 @lotte   (accept 3 alone attributes it to the name the phone gave)",
        .queue: "q time 3",
        .queueUp: "q+ @stef ! over de agenda   (q+ @lotte alone: a new point, after every '!')",
        .unqueue: "q- @lotte",
        .ack: "ack   (then 'tip Zoek de wethouder op' is the speaker's tip)",
    ]
}
