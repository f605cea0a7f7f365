import Foundation

/// A program the tests check against (cmark-gfm, python3), run to the end.
package struct ExternalProgram {
    package var status: Int32
    package var output: Data
    package var errors: String

    /// Runs `executable ARGUMENTS` with no input. Output is read before
    /// errors: the programs run here say little on standard error.
    package static func run(_ executable: URL, _ arguments: [String]) throws -> ExternalProgram {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ExternalProgram(status: process.terminationStatus, output: data, errors: String(decoding: message, as: UTF8.self))
    }
}
