/// Which addresses a write-up links, in every format.
///
/// Only a field that is exactly one plain address becomes a link: `http`,
/// `https` and `www.` addresses made of characters that need no escaping,
/// and e-mail addresses of the same kind. Anything else is shown as text, so
/// a typed "address" can never carry a `javascript:` link or markup.
enum ReportAddress {
    /// Whether `text` is one plain web address.
    static func isPlainWebAddress(_ text: String) -> Bool {
        text.wholeMatch(of: plainWebAddress) != nil
    }

    /// Where a link showing `text` points: the web address itself (a `www.`
    /// one over https), `mailto:` for an e-mail address; `nil` when `text` is
    /// not one plain address.
    static func link(for text: String) -> String? {
        if isPlainWebAddress(text) { return text.hasPrefix("www.") ? "https://" + text : text }
        if text.wholeMatch(of: plainMailAddress) != nil { return "mailto:" + text }
        return nil
    }

    private static var plainWebAddress: Regex<Substring> {
        /(?:https?:\/\/|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]{1,5})?(?:\/[A-Za-z0-9\/.%=?#+-]*[A-Za-z0-9\/=#+-])?\/?/
    }

    private static var plainMailAddress: Regex<Substring> {
        /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/
    }
}
