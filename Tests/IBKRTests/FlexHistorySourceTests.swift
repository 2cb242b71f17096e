import Foundation
import Portfolio
import Testing

@testable import IBKR

/// The history source: several queries merged into one snapshot, and statements kept on disk across restarts.
@Suite struct FlexHistorySourceTests {
    /// Query 1 answers with the single-account fixture, query 2 with the multi-account one.
    private static func twoQueryService() throws -> ScriptedFlexService {
        let single = try FlexFixtures.data("statement-single-account.xml")
        let multi = try FlexFixtures.data("statement-multi-account.xml")
        return ScriptedFlexService { sent, _ in
            switch (sent.step, sent.parameter("q")) {
            case (.sendRequest, let query?):
                return .ok(FlexAnswers.reference.replacingOccurrences(of: FlexAnswers.referenceCode, with: "99\(query)"))
            case (.getStatement, "991"?): return GatewayResponse(status: 200, body: Array(single))
            case (.getStatement, "992"?): return GatewayResponse(status: 200, body: Array(multi))
            default: return .ok(FlexAnswers.error(1014))
            }
        }
    }

    private static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-cache-\(UUID().uuidString)/ibdash")
    }

    @Test func queriesAreFetchedInTurnAndTheirAccountsMerged() async throws {
        let service = try Self.twoQueryService()
        let source = FlexHistorySource(
            client: try service.client(), queries: [try FlexQueryID("1"), try FlexQueryID("2")], cache: nil, logger: .quiet)
        let snapshot = try await driveToDeadlines(service.clock) { try await source.fetchHistory() }
        #expect(service.sent.map { $0.parameter("q") } == ["1", "991", "2", "992"])
        #expect(Set(snapshot.accounts.keys) == ["U1234567", "U5553173"])

        let single = try FlexHistoryMapping().snapshot(of: FlexFixtures.parse("statement-single-account.xml"), fetchedAt: .now)
        let multi = try FlexHistoryMapping().snapshot(of: FlexFixtures.parse("statement-multi-account.xml"), fetchedAt: .now)
        let merged = try #require(snapshot.accounts["U1234567"])
        let fromSingle = try #require(single.accounts["U1234567"])
        let fromMulti = try #require(multi.accounts["U1234567"])
        // Both queries cover U1234567: each trade and each NAV date once.
        #expect(merged.trades.count == Set(fromSingle.trades.map(\.id) + fromMulti.trades.map(\.id)).count)
        #expect(merged.nav.count == Set(fromSingle.nav.map(\.date) + fromMulti.nav.map(\.date)).count)
        #expect(merged.nav.map(\.date) == merged.nav.map(\.date).sorted())
        #expect(snapshot.accounts["U5553173"] == multi.accounts["U5553173"])
        #expect(snapshot.generatedAt == min(single.generatedAt, multi.generatedAt))
    }

    @Test func aRestartShowsTheKeptHistoryWithoutAskingIBKR() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let service = try Self.twoQueryService()
        let queries = [try FlexQueryID("1"), try FlexQueryID("2")]
        let first = FlexHistorySource(client: try service.client(), queries: queries, cache: FlexStatementCache(directory: directory), logger: .quiet)
        #expect(await first.cachedHistory() == nil)
        let fetched = try await driveToDeadlines(service.clock) { try await first.fetchHistory() }
        let sentBefore = service.sent.count

        let restarted = FlexHistorySource(client: try service.client(), queries: queries, cache: FlexStatementCache(directory: directory), logger: .quiet)
        let kept = await restarted.cachedHistory()
        #expect(kept == fetched)
        #expect(service.sent.count == sentBefore)

        var info = stat()
        #expect(stat(directory.path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        for query in queries {
            #expect(stat(FlexStatementCache(directory: directory).fileURL(for: query).path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600)
        }
        // A query added to the configuration has nothing kept: fetch at once rather than show part of the history.
        let grown = FlexHistorySource(
            client: try service.client(), queries: queries + [try FlexQueryID("3")], cache: FlexStatementCache(directory: directory), logger: .quiet)
        #expect(await grown.cachedHistory() == nil)
    }

    @Test func theCacheRoundTripsAndTightensAnOpenDirectory() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        chmod(directory.path, 0o755)
        let cache = FlexStatementCache(directory: directory)
        let download = FlexDownload(
            query: try FlexQueryID("77"), body: Array("a\nb\u{0}c".utf8), format: .csv, referenceCode: "1",
            fetchedAt: Date(timeIntervalSince1970: 1_790_000_123.25))
        try cache.store(download)
        let kept = try #require(try cache.load(FlexQueryID("77")))
        #expect(kept.body == download.body && kept.format == .csv && kept.fetchedAt == download.fetchedAt)
        #expect(try cache.load(FlexQueryID("78")) == nil)
        var info = stat()
        #expect(stat(directory.path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names == ["flex-77.statement"], "no temporary file is left behind")
    }

    struct Damage: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var apply: @Sendable (String) -> String
    }

    static let damages = [
        Damage(testDescription: "truncated") { String($0.dropLast(40)) },
        Damage(testDescription: "no header") { _ in "<FlexQueryResponse></FlexQueryResponse>" },
        Damage(testDescription: "another query") { $0.replacingOccurrences(of: "query=1 ", with: "query=2 ") },
        Damage(testDescription: "damaged header") { $0.replacingOccurrences(of: "fetched=", with: "fetched=x") },
        Damage(testDescription: "bad XML") { file in
            let header = file.prefix { $0 != "\n" }
            return header.replacingOccurrences(of: #"bytes=\d+"#, with: "bytes=12", options: .regularExpression) + "\n<FlexQueryRe"
        },
        Damage(testDescription: "empty") { _ in "" },
    ]

    @Test(arguments: damages)
    func aDamagedKeptStatementIsIgnoredWithALogLine(_ damage: Damage) async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let cache = FlexStatementCache(directory: directory)
        try cache.store(
            FlexDownload(query: try FlexQueryID("1"), body: Array(FlexAnswers.statement.utf8), format: .xml, referenceCode: nil, fetchedAt: .now))
        let path = cache.fileURL(for: try FlexQueryID("1")).path
        try damage.apply(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: false, encoding: .utf8)

        let log = CapturedLog()
        let service = ScriptedFlexService(get: [.ok(FlexAnswers.statement)])
        let source = FlexHistorySource(client: try service.client(), queries: [try FlexQueryID("1")], cache: cache, logger: log.logger)
        #expect(await source.cachedHistory() == nil)
        let line = "warning ignoring the kept Flex statement of query 1 in \(path): "
        #expect(log.all.contains { $0.hasPrefix(line) }, "\(log.all)")
        // The next fetch replaces it.
        _ = try await driveToDeadlines(service.clock) { try await source.fetchHistory() }
        #expect(await source.cachedHistory() != nil)
    }

    @Test func aCSVQueryIsExplained() async throws {
        let service = ScriptedFlexService(get: [.ok("\"ClientAccountID\",\"AccountAlias\",\"Model\"\n")])
        let source = FlexHistorySource(client: try service.client(), queries: [try FlexQueryID("5")], cache: nil, logger: .quiet)
        let error = await #expect(throws: SourceError.self) {
            try await driveToDeadlines(service.clock) { try await source.fetchHistory() }
        }
        #expect(error?.kind == .decoding && error?.fix?.contains("format to XML") == true)
    }

    @Test func theCacheDirectoryFollowsXDG() {
        #expect(FlexStatementCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"]).path == "/x/cache/ibdash")
        #expect(FlexStatementCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/a"]).path == "/home/a/.cache/ibdash")
        #expect(FlexStatementCache.defaultDirectory(environment: ["HOME": "/home/a"]).path == "/home/a/.cache/ibdash")
    }
}
