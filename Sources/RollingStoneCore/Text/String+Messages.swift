extension String {
    /// Typed input as quoted in a message: on one line and short, however
    /// much was typed (a pasted megabyte must not come back as an error).
    package func abbreviated(limit: Int = 40) -> String {
        let oneLine = replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
        return oneLine.count > limit ? String(oneLine.prefix(limit)) + "…" : oneLine
    }
}
