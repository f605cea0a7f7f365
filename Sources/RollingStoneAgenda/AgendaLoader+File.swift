import Foundation
import RollingStoneCore
import Yams

extension AgendaLoader {
    static func readFile(at url: URL, source: String) throws(AgendaError) -> Data {
        func unreadable(_ reason: String) -> AgendaError {
            AgendaError(.unreadable, file: source, message: "cannot read the agenda file: \(reason)")
        }
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw unreadable("no such file")
        }
        guard !isDirectory.boolValue else {
            throw unreadable("it is a folder, not a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw unreadable("permission denied")
        }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            // One byte past the limit is enough to know the file is too big, and it keeps
            // endless sources such as /dev/zero or a pipe from filling memory.
            let data = try handle.read(upToCount: Limits.fileBytes + 1) ?? Data()
            guard data.count <= Limits.fileBytes else {
                throw tooLarge(byteCount: nil, source: source)
            }
            return data
        } catch let error as AgendaError {
            throw error
        } catch {
            throw unreadable(error.localizedDescription)
        }
    }

    static func tooLarge(byteCount: Int?, source: String) -> AgendaError {
        let size = byteCount.map { "\($0) bytes" } ?? "more than \(Limits.fileBytes) bytes"
        return AgendaError(
            .limitExceeded, file: source,
            message: "file is too large (\(size)); an agenda file may be at most \(Limits.fileBytes) bytes (1 MiB)"
        )
    }

    /// Decodes UTF-8, pointing at the first byte that is not.
    static func decodeUTF8(_ data: Data, source: String) throws(AgendaError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            throw AgendaError(
                .encoding, file: source, line: 1, column: 1,
                message: "file is UTF-16 text; save it as UTF-8")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: break decoding
            case .error: break decoding
            }
        }
        let before = String(decoding: bytes[..<offset], as: UTF8.self)
        let (line, column) = lineAndColumn(ofScalarOffset: before.unicodeScalars.count, in: before)
        let byte = offset < bytes.count ? bytes[offset] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        throw AgendaError(
            .encoding, file: source, line: line, column: column,
            message: "file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save it as UTF-8")
    }
}
