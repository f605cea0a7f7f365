import Foundation
import Testing

@testable import RollingStoneCore
@testable import RollingStoneRoom

#if canImport(Glibc)
import Glibc
#endif

/// The body of `POST /api/submissions`, as JSON or as a form, and the limit
/// on how often one phone may send.
@Suite struct SubmissionRequestTests {
    static let form = "application/x-www-form-urlencoded"

    static func parse(_ body: String, _ type: String?) throws(RoomRequestError) -> SubmissionRequest {
        try SubmissionRequest.parse(Data(body.utf8), contentType: type)
    }

    @Test func jsonIsRead() throws {
        let request = try Self.parse(
            #"{"code":"K7Q2","name":"Anna de Vries","kind":"question","text":"Wie betaalt? \"Wij\" 💶","device":"d-1"}"#,
            "application/json; charset=utf-8")
        #expect(request.code == "K7Q2" && request.name == "Anna de Vries" && request.kind == "question")
        #expect(request.text == "Wie betaalt? \"Wij\" 💶")
        #expect(request.device == "d-1")
        #expect(try request.submissionKind() == .question)
        // Fields left out are nil, not an error: the meeting says what is missing.
        let sparse = try Self.parse(#"{"kind":"tip"}"#, "Application/JSON")
        #expect(sparse.text == nil && sparse.name == nil && sparse.code == nil)
    }

    @Test func aFormReadsPlusAndPercentTwentyAsSpaces() throws {
        let request = try Self.parse(
            "code=k7q2&name=Anna+de%20Vries&kind=idea&text=Een+fonds%20voor+netwerken%2C+1%2B1%3D3+%26+caf%C3%A9", Self.form)
        #expect(request.code == "k7q2")
        #expect(request.name == "Anna de Vries")
        #expect(request.kind == "idea")
        #expect(request.text == "Een fonds voor netwerken, 1+1=3 & café")
        #expect(try request.submissionKind() == .idea)
        let charset = try Self.parse("kind=tip&text=x&text=second", Self.form + "; charset=UTF-8")
        #expect(charset.text == "x", "the first of two fields of one name counts")
        #expect(charset.name == nil)
    }

    @Test(arguments: [nil, "", "text/plain", "multipart/form-data; boundary=x", "application/jsonx", "text/json"])
    func anotherContentTypeIsRefused(type: String?) {
        #expect(throws: RoomRequestError.self) { try Self.parse(#"{"kind":"tip","text":"x","name":"y"}"#, type) }
    }

    @Test(arguments: ["", "not json", "[1,2]", #"{"kind":1}"#, #"{"text":["a"]}"#, "{\"text\":\"\u{FFFF}"])
    func bodiesThatAreNotTheJSONObjectAreRefused(body: String) {
        #expect(throws: RoomRequestError.self) { try Self.parse(body, "application/json") }
    }

    @Test func theKindMustBeOneOfThree() throws {
        for (kind, expected) in [("tip", SubmissionKind.tip), ("IDEA", .idea), ("Question", .question)] {
            #expect(try SubmissionRequest(kind: kind).submissionKind() == expected)
        }
        for kind in [nil, "", "note", "quote", "action", "tips"] as [String?] {
            #expect(throws: RoomRequestError.badRequest("'kind' must be tip, idea or question.")) {
                try SubmissionRequest(kind: kind).submissionKind()
            }
        }
    }

    /// A form is the content type any web page may post across sites
    /// without asking, and scripts write them by hand: a stray `%`, a raw
    /// space or a raw non-ASCII letter must be a 400 (or read as meant),
    /// never a crash. `URLComponents.percentEncodedQuery`'s setter traps on
    /// them, so the check runs in a child process.
    @Test func aFormThatIsNotPercentEncodedIsRefusedNotFatal() async {
        await #expect(processExitsWith: .success) {
            let bodies = [
                "kind=tip&name=Anna&text=100%", "kind=tip&name=Anna&text=a b", "kind=tip&name=Anna&text=café",
                "kind=tip&name=Anna&text=%zz", "kind=tip&name=Anna&text=<b>", "kind=tip&name=Anna&text=\"q\"",
            ]
            for body in bodies {
                do throws(RoomRequestError) {
                    let request = try SubmissionRequest.parse(Data(body.utf8), contentType: "application/x-www-form-urlencoded")
                    // Read leniently: the fields must still be there.
                    if request.kind != "tip" || request.name != "Anna" || request.text == nil { exit(2) }
                } catch {
                    guard case .badRequest = error else { exit(3) }
                }
            }
        }
    }
}

@Suite struct SubmissionLimiterTests {
    static let start = Date(timeIntervalSince1970: 1_348_660_800)

    @Test func tenInAMinuteFromOnePhoneThenNoMore() {
        let limiter = SubmissionLimiter()
        #expect(limiter.limit == 10 && limiter.window == 60)
        let admitted = (0..<10).map { limiter.admit("phone-a", at: Self.start + Double($0)) }
        #expect(admitted == Array(repeating: true, count: 10))
        #expect(!limiter.admit("phone-a", at: Self.start + 10), "the 11th in a minute")
        #expect(!limiter.admit("phone-a", at: Self.start + 59.9))
        #expect(limiter.admit("phone-b", at: Self.start + 10), "another phone has its own ten")
        // A minute after the first, one more fits; refusals took no place.
        #expect(limiter.admit("phone-a", at: Self.start + 60))
        #expect(!limiter.admit("phone-a", at: Self.start + 60.5))
        #expect(limiter.admit("phone-a", at: Self.start + 61))
    }

    @Test func manyPhonesEachHaveTheirOwnCount() {
        let limiter = SubmissionLimiter(limit: 1, window: 60)
        // Past the 10,000 phones after which quiet ones are dropped.
        #expect((0..<10_050).allSatisfy { limiter.admit("phone-\($0)", at: Self.start) })
        #expect(!limiter.admit("phone-0", at: Self.start + 1))
        #expect(!limiter.admit("phone-10049", at: Self.start + 1))
        #expect(limiter.admit("phone-0", at: Self.start + 120))
        #expect(!limiter.admit("phone-0", at: Self.start + 121))
    }
}
