import Foundation
import RollingStoneCore
import RollingStoneTestSupport
import Testing

/// `scripts/install` as a facilitator uses it: one install into a fresh
/// prefix, every check against that one install (a release build costs
/// minutes the first time), then `--uninstall`, which must leave nothing.
///
/// The installed binary runs from another folder with nothing of the
/// toolchain on PATH or in the environment, the way it runs from a stick on
/// a laptop that never had Swift.
@Suite struct InstallTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("scripts/install")
    /// Not `.build`: `swift test` holds that folder's lock while the tests
    /// run, so a build there would wait for the test that started it. Kept
    /// between runs (git-ignored), so only the first run builds from nothing.
    static let scratch = repository.appendingPathComponent(".build-install-test")
    /// Long enough to mean "hung", never a measure of speed.
    static let installGuard: TimeInterval = 19 * 60
    static let commandGuard: TimeInterval = 120
    /// A shell's PATH on a machine without Swift.
    static let plainPath = "/usr/bin:/bin"

    /// What the binary may need: the C library's parts (librt and libutil
    /// are separate before glibc 2.34), the C++ runtime the Swift runtime
    /// uses, readline with its terminfo, libqrencode, and libcurl, which
    /// FlyingFox's proxy handler brings in through FoundationNetworking.
    static let allowedLibraries = [
        "libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so", "libutil.so", "ld-linux", "linux-vdso.so",
        "libgcc_s.so", "libstdc++.so", "libreadline.so", "libtinfo.so", "libqrencode.so", "libcurl.so", "libsqlite3.so",
    ]

    @Test(.timeLimit(.minutes(20)))
    func anInstallRunsWithoutTheToolchainAndItsUninstallLeavesNothing() async throws {
        let prefix = try TemporaryFolder()
        let elsewhere = try TemporaryFolder()
        let started = Date()
        let install = try await onOwnThread {
            try ChildProcess.run(
                Self.script, ["--prefix", prefix.url.path, "--scratch-path", Self.scratch.path], in: elsewhere.url, hangGuard: Self.installGuard)
        }
        print("InstallTests: scripts/install took \(Int(Date().timeIntervalSince(started).rounded())) s")
        try #require(install.status == 0, "scripts/install failed:\n\(install.transcript)")
        let unlisted = Installed.files.filter { !install.output.contains(prefix.path($0)) }
        #expect(unlisted.isEmpty, "scripts/install does not say it installed \(unlisted):\n\(install.output)")

        do {
            let installed = Installed(prefix: prefix.url, home: elsewhere.url)
            try await installed.checkVersion()
            try await installed.checkReport()
            try await installed.checkLibraries()
            try await installed.checkManual()
            try await installed.checkCompletions()
        } catch {
            Issue.record(error, "a check of the install could not run")
        }

        let uninstall = try await onOwnThread {
            try ChildProcess.run(Self.script, ["--uninstall", "--prefix", prefix.url.path], in: elsewhere.url, hangGuard: Self.commandGuard)
        }
        #expect(uninstall.status == 0, "\(uninstall.transcript)")
        let left = try FileManager.default.subpathsOfDirectory(atPath: prefix.url.path)
        #expect(left.isEmpty, "scripts/install --uninstall left \(left) under the prefix:\n\(uninstall.output)")
        #expect(FileManager.default.fileExists(atPath: prefix.url.path), "--uninstall removed a prefix it did not create")

        let again = try await onOwnThread {
            try ChildProcess.run(Self.script, ["--uninstall", "--prefix", prefix.url.path], in: elsewhere.url, hangGuard: Self.commandGuard)
        }
        #expect(again.status == 0 && again.output.contains("Nothing to remove"), "\(again.transcript)")
    }
}

/// One install under `prefix`, and the checks made on it.
private struct Installed {
    static let binary = "bin/rollingstone"
    static let manual = "share/man/man1/rollingstone.1"
    static let bashCompletion = "share/bash-completion/completions/rollingstone"
    static let zshCompletion = "share/zsh/site-functions/_rollingstone"
    static let fishCompletion = "share/fish/vendor_completions.d/rollingstone.fish"
    static let files = [binary, manual, bashCompletion, zshCompletion, fishCompletion]

    var prefix: URL
    /// Also the working folder: nowhere near the repository.
    var home: URL

    func file(_ path: String) -> URL { prefix.appendingPathComponent(path) }

