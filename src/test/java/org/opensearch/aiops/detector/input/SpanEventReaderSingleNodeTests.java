/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;

/**
 * Spans indexed with Jaeger's span mapping on a test node, read back as call events page by page.
 */
public class SpanEventReaderSingleNodeTests extends OpenSearchSingleNodeTestCase {

    private static final long T0 = 1_674_982_159_219_000L; // µs

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(AiopsPlugin.class);
    }

    public void testReadsEventsOfTheRangeWithParentsFromTheMargin() throws Exception {
        createIndex(
                "jaeger-span-2023-01-29",
                client().admin()
                        .indices()
                        .prepareCreate("jaeger-span-2023-01-29")
                        .setMapping(jaegerMapping()));
        List<Map<String, Object>> spans = new ArrayList<>();
        // trace 1: root 10 s before the range, so only the margin finds it
        spans.add(
                CallEventsTests.span(
                        "t1", "a", null, "gateway", "gateway-1", T0 - 10_000_000, 28_000));
        spans.add(
                CallEventsTests.span(
                        "t1", "b", "a", "gateway", "gateway-1", T0 - 9_000_000, 27_000));
        spans.add(CallEventsTests.span("t1", "c", "b", "order", "order-7", T0 + 500, 20_000));
        // trace 2: many calls sharing one timestamp, more than a page
        spans.add(
                CallEventsTests.span("t2", "r", null, "gateway", "gateway-1", T0 + 1_000, 50_000));
        for (int i = 0; i < 7; i++) {
            spans.add(
                    CallEventsTests.span(
                            "t2", "k" + i, "r", "pay", "pay-" + (i % 2), T0 + 2_000, 1_000 + i));
        }
        // trace 3: parent far before the range (cut off), child in range
        spans.add(
                CallEventsTests.span(
                        "t3", "p", null, "gateway", "gateway-1", T0 - 600_000_000, 50));
        spans.add(CallEventsTests.span("t3", "q", "p", "user", "user-1", T0 + 3_000, 10));
        // a duplicate (Jaeger retried the write) and a span after the range
        spans.add(CallEventsTests.span("t1", "c", "b", "order", "order-7", T0 + 500, 20_000));
        spans.add(CallEventsTests.span("t4", "z", "y", "user", "user-1", T0 + 120_000_000, 10));
        BulkRequestBuilder bulk =
                client().prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        for (Map<String, Object> span : spans) {
            bulk.add(client().prepareIndex("jaeger-span-2023-01-29").setSource(span));
        }
        var indexed = bulk.get();
        assertFalse(indexed.buildFailureMessage(), indexed.hasFailures());

        SpanInput input =
                new SpanInput(
                        List.of("jaeger-span-*"),
                        "startTimeMillis",
                        SpanInput.DEFAULT_INSTANCE_TAGS,
                        SpanInput.DEFAULT_TAGS,
                        "code_context",
                        TimeValue.timeValueSeconds(30),
                        null,
                        null,
                        null);
        long from = T0 / 1000;
        CallEvents.Result result =
                read(new SpanEventReader(client(), 3), input, from, from + 60_000);
        List<String> ids =
                result.events().stream().map(e -> e.traceId() + "/" + e.spanId()).toList();
        assertEquals(
                List.of("t1/c", "t2/k0", "t2/k1", "t2/k2", "t2/k3", "t2/k4", "t2/k5", "t2/k6"),
                ids);
        CallEvent first = result.events().get(0);
        assertEquals("gateway-1", first.sourceInstance());
        assertEquals("order-7", first.destinationInstance());
        assertEquals(27_000, first.callerDurationMicros());
        SpanCounts counts = result.counts();
        assertEquals("t3/p is beyond the margin, t4/z after the range", 13, counts.spans());
        assertEquals(2, counts.marginSpans());
        assertEquals(1, counts.duplicates());
        assertEquals(1, counts.orphans());
        assertEquals(1, counts.roots());

        // a filter applies to every page
        SpanInput payOnly =
                new SpanInput(
                        input.indices(),
                        input.timeField(),
                        input.instanceTags(),
                        input.tags(),
                        input.codeContextField(),
                        input.parentMargin(),
                        QueryBuilders.termQuery("process.serviceName", "pay"),
                        null,
                        null);
        CallEvents.Result payResult =
                read(new SpanEventReader(client(), 2), payOnly, from, from + 60_000);
        assertEquals("their gateway parent is filtered out", 0, payResult.events().size());
        assertEquals(7, payResult.counts().orphans());

        // a range holding more spans than the reader may keep is refused through the listener, not
        // read
        Exception tooMany =
                expectThrows(
                        Exception.class,
                        () ->
                                read(
                                        new SpanEventReader(client(), 3, 5),
                                        input,
                                        from,
                                        from + 60_000));
        assertTrue(
                tooMany.toString(),
                tooMany.getCause()
                        .getMessage()
                        .contains("holds more than 5 spans: read it in parts"));
    }

    public void testPatternMatchingNoIndexReadsEmpty() throws Exception {
        SpanInput input =
                new SpanInput(
                        List.of("no-such-spans-*"),
                        "startTimeMillis",
                        SpanInput.DEFAULT_INSTANCE_TAGS,
                        List.of(),
                        "code_context",
                        TimeValue.timeValueSeconds(30),
                        null,
                        null,
                        null);
        CallEvents.Result result = read(new SpanEventReader(client(), 10), input, 0, 1000);
        assertEquals(0, result.events().size());
        assertEquals(0, result.counts().spans());
    }

    private static CallEvents.Result read(
            SpanEventReader reader, SpanInput input, long from, long to) throws Exception {
        CompletableFuture<CallEvents.Result> future = new CompletableFuture<>();
        reader.read(
                input,
                new TimeRange(from, to),
                ActionListener.wrap(future::complete, future::completeExceptionally));
        return future.get(30, TimeUnit.SECONDS);
    }

    /**
     * The mapping of the span index template the importer installs (Jaeger's own span mapping; a
     * copy beside this test, since the importer lives in the tools module).
     */
    public static String jaegerMapping() throws Exception {
        try (InputStream in =
                SpanEventReaderSingleNodeTests.class.getResourceAsStream(
                        "jaeger-span-template.json")) {
            Map<String, Object> template =
                    InputTestSupport.jsonMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            Map<String, Object> mappings =
                    (Map<String, Object>)
                            ((Map<String, Object>) template.get("template")).get("mappings");
            return org.opensearch.common.xcontent.json.JsonXContent.contentBuilder()
                    .map(mappings)
                    .toString();
        }
    }
}
