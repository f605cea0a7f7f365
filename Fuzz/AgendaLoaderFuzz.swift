// libFuzzer target: agenda files from anywhere. Built and run by scripts/fuzz, not by SwiftPM.
//
// AgendaLoader.parse must refuse or read any bytes (as Data, which also
// checks the encoding, and as text), never crash or hang; an agenda it reads
// must survive the JSON round trip a session header puts it through.
import Foundation
import RollingStoneAgenda
import RollingStoneCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAgenda(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = try? AgendaLoader.parse(Data(bytes), source: "fuzz.yaml")
    guard let agenda = try? AgendaLoader.parse(String(decoding: bytes, as: UTF8.self), source: "fuzz.yaml") else { return 0 }
    do {
        let encoded = try JSONEncoder().encode(agenda)
        let decoded = try JSONDecoder().decode(Agenda.self, from: encoded)
        guard decoded == agenda else { fatalError("the agenda changes on its way through a session header") }
    } catch {
        fatalError("an agenda that was read cannot be stored: \(error)")
    }
    return 0
}
