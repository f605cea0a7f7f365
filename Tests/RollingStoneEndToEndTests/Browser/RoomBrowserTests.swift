import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The room's pages in a real browser: `room_browser.py` (beside this file)
/// starts the built `rollingstone run --room`, types REPL lines, and drives
/// headless Chromium through the projector and a phone: the live item and
/// countdown, a phone's tip accepted from the REPL, hostile texts shown as
/// text only, and the screenshots of docs/room-projector.png and
/// docs/room-phone.png (rewritten only with RECORD_SCREENSHOTS=1).
///
/// Needs Debian's chromium and chromium-driver and PyPI's selenium for the
/// `python3` on PATH; `scripts/test` installs them. Without them this test
/// fails: it never passes without having looked.
@Suite struct RoomBrowserTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = here.appendingPathComponent("room_browser.py")
    static let fixture = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("three-themes.yaml")
    static let dutchAgenda = repository.appendingPathComponent("agendas/leiden-2012.yaml")
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    /// Long enough to mean "hung", never a measure of speed.
    static let hangGuard: TimeInterval = 300

    /// Every check the script makes: one missing means the script skipped it.
    static let expectedChecks = [
        "the REPL prints the phone address with its join code",
        "projector shows the current item title",
        "projector counts the time box down",
        "phone page opens on its name step with the current item",
        "participants who join appear on the phone without reload",
        "a tip typed in the REPL appears on the projector without reload (text, who, country)",
        "phone gives a name and may send",
        "REPL announces the phone's tip with its number",
        "phone is told its tip was sent without waiting for the facilitator",
        "REPL accepts the phone's tip",
        "phone's list shows the tip accepted",
        "projector shows the accepted tip as from the room",
        "corrections typed in the REPL reach the projector: edit, delete, undo, move",
        "the projector shows who has the floor and who is next",
        "hostile texts sent from the phone are verbatim in the phone's list",
        "hostile texts sent from the phone are verbatim on the projector",
        "hostile texts typed in the REPL are verbatim on the projector",
        "hostile lesson titles typed in the REPL are verbatim on both pages",
        "hostile texts create no img, script or b element in the entries, lists or lessons",
        "window.__pwned stays undefined on both pages",
        "both pages stayed the same page (no reload)",
        "no CSP violation or JS error in the browser logs",
        "a refusal is worded in the room's language (429, Dutch)",
        "screenshot meeting: the phone picks a participant",
        "screenshot meeting: Dutch theme item, open lesson, 5 entries from 4 countries, 1 waiting",
        "screenshot room-projector.png at 1920×1080",
        "screenshot room-phone.png at 390×844",
        "screenshot meeting: the projector fits its screen without scrolling",
        "screenshot meeting: no CSP violation or JS error in the browser logs",
        "the scenario ran to its end",
    ]

    @Test(.timeLimit(.minutes(8)))
    func projectorAndPhoneInHeadlessChromium() async throws {
        let missing = Self.missingPrerequisites()
        guard missing.isEmpty else {
            Issue.record(
                "The browser test cannot run: \(missing.joined(separator: "; ")). Run scripts/test, which installs chromium, chromium-driver and selenium.")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rollingstone-room-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let binary = BuiltProduct.url("rollingstone")
        let arguments = [
            Self.script.path, "--binary", binary.path, "--folder", folder.path, "--agenda", Self.fixture.path,
            "--screenshot-agenda", Self.dutchAgenda.path, "--docs", Self.repository.appendingPathComponent("docs").path,
        ]
        let outcome = try await onOwnThread { try BrowserRun.run(arguments, in: folder, hangGuard: Self.hangGuard) }

        for name in ["room-projector.png", "room-phone.png"] {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                Attachment.record(data, named: name)
            }
        }

        guard let report = outcome.report else {
            Issue.record(
                """
                room_browser.py gave no JSON report (exit status \(outcome.status)\(outcome.hung ? ", killed by the hang guard" : "")).
                Standard output ends: \(outcome.output.suffix(2000))
                Its log ends: \(outcome.log.suffix(4000))
                The folder is kept: \(folder.path)
                """)
            return
        }
        let failed = report.checks.filter { !$0.ok }
        for check in failed {
            Issue.record("\(check.name): \(check.detail)")
        }
        let ran = Set(report.checks.map(\.name))
        let skipped = Self.expectedChecks.filter { !ran.contains($0) }
        #expect(skipped.isEmpty, "checks the script did not run: \(skipped)\nIts log ends: \(outcome.log.suffix(3000))")
        #expect(!outcome.hung, "the hang guard of \(Int(Self.hangGuard)) s killed room_browser.py")
        #expect(outcome.status == (failed.isEmpty ? 0 : 1), "room_browser.py exited with \(outcome.status)")
        #expect(report.screenshots.contains { $0.hasSuffix("/room-projector.png") } && report.screenshots.contains { $0.hasSuffix("/room-phone.png") })

        if failed.isEmpty && skipped.isEmpty && outcome.status == 0 {
            try? FileManager.default.removeItem(at: folder)
        } else {
            Issue.record("The screenshots, sessions and the script's log are kept in \(folder.path)")
        }
    }

    /// What is missing for the browser test, worded for the person who reads the failure.
    static func missingPrerequisites() -> [String] {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: chromium) { missing.append("\(chromium) is missing (Debian package chromium)") }
        if !FileManager.default.isExecutableFile(atPath: chromedriver) {
            missing.append("\(chromedriver) is missing (Debian package chromium-driver)")
        }
        guard let python = BrowserRun.python else {
            missing.append("no python3 on PATH")
            return missing
        }
        let probe = Process()
        probe.executableURL = python
        probe.arguments = ["-c", "import selenium"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.run()
            probe.waitUntilExit()
            if probe.terminationStatus != 0 { missing.append("the Python module selenium is missing for \(python.path) (pip install selenium)") }
        } catch {
            missing.append("\(python.path) does not start: \(error)")
        }
        return missing
    }
}

