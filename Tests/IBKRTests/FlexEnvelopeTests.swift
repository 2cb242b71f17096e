import Foundation
import Testing

@testable import IBKR

@Suite struct FlexEnvelopeTests {
    private func envelope(_ fixture: String) throws -> FlexEnvelope {
        guard case .envelope(let envelope) = try FlexResponseBody.classify(FlexFixtures.data(fixture)) else {
            Issue.record("\(fixture) is not classified as an envelope")
            return FlexEnvelope()
        }
        return envelope
    }

    private func foreign(_ body: String) throws -> FlexForeignBody? {
        guard case .foreign(let foreign) = try FlexResponseBody.classify(Data(body.utf8)) else { return nil }
        return foreign
    }

    @Test func sendRequestSuccessCarriesTheReferenceAndUrl() throws {
        let success = try envelope("send-request-success.xml")
        #expect(success.status == .success)
        #expect(success.referenceCode == "4818532107")
        #expect(success.url == "https://gdcdyn.interactivebrokers.com/AccountManagement/FlexWebService/GetStatement")
        #expect(success.errorCode == nil)
        #expect(success.timestamp == "02 November, 2026 09:15 AM EST")
        #expect(success.timestampDate == Date(timeIntervalSince1970: 1_793_628_900))
    }

    @Test(arguments: [
        ("send-request-error-1018.xml", 1018, FlexEnvelope.Status.fail, "Too many requests have been made from this token. Please try again shortly."),
        ("get-statement-1019.xml", 1019, .warn, "Statement generation in progress. Please try again shortly."),
        ("error-1012.xml", 1012, .fail, "Token has expired."),
        ("error-1015.xml", 1015, .fail, "Token is invalid."),
        ("error-1001.xml", 1001, .fail, "Statement could not be generated at this time. Please try again shortly."),
        ("error-1020.xml", 1020, .fail, "Invalid request or unable to validate request."),
    ])
    func errorsCarryCodeStatusAndMessage(fixture: String, code: Int, status: FlexEnvelope.Status, message: String) throws {
        let error = try envelope(fixture)
        #expect(error.errorCode == code)
        #expect(error.status == status)
        #expect(error.errorMessage == message)
        #expect(error.referenceCode == nil)
        #expect(error.isGenerationInProgress == (code == 1019))
    }

    @Test func anOddOrMissingTimestampIsNoError() throws {
        let odd = #"<FlexStatementResponse timestamp="sometime soon"><Status>Warn</Status><ErrorCode>1019</ErrorCode></FlexStatementResponse>"#
        guard case .envelope(let envelope) = try FlexResponseBody.classify(Data(odd.utf8)) else {
            Issue.record("not an envelope")
            return
        }
        #expect(envelope.timestamp == "sometime soon")
        #expect(envelope.timestampDate == nil)
        #expect(envelope.isGenerationInProgress)

        let declared = "<?xml version=\"1.0\"?>\n<FlexStatementResponse>\n<Status>Success</Status>\n<ReferenceCode>1</ReferenceCode>\n</FlexStatementResponse>\n"
        guard case .envelope(let bare) = try FlexResponseBody.classify(Data(declared.utf8)) else {
            Issue.record("not an envelope")
            return
        }
        #expect(bare.timestamp == nil && bare.timestampDate == nil)
        #expect(bare.referenceCode == "1")
    }

    @Test func aStatementIsClassifiedByItsRootNotByItsContent() throws {
        #expect(try FlexResponseBody.classify(FlexFixtures.data("statement-single-account.xml")) == .statement)
        // "1019" and "ErrorCode" inside a statement mean nothing.
        let statement = #"<FlexQueryResponse queryName="ErrorCode 1019 Warn"><FlexStatements count="0" /></FlexQueryResponse>"#
        #expect(try FlexResponseBody.classify(Data(statement.utf8)) == .statement)
    }

    @Test func anHTMLPageIsNotXML() throws {
        let page = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>404 Page Not Found</title></head><body>"
            + String(repeating: "<div class=\"x\">Sorry, the page you requested cannot be found.</div>\n", count: 150) + "</body></html>"
        let body = try #require(try foreign(page))
        #expect(body.kind == .html)
        #expect(body.byteCount == page.utf8.count)
        #expect(body.preview.utf8.count <= FlexForeignBody.previewLimit)
        #expect(body.preview.hasPrefix("<!DOCTYPE html>"))
        #expect(try foreign("<html><body>We are sorry, our services are temporarily unavailable</body></html>")?.kind == .html)
    }

    @Test func csvAndTextOutputAreRecognised() throws {
        let csv = "\"ClientAccountID\",\"AccountAlias\",\"CurrencyPrimary\"\n\"U1234567\",\"Main\",\"USD\"\n"
        #expect(try foreign(csv)?.kind == .csv)
        #expect(try foreign("We are sorry, our services are temporarily unavailable")?.kind == .text)
        #expect(try foreign("")?.kind == .empty)
        #expect(try foreign(" \n\t")?.kind == .empty)
        let other = try #require(try foreign("<error><message>no</message></error>"))
        #expect(other.kind == .xml && other.rootElement == "error")
    }

    @Test func thePreviewHasNoControlCharacters() throws {
        let body = try #require(try foreign("oops\u{1B}[31m red\u{07} text\u{9B}2J"))
        #expect(!body.preview.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(body.preview.contains("oops"))
    }

    @Test func aBrokenEnvelopeThrowsWithItsPosition() {
        let truncated = "<FlexStatementResponse timestamp='x'>\n<Status>Fail</Status>\n<ErrorCode>1012</Error"
        #expect(throws: FlexParseError.self) { try FlexResponseBody.classify(Data(truncated.utf8)) }
        do {
            _ = try FlexResponseBody.classify(Data(truncated.utf8))
        } catch {
            #expect(error.line == 3)
        }
    }
}
