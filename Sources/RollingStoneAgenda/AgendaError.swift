import RollingStoneCore

/// Why an agenda file could not be loaded, and where in the file.
///
/// `description` is the compiler-style line a facilitator sees:
///
///     agendas/leiden.yaml:12:5: error: unknown key 'minuts' in agenda item; did you mean 'minutes'?
///
/// or, when the problem has no position (the file is missing, empty, too big):
///
///     agendas/leiden.yaml: error: file is empty; an agenda needs at least 'title' and 'items'
///
/// Lines and columns are 1-based; columns count characters (Unicode scalars), as libyaml does.
package struct AgendaError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The broad class of problem, for callers that react differently (say, to a missing file).
    package enum Kind: String, Equatable, Sendable {
        /// The file could not be opened or read.
        case unreadable
        /// The bytes are not UTF-8 text.
        case encoding
        /// The file, or something in it, is bigger than the loader accepts.
        case limitExceeded
        /// The file holds no YAML document.
        case empty
        /// The text is not valid YAML.
        case syntax
        /// Valid YAML, but a feature agendas do not allow (anchors, aliases, complex keys).
        case unsupported
        /// A key appears twice in one mapping.
        case duplicateKey
        /// A key the agenda format does not know.
        case unknownKey
        /// A required key is absent.
        case missingKey
        /// A value of the wrong shape (text where a list belongs, letters where a number belongs).
        case wrongType
        /// A value of the right shape but not allowed (a date that does not exist, zero minutes).
        case invalidValue
    }

    /// The broad class of problem.
    package var kind: Kind
    /// The file as the user named it, or a label such as `rollingstone.yaml (built in)`.
    package var file: String
    /// The 1-based line, when known.
    package var line: Int?
    /// The 1-based column, when known.
    package var column: Int?
    /// What is wrong and what would be valid, without the `file:line:column: error:` prefix.
    package var message: String

    /// Creates an error; `line` and `column` are 1-based.
    package init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE`, or `FILE: error: MESSAGE` without a position.
    package var description: String {
        switch (line, column) {
        case (let line?, let column?): "\(file):\(line):\(column): error: \(message)"
        case (let line?, nil): "\(file):\(line): error: \(message)"
        default: "\(file): error: \(message)"
        }
    }
}