/// The JSON on the last line of room_browser.py's standard output.
struct BrowserReport: Decodable {
    struct Check: Decodable {
        var name: String
        var ok: Bool
        var detail: String
    }
    var checks: [Check]
    var screenshots: [String]
}

/// Runs room_browser.py; kills it, and everything it started, when the hang guard runs out.
enum BrowserRun {
    struct Outcome: Sendable {
        var status: Int32
        var hung: Bool
        var output: String
        var log: String
        var report: BrowserReport?
    }

    /// The first `python3` on PATH: the one `scripts/test` installs selenium for.
    static var python: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ arguments: [String], in folder: URL, hangGuard: TimeInterval) throws -> Outcome {
        signal(SIGPIPE, SIG_IGN)
        guard let python else { throw CocoaError(.executableNotLoadable, userInfo: [NSLocalizedDescriptionKey: "no python3 on PATH"]) }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-u", "-B"] + arguments
        process.currentDirectoryURL = folder
        let logFile = folder.appendingPathComponent("room_browser.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        // The script makes itself a process group leader (os.setpgrp), so its
        // group is the binary, chromedriver and Chromium it started.
        let pid = process.processIdentifier

        let finished = DispatchSemaphore(value: 0)
        let hung = HungFlag()
        let guardThread = Thread {
            if finished.wait(timeout: .now() + hangGuard) == .timedOut {
                hung.set()
                kill(-pid, SIGTERM)  // the script's own clean-up: quit the browsers, end the meetings
                kill(pid, SIGTERM)
                if finished.wait(timeout: .now() + 15) == .timedOut {
                    kill(-pid, SIGKILL)
                    kill(pid, SIGKILL)
                }
            }
        }
        guardThread.start()

        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        finished.signal()
        // Anything of the group still alive (a browser helper the script could not end) goes too.
        if kill(-pid, 0) == 0 { kill(-pid, SIGKILL) }

        let text = String(decoding: data, as: UTF8.self)
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        let report = try? JSONDecoder().decode(BrowserReport.self, from: Data(last.utf8))
        let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, hung: hung.value, output: text, log: log, report: report)
    }

    private final class HungFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set() { lock.withLock { flag = true } }
        var value: Bool { lock.withLock { flag } }
    }
}
