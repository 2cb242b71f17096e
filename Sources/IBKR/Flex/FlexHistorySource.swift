import Foundation
import Logging
import Portfolio

/// Account history from the Flex Web Service: every configured query fetched in turn on one token's budget,
/// parsed off the caller's actor, mapped and merged into one `HistorySnapshot`. The last raw statement of each
/// query is kept on disk, so a restart shows history at once, with its age, without asking IBKR.
public struct FlexHistorySource: HistorySource {
    public let client: FlexClient
    public let queries: [FlexQueryID]
    /// Nil keeps nothing on disk.
    public let cache: FlexStatementCache?
    public let mapping: FlexHistoryMapping
    let logger: Logger

    public init(
        client: FlexClient, queries: [FlexQueryID], cache: FlexStatementCache?,
        mapping: FlexHistoryMapping = FlexHistoryMapping(), logger: Logger = Logger(label: "ibdash.flex")
    ) {
        self.client = client
        self.queries = queries
        self.cache = cache
        self.mapping = mapping
        self.logger = logger
    }

    /// The kept statements of every configured query; nil unless each one has a readable statement, so that a
    /// query added to the configuration, or a damaged file, makes the engine fetch at once.
    public func cachedHistory() async -> HistorySnapshot? {
        guard let cache, !queries.isEmpty else { return nil }
        var parts: [HistorySnapshot] = []
        for query in queries {
            do {
                guard let kept = try cache.load(query) else {
                    logger.info("no kept Flex statement for query \(query); fetching")
                    return nil
                }
                parts.append(
                    try await Self.snapshot(
                        kept.body, format: kept.format, query: query, fetchedAt: kept.fetchedAt, mapping: mapping))
            } catch {
                let reason = (error as? FileProblem)?.reason ?? (error as? SourceError)?.message ?? "\(error)"
                logger.warning(
                    "ignoring the kept Flex statement of query \(query) in \(cache.fileURL(for: query).path): \(reason)")
                return nil
            }
        }
        return HistorySnapshot.merging(parts)
    }

    /// Fetches every query, one after another (they share the token's limits); the first failure ends the
    /// fetch, so a bad token is not tried once per query. Statements fetched before it are kept.
    public func fetchHistory() async throws -> HistorySnapshot {
        var parts: [HistorySnapshot] = []
        for query in queries {
            let download = try await client.fetchStatement(query)
            parts.append(
                try await Self.snapshot(
                    download.body, format: download.format, query: query, fetchedAt: download.fetchedAt,
                    mapping: mapping))
            do {
                try cache?.store(download)
            } catch {
                logger.warning("cannot keep the Flex statement of query \(query): \(error)")
            }
        }
        guard let snapshot = HistorySnapshot.merging(parts) else {
            throw SourceError(
                .configuration, endpoint: "Flex", message: "no Flex query configured",
                fix: "give the Query ID with --flex-query")
        }
        return snapshot
    }

    /// Parses and maps one statement on the global executor: a large statement takes seconds.
    @concurrent
    static func snapshot(
        _ body: [UInt8], format: FlexStatementFormat, query: FlexQueryID, fetchedAt: Date, mapping: FlexHistoryMapping
    ) async throws(SourceError) -> HistorySnapshot {
        let endpoint = "Flex statement (query \(query))"
        guard format == .xml else {
            throw SourceError(
                .decoding, endpoint: endpoint,
                message: "the query's output format is \(format.rawValue.uppercased()); ibdash reads only XML",
                fix: "set the query's format to XML in Client Portal → Performance & Reports → Flex Queries")
        }
        do {
            return mapping.snapshot(of: try FlexStatementParser().parse(body), fetchedAt: fetchedAt)
        } catch {
            throw SourceError(.decoding, endpoint: endpoint, message: "the statement cannot be read: \(error)")
        }
    }
}
