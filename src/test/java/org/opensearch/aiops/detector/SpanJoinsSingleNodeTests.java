/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.CallEvents;
import org.opensearch.aiops.detector.input.CallEventsTests;
import org.opensearch.aiops.detector.input.PodKpiSource;
import org.opensearch.aiops.detector.input.SpanEventReaderSingleNodeTests;
import org.opensearch.aiops.detector.input.SpanInput;
import org.opensearch.aiops.detector.input.SpanLogReader;
import org.opensearch.aiops.detector.input.SpanLogSource;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;
import org.opensearch.threadpool.ThreadPool;

/**
 * Spans, logs and pod metrics indexed as {@code ./aiops import nezha} writes them, read back
 * through {@link SpanUnits} (on the training pool, as the platform calls it) with and without the
 * joins.
 */
public class SpanJoinsSingleNodeTests extends OpenSearchSingleNodeTestCase {

    /** The start of a minute, in epoch milliseconds. */
    private static final long T0 = 1_674_982_140_000L;

    private static final String LOGS_MAPPING =
            "{\"dynamic\": false, \"properties\": {\"@timestamp\": {\"type\": \"date_nanos\"},"
                    + " \"message\": {\"type\": \"text\"}, \"pod\": {\"type\": \"keyword\"},"
                    + " \"trace_id\": {\"type\": \"keyword\"}, \"span_id\": {\"type\": \"keyword\"},"
                    + " \"log_template\": {\"properties\": {\"id\": {\"type\": \"keyword\"}}}}}";
    private static final String METRICS_MAPPING =
            "{\"properties\": {\"@timestamp\": {\"type\": \"date\"}, \"pod\": {\"type\": \"keyword\"},"
                    + " \"cpu_usage_rate_pct\": {\"type\": \"double\"},"
                    + " \"memory_usage_rate_pct\": {\"type\": \"double\"},"
                    + " \"network_receive_bytes\": {\"type\": \"double\"},"
                    + " \"pod_server_latency_p90_s\": {\"type\": \"double\"}}}";

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(AiopsPlugin.class);
    }

    public void testJoinsAttachTemplatesInLogOrderAndTheKpisOfEachPodsMinute() throws Exception {
        indexData();
        TimeRange range = new TimeRange(T0, T0 + 120_000);

        List<CallEvent> plain = read(input(null, null), range);
        assertEquals(List.of("t1/b", "t2/k"), ids(plain));
        for (CallEvent event : plain) {
            assertEquals("no join configured: untouched", List.of(), event.templates());
            assertNull(event.sourceKpis());
            assertNull(event.destinationKpis());
        }

        List<CallEvent> withLogs = read(input(SpanLogSource.defaults(), null), range);
        assertEquals(List.of("t1/b", "t2/k"), ids(withLogs));
        assertEquals(
                "in time order, not index order, with the call's inner span's; the root's and"
                        + " unknown spans' logs are dropped",
                List.of("tpl-B", "tpl-C", "tpl-inner", "tpl-A"),
                withLogs.get(0).templates());
        assertEquals(List.of("tpl-K"), withLogs.get(1).templates());
        assertNull(withLogs.get(0).sourceKpis());

        List<CallEvent> joined =
                read(input(SpanLogSource.defaults(), PodKpiSource.defaults()), range);
        CallEvent first = joined.get(0); // gateway-1 -> order-7, minute [T0, T0 + 60s)
        assertEquals(List.of("tpl-B", "tpl-C", "tpl-inner", "tpl-A"), first.templates());
        assertArrayEquals(
                "gateway-1's latest sample before the minute's end",
                new float[] {2, 20, 200, 0.2f},
                first.sourceKpis(),
                0f);
        assertArrayEquals(
                "order-7's sample at the minute's end, without latency",
                new float[] {7, 70, 700, Float.NaN},
                first.destinationKpis(),
                0f);
        CallEvent second = joined.get(1); // gateway-1 -> pay-1, minute [T0 + 60s, T0 + 120s)
        assertArrayEquals(new float[] {3, 30, 300, 0.3f}, second.sourceKpis(), 0f);
        assertNull("pay-1's only sample is older than the look-back", second.destinationKpis());
    }

    public void testLogReadRefusesMoreLogsThanItMayGoThrough() throws Exception {
        indexData();
        TimeRange range = new TimeRange(T0, T0 + 120_000);
        SpanInput input = input(SpanLogSource.defaults(), null);
        List<CallEvent> events = read(input(null, null), range);
        CompletableFuture<List<CallEvent>> future = new CompletableFuture<>();
        new SpanLogReader(client(), 2, 3)
                .join(
                        input,
                        range,
                        new CallEvents.Result(events, null, Map.of()),
                        ActionListener.wrap(future::complete, future::completeExceptionally));
        Exception e = expectThrows(Exception.class, () -> future.get(30, TimeUnit.SECONDS));
        assertTrue(
                e.toString(),
                e.getCause().getMessage().contains("holds more than 3 log documents to join"));
    }

    public void testValidatorChecksTheFieldsOfTheJoinedIndices() throws Exception {
        indexData();
        DetectorValidator validator = new DetectorValidator(client());
        SpanInput joined = input(SpanLogSource.defaults(), PodKpiSource.defaults());
        List<DetectorValidator.FieldTypes> mapped = mappedTypes(validator, joined);
        assertEquals(List.of(), DetectorValidator.typeProblems(mapped));
        assertEquals(List.of(), DetectorValidator.unmapped(mapped));

        SpanLogSource logsByMessage =
                new SpanLogSource(
                        List.of("nezha-logs"),
                        "message",
                        "trace_id",
                        "span_id",
                        "log_template.id",
                        TimeValue.ZERO);
        PodKpiSource podAsKpi =
                new PodKpiSource(
                        List.of("nezha-metrics"),
                        "@timestamp",
                        "pod",
                        List.of("pod"),
                        TimeValue.timeValueMinutes(2));
        assertEquals(
                List.of(
                        "[source.logs.time_field] field [message] is mapped as [text], not as a date",
                        "[source.kpis.fields] field [pod] is mapped as [keyword], not as a number"),
                DetectorValidator.typeProblems(
                        mappedTypes(validator, input(logsByMessage, podAsKpi))));

        PodKpiSource missingIndex =
                new PodKpiSource(
                        List.of("no-such-metrics"),
                        "@timestamp",
                        "pod",
                        List.of("cpu"),
                        TimeValue.timeValueMinutes(2));
        assertEquals(
                List.of(
                        "[source.kpis.fields] field [cpu] is not mapped in any index of [no-such-metrics]",
                        "[source.kpis.time_field] field [@timestamp] is not mapped in any index of [no-such-metrics]",
                        "[source.kpis.instance_field] field [pod] is not mapped in any index of [no-such-metrics]"),
                DetectorValidator.unmapped(mappedTypes(validator, input(null, missingIndex))));
    }

    private static List<DetectorValidator.FieldTypes> mappedTypes(
            DetectorValidator validator, SpanInput input) throws Exception {
        CompletableFuture<List<DetectorValidator.FieldTypes>> future = new CompletableFuture<>();
        validator.mappedTypes(
                input, ActionListener.wrap(future::complete, future::completeExceptionally));
        return future.get(30, TimeUnit.SECONDS);
    }

    private void indexData() throws Exception {
        createIndex(
                "jaeger-span-2023-01-29",
                client().admin()
                        .indices()
                        .prepareCreate("jaeger-span-2023-01-29")
                        .setMapping(SpanEventReaderSingleNodeTests.jaegerMapping()));
        createIndex(
                "nezha-logs",
                client().admin().indices().prepareCreate("nezha-logs").setMapping(LOGS_MAPPING));
        createIndex(
                "nezha-metrics",
                client().admin()
                        .indices()
                        .prepareCreate("nezha-metrics")
                        .setMapping(METRICS_MAPPING));
        BulkRequestBuilder bulk =
                client().prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        for (Map<String, Object> span :
                List.of(
                        CallEventsTests.span(
                                "t1", "a", null, "gateway", "gateway-1", micros(1_000), 900_000),
                        CallEventsTests.span(
                                "t1", "b", "a", "order", "order-7", micros(2_000), 800_000),
                        // in-process work of the call a -> b: its logs belong to the call
                        CallEventsTests.span(
                                "t1", "b2", "b", "order", "order-7", micros(2_050), 300_000),
                        CallEventsTests.span(
                                "t2", "r", null, "gateway", "gateway-1", micros(61_000), 9_000),
                        CallEventsTests.span(
                                "t2", "k", "r", "pay", "pay-1", micros(62_000), 8_000))) {
            bulk.add(client().prepareIndex("jaeger-span-2023-01-29").setSource(span));
        }
        // indexed out of time order: the join orders by time
        for (Map<String, Object> log :
                List.of(
                        log(2_500, "t1", "b", "tpl-A"),
                        log(2_100, "t1", "b", "tpl-B"),
                        log(2_300, "t1", "b", "tpl-C"),
                        log(2_400, "t1", "b2", "tpl-inner"),
                        log(1_500, "t1", "a", "tpl-root"),
                        log(2_200, "t1", "zz", "tpl-unknown-span"),
                        log(62_500, "t2", "k", "tpl-K"),
                        log(62_600, "t2", "k", null))) {
            bulk.add(client().prepareIndex("nezha-logs").setSource(log));
        }
        for (Map<String, Object> sample :
                List.of(
                        metric("gateway-1", -30_000, 1f),
                        metric("gateway-1", 30_000, 2f),
                        metric("gateway-1", 90_000, 3f),
                        metric("order-7", 60_000, 7f),
                        metric("order-7", 61_000, 8f),
                        metric("pay-1", -300_000, 9f),
                        metric("other-1", 30_000, 5f))) {
            bulk.add(client().prepareIndex("nezha-metrics").setSource(sample));
        }
        var indexed = bulk.get();
        assertFalse(indexed.buildFailureMessage(), indexed.hasFailures());
    }

    private List<CallEvent> read(SpanInput input, TimeRange range) throws Exception {
        SpanUnits units = new SpanUnits(client(), 2);
        CompletableFuture<List<CallEvent>> future = new CompletableFuture<>();
        getInstanceFromNode(ThreadPool.class)
                .executor(DetectorPlatform.TRAIN_THREAD_POOL)
                .execute(
                        () -> {
                            try {
                                future.complete(units.read(input, range, null).units());
                            } catch (Throwable t) {
                                future.completeExceptionally(t);
                            }
                        });
        return future.get(30, TimeUnit.SECONDS);
    }

    private static SpanInput input(SpanLogSource logs, PodKpiSource kpis) {
        SpanInput d = SpanInput.defaults();
        return new SpanInput(
                d.indices(),
                d.timeField(),
                d.instanceTags(),
                d.tags(),
                d.codeContextField(),
                TimeValue.timeValueSeconds(30),
                null,
                logs,
                kpis);
    }

    private static List<String> ids(List<CallEvent> events) {
        return events.stream().map(e -> e.traceId() + "/" + e.spanId()).toList();
    }

    private static long micros(long afterT0Millis) {
        return (T0 + afterT0Millis) * 1000;
    }

    /** A log line as the importer and {@code log_template} write it (nanosecond timestamps). */
    private static Map<String, Object> log(
            long afterT0Millis, String trace, String span, String templateId) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@timestamp", Instant.ofEpochMilli(T0 + afterT0Millis).plusNanos(123).toString());
        doc.put("message", "line of " + span);
        doc.put("trace_id", trace);
        doc.put("span_id", span);
        if (templateId != null) {
            doc.put("log_template", Map.of("id", templateId, "template", "text of " + templateId));
        }
        return doc;
    }

    /** A pod's sample; KPIs are {@code k}, 10k, 100k and k / 10 (order-7 has no latency). */
    private static Map<String, Object> metric(String pod, long afterT0Millis, float k) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@timestamp", Instant.ofEpochMilli(T0 + afterT0Millis).toString());
        doc.put("pod", pod);
        doc.put("cpu_usage_rate_pct", (double) k);
        doc.put("memory_usage_rate_pct", k * 10.0);
        doc.put("network_receive_bytes", k * 100.0);
        if (pod.startsWith("order") == false) {
            doc.put("pod_server_latency_p90_s", k / 10.0);
        }
        return doc;
    }
}
