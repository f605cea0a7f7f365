import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// Breakouts through the built binary: three note-takers' scripted meetings
/// on the main session's agenda, merged, and the merged session's report.
@Suite struct MergeScriptTests {
    @Test func threeBreakoutsMergeIntoAReportThatShowsEveryEntryOnce() async throws {
        let folder = try TemporaryFolder()
        let agenda = ScriptedMeetingTests.fixtures.appendingPathComponent("three-themes.yaml").path
        let main = try await ScriptedRun.run(
            ["run", "--ui-lang", "en", "--agenda", agenda, "--session", "main.jsonl"],
            input: "join Lotte Vermeulen, NL\njoin Stef Steyaert, BE\nnext\ntip @lotte Zoek de wethouder op\n", in: folder.url)
        #expect(main.status == 0, "\(main.errors)")
        let groups = [
            (
                "groep-a.jsonl",
                "join lotte VERMEULEN, NL\njoin Çağla Yılmaz, NL\nnext\nlesson Wat werkte\ntip @cagla Begin klein\nnote Eerst de buurt\nedit 2 Eerst de buurt, dan de gemeente\n"
            ),
            ("groep-b.jsonl", "join Stef Steyaert, BE\nnext\nidea @stef Een buurtfonds\ntip Schrap mij\ndelete 2\nnext\ntip Geld volgt energie\n"),
            ("groep-c.jsonl", "join Aoife Byrne, IE\nnext\nnext\nnext\nquote @aoife We zijn ergens vóór\naction @aoife Stuurt de lijst rond\n"),
        ]
        for (name, script) in groups {
            let run = try await ScriptedRun.run(["run", "--ui-lang", "en", "--agenda", agenda, "--session", name], input: script + "end\n", in: folder.url)
            #expect(run.status == 0 && !run.output.contains("error:"), "\(name): \(run.output) \(run.errors)")
        }
        let names = ["main.jsonl"] + groups.map(\.0)
        let before = try names.map { try Data(contentsOf: folder.file($0)) }

        let merge = try await ScriptedRun.run(["merge"] + names, in: folder.url)
        #expect(merge.status == 0, "\(merge.errors)")
        #expect(merge.output.contains("groep-a.jsonl: 2 entries merged (1 participant added, 1 lesson added)"), "\(merge.output)")
        #expect(merge.output.contains("groep-b.jsonl: 2 entries merged"), "\(merge.output)")
        #expect(merge.output.contains("groep-c.jsonl: 2 entries merged (1 participant added)"), "\(merge.output)")
        #expect(try names.map { try Data(contentsOf: folder.file($0)) } == before, "an input changed")

        let report = try await ScriptedRun.run(["report", "main-merged.jsonl"], in: folder.url)
        #expect(report.status == 0, "\(report.errors)")
        for text in [
            "Zoek de wethouder op", "Begin klein", "Eerst de buurt, dan de gemeente", "Een buurtfonds", "Geld volgt energie",
            "We zijn ergens vóór", "Stuurt de lijst rond",
        ] {
            #expect(report.output.components(separatedBy: text).count == 2, "'\(text)' is not in the report exactly once:\n\(report.output)")
        }
        #expect(!report.output.contains("Schrap mij"))
        #expect(report.output.components(separatedBy: "Lotte Vermeulen").count == 3, "\(report.output)")  // the table and her tip

        // Again, in another order, into the merged session: nothing is added.
        let again = try await ScriptedRun.run(
            ["merge", "main-merged.jsonl", "groep-c.jsonl", "groep-a.jsonl", "groep-b.jsonl", "-o", "again.jsonl"], in: folder.url)
        #expect(again.status == 0, "\(again.errors)")
        #expect(again.output.components(separatedBy: "0 entries merged").count == 4, "\(again.output)")
        let merged = try SessionFile.read(at: folder.file("main-merged.jsonl")).state
        #expect(try SessionFile.read(at: folder.file("again.jsonl")).state.entries == merged.entries)

        // A session of another agenda is refused, naming the file and what differs.
        let other = try await ScriptedRun.run(["run", "--ui-lang", "en", "--session", "elders.jsonl"], input: "tip Elders\nend\n", in: folder.url)
        #expect(other.status == 0, "\(other.errors)")
        let refused = try await ScriptedRun.run(["merge", "main.jsonl", "elders.jsonl", "-o", "x.jsonl"], in: folder.url)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("elders.jsonl: error: not a breakout of"), "\(refused.errors)")
        #expect(refused.errors.contains("another agenda"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("x.jsonl")))

        // The merged session resumes as any other.
        let resumed = try await ScriptedRun.run(["run", "--ui-lang", "en", "--session", "main-merged.jsonl"], input: "tip Na de pauze\n", in: folder.url)
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(resumed.output.contains("#\(merged.nextEntryNumber) tip, under"), "\(resumed.output)")
    }
}
