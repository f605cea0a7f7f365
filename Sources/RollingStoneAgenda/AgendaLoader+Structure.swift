import Foundation
import RollingStoneCore
import Yams

extension AgendaLoader {
    static let nestingMessage =
        "lists and mappings are nested more than \(Limits.nesting) levels deep; an agenda needs only 4 levels"

    static func aliasMessage(name: String?) -> String {
        let found = name.map { "alias '*\($0)'" } ?? "an alias"
        return "anchors and aliases are not allowed in agenda files, found \(found); write each value out in full"
    }

    /// Walks the whole tree once, in document order, for what no agenda uses: anchors, aliases
    /// (defused, see `parse`), keys that are not plain scalars, and deep nesting. The schema
    /// walk that follows then only meets shapes it can read.
    static func checkStructure(of composed: Composed, source: String, aliasMarker: Unicode.Scalar?) throws(AgendaError) {
        defer { withExtendedLifetime(composed.parser) {} }
        guard let root = composed.root else { return }

        func fail(_ kind: AgendaError.Kind, _ node: Node, _ message: String) -> AgendaError {
            AgendaError(kind, file: source, line: node.mark?.line, column: node.mark?.column, message: message)
        }
        // Iterative, so that no input can exhaust the stack.
        var stack: [(node: Node, nesting: Int, isKey: Bool)] = [(root, 0, false)]
        while let (node, nesting, isKey) = stack.popLast() {
            if let anchor = node.anchor {
                throw fail(
                    .unsupported, node, "anchors and aliases are not allowed in agenda files, found anchor '&\(anchor.rawValue)'; write each value out in full")
            }
            switch node {
            case .scalar(let scalar):
                if let aliasMarker, scalar.style == .plain, scalar.string.unicodeScalars.first == aliasMarker {
                    let name = String(String.UnicodeScalarView(scalar.string.unicodeScalars.dropFirst().prefix(while: isAnchorCharacter)))
                    throw fail(.unsupported, node, aliasMessage(name: name))
                }
            case .mapping(let mapping):
                if isKey { throw fail(.unsupported, node, nonScalarKeyMessage(found: "a mapping")) }
                guard nesting < Limits.nesting else { throw fail(.limitExceeded, node, nestingMessage) }
                for (key, value) in mapping.reversed() {
                    stack.append((value, nesting + 1, false))
                    stack.append((key, nesting + 1, true))
                }
            case .sequence(let sequence):
                if isKey { throw fail(.unsupported, node, nonScalarKeyMessage(found: "a list")) }
                guard nesting < Limits.nesting else { throw fail(.limitExceeded, node, nestingMessage) }
                for element in sequence.reversed() {
                    stack.append((element, nesting + 1, false))
                }
            case .alias:
                // Yams resolves aliases while composing; kept for completeness.
                throw fail(.unsupported, node, aliasMessage(name: nil))
            }
        }
    }

    static func nonScalarKeyMessage(found: String) -> String {
        "keys must be plain words such as 'title', found \(found)"
    }

    /// The characters libyaml allows in anchor and alias names.
    static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "a"..."z", "A"..."Z", "_", "-": true
        default: false
        }
    }
}