    /// `env -i PATH=/usr/bin:/bin HOME=…`, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["PATH": InstallTests.plainPath, "HOME": home.path].merging(extra) { $1 }
    }

    func run(_ executable: URL, _ arguments: [String], input: String = "", extra: [String: String] = [:]) async throws -> ChildProcess {
        let environment = environment(extra)
        let folder = home
        return try await onOwnThread {
            try ChildProcess.run(executable, arguments, environment: environment, input: input, in: folder, hangGuard: InstallTests.commandGuard)
        }
    }

    func checkVersion() async throws {
        let version = try await run(file(Self.binary), ["--version"])
        #expect(version.status == 0, "\(version.transcript)")
        let printed = version.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let pattern = /(?<version>[^ ]+) \(commit (?<commit>unknown|(?<hash>[0-9a-f]{7,40})(-dirty)?)\)/
        guard let match = printed.wholeMatch(of: pattern) else {
            Issue.record("--version says '\(printed)', not 'VERSION (commit HASH[-dirty])' or 'VERSION (commit unknown)'")
            return
        }
        #expect(match.version == ToolVersion.current)
        let head = try await run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", InstallTests.repository.path, "rev-parse", "HEAD"])
        if head.status == 0, !head.output.isEmpty {
            let hash = match.hash.map(String.init) ?? "none"
            #expect(head.output.hasPrefix(hash), "--version names commit \(match.commit), HEAD is \(head.output)")
        } else {
            #expect(match.commit == "unknown", "no git here, yet --version names commit \(match.commit)")
        }
    }

    /// A meeting scripted on stdin, then its report, both by the installed binary.
    func checkReport() async throws {
        let session = home.appendingPathComponent("install-check.jsonl")
        let meeting = try await run(
            file(Self.binary), ["run", "--session", session.path],
            input: "join Marije Bakker, NL, Stadslab Leiden\ntip @marije Ask who else works on your plan\nend\n")
        #expect(meeting.status == 0, "\(meeting.transcript)")
        let report = try await run(file(Self.binary), ["report", session.path])
        #expect(report.status == 0, "\(report.transcript)")
        let lacking = ["# RollingStone", "Marije Bakker", "Ask who else works on your plan"].filter { !report.output.contains($0) }
        #expect(lacking.isEmpty, "the report lacks \(lacking):\n\(report.output)")
    }

    /// The libraries the binary names itself (readelf), and everything the
    /// loader would bring in (ldd): no Swift runtime, nothing missing.
    func checkLibraries() async throws {
        let binary = file(Self.binary)
        let ldd = try await run(URL(fileURLWithPath: "/usr/bin/ldd"), [binary.path])
        print("InstallTests: ldd \(Self.binary)\n\(ldd.output)")
        #expect(ldd.status == 0, "\(ldd.transcript)")
        let missing = ldd.output.split(separator: "\n").filter { $0.contains("not found") }
        #expect(missing.isEmpty, "libraries missing: \(missing)")
        let fromToolchain = ["libswift", "libFoundation", "libdispatch", "libBlocksRuntime", "/opt/swift"].filter { ldd.output.contains($0) }
        #expect(fromToolchain.isEmpty, "the binary loads \(fromToolchain) of the toolchain:\n\(ldd.output)")

        guard let readelf = ChildProcess.find("readelf") else {
            Issue.record("readelf (binutils, which Swift needs too) is not installed: cannot list the binary's own needs")
            return
        }
        let dynamic = try await run(readelf, ["--dynamic", binary.path])
        #expect(dynamic.status == 0, "\(dynamic.transcript)")
        let needed = dynamic.output.split(separator: "\n").filter { $0.contains("(NEEDED)") }
            .compactMap { line in line.split(separator: "[").last?.split(separator: "]").first.map(String.init) }
        print("InstallTests: \(Self.binary) needs \(needed.joined(separator: " "))")
        #expect(needed.contains { $0.hasPrefix("libc.so") }, "no libc among \(needed): readelf's output was not understood")
        let unexpected = needed.filter { library in !InstallTests.allowedLibraries.contains { library.hasPrefix($0) } }
        #expect(unexpected.isEmpty, "the binary needs \(unexpected), beyond the C library and the libraries chosen")
    }

    func checkManual() async throws {
        guard let man = ChildProcess.find("man") else {
            Issue.record("man is not installed: scripts/test installs man-db")
            return
        }
        let page = try await run(man, ["-P", "cat", "-l", file(Self.manual).path], extra: ["MANPAGER": "cat", "MANWIDTH": "100"])
        #expect(page.status == 0, "\(page.transcript)")
        let firstWords = Set(page.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        let absent = ["run", "report", "agenda"].filter { !firstWords.contains($0) }
        #expect(absent.isEmpty, "the man page has no entry for \(absent):\n\(page.output)")
    }

    /// bash: the installed file, sourced in a bare shell (no bash-completion
    /// package), completes `rollingstone rep` to `report`.
    func checkCompletions() async throws {
        let script = """
            source "$1" || exit 1
            spec=$(complete -p rollingstone) || exit 2
            function=${spec##*-F }
            function=${function%% *}
            COMP_WORDS=(rollingstone rep)
            COMP_CWORD=1
            COMP_LINE="rollingstone rep"
            COMP_POINT=${#COMP_LINE}
            "$function" rollingstone rep rollingstone
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let bash = try await run(
            URL(fileURLWithPath: "/bin/bash"), ["--norc", "--noprofile", "-c", script, "bash", file(Self.bashCompletion).path])
        #expect(bash.status == 0, "\(bash.transcript)")
        let completions = bash.output.split(separator: "\n").map(String.init)
        #expect(completions.contains("report"), "bash completes 'rollingstone rep' to \(completions)")

        // Their shells may be missing here: their files' first marks will do.
        let zsh = try String(contentsOf: file(Self.zshCompletion), encoding: .utf8)
        let isZshCompletion = zsh.hasPrefix("#compdef rollingstone")
        #expect(isZshCompletion, "not a zsh completion:\n\(zsh.prefix(300))")
        let fish = try String(contentsOf: file(Self.fishCompletion), encoding: .utf8)
        let isFishCompletion = fish.contains("complete -c 'rollingstone'") || fish.contains("complete -c rollingstone ")
        #expect(isFishCompletion, "not a fish completion:\n\(fish.prefix(300))")
    }
}
