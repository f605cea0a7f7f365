// libFuzzer target: session files from anywhere. Built and run by scripts/fuzz, not by SwiftPM.
//
// SessionFile.parse must refuse or read any bytes, never crash or hang; what
// it reads must be consistent: events numbered without gaps, and the part
// before a torn tail reads again the same (header, events, entries,
// participants, lessons), with no tail.
import Foundation
import RollingStoneCore
import RollingStoneJournal

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSessionFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let file = try? SessionFile.parse(bytes, path: "fuzz.jsonl") else { return 0 }
    guard file.eventCount == file.state.lastSequence else {
        fatalError("\(file.eventCount) events but the last is number \(file.state.lastSequence)")
    }
    guard file.validLength <= UInt64(bytes.count) else { fatalError("valid length past the end") }
    if let tail = file.tornTail {
        guard Int(file.validLength) + tail.bytes.count == bytes.count else { fatalError("the torn tail does not end the file") }
        guard let again = try? SessionFile.parse(Array(bytes.prefix(Int(file.validLength))), path: "fuzz.jsonl"),
            again.tornTail == nil, again.eventCount == file.eventCount, again.header == file.header,
            again.state.lastSequence == file.state.lastSequence, again.state.entries == file.state.entries,
            again.state.participants == file.state.participants, again.state.lessons == file.state.lessons
        else {
            fatalError("cutting the torn tail off does not give a clean file")
        }
    }
    return 0
}
