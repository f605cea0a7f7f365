import Foundation
import SessionGenerator

// Temporary: generate a session for a quick look.
let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "generate", let count = Int(arguments[2]) {
    try SessionGenerator(entries: count).write(to: URL(fileURLWithPath: arguments[3]))
}
