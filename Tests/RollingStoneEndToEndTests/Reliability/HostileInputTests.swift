import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneTestSupport
import Testing

/// Whatever reaches the prompt — a paste gone wrong, a binary file piped in,
/// escape sequences — the binary answers every line, stores only
/// clean text, and never shows an escape sequence back.
@Suite struct HostileInputTests {
    static let megabyte = 1 << 20

    /// Lines as raw bytes, each answered with exactly one line.
    static let hostileLines: [(String, [UInt8])] = {
        let words = Array(String(repeating: "blah ", count: megabyte / 5).utf8)
        let word = [UInt8](repeating: UInt8(ascii: "a"), count: megabyte)
        return [
            ("a 1 MB tip", Array("tip ".utf8) + words),
            ("a 1 MB plain note", words),
            ("a 1 MB single word", word),
            ("a 1 MB quote mention", Array("quote @".utf8) + word + Array(" zei iets".utf8)),
            ("a 1 MB goto", Array("goto ".utf8) + word),
            ("a 1 MB edit", Array("edit #1 ".utf8) + words),
            ("a 1 MB help topic", Array("help ".utf8) + word),
            ("a 1 MB report path", Array("report ".utf8) + word),
            ("a 1 MB name", Array("join ".utf8) + word + Array(", NL".utf8)),
            ("invalid UTF-8", Array("tip caf".utf8) + [0xC3, 0x28, 0x20, 0xFF, 0xFE, 0xED, 0xA0, 0x80] + Array(" ok".utf8)),
            ("a lone continuation byte", [0x80, 0x80, 0x80]),
            ("NUL bytes", Array("tip nul".utf8) + [0x00, 0x00] + Array("bytes".utf8)),
        ]
    }()

    @Test func everyHostileLineIsAnsweredWithoutACrash() async throws {
        let folder = try TemporaryFolder()
        let url = folder.url
        let report = try await onOwnThread { () throws -> [String] in
            var problems: [String] = []
            let run = try LiveRun(["run", "--session", "s.jsonl"], in: url)
            run.send("join Ann de Vries, NL")
            guard run.waitForLine(where: { $0.hasPrefix("Ann de Vries joined") }) != nil else { return ["no join: \(run.errors)"] }
            run.send("tip Een gewone tip")
            guard run.waitForLine(where: { $0.hasPrefix("#1 tip") }) != nil else { return ["no tip: \(run.errors)"] }
            for (what, bytes) in Self.hostileLines {
                run.send(bytes: bytes + [0x0A])
                // A hang guard only: how fast each line is answered is the benchmark's business.
                guard case .line(let reply) = run.nextLine(timeout: .seconds(120)) else {
                    problems.append("\(what): no answer: \(run.errors.prefix(500))")
                    break
                }
                print("HostileInputTests: \(what): answered \(reply.utf8.count) bytes: \(reply.prefix(90))")
                if reply.contains("\u{1B}") { problems.append("\(what): the reply has an escape") }
            }
            let status = run.finish()
            if status != 0 { problems.append("exit status \(status): \(run.errors.prefix(500))") }
            return problems
        }
        for problem in report { Issue.record(Comment(rawValue: problem)) }

        let file = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl"))
        #expect(file.tornTail == nil)
        for entry in file.state.entries {
            #expect(entry.text.count <= Meeting.maximumTextLength)
            #expect(!entry.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "#\(entry.number)")
        }
        let texts = file.state.entries.map(\.text)
        // Stored, with what could not be read as UTF-8 shown as such.
        #expect(texts.contains("caf\u{FFFD}( \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} ok"), "\(texts.map { $0.prefix(40) })")
        #expect(texts.contains("nulbytes"))
        #expect(!texts.contains { $0.hasPrefix("blah") || $0.hasPrefix("aaaa") }, "a 1 MB line was stored")
        #expect(file.state.participants.map(\.name) == ["Ann de Vries"])
    }

    @Test func escapeSequencesAreRemovedFromStoredTextAndNeverShown() async throws {
        let folder = try TemporaryFolder()
        let script =
            [
                "join \u{1B}[1mEve\u{1B}[0m Ekström\u{07}, NL",
                "tip \u{1B}[31mRood\u{1B}[0m en \u{1B}]0;titel van het venster\u{07}klaar\u{9B}2J",
                "note terminal reset\u{1B}c weg",
                "idea tekst\u{08}\u{08}\u{08}met\rterug\u{7F}",
                "action \u{202E}omgekeerd\u{202C} en \u{200B}onzichtbaar",
                "quote @Eve \u{1B}P1;2|geheim\u{1B}\\gezegd",
                "list all",
                "who",
            ].joined(separator: "\n") + "\n"
        let run = try await ScriptedRun.run(["run", "--session", "s.jsonl"], input: script, in: folder.url)
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.output.contains("error:"), "\(run.output)")
        #expect(!run.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{07}" }, "an escape reached the terminal")

        let state = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl")).state
        #expect(state.participants.map(\.name) == ["Eve Ekström"])
        #expect(
            state.entries.map(\.text) == [
                "Rood en klaar",
                "terminal reset weg",
                "tekstmet terug",
                "omgekeerd en onzichtbaar",
                "gezegd",
            ])
        #expect(run.output.contains("Rood en klaar"))
    }

    /// Error replies quote what was typed; the quote never carries an
    /// escape sequence back to the terminal (found by the fuzzer).
    @Test func errorsThatQuoteTheLineShowNoEscapeSequence() async throws {
        let folder = try TemporaryFolder()
        let script =
            [
                "help \u{1B}[2J",
                "delete #\u{1B}[2J",
                "goto \u{1B}]0;titel\u{07}",
                "move #1 \u{1B}[2J",
                "next \u{9B}2J",
                "quote @\u{1B}[1mbob zegt iets",
                "notte \u{1B}[31mrood",
            ].joined(separator: "\n") + "\n"
        let run = try await ScriptedRun.run(["run", "--session", "s.jsonl"], input: script, in: folder.url)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.components(separatedBy: "error: ").count - 1 == 7, "\(run.output)")
        #expect(!run.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{07}" }, "\(run.output.debugDescription)")
        #expect(run.output.contains("error: No command ''"), "\(run.output)")
    }

    /// `join NAME, COUNTRY` with a 1 MB country: the "did you mean" search
    /// once compared the whole input with every country name and hung the
    /// REPL for minutes. Suggestions now skip input no name is that long.
    /// Every error that quotes the input quotes it shortened.
    @Test
    func aMegabyteCountryIsAnswered() async throws {
        let folder = try TemporaryFolder()
        let line = "join Ann, " + String(repeating: "x", count: Self.megabyte) + "\n"
        let run = try await ScriptedRun.run(["run", "--session", "s.jsonl"], input: line, in: folder.url)
        #expect(run.output.contains("error: Unknown country 'xxxxxxxxxx"))
        #expect(run.output.utf8.count < 2_000, "the error echoed the whole input")
    }
}
