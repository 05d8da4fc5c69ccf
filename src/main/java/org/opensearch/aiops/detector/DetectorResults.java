/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.SearchHit;
import org.opensearch.search.aggregations.AggregationBuilders;
import org.opensearch.search.aggregations.BucketOrder;
import org.opensearch.search.aggregations.bucket.filter.Filter;
import org.opensearch.search.aggregations.bucket.terms.Terms;
import org.opensearch.search.aggregations.metrics.Max;
import org.opensearch.search.aggregations.metrics.TopHits;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.search.sort.SortOrder;
import org.opensearch.transport.client.Client;

/**
 * Reads detectors' results: a search over every results index, a detector's top entities in a
 * range, and a trace detector's root-cause ranking.
 */
public final class DetectorResults {

    private final Client client;
    private final DetectorStore store;

    public DetectorResults(Client client, DetectorStore store) {
        this.client = client;
        this.store = store;
    }

    /**
     * {@code search} over every results index, restricted to {@code detectorIds} when not empty.
     */
    public void search(
            List<String> detectorIds,
            SearchSourceBuilder search,
            ActionListener<SearchResponse> listener) {
        BoolQueryBuilder query = QueryBuilders.boolQuery();
        if (detectorIds.isEmpty() == false) {
            query.filter(QueryBuilders.termsQuery("detector_id", detectorIds));
        }
        if (search.query() != null) {
            query.must(search.query());
        }
        SearchSourceBuilder restricted = search.shallowCopy().query(query);
        client.search(
                new SearchRequest(AiopsIndices.RESULTS + "*")
                        .source(restricted)
                        .indicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN),
                listener);
    }

    /**
     * The highest scores of a detector in [from, to), grouped by entity: {@code size} entities, 3
     * documents each.
     */
    public void top(String id, long from, long to, int size, ActionListener<TopResults> listener) {
        new TimeRange(from, to);
        store.get(
                id,
                ActionListener.wrap(
                        stored -> {
                            SearchSourceBuilder search =
                                    new SearchSourceBuilder()
                                            .size(0)
                                            .query(inRange(id, from, to))
                                            .aggregation(
                                                    AggregationBuilders.terms("entities")
                                                            .field("entity_key")
                                                            .size(size)
                                                            .order(
                                                                    BucketOrder.aggregation(
                                                                            "max_score", false))
                                                            .subAggregation(
                                                                    AggregationBuilders.max(
                                                                                    "max_score")
                                                                            .field("score"))
                                                            .subAggregation(
                                                                    AggregationBuilders.filter(
                                                                            "anomalies",
                                                                            QueryBuilders.termQuery(
                                                                                    "is_anomaly",
                                                                                    true)))
                                                            .subAggregation(
                                                                    AggregationBuilders.topHits(
                                                                                    "top")
                                                                            .size(3)
                                                                            .sort(
                                                                                    "score",
                                                                                    SortOrder
                                                                                            .DESC)));
                            SearchRequest request =
                                    new SearchRequest(stored.detector().resultIndex() + "*")
                                            .source(search)
                                            .indicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN);
                            client.search(
                                    request,
                                    ActionListener.map(
                                            listener,
                                            response ->
                                                    new TopResults(
                                                            id, from, to, buckets(response))));
                        },
                        listener::onFailure));
    }

    /**
     * The pods and services of a trace detector's call events in [from, to), {@code size} of each,
     * ranked by their part in the anomalous events; a detector of another input is a 400 naming its
     * type.
     */
    public void rootCause(
            String id, long from, long to, int size, ActionListener<RootCauseRanking> listener) {
        new TimeRange(from, to);
        store.get(
                id,
                ActionListener.wrap(
                        stored -> {
                            Detector detector = stored.detector();
                            if (detector.source().input() != DetectorInput.SPANS) {
                                throw new OpenSearchStatusException(
                                        "detector ["
                                                + id
                                                + "] is of type ["
                                                + detector.type()
                                                + "], which reads "
                                                + detector.source().input().label()
                                                + ": _root_cause ranks the call events of a"
                                                + " detector over spans (such as trace_graph)",
                                        RestStatus.BAD_REQUEST);
                            }
                            client.search(
                                    new SearchRequest(detector.resultIndex() + "*")
                                            .source(RootCauseSearch.source(inRange(id, from, to)))
                                            .indicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN),
                                    ActionListener.map(
                                            listener,
                                            response ->
                                                    RootCauseSearch.ranking(
                                                            id, from, to, size, response)));
                        },
                        listener::onFailure));
    }

    /** A detector's results whose data ends in [from, to). */
    private static BoolQueryBuilder inRange(String id, long from, long to) {
        return QueryBuilders.boolQuery()
                .filter(QueryBuilders.termQuery("detector_id", id))
                .filter(
                        QueryBuilders.rangeQuery("data_end_time")
                                .gte(from)
                                .lt(to)
                                .format("epoch_millis"));
    }

    private static List<TopResults.EntityBucket> buckets(SearchResponse response) {
        List<TopResults.EntityBucket> buckets = new ArrayList<>();
        if (response.getAggregations() == null) {
            return buckets; // no results index yet
        }
        Terms entities = response.getAggregations().get("entities");
        for (Terms.Bucket bucket : entities.getBuckets()) {
            Max maxScore = bucket.getAggregations().get("max_score");
            Filter anomalies = bucket.getAggregations().get("anomalies");
            TopHits top = bucket.getAggregations().get("top");
            List<Map<String, Object>> documents = new ArrayList<>();
            Map<String, Object> entity = Map.of();
            for (SearchHit hit : top.getHits().getHits()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("_id", hit.getId());
                doc.putAll(hit.getSourceAsMap());
                documents.add(doc);
                if (entity.isEmpty() && doc.get("entity") instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = (Map<String, Object>) map;
                    entity = fields;
                }
            }
            buckets.add(
                    new TopResults.EntityBucket(
                            bucket.getKeyAsString(),
                            entity,
                            maxScore.getValue(),
                            anomalies.getDocCount(),
                            documents));
        }
        return buckets;
    }
}
