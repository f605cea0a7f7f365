import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes all of `bytes` to `descriptor`, as a child's standard input is fed;
/// false when the other end no longer reads (the child died or exited).
func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    var written = 0
    while written < bytes.count {
        let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
        if result < 0 {
            if errno == EINTR { continue }
            return false
        }
        written += result
    }
    return true
}
