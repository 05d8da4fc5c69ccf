/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.List;
import java.util.function.Consumer;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.ExceptionsHelper;
import org.opensearch.action.search.CreatePitAction;
import org.opensearch.action.search.CreatePitRequest;
import org.opensearch.action.search.DeletePitAction;
import org.opensearch.action.search.DeletePitRequest;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.IndexNotFoundException;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.PointInTimeBuilder;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.search.sort.SortBuilders;
import org.opensearch.search.sort.SortOrder;
import org.opensearch.transport.client.Client;

/**
 * Reads every document of a time range in time order, page by page, without blocking: a point in
 * time keeps the view fixed while pages are read, and {@code search_after} on (time, {@code
 * _shard_doc}) resumes exactly where the last page ended even when many documents share a
 * timestamp. The point in time is always deleted at the end.
 */
final class PitPageReader {

    private static final Logger LOG = LogManager.getLogger(PitPageReader.class);
    private static final TimeValue KEEP_ALIVE = TimeValue.timeValueMinutes(2);

    private final Client client;
    private final int pageSize;

    PitPageReader(Client client, int pageSize) {
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("page size must be in [1, 10000], got " + pageSize);
        }
        this.client = client;
        this.pageSize = pageSize;
    }

    /**
     * Hands every document of {@code indices} with {@code timeField} in {@code range} matching
     * {@code filter} (may be null) to {@code page}, one page at a time in time order, then
     * completes {@code done}. The time is fetched as a doc value in epoch milliseconds; {@code
     * includes} limits the source fields fetched (null: all). Indices that do not exist yet read as
     * empty.
     */
    void read(
            List<String> indices,
            String timeField,
            QueryBuilder filter,
            String[] includes,
            TimeRange range,
            Consumer<SearchHit[]> page,
            ActionListener<Void> done) {
        BoolQueryBuilder query =
                QueryBuilders.boolQuery()
                        .filter(
                                QueryBuilders.rangeQuery(timeField)
                                        .gte(range.from())
                                        .lt(range.to())
                                        .format("epoch_millis"));
        if (filter != null) {
            query.filter(filter);
        }
        CreatePitRequest create =
                new CreatePitRequest(KEEP_ALIVE, false, indices.toArray(new String[0]));
        create.setIndicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN);
        client.execute(
                CreatePitAction.INSTANCE,
                create,
                ActionListener.wrap(
                        pit -> {
                            String pitId = pit.getId();
                            if (pitId == null) { // no shard matched: a pattern no index has yet
                                done.onResponse(null);
                                return;
                            }
                            ActionListener<Void> closing =
                                    ActionListener.runAfter(done, () -> deletePit(pitId));
                            nextPage(pitId, query, timeField, includes, null, page, closing);
                        },
                        e -> {
                            if (noIndices(e)) {
                                done.onResponse(null);
                            } else {
                                done.onFailure(e);
                            }
                        }));
    }

    /**
     * A hit's time as {@link #read} fetches it: the doc value in epoch milliseconds, a string that
     * may have a fraction (date_nanos).
     */
    static long timeMillis(SearchHit hit, String timeField) {
        return (long) Double.parseDouble(hit.field(timeField).getValue().toString());
    }

    private void nextPage(
            String pitId,
            QueryBuilder query,
            String timeField,
            String[] includes,
            Object[] after,
            Consumer<SearchHit[]> page,
            ActionListener<Void> done) {
        SearchSourceBuilder source =
                new SearchSourceBuilder()
                        .query(query)
                        .size(pageSize)
                        .fetchSource(includes, null)
                        .docValueField(timeField, "epoch_millis")
                        .sort(timeField, SortOrder.ASC)
                        .sort(SortBuilders.shardDocSort())
                        .pointInTimeBuilder(new PointInTimeBuilder(pitId).setKeepAlive(KEEP_ALIVE))
                        .trackTotalHits(false);
        if (after != null) {
            source.searchAfter(after);
        }
        client.search(
                new SearchRequest().source(source),
                ActionListener.wrap(
                        (SearchResponse response) -> {
                            SearchHit[] hits = response.getHits().getHits();
                            if (hits.length > 0) {
                                page.accept(hits);
                            }
                            if (hits.length < pageSize) {
                                done.onResponse(null);
                            } else {
                                nextPage(
                                        pitId,
                                        query,
                                        timeField,
                                        includes,
                                        hits[hits.length - 1].getSortValues(),
                                        page,
                                        done);
                            }
                        },
                        done::onFailure));
    }

    private void deletePit(String pitId) {
        // Best effort: an undeleted point in time expires after KEEP_ALIVE anyway.
        client.execute(
                DeletePitAction.INSTANCE,
                new DeletePitRequest(pitId),
                ActionListener.wrap(
                        r -> {},
                        e ->
                                LOG.debug(
                                        "could not delete point in time; it expires in "
                                                + KEEP_ALIVE,
                                        e)));
    }

    /**
     * A point in time over no index at all (a pattern nothing matches yet) is an empty read, not an
     * error. OpenSearch 3.6 answers it with an IllegalArgumentException {@code invalid id: [null]}
     * (the id of zero shards) instead of an empty point in time.
     */
    private static boolean noIndices(Exception e) {
        Throwable cause = ExceptionsHelper.unwrapCause(e);
        return cause instanceof IndexNotFoundException
                || (cause instanceof IllegalArgumentException
                        && "invalid id: [null]".equals(cause.getMessage()));
    }
}
