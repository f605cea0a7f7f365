extension String {
    /// Typed input as quoted in a message: on one line, short however much
    /// was typed (a pasted megabyte must not come back as an error), and
    /// without the escape sequences and control characters that would act
    /// on the terminal when the message is shown.
    package func abbreviated(limit: Int = 40) -> String {
        // Only the start can be shown: clean no more than that, with room
        // for what cleaning removes.
        let head = utf8.count > limit * 16 ? String(prefix(limit * 4)) : self
        let oneLine = head.replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
        let shown = TextSanitizer.clean(oneLine)
        return shown.count > limit || head.count < count ? String(shown.prefix(limit)) + "…" : shown
    }
}
