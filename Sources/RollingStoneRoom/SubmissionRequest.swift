import Foundation
import RollingStoneCore

/// The body of `POST /api/submissions`, as JSON or as a form.
struct SubmissionRequest: Decodable, Sendable {
    var code: String?
    var name: String?
    var kind: String?
    var text: String?
    /// Sent by a phone page that has no device cookie (a test, a script).
    var device: String?

    /// The largest body read; a submission's text is at most 2,000 characters.
    static let maximumBodySize = 16 * 1024

    /// The body read as `contentType` says, or why it cannot be.
    static func parse(_ body: Data, contentType: String?) throws(RoomRequestError) -> SubmissionRequest {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch type {
        case "application/json":
            do {
                return try JSONDecoder().decode(SubmissionRequest.self, from: body)
            } catch {
                throw .badRequest("The body is not the JSON object expected: code, name, kind and text.")
            }
        case "application/x-www-form-urlencoded":
            guard let text = String(data: body, encoding: .utf8) else { throw .badRequest("The form is not UTF-8.") }
            var fields: [String: String] = [:]
            for pair in text.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                // A form encodes spaces as '+'; percent escapes that do not decode are refused, not trapped on.
                guard let name = parts[0].replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                    let value = (parts.count > 1 ? String(parts[1]) : "").replacingOccurrences(of: "+", with: " ").removingPercentEncoding
                else { throw .badRequest("The form is not percent-encoded as a form should be.") }
                if fields[name] == nil { fields[name] = value }
            }
            return SubmissionRequest(
                code: fields["code"], name: fields["name"], kind: fields["kind"], text: fields["text"], device: fields["device"])
        default:
            throw .badRequest("Send the submission as JSON (application/json) or as a form (application/x-www-form-urlencoded).")
        }
    }

    /// The kind asked for, or why it is not one.
    func submissionKind() throws(RoomRequestError) -> SubmissionKind {
        guard let kind, let known = SubmissionKind(rawValue: kind.lowercased()) else {
            throw .badRequest("'kind' must be tip, idea or question.")
        }
        return known
    }
}

/// A request the room refuses, with the status and a sentence that says what to do.
enum RoomRequestError: Error, Equatable, Sendable {
    case badRequest(String)
    case forbidden(String)
    case tooLarge(String)
    case tooMany(String)
    case misdirected(String)
    case notSaved(String)
}
