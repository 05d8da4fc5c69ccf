/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.action.search.ClearScrollRequest;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.SearchScrollRequest;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.common.document.DocumentField;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.common.xcontent.support.XContentMapValues;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.search.sort.SortOrder;
import org.opensearch.transport.client.Client;

/**
 * Reads a detector's source documents in time order and splits them into one series per entity. A
 * document whose feature field is missing or not a number is skipped and counted, never silently
 * turned into a value.
 */
public final class MetricReader {

    private static final TimeValue SCROLL_KEEP_ALIVE = TimeValue.timeValueMinutes(2);

    /**
     * Documents one read may hold in memory; a larger range is refused rather than risking the
     * heap.
     */
    public static final long MAX_DOCUMENTS = 5_000_000;

    private final Client client;
    private volatile int pageSize;

    public MetricReader(Client client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    /** Documents per page ({@code plugins.aiops.detector.page_size}, dynamic). */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /** What a read found. */
    public record Read(Map<String, EntitySeries> series, long documents, long skipped) {}

    /**
     * Points with time in {@code range} matching the source's filter and {@code extraQuery} (null
     * for none), at most {@code maxPerEntity} per entity (the earliest). Waits for the cluster:
     * training and scoring call it on their pools.
     */
    public Read read(
            MetricSource source, TimeRange range, QueryBuilder extraQuery, int maxPerEntity) {
        long from = range.from();
        long to = range.to();
        BoolQueryBuilder query = query(source, range, extraQuery);
        List<String> includes = new ArrayList<>(source.fields());
        includes.addAll(source.entityFields());
        SearchSourceBuilder search =
                new SearchSourceBuilder()
                        .query(query)
                        .size(pageSize)
                        .fetchSource(includes.toArray(new String[0]), null)
                        .docValueField(source.timeField(), "epoch_millis")
                        .sort(source.timeField(), SortOrder.ASC);
        SearchRequest request =
                new SearchRequest(source.indices().toArray(new String[0]))
                        .source(search)
                        .scroll(SCROLL_KEEP_ALIVE)
                        .indicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN);
        Map<String, EntitySeries> series = new LinkedHashMap<>();
        long documents = 0;
        long skipped = 0;
        SearchResponse response = client.search(request).actionGet();
        try {
            while (response.getHits().getHits().length > 0) {
                for (SearchHit hit : response.getHits().getHits()) {
                    if (++documents > MAX_DOCUMENTS) {
                        throw new IllegalArgumentException(
                                "the range ["
                                        + from
                                        + ", "
                                        + to
                                        + ") holds more than "
                                        + MAX_DOCUMENTS
                                        + " documents: read it in parts "
                                        + "(narrower [from]/[to], or a smaller [training.max_samples] and range)");
                    }
                    if (add(series, source, hit, maxPerEntity) == false) {
                        skipped++;
                    }
                }
                String scrollId = response.getScrollId();
                response =
                        client.searchScroll(
                                        new SearchScrollRequest(scrollId).scroll(SCROLL_KEEP_ALIVE))
                                .actionGet();
            }
        } finally {
            if (response.getScrollId() != null) {
                ClearScrollRequest clear = new ClearScrollRequest();
                clear.addScrollId(response.getScrollId());
                client.clearScroll(clear);
            }
        }
        return new Read(series, documents, skipped);
    }

    /**
     * The source's documents in {@code range} (all times when null), its filter, and {@code
     * extraQuery} when given.
     */
    public static BoolQueryBuilder query(
            DetectorSource source, TimeRange range, QueryBuilder extraQuery) {
        BoolQueryBuilder query = QueryBuilders.boolQuery();
        if (range != null) {
            query.filter(
                    QueryBuilders.rangeQuery(source.timeField())
                            .gte(range.from())
                            .lt(range.to())
                            .format("epoch_millis"));
        }
        if (source.filter() != null) {
            query.filter(source.filter());
        }
        if (extraQuery != null) {
            query.filter(extraQuery);
        }
        return query;
    }

    /**
     * The finite number at {@code field} (a path) of a document's source, a one-element array
     * unwrapped; NaN when it is missing or not one.
     */
    static float number(String field, Map<String, Object> doc) {
        Object value = XContentMapValues.extractValue(field, doc);
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0);
        }
        return value instanceof Number number && Double.isFinite(number.doubleValue())
                ? number.floatValue()
                : Float.NaN;
    }

    private static boolean add(
            Map<String, EntitySeries> series,
            MetricSource source,
            SearchHit hit,
            int maxPerEntity) {
        DocumentField timeField = hit.field(source.timeField());
        Map<String, Object> doc = hit.getSourceAsMap();
        if (timeField == null || timeField.getValue() == null || doc == null) {
            return false;
        }
        float[] row = new float[source.fields().size()];
        for (int f = 0; f < row.length; f++) {
            row[f] = number(source.fields().get(f), doc);
            if (Float.isNaN(row[f])) {
                return false;
            }
        }
        Map<String, Object> entity = new LinkedHashMap<>();
        StringBuilder key = new StringBuilder();
        for (String field : source.entityFields()) {
            Object value = XContentMapValues.extractValue(field, doc);
            String text = value == null ? "_missing" : String.valueOf(value);
            entity.put(field, text);
            if (key.length() > 0) {
                key.append(',');
            }
            key.append(field).append('=').append(text);
        }
        EntitySeries entitySeries =
                series.computeIfAbsent(key.toString(), k -> new EntitySeries(k, entity));
        if (entitySeries.size() >= maxPerEntity) {
            return true;
        }
        Object timeValue =
                timeField.getValue(); // epoch_millis as a string; a generic getter would pick
        // valueOf(char[])
        long time = (long) Double.parseDouble(timeValue.toString());
        entitySeries.add(time, row, hit.getIndex(), hit.getId());
        return true;
    }
}
