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

import org.opensearch.action.search.SearchResponse;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.aggregations.AggregationBuilders;
import org.opensearch.search.aggregations.Aggregations;
import org.opensearch.search.aggregations.bucket.filter.Filter;
import org.opensearch.search.aggregations.bucket.filter.FilterAggregationBuilder;
import org.opensearch.search.aggregations.bucket.terms.Terms;
import org.opensearch.search.aggregations.bucket.terms.TermsAggregationBuilder;
import org.opensearch.search.builder.SearchSourceBuilder;

/**
 * The aggregations behind {@code _root_cause}: event results counted per pod (as caller and as
 * callee) and per service pair, each with its anomalous part, and the counts read back from them.
 * They read the keyword copy {@code call.*} of an event's entity: terms on the keys of the
 * flat_object {@code entity} return every key's values and fail once shard results are serialized
 * (OpenSearch 3.6 registers no reader for the flat_object doc-value format).
 */
final class RootCauseSearch {

    /** Pods and service pairs one range may hold. */
    static final int MAX_TERMS = 10_000;

    private static final String ANOMALOUS = "anomalous";
    private static final String SERVICE = "service";

    private RootCauseSearch() {}

    /** Event results only: the trace and window results of the same detector would count twice. */
    static SearchSourceBuilder source(QueryBuilder detectorRange) {
        return new SearchSourceBuilder()
                .size(0)
                .trackTotalHits(true)
                .query(
                        QueryBuilders.boolQuery()
                                .filter(detectorRange)
                                .filter(QueryBuilders.termQuery("unit", ResultUnit.EVENT.label())))
                .aggregation(anomalous())
                .aggregation(pods("callers", "call.source", "call.source_service"))
                .aggregation(pods("callees", "call.destination", "call.destination_service"))
                .aggregation(
                        terms("caller_services", "call.source_service")
                                .subAggregation(
                                        terms("callee_services", "call.destination_service")
                                                .subAggregation(anomalous())));
    }

    /** The ranking of {@code size} pods and services read from the response of {@link #source}. */
    static RootCauseRanking ranking(
            String detectorId, long from, long to, int size, SearchResponse response) {
        Aggregations aggregations = response.getAggregations();
        if (aggregations == null) {
            // no results index yet
            return new RootCauseRanking(detectorId, from, to, 0, 0, List.of(), List.of());
        }
        long anomalousEvents = anomalous(aggregations);
        long events = response.getHits().getTotalHits().value();
        Map<String, RootCauseRanking.Counts> pods = new LinkedHashMap<>();
        // a call event joins two different pods, so a pod's caller and callee counts add up
        addPods(aggregations.get("callers"), pods);
        addPods(aggregations.get("callees"), pods);
        return new RootCauseRanking(
                detectorId,
                from,
                to,
                anomalousEvents,
                events,
                RootCauseRanking.rank(new ArrayList<>(pods.values()), anomalousEvents, size),
                RootCauseRanking.rank(
                        services(aggregations.get("caller_services")), anomalousEvents, size));
    }

    private static TermsAggregationBuilder pods(String name, String podField, String serviceField) {
        // a pod runs one service
        return terms(name, podField)
                .subAggregation(AggregationBuilders.terms(SERVICE).field(serviceField).size(1))
                .subAggregation(anomalous());
    }

    private static TermsAggregationBuilder terms(String name, String field) {
        return AggregationBuilders.terms(name).field(field).size(MAX_TERMS);
    }

    private static FilterAggregationBuilder anomalous() {
        return AggregationBuilders.filter(ANOMALOUS, QueryBuilders.termQuery("is_anomaly", true));
    }

    private static long anomalous(Aggregations aggregations) {
        return ((Filter) aggregations.get(ANOMALOUS)).getDocCount();
    }

    private static void addPods(Terms terms, Map<String, RootCauseRanking.Counts> pods) {
        for (Terms.Bucket bucket : terms.getBuckets()) {
            Terms service = bucket.getAggregations().get(SERVICE);
            String pod = bucket.getKeyAsString();
            pods.merge(
                    pod,
                    new RootCauseRanking.Counts(
                            pod,
                            service.getBuckets().isEmpty()
                                    ? null
                                    : service.getBuckets().get(0).getKeyAsString(),
                            anomalous(bucket.getAggregations()),
                            bucket.getDocCount()),
                    RootCauseSearch::sum);
        }
    }

    /**
     * Per service from the pairs: an event between two pods of one service counts once for it,
     * which summing caller and callee counts would not do.
     */
    private static List<RootCauseRanking.Counts> services(Terms callers) {
        Map<String, RootCauseRanking.Counts> services = new LinkedHashMap<>();
        for (Terms.Bucket caller : callers.getBuckets()) {
            Terms callees = caller.getAggregations().get("callee_services");
            for (Terms.Bucket callee : callees.getBuckets()) {
                long anomalous = anomalous(callee.getAggregations());
                addService(services, caller.getKeyAsString(), anomalous, callee.getDocCount());
                if (callee.getKeyAsString().equals(caller.getKeyAsString()) == false) {
                    addService(services, callee.getKeyAsString(), anomalous, callee.getDocCount());
                }
            }
        }
        return new ArrayList<>(services.values());
    }

    private static void addService(
            Map<String, RootCauseRanking.Counts> services,
            String service,
            long anomalous,
            long events) {
        services.merge(
                service,
                new RootCauseRanking.Counts(service, null, anomalous, events),
                RootCauseSearch::sum);
    }

    private static RootCauseRanking.Counts sum(
            RootCauseRanking.Counts a, RootCauseRanking.Counts b) {
        return new RootCauseRanking.Counts(
                a.name(),
                a.service() != null ? a.service() : b.service(),
                a.anomalous() + b.anomalous(),
                a.events() + b.events());
    }
}
