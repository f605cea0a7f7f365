import Foundation
import RollingStoneTestSupport
import Testing

/// An action opened in the first meeting of a series is listed at the start
/// of the second, closed there with `done`, and is no longer open after.
@Suite struct SeriesActionsTests {
    static func agenda(_ number: Int, language: String) -> String {
        """
        title: Bijeenkomst \(number)
        series: RollingStone
        number: \(number)
        date: 2012-0\(number + 5)-12
        language: \(language)
        items:
          - title: Welkom
            minutes: 10

        """
    }

    static func run(_ number: Int, _ script: String, in folder: TemporaryFolder, language: String = "nl") async throws -> ScriptedRun {
        let agenda = folder.file("rs\(number).yaml")
        try Data(Self.agenda(number, language: language).utf8).write(to: agenda)
        return try await ScriptedRun.run(
            ["run", "--agenda", agenda.path, "--session", "sessions/rs\(number).jsonl"], input: script, in: folder.url)
    }

    @Test func anActionIsCarriedOverClosedAndGone() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.file("sessions"), withIntermediateDirectories: true)
        let first = try await Self.run(
            1, "deelnemer Marije Vos, NL\nactie @marije Verslag rondsturen\nactie Smoelenboek maken\neinde\n", in: folder)
        #expect(first.status == 0, "\(first.output)")
        #expect(!first.output.contains("open actie"), "nothing was open before the first meeting")

        let second = try await Self.run(
            2, "klaar A1.1\nacties\ndeelnemer Piet Bos, BE, Geheim Netwerk\ntip @piet Een tip van Piet\nprivé @piet\neinde\n", in: folder)
        #expect(second.status == 0)
        #expect(second.output.contains("2 open acties van eerdere bijeenkomsten"), "\(second.output)")
        #expect(second.output.contains("  A1.1 Verslag rondsturen — Marije Vos"))
        #expect(second.output.contains("A1.1 afgerond: \"Verslag rondsturen\""))
        #expect(second.output.contains("In deze bijeenkomst afgerond:\n  A1.1 Verslag rondsturen — Marije Vos"))
        // The first meeting's file is not touched.
        let firstFile = try String(contentsOf: folder.file("sessions/rs1.jsonl"), encoding: .utf8)
        #expect(!firstFile.contains("action-done"))

        let open = try await ScriptedRun.run(["actions", "--open"], in: folder.url)
        #expect(open.status == 0)
        #expect(!open.output.contains("A1.1"), "\(open.output)")
        #expect(open.output.contains("A1.2\topen\tSmoelenboek maken (RollingStone 1)"))
        let all = try await ScriptedRun.run(["actions"], in: folder.url)
        #expect(all.output.contains("A1.1\tdone in RollingStone 2 (2012-07-12)\tVerslag rondsturen — Marije Vos (RollingStone 1)"), "\(all.output)")

        let report = try await ScriptedRun.run(["report", "sessions/rs2.jsonl"], in: folder.url)
        #expect(report.output.contains("## Afgeronde acties van eerdere bijeenkomsten\n\n- A1.1 Verslag rondsturen — Marije Vos"), "\(report.output)")
        // Piet is kept out of it by name (privé @piet): his tip stays, his name and network do not.
        #expect(second.output.contains("Piet Bos blijft bij naam buiten de verslagen"), "\(second.output)")
        #expect(report.output.contains("Een tip van Piet — een deelnemer uit België"))
        #expect(!report.output.contains("Piet Bos") && !report.output.contains("Geheim Netwerk"))
        let people = try await ScriptedRun.run(["people"], in: folder.url)
        #expect(!people.output.contains("Piet Bos") && people.output.contains("## Een deelnemer uit België"), "\(people.output)")

        // The third meeting (in English) sees only what is still open; undo takes a done back.
        let third = try await Self.run(3, "done A1.2\nundo\nactions\nend\n", in: folder, language: "en")
        #expect(third.output.contains("1 open action from earlier meetings ('done A1.2' closes it):\n  A1.2 Smoelenboek maken"), "\(third.output)")
        #expect(third.output.contains("Undone: done of A1.2."), "\(third.output)")
        #expect(third.output.contains("Open actions from earlier meetings:\n  A1.2 Smoelenboek maken"))
        let stillOpen = try await ScriptedRun.run(["actions", "--open"], in: folder.url)
        #expect(stillOpen.output.contains("A1.2\topen"))
    }
}
