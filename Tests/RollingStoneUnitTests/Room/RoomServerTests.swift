import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneRoom

/// What the room is before it listens: its join code and phone address.
@Suite struct RoomServerTests {
    /// `RoomAccess.joinCode`: the code "stays the same when the meeting is
    /// resumed, so phones that joined before a crash still get in". A
    /// session is created at a time finer than the milliseconds its file
    /// keeps; forty creation times spread over the sub-millisecond digits.
    @Test func theJoinCodeStaysTheSameWhenTheMeetingIsResumed() throws {
        let folder = try TemporaryFolder()
        let address = RoomAddress(host: "0.0.0.0", port: 8080)
        var changed: [String] = []
        for index in 0..<40 {
            let created = Date(timeIntervalSince1970: 1_796_119_781 + Double(index) * 3_600.000_137_3)
            let url = folder.file("meeting-\(index).jsonl")
            let meeting = Meeting(journal: try SessionJournal.create(at: url, agenda: TestMeeting.agenda, now: created))
            try meeting.open()
            let code = try RoomServer(meeting: meeting, address: address).joinCode
            meeting.close()

            let resumed = Meeting(journal: try reopenJournal(at: url))
            try resumed.open()
            let again = try RoomServer(meeting: resumed, address: address)
            resumed.close()
            if again.joinCode != code {
                changed.append(
                    "\(created.timeIntervalSince1970): \(code) became \(again.joinCode) (resumed as \(resumed.state.header.created.timeIntervalSince1970))")
            }
            #expect(again.phoneURL?.hasSuffix(":8080/j/\(again.joinCode)") == true)
        }
        #expect(changed.isEmpty, "\(changed.count) of 40 codes changed on resume, e.g. \(changed.prefix(3))")
    }

    @Test func onLoopbackThereIsNoPhoneAddress() throws {
        let test = try TestMeeting()
        for host in ["127.0.0.1", "::1"] {
            let server = try RoomServer(meeting: test.meeting, address: RoomAddress(host: host, port: 8080))
            #expect(server.phoneURL == nil && server.phoneQRCode == nil)
            #expect(server.joinCode.count == 4)
        }
        let lan = try RoomServer(meeting: test.meeting, address: RoomAddress(host: "192.168.1.20", port: 8080))
        #expect(lan.phoneURL == "http://192.168.1.20:8080/j/\(lan.joinCode)")
        #expect(lan.phoneQRCode != nil)
        #expect(throws: RoomError.badAddress("999.1.1.1")) { try RoomServer(meeting: test.meeting, address: RoomAddress(host: "999.1.1.1", port: 8080)) }
    }
}
