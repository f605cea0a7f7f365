import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// The built binary with `--room`: real HTTP requests to its room on
/// 127.0.0.1 (and, for the join code, this machine's own network address),
/// checked against the contract in docs/room.md.
@Suite struct RoomHTTPTests {
    static let agenda = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("three-themes.yaml").path
    static let joinAlphabet = Set("ACDEFGHJKLMNPQRTUVWXY34679")

    /// Types the lines of a meeting under way: Stef joined, item 2, a lesson open.
    static func setUpUnderALesson(_ run: RoomRun) async throws {
        #expect(try await run.answer("join Stef Steyaert, België") { $0.contains("joined") } != nil)
        #expect(try await run.answer("next") { $0.hasPrefix("Item 2/5") } != nil)
        #expect(try await run.answer("lesson Zoek de mensen") { $0.hasPrefix("Lesson \"Zoek de mensen\" opened") } != nil)
    }

    static func session(_ folder: TemporaryFolder, _ name: String = "room.jsonl") throws -> MeetingState {
        try SessionFile.read(at: folder.file(name)).state
    }

    // MARK: GET /api/state

    @Test func stateAnswersTheDocumentedShape() async throws {
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", agenda: Self.agenda, in: folder.url)
        let port = run.port
        #expect(run.startLines.contains("Projector: http://127.0.0.1:\(port)/ (the room page; open it on the laptop)"))
        #expect(!run.startLines.contains { $0.hasPrefix("Phones:") }, "on loopback no phone address is shown")

        let before = try await Phone.get("/api/state", port: port)
        #expect(before.status == 200)
        #expect(before.header("Content-Type") == "application/json; charset=utf-8")
        #expect(before.header("Cache-Control") == "no-store")
        #expect(before.header("X-Content-Type-Options") == "nosniff")
        #expect(before.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
        let empty = try #require(before.json)
        #expect(empty["lesson"] == nil, "no lesson open: the key is left out")
        #expect((empty["entries"] as? [Any])?.isEmpty == true && (empty["participants"] as? [Any])?.isEmpty == true)
        #expect(object(empty["item"])["number"] as? Int == 1 && object(empty["item"])["theme"] as? Bool == false)

        try await Self.setUpUnderALesson(run)
        #expect(try await run.answer("tip @stef Investeer in je contactpersoon") { $0.hasPrefix("#1 tip by Stef Steyaert") } != nil)
        #expect(try await run.answer("Een losse notitie") { $0.hasPrefix("#2 note (not a command)") } != nil)

        let response = try await Phone.get("/api/state", port: port)
        #expect(response.status == 200)
        let state = try #require(response.json, "\(response.text)")
        #expect(Set(state.keys) == ["seq", "meeting", "item", "lesson", "entries", "participants", "pending", "submissions", "join"])
        #expect(state["seq"] as? Int == (try Self.session(folder).lastSequence), "seq is the last event applied")

        let meeting = object(state["meeting"])
        #expect(meeting["title"] as? String == "Drie thema's in Gent")
        #expect(meeting["series"] as? String == "RollingStone" && meeting["number"] as? Int == 7)
        #expect(meeting["language"] as? String == "nl" && meeting["ended"] as? Bool == false)

        let item = object(state["item"])
        #expect(item["number"] as? Int == 2 && item["count"] as? Int == 5)
        #expect(item["title"] as? String == "Trekkracht aan instanties" && item["theme"] as? Bool == true)
        #expect(item["plannedMinutes"] as? Int == 30 && item["running"] as? Bool == true)
        let spent = try #require(item["secondsSpent"] as? Double)
        #expect(spent >= 0 && spent.isFinite)

        #expect(object(state["lesson"])["id"] as? Int == 1 && object(state["lesson"])["title"] as? String == "Zoek de mensen")

        let entries = try #require(state["entries"] as? [[String: Any]])
        #expect(entries.count == 2)
        let tip = entries[0]
        #expect(tip["number"] as? Int == 1 && tip["kind"] as? String == "tip" && tip["text"] as? String == "Investeer in je contactpersoon")
        #expect(tip["lesson"] as? Int == 1 && tip["fromRoom"] as? Bool == false)
        let stef = object(tip["participant"])
        #expect(stef["name"] as? String == "Stef Steyaert" && stef["country"] as? String == "BE" && stef["countryName"] as? String == "België")
        #expect(entries[1]["participant"] == nil, "nobody named: the key is left out")
        #expect(entries[1]["kind"] as? String == "note" && entries[1]["number"] as? Int == 2)

        let participants = try #require(state["participants"] as? [[String: Any]])
        #expect(participants.count == 1)
        #expect(participants.first?["id"] as? Int == 1 && participants.first?["name"] as? String == "Stef Steyaert")
        #expect(participants.first?["country"] as? String == "BE" && participants.first?["countryName"] as? String == "België")
        #expect(state["pending"] as? Int == 0)
        #expect((state["submissions"] as? [Any])?.isEmpty == true)

        let code = try #require(object(state["join"])["code"] as? String)
        #expect(code.count == 4 && code.allSatisfy(Self.joinAlphabet.contains))
        #expect(try await run.end() == 0)
    }

