import Foundation
import RollingStoneKit
// Stand-in until the readline editor lands.
public final class ReadlineLineEditor: LineEditor {
    public let isInteractive = true
    public init(completionSource: (any CompletionSource)?, historyFile: URL?) {}
    public static func defaultHistoryFile() -> URL { URL(fileURLWithPath: "/tmp/h") }
    public func readLine(prompt: String) -> String? { print(prompt, terminator: ""); return Swift.readLine() }
    public func addToHistory(_ line: String) {}
}
