/// A hash that is the same on every machine and every run (Swift's
/// `Hasher` is seeded per process): 64-bit FNV-1a over UTF-8, for ids
/// derived from a file's content. Not for security.
package enum StableHash {
    /// The hash of `text`, as 16 lower-case hex digits.
    package static func hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