    /// docs/room.md: "`join.phoneURL` is left out when the room is on loopback only."
    @Test func onLoopbackThePhoneAddressIsLeftOut() async throws {
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", in: folder.url)
        let state = try #require(try await Phone.get("/api/state", port: run.port).json)
        let join = object(state["join"])
        #expect(Set(join.keys) == ["code"], "\(join)")
        // The built-in agenda has a series but no number: left out too.
        #expect(object(state["meeting"])["series"] as? String == "RollingStone" && object(state["meeting"])["number"] == nil)
        #expect(try await run.end() == 0)
    }

    // MARK: POST /api/submissions

    @Test func aSubmissionIsSavedAnsweredWith202AndAnnouncedInTheREPL() async throws {
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", agenda: Self.agenda, in: folder.url)
        let port = run.port
        try await Self.setUpUnderALesson(run)

        let response = try await Phone.submit(
            ["name": "Hannah Schröder", "kind": "tip", "text": "Vraag cofinanciering, geen subsidie"], port: port, device: "phone-1")
        #expect(response.status == 202, "\(response.text)")
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.json?["number"] as? Int == 1 && response.json?["status"] as? String == "pending")
        // Answered only once it is on disk.
        #expect(
            try Self.session(folder).submissions.last
                == Submission(number: 1, kind: .tip, text: "Vraag cofinanciering, geen subsidie", name: "Hannah Schröder"))
        let announced = try await run.line { $0.hasPrefix("Phone: ") }
        #expect(announced == "Phone: tip from Hannah Schröder — \"Vraag cofinanciering, geen subsidie\"  (accept 1 / reject 1)")

        // A form, with '+' and '%20' for spaces.
        let form = try await Phone.post(
            Array("name=Bram+de%20Boer&kind=question&text=Wie+betaalt%3F+De%20gemeente%2C+1%2B1".utf8), type: "application/x-www-form-urlencoded",
            port: port, device: "phone-2")
        #expect(form.status == 202, "\(form.text)")
        #expect(form.json?["number"] as? Int == 2 && form.json?["status"] as? String == "pending")
        #expect(
            try Self.session(folder).submissions.last == Submission(number: 2, kind: .question, text: "Wie betaalt? De gemeente, 1+1", name: "Bram de Boer"))
        #expect(
            try await run.line { $0.hasPrefix("Phone: ") } == "Phone: question from Bram de Boer — \"Wie betaalt? De gemeente, 1+1\"  (accept 2 / reject 2)")

        let inbox = try await run.answer("inbox") { $0.hasSuffix("waiting ('accept N [@NAME]' or 'reject N'):") }
        #expect(inbox == "2 submissions waiting ('accept N [@NAME]' or 'reject N'):")
        #expect(try await run.line { _ in true } == "  1 tip from Hannah Schröder: \"Vraag cofinanciering, geen subsidie\"")
        #expect(try await run.line { _ in true } == "  2 question from Bram de Boer: \"Wie betaalt? De gemeente, 1+1\"")
        #expect(
            try await run.answer("accept 2 @stef") { $0.hasPrefix("Submission 2 accepted") }
                == "Submission 2 accepted as #1 question by Stef Steyaert, under \"Zoek de mensen\"")
        #expect(try await run.answer("reject 1") { $0.hasPrefix("Submission 1 rejected") } != nil)

        let state = try #require(try await Phone.get("/api/state", port: port).json)
        #expect(state["pending"] as? Int == 0)
        // Where each stands, for a phone that slept; never the text or the sender.
        let fates = (state["submissions"] as? [[String: Any]] ?? []).map {
            "\($0["number"] as? Int ?? 0) \($0["kind"] as? String ?? "") \($0["status"] as? String ?? "")"
        }
        #expect(fates == ["1 tip rejected", "2 question accepted"])
        #expect((state["submissions"] as? [[String: Any]] ?? []).allSatisfy { Set($0.keys) == ["number", "kind", "status"] })
        let entries = state["entries"] as? [[String: Any]] ?? []
        #expect(entries.count == 1)
        #expect(entries.first?["fromRoom"] as? Bool == true && entries.first?["text"] as? String == "Wie betaalt? De gemeente, 1+1")
        #expect(object(entries.first?["participant"])["name"] as? String == "Stef Steyaert")
        #expect(try await run.end() == 0)
        let saved = try Self.session(folder)
        #expect(saved.submissionStatus(1) == .rejected && saved.submissionStatus(2) == .accepted(entry: 1))
    }

    /// With standard input a pipe (a script, `ssh` without a terminal, a
    /// process supervisor), the REPL sits in `readLine()` waiting for its
    /// next line while phones send: their answers must not wait for that
    /// line, nor hold up the meeting.
    @Test func aPhoneIsAnsweredWhileTheREPLWaitsForItsNextLine() async throws {
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", in: folder.url)
        let first = try await Phone.submit(["name": "Anna", "kind": "tip", "text": "Eerste"], port: run.port, device: "phone-1")
        #expect(first.status == 202 && first.json?["number"] as? Int == 1)
        let second = try await Phone.submit(["name": "Bram", "kind": "idea", "text": "Tweede"], port: run.port, device: "phone-2")
        #expect(second.status == 202 && second.json?["number"] as? Int == 2)
        #expect(try await run.line { $0.hasPrefix("Phone: ") }?.hasSuffix("(accept 1 / reject 1)") == true)
        #expect(try await run.line { $0.hasPrefix("Phone: ") }?.hasSuffix("(accept 2 / reject 2)") == true)
        #expect(try await run.answer("inbox") { $0.contains("waiting") }?.hasPrefix("2 submissions waiting") == true)
        #expect(try await run.end() == 0)
    }

    struct Refusal: Sendable, CustomStringConvertible {
        var description: String
        var body: [UInt8]
        var type: String? = "application/json"
        var hostHeader: String? = nil
        var chunked = false
        var status: Int

        static func json(_ description: String, _ fields: [String: String], status: Int) -> Refusal {
            Refusal(description: description, body: Array(try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])), status: status)
        }
    }

    @Test func badSubmissionsAreRefusedWithTheirStatusAndSaveNothing() async throws {
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", in: folder.url)
        let port = run.port
        let valid = ["name": "Anna", "kind": "tip", "text": "Een goede tip"]
        let padded = Array(
            try JSONSerialization.data(withJSONObject: ["name": "Anna", "kind": "tip", "text": "kort", "pad": String(repeating: "p", count: 16 * 1024)]))
        let refusals: [Refusal] = [
            .json("empty text", ["name": "Anna", "kind": "tip", "text": ""], status: 400),
            .json("blank text", ["name": "Anna", "kind": "tip", "text": "  \n\t "], status: 400),
            .json("no text", ["name": "Anna", "kind": "tip"], status: 400),
            .json("empty name", ["name": "", "kind": "tip", "text": "Een tip"], status: 400),
            .json("unknown kind", ["name": "Anna", "kind": "remark", "text": "Een tip"], status: 400),
            .json("no kind", ["name": "Anna", "text": "Een tip"], status: 400),
            Refusal(description: "not JSON", body: Array("this is not json".utf8), status: 400),
            Refusal(description: "a JSON array", body: Array("[\"tip\"]".utf8), status: 400),
            Refusal(description: "plain text", body: Array("tip: hallo".utf8), type: "text/plain", status: 400),
            Refusal(description: "no content type", body: Array(#"{"name":"Anna","kind":"tip","text":"x"}"#.utf8), type: nil, status: 400),
            .json("text of 2,001 characters", ["name": "Anna", "kind": "tip", "text": String(repeating: "x", count: 2_001)], status: 413),
            Refusal(description: "a body over 16 KB", body: padded, status: 413),
            Refusal(description: "a chunked body over 16 KB", body: padded, chunked: true, status: 413),
            Refusal(description: "a foreign Host", body: Refusal.json("", valid, status: 0).body, hostHeader: "evil.example.com", status: 421),
            Refusal(
                description: "a foreign Host with the port", body: Refusal.json("", valid, status: 0).body, hostHeader: "evil.example.com:\(port)", status: 421),
        ]
        for refusal in refusals {
            let response = try await Phone.post(
                refusal.body, type: refusal.type, port: port, device: UUID().uuidString, hostHeader: refusal.hostHeader, chunked: refusal.chunked)
            #expect(response.status == refusal.status, "\(refusal): \(response.status) \(response.text)")
            #expect(response.error?.isEmpty == false, "\(refusal): errors answer {\"error\": sentence}, got \(response.text)")
        }
        // The limits themselves fit: 2,000 characters, of any script.
        for text in [String(repeating: "x", count: 2_000), String(repeating: "é", count: 2_000), String(repeating: "🙂", count: 2_000)] {
            let response = try await Phone.submit(["name": "Anna", "kind": "idea", "text": text], port: port, device: UUID().uuidString)
            #expect(response.status == 202, "\(text.count) × \(text.first!): \(response.status) \(response.text)")
        }
        #expect(try Self.session(folder).submissions.map(\.number) == [1, 2, 3], "a refused submission must not be saved")

        // Reading is guarded by the Host check too; unknown paths are 404.
        for target in ["/", "/api/state", "/api/events", "/qr.svg", "/j/ABCD"] {
            let response = try await Phone.get(target, port: port, hostHeader: "evil.example.com:\(port)")
            #expect(response.status == 421, "GET \(target) with a foreign Host: \(response.status)")
            #expect(response.error?.isEmpty == false)
        }
        let noHost = try await Phone.send(Array("GET /api/state HTTP/1.1\r\nConnection: close\r\n\r\n".utf8), port: port)
        #expect(noHost.status == 421, "no Host at all: \(noHost.status)")
        for target in ["/nothing", "/api/nothing", "/api/state/extra"] {
            let response = try await Phone.get(target, port: port)
            #expect(response.status == 404, "GET \(target): \(response.status) \(response.text)")
            #expect(response.error?.isEmpty == false)
        }
        let wrongMethod = try await Phone.post(Array("{}".utf8), type: "application/json", target: "/api/state", port: port)
        #expect(wrongMethod.status == 404, "POST /api/state: \(wrongMethod.status)")
        #expect(try await run.end() == 0)
        #expect(try Self.session(folder).submissions.count == 3)
    }

    @Test func theEleventhInAMinuteFromOnePhoneIs429() async throws {
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", in: folder.url)
        let port = run.port
        var statuses: [Int] = []
        for index in 1...11 {
            let response = try await Phone.submit(["name": "Anna", "kind": "tip", "text": "tip \(index)"], port: port, device: "one-phone")
            statuses.append(response.status)
            if response.status == 429 { #expect(response.error?.contains("more than 10 in a minute") == true, "\(response.text)") }
        }
        #expect(statuses == Array(repeating: 202, count: 10) + [429])
        let other = try await Phone.submit(["name": "Bram", "kind": "tip", "text": "van een andere telefoon"], port: port, device: "another-phone")
        #expect(other.status == 202 && other.json?["number"] as? Int == 11)
        #expect(try await run.end() == 0)
        let texts = try Self.session(folder).submissions.map(\.text)
        #expect(texts == (1...10).map { "tip \($0)" } + ["van een andere telefoon"])
    }

    @Test func roomDirectTypedInTheREPLAcceptsAtOnce() async throws {
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", agenda: Self.agenda, in: folder.url)
        let port = run.port
        try await Self.setUpUnderALesson(run)
        #expect(
            try await run.answer("room direct") { $0.hasPrefix("Room ") }
                == "Room direct: what phones send is captured at once, under the current item and lesson.")

        let response = try await Phone.submit(["name": "Stef", "kind": "idea", "text": "Een gemeenschapsfonds"], port: port, device: "phone-1")
        #expect(response.status == 202, "\(response.text)")
        #expect(response.json?["number"] as? Int == 1 && response.json?["status"] as? String == "accepted")
        #expect(
            try await run.line { $0.hasPrefix("Phone: ") }
                == "Phone: idea from Stef — \"Een gemeenschapsfonds\"  (room direct: captured at once; 'undo' takes it back)")
        let saved = try Self.session(folder)
        let entry = try #require(saved.entries.last)
        #expect(entry.kind == .idea && entry.text == "Een gemeenschapsfonds")
        #expect(entry.participant == saved.participants.first?.id, "attributed by the name the phone gave")
        #expect(entry.item == 1 && entry.lesson == 1)
        #expect(saved.submissionStatus(1) == .accepted(entry: entry.number))
        let state = try #require(try await Phone.get("/api/state", port: port).json)
        #expect(state["pending"] as? Int == 0)
        #expect((state["entries"] as? [[String: Any]])?.last?["fromRoom"] as? Bool == true)

        #expect(try await run.answer("room moderated") { $0.hasPrefix("Room ") }?.hasPrefix("Room moderated") == true)
        let later = try await Phone.submit(["name": "Stef", "kind": "tip", "text": "Weer via de inbox"], port: port, device: "phone-1")
        #expect(later.status == 202 && later.json?["status"] as? String == "pending")
        #expect(try await run.end() == 0)
        #expect(try Self.session(folder).pendingSubmissions.map(\.number) == [2])
    }

    /// A form body that is not percent-encoded as it should be: what any web
    /// page can post to 127.0.0.1 without asking, or a script by hand. It
    /// must be refused (or read), and the meeting must go on.
    @Test(arguments: ["kind=tip&name=Anna&text=100%", "kind=tip&name=Anna&text=een spatie", "kind=tip&name=Anna&text=café"])
    func aFormThatIsNotPercentEncodedDoesNotEndTheMeeting(body: String) async throws {
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", in: folder.url)
        let port = run.port
        #expect(try await run.answer("tip Al vastgelegd") { $0.hasPrefix("#1 tip") } != nil)
        let status: Int
        do {
            status = try await Phone.post(Array(body.utf8), type: "application/x-www-form-urlencoded", port: port, device: "script").status
        } catch {
            status = 0
        }
        #expect([400, 202].contains(status), "\(body.debugDescription): \(status == 0 ? "no answer" : String(status))")
        let alive = run.process.isRunning
        var stderr = ""
        if !alive {
            _ = try await run.end()
            stderr = run.errors
        }
        #expect(alive, "the meeting ended on one request: \(stderr.split(separator: "\n").prefix(3).joined(separator: " | "))")
        if alive {
            #expect(try await Phone.get("/api/state", port: port).status == 200)
            #expect(try await run.end() == 0)
        }
        #expect(try Self.session(folder).entries.map(\.text) == ["Al vastgelegd"], "what was acknowledged stays")
    }

    // MARK: GET /api/events

    @Test func theEventStreamStartsWithAResetFollowsTheREPLAndResumesAfterLastEventID() async throws {
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", agenda: Self.agenda, in: folder.url)
        let port = run.port
        let start = try Self.session(folder).lastSequence

        let first = try await Phone.listen(port: port)
        #expect(first.status == 200)
        #expect(first.contentType?.hasPrefix("text/event-stream") == true)
        let reset = try await first.event()
        #expect(reset.type == "reset" && reset.id == start && reset.event == "change")
        #expect(reset.seq == start && reset.state["seq"] as? Int == start)

        #expect(try await run.answer("tip Hallo vanaf het toetsenbord") { $0.hasPrefix("#1 tip") } != nil)
        let capture = try await first.event()
        #expect(capture.type == "capture" && capture.id == start + 1 && capture.seq == start + 1)
        #expect(object(capture.change["entry"])["text"] as? String == "Hallo vanaf het toetsenbord")
        #expect(object(capture.change["entry"])["number"] as? Int == 1)
        #expect(capture.json["state"] == nil && capture.status["seq"] as? Int == start + 1, "the change and the status after it, not the whole state")
        #expect(object(capture.change["entry"])["item"] as? Int == object(capture.status["item"])["number"] as? Int)

        let sent = try await Phone.submit(["name": "Geheime Naam", "kind": "question", "text": "Geheime vraag"], port: port, device: "p")
        #expect(sent.status == 202)
        let submission = try await first.event()
        #expect(submission.type == "submission" && submission.id == start + 2)
        let view = object(submission.change["submission"])
        #expect(view["number"] as? Int == 1 && view["kind"] as? String == "question" && view["status"] as? String == "pending")
        #expect(!submission.data.contains("Geheim"), "a submission's text and name are the facilitator's only")
        #expect(submission.status["pending"] as? Int == 1)
        first.close()

        // Changes while the page is away…
        #expect(try await run.answer("tip Twee") { $0.hasPrefix("#2 tip") } != nil)
        #expect(try await run.answer("tip Drie") { $0.hasPrefix("#3 tip") } != nil)
        #expect(try await run.answer("accept 1") { $0.hasPrefix("Submission 1 accepted as #4") } != nil)
        // …are exactly what the reconnect gets, in order, none twice.
        let again = try await Phone.listen(port: port, lastEventID: start + 2)
        #expect(again.status == 200)
        let missed = try await again.events(3)
        #expect(missed.map(\.id) == [start + 3, start + 4, start + 5])
        #expect(missed.map(\.type) == ["capture", "capture", "submission"])
        #expect(object(missed[2].change["submission"])["status"] as? String == "accepted")
        #expect(object(missed[2].change["entry"])["text"] as? String == "Geheime vraag", "accepted, it is in the record")
        #expect(try await run.answer("tip Vier") { $0.hasPrefix("#5 tip") } != nil)
        let live = try await again.event()
        #expect(live.id == start + 6 && live.type == "capture")

        // Up to date: the next event is the next change.
        let current = try await Phone.listen(port: port, lastEventID: start + 6)
        #expect(try await run.answer("undo") { $0.hasPrefix("Undone: tip #5") } != nil)
        #expect(try await run.answer("undo") { $0.hasPrefix("Undone: acceptance of submission 1") } != nil)
        let undos = try await current.events(2)
        #expect(undos.map(\.id) == [start + 7, start + 8] && undos.map(\.type) == ["undo", "undo"])
        #expect(undos[0].change["submission"] == nil)
        #expect(undos.allSatisfy { $0.state["seq"] as? Int == $0.id }, "an undo may take back anything: the whole state comes with it")
        #expect(object(undos[1].change["submission"])["number"] as? Int == 1 && object(undos[1].change["submission"])["status"] as? String == "pending")
        #expect(try await again.events(2).map(\.id) == [start + 7, start + 8])

        // The end reaches every page, and then the streams close.
        #expect(try await run.answer("end") { $0.hasPrefix("Meeting ended") } != nil)
        let end = try await current.event()
        #expect(end.type == "end" && end.id == start + 9)
        #expect(object(end.status["meeting"])["ended"] as? Bool == true && object(end.status["item"])["running"] as? Bool == false)
        #expect(try await current.ends())
        #expect(try await run.end() == 0)
    }

    /// A page that reconnects after the meeting was killed and resumed asks
    /// for an id the new run never sent: it gets a reset with the state.
    @Test func aReconnectAfterAResumeGetsAReset() async throws {
        let folder = try TemporaryFolder()
        let first = try await RoomRun.open(session: "room.jsonl", in: folder.url)
        let page = try await Phone.listen(port: first.port)
        _ = try await page.event()
        #expect(try await first.answer("tip Voor de crash") { $0.hasPrefix("#1 tip") } != nil)
        let seen = try #require(try await page.event().id)
        try await first.kill()

        let resumed = try await RoomRun.open(session: "room.jsonl", in: folder.url)
        let last = try Self.session(folder).lastSequence
        #expect(last > seen, "resuming records that the meeting was opened again")
        let back = try await Phone.listen(port: resumed.port, lastEventID: seen)
        let reset = try await back.event()
        #expect(reset.type == "reset" && reset.id == last)
        #expect((reset.state["entries"] as? [[String: Any]])?.first?["text"] as? String == "Voor de crash")
        #expect(try await resumed.answer("tip Na de crash") { $0.hasPrefix("#2 tip") } != nil)
        #expect(try await back.event().id == last + 1)
        #expect(try await resumed.end() == 0)
    }

    // MARK: Phones on the network

    /// From another address every request needs the join code. "Another
    /// address" is this machine's own network interface: the traffic stays here.
    @Test(.enabled(if: IPv4.nonLoopbackAddress != nil, "this machine has no non-loopback IPv4 address to reach its room by"))
    func phonesFromAnotherAddressNeedTheJoinCode() async throws {
        let lan = try #require(IPv4.nonLoopbackAddress)
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", host: "0.0.0.0", in: folder.url)
        let port = run.port
        let phones = try #require(run.startLines.first { $0.hasPrefix("Phones: ") }, "\(run.startLines)")
        let prefix = "Phones: http://\(lan):\(port)/j/"
        #expect(phones.hasPrefix(prefix), "\(phones)")
        let code = String(phones.dropFirst(prefix.count).prefix(4))
        #expect(code.count == 4 && code.allSatisfy(Self.joinAlphabet.contains))
        #expect(phones.contains("(join code \(code);"))
        #expect(run.startLines.contains { $0.contains("▄") || $0.contains("█") }, "the QR code is printed")

        func get(_ target: String, _ headers: [(String, String)] = []) async throws -> RoomResponse {
            try await Phone.get(target, host: lan, port: port, headers: headers)
        }
        let refused = try await get("/api/state")
        #expect(refused.status == 403 && refused.error?.contains("join code") == true, "\(refused.status) \(refused.text)")
        let admitted = try await get("/api/state?code=\(code)")
        #expect(admitted.status == 200)
        #expect(object(admitted.json?["join"])["code"] as? String == code)
        #expect(object(admitted.json?["join"])["phoneURL"] as? String == "http://\(lan):\(port)/j/\(code)")
        #expect(try await get("/api/state?code=\(code.lowercased())").status == 200, "phones type the code as they like")
        #expect(try await get("/api/state", [("Cookie", "rs_code=\(code)")]).status == 200)
        #expect(try await get("/api/state", [("Cookie", "rs_code=ZZZZ")]).status == 403)
        #expect(try await get("/api/state", [("X-Forwarded-For", "127.0.0.1")]).status == 403)
        #expect(try await get("/").status == 403)
        #expect(try await get("/?code=\(code)").status == 200)
        #expect(try await get("/qr.svg").status == 403)
        let qr = try await get("/qr.svg?code=\(code)")
        #expect(qr.status == 200 && qr.header("Content-Type")?.hasPrefix("image/svg+xml") == true && qr.text.contains("<svg"))
        #expect(try await get("/room.css").status == 200)
        #expect(try await get("/room.js").status == 200)

        let page = try await get("/j/\(code)")
        #expect(page.status == 200 && page.header("Content-Type")?.hasPrefix("text/html") == true)
        let cookies = page.headers("Set-Cookie")
        #expect(cookies.contains { $0.hasPrefix("rs_code=\(code);") }, "\(cookies)")
        #expect(cookies.contains { $0.hasPrefix("rs_device=") && $0.contains("HttpOnly") }, "\(cookies)")
        #expect(try await get("/j/\(code.lowercased())").status == 200)
        let wrongCode = code == "ACDE" ? "ACDF" : "ACDE"
        #expect(try await get("/j/\(wrongCode)").status == 403)

        let fields = ["name": "Anna", "kind": "tip", "text": "Van de telefoon"]
        #expect(try await Phone.submit(fields, host: lan, port: port, device: "p1").status == 403)
        #expect(try await Phone.submit(fields.merging(["code": "ZZZZ"]) { $1 }, host: lan, port: port, device: "p1").status == 403)
        let inBody = try await Phone.submit(fields.merging(["code": code.lowercased()]) { $1 }, host: lan, port: port, device: "p1")
        #expect(inBody.status == 202 && inBody.json?["number"] as? Int == 1, "\(inBody.text)")
        let byCookie = try await Phone.submit(fields, host: lan, port: port, headers: [("Cookie", "rs_code=\(code); rs_device=p2")])
        #expect(byCookie.status == 202 && byCookie.json?["number"] as? Int == 2, "\(byCookie.text)")
        let form = try await Phone.post(
            Array("code=\(code)&name=Bram&kind=idea&text=Per+formulier".utf8), type: "application/x-www-form-urlencoded", host: lan, port: port,
            device: "p3")
        #expect(form.status == 202, "\(form.text)")
        #expect(try await Phone.submit(fields.merging(["code": code]) { $1 }, host: lan, port: port, hostHeader: "evil.example.com").status == 421)

        let stranger = try await Phone.listen(host: lan, port: port)
        #expect(stranger.status == 403)
        let member = try await Phone.listen(host: lan, port: port, target: "/api/events?code=\(code)")
        #expect(member.status == 200)
        #expect(try await member.event().type == "reset")

        // The laptop itself needs no code, on the same room.
        #expect(try await Phone.get("/api/state", port: port).status == 200)
        #expect(try await run.end() == 0)
        #expect(try Self.session(folder).submissions.map(\.text) == ["Van de telefoon", "Van de telefoon", "Per formulier"])

    }

    /// The join code "stays the same when the meeting is resumed, so phones
    /// that joined before a crash still get in" (`RoomAccess.joinCode`).
    @Test(.enabled(if: IPv4.nonLoopbackAddress != nil, "this machine has no non-loopback IPv4 address to reach its room by"))
    func phonesThatJoinedBeforeACrashStillGetIn() async throws {
        let lan = try #require(IPv4.nonLoopbackAddress)
        let folder = try TemporaryFolder()
        let run = try await RoomRun.open(session: "room.jsonl", host: "0.0.0.0", in: folder.url)
        let port = run.port
        let state = try #require(try await Phone.get("/api/state", port: port).json)
        let code = try #require(object(state["join"])["code"] as? String)
        #expect(try await Phone.get("/api/state", host: lan, port: port, headers: [("Cookie", "rs_code=\(code)")]).status == 200)
        try await run.kill()

        let resumed = try await RoomRun.open(session: "room.jsonl", host: "0.0.0.0", port: port, in: folder.url)
        #expect(
            resumed.startLines.contains { $0.hasPrefix("Phones: http://\(lan):\(port)/j/\(code)  (join code \(code);") },
            "\(resumed.startLines.filter { $0.hasPrefix("Phones:") })")
        #expect(try await Phone.get("/api/state", host: lan, port: port, headers: [("Cookie", "rs_code=\(code)")]).status == 200)
        #expect(try await resumed.end() == 0)
    }

    // MARK: Start-up

    @Test func aPortInUseIsRefusedAndNoSessionIsCreated() async throws {
        let folder = try TemporaryFolder()
        let holder = try ListeningSocket(host: "127.0.0.1", port: 0)
        let port = holder.port
        for host in ["127.0.0.1", "0.0.0.0"] {
            let run = try await ScriptedRun.run(["run", "--room", "\(host):\(port)", "--session", "new.jsonl"], in: folder.url)
            #expect(run.status == 1, "\(host): \(run.status) \(run.errors)")
            #expect(run.errors.contains("port \(port) is in use"), "\(run.errors)")
            #expect(!FileManager.default.fileExists(atPath: folder.path("new.jsonl")), "a refused room must leave no session behind")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { !$0.hasPrefix(".") } == [])
        }
        // Nor does it touch a session it would have resumed.
        let setup = try await ScriptedRun.run(["run", "--session", "old.jsonl"], input: "tip Bewaard\n", in: folder.url)
        #expect(setup.status == 0, "\(setup.errors)")
        let before = try Data(contentsOf: folder.file("old.jsonl"))
        let refused = try await ScriptedRun.run(["run", "--room", "\(port)", "--session", "old.jsonl"], input: "tip Nooit\n", in: folder.url)
        #expect(refused.status == 1 && refused.errors.contains("port \(port) is in use"), "\(refused.errors)")
        #expect(try Data(contentsOf: folder.file("old.jsonl")) == before)
        withExtendedLifetime(holder) {}
    }
}
