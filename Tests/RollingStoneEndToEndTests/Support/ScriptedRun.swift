import Foundation

/// The built `rollingstone` run with piped standard input, as a script or a
/// cron job would run it.
struct ScriptedRun {
    var status: Int32
    var output: String
    var errors: String

    /// Runs `rollingstone ARGUMENTS` in `folder`, feeding `input` on stdin;
    /// `environment` replaces the variables it names.
    static func run(
        _ arguments: [String], input: String = "", in folder: URL, environment: [String: String] = [:]
    ) async throws -> ScriptedRun {
        let process = Process()
        process.executableURL = BuiltProduct.url("rollingstone")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Drain both pipes while writing, or a chatty child could block on a full pipe.
        let outputReader = Task.detached { stdout.fileHandleForReading.readDataToEndOfFile() }
        let errorReader = Task.detached { stderr.fileHandleForReading.readDataToEndOfFile() }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: await outputReader.value, as: UTF8.self)
        let errors = String(decoding: await errorReader.value, as: UTF8.self)
        process.waitUntilExit()
        return ScriptedRun(status: process.terminationStatus, output: output, errors: errors)
    }
}
