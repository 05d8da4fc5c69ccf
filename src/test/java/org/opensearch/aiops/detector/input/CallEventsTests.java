/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.opensearch.test.OpenSearchTestCase;

public class CallEventsTests extends OpenSearchTestCase {

    private static final Path ES_FORMAT = InputTestSupport.DATASETS.resolve("jaeger-es-format");
    private static final SpanInput INPUT = SpanInput.defaults();
    private static final long T0 = 1_674_982_159_219_000L;

    /**
     * Jaeger's own ES/OS storage fixtures: the v1 one stores tag values as strings, the head one as
     * JSON types.
     */
    public void testJaegerSampleDocuments() throws Exception {
        assumeTrue("the shared datasets are not at " + ES_FORMAT, Files.isDirectory(ES_FORMAT));
        List<Path> samples;
        try (var files = Files.walk(ES_FORMAT)) {
            samples =
                    files.filter(f -> f.getFileName().toString().equals("es_01.json"))
                            .sorted()
                            .toList();
        }
        assertEquals(2, samples.size());
        for (Path sample : samples) {
            Map<String, Object> child = InputTestSupport.jsonFile(sample);
            // The sample's CHILD_OF parent (span 3 of the same trace: the CHILD_OF into trace ff
            // and the FOLLOWS_FROM
            // are not the parent) ran in another service; with no instance tag, the service stands
            // in.
            Map<String, Object> parent =
                    span(
                            "0000000000000001",
                            "0000000000000003",
                            null,
                            "service-w",
                            null,
                            1485467191639000L,
                            900);
            CallEvents.Result result = CallEvents.of(List.of(child, parent), INPUT, Long.MIN_VALUE);
            assertEquals(sample.toString(), 1, result.events().size());
            CallEvent event = result.events().get(0);
            assertEquals("0000000000000001", event.traceId());
            assertEquals("0000000000000002", event.spanId());
            assertEquals("0000000000000003", event.parentSpanId());
            assertEquals("service-w", event.sourceService());
            assertEquals("service-x", event.destinationService());
            assertEquals("service-x", event.destinationInstance());
            assertEquals("test-general-conversion", event.operation());
            assertEquals(1485467191639875L, event.startMicros());
            assertEquals(1485467191639L, event.startMillis());
            assertEquals(900, event.callerDurationMicros());
            assertEquals(5, event.calleeDurationMicros());
            assertTrue("the sample's error tag is true", event.error());
            assertEquals(Map.of("error", "true"), event.tags());
            assertNull(event.codeContext());
            assertEquals(new SpanCounts(2, 0, 1, 1, 0, 0, 0, 0, 2), result.counts());
        }
    }

    /**
     * One real minute of Nezha TrainTicket traces: the events are the cross-pod parent-child pairs
     * (counted with awk).
     */
    public void testNezhaTraceMinute() throws Exception {
        Path file =
                InputTestSupport.DATASETS.resolve(
                        "nezha-trainticket/construct_data/2023-01-29/trace/08_50_trace.csv.gz");
        assumeTrue("the shared datasets are not at " + file, Files.isRegularFile(file));
        List<Map<String, Object>> spans = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(file)), UTF_8))) {
            in
                    .readLine(); // TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,EndTimeUnixNano,Duration
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                String pod = f[3];
                String service = pod.substring(0, pod.lastIndexOf('-', pod.lastIndexOf('-') - 1));
                String parent = f[2].equals("root") ? null : f[2];
                spans.add(
                        span(
                                f[0],
                                f[1],
                                parent,
                                service,
                                pod,
                                Long.parseLong(f[5]) / 1000,
                                Long.parseLong(f[7])));
            }
        }
        CallEvents.Result result = CallEvents.of(spans, INPUT, Long.MIN_VALUE);
        assertEquals(new SpanCounts(4890, 0, 783, 71, 4036, 0, 0, 0, 0), result.counts());
        for (CallEvent event : result.events()) {
            assertNotEquals(event.sourceInstance(), event.destinationInstance());
            assertTrue(
                    event.destinationInstance(),
                    event.destinationInstance().startsWith(event.destinationService() + "-"));
        }
    }

    public void testParentInAnotherInstanceIsAnEventSameInstanceIsNot() {
        List<Map<String, Object>> trace =
                List.of(
                        span("t1", "a", null, "gateway", "gateway-1", T0, 28_000),
                        span(
                                "t1",
                                "b",
                                "a",
                                "gateway",
                                "gateway-1",
                                T0 + 100,
                                27_000), // in-process child
                        span(
                                "t1", "c", "b", "order", "order-7", T0 + 500,
                                20_000), // call gateway-1 -> order-7
                        span("t1", "d", "c", "order", "order-7", T0 + 600, 15_000), // in-process
                        span(
                                "t1", "e", "d", "order", "order-8", T0 + 700,
                                9_000) // same service, other pod: a call
                        );
        CallEvents.Result result = CallEvents.of(trace, INPUT, Long.MIN_VALUE);
        assertEquals(List.of("c", "e"), result.events().stream().map(CallEvent::spanId).toList());
        CallEvent first = result.events().get(0);
        assertEquals("gateway-1", first.sourceInstance());
        assertEquals("gateway", first.sourceService());
        assertEquals("order-7", first.destinationInstance());
        assertEquals("op-b", first.callerOperation());
        assertEquals(27_000, first.callerDurationMicros());
        assertEquals(20_000, first.calleeDurationMicros());
        assertFalse(first.error());
        CallEvent second = result.events().get(1);
        assertEquals("order-7", second.sourceInstance());
        assertEquals("order-8", second.destinationInstance());
        assertEquals(new SpanCounts(5, 0, 2, 1, 2, 0, 0, 0, 0), result.counts());
    }

    /**
     * A call's inner spans (its descendants in the callee's instance) lend it their code contexts.
     */
    public void testInnerSpansOfACallGiveItTheirContextsAndLogsTheirCallee() {
        List<Map<String, Object>> trace = new java.util.ArrayList<>();
        trace.add(span("t1", "a", null, "gateway", "gateway-1", T0, 28_000));
        trace.add(span("t1", "c", "a", "order", "order-7", T0 + 500, 20_000)); // the call
        trace.add(
                withContext(
                        span("t1", "d2", "c", "order", "order-7", T0 + 900, 5_000),
                        "Order.save()"));
        trace.add(
                withContext(
                        span("t1", "d1", "c", "order", "order-7", T0 + 600, 5_000),
                        "Order.check()"));
        trace.add(
                withContext(
                        span("t1", "d3", "d1", "order", "order-7", T0 + 650, 1_000),
                        "Order.deep()"));
        trace.add(
                withContext(
                        span("t1", "e", "d2", "pay", "pay-1", T0 + 950, 1_000), "Pay.charge()"));
        trace.add(span("t1", "x", "missing", "order", "order-7", T0 + 990, 1_000)); // orphan
        CallEvents.Result result = CallEvents.of(trace, INPUT, Long.MIN_VALUE);
        CallEvent call = result.events().get(0);
        assertEquals("c", call.spanId());
        assertEquals(
                "in start order, down to the next call to another instance",
                List.of("Order.check()", "Order.deep()", "Order.save()"),
                call.innerContexts().stream().map(SpanCodeContext::text).toList());
        assertEquals(List.of(), result.events().get(1).innerContexts());
        assertEquals("Pay.charge()", result.events().get(1).codeContext().text());
        assertEquals(CallEvents.key("t1", "c"), result.calleeOf("t1", "d3"));
        assertEquals(CallEvents.key("t1", "c"), result.calleeOf("t1", "c"));
        assertEquals(CallEvents.key("t1", "e"), result.calleeOf("t1", "e"));
        assertNull("the root's own work is no call", result.calleeOf("t1", "a"));
        assertNull(result.calleeOf("t1", "x"));
    }

    /** Malformed references that loop must not hang the build. */
    public void testParentCycleEndsTheWalk() {
        List<Map<String, Object>> trace =
                List.of(
                        span("t1", "p", "q", "order", "order-7", T0, 1_000),
                        span("t1", "q", "p", "order", "order-7", T0 + 1, 1_000));
        CallEvents.Result result = CallEvents.of(trace, INPUT, Long.MIN_VALUE);
        assertEquals(List.of(), result.events());
        assertNull(result.calleeOf("t1", "p"));
    }

    private static Map<String, Object> withContext(Map<String, Object> span, String text) {
        span.put(
                "code_context", Map.of("text", text, "hash", Integer.toHexString(text.hashCode())));
        return span;
    }

    public void testMissingParentIsCountedNotAnEvent() throws Exception {
        CallEvents.Result result =
                CallEvents.of(
                        List.of(
                                span("t1", "c", "gone", "order", "order-7", T0, 10),
                                span("t1", "d", "c", "pay", "pay-1", T0 + 5, 3)),
                        INPUT,
                        Long.MIN_VALUE);
        assertEquals(List.of("d"), result.events().stream().map(CallEvent::spanId).toList());
        assertEquals(1, result.counts().orphans());
        assertEquals(
                "{\"spans\":2,\"margin_spans\":0,\"events\":1,\"roots\":0,\"same_instance\":0,\"orphans\":1,\"duplicates\":0,"
                        + "\"invalid\":0,\"without_instance\":0}",
                InputTestSupport.toJson(result.counts()));
    }

    public void testDuplicateKeepsTheFirst() {
        Map<String, Object> first = span("t1", "c", "a", "order", "order-7", T0 + 10, 10);
        Map<String, Object> again = span("t1", "c", "a", "order", "order-7", T0 + 10, 99);
        CallEvents.Result result =
                CallEvents.of(
                        List.of(span("t1", "a", null, "gw", "gw-1", T0, 50), first, again),
                        INPUT,
                        Long.MIN_VALUE);
        assertEquals(1, result.events().size());
        assertEquals(10, result.events().get(0).calleeDurationMicros());
        assertEquals(1, result.counts().duplicates());
        assertEquals(3, result.counts().spans());
    }

    public void testOutOfOrderSpansAndClockSkew() {
        // children before parents, and a callee whose clock runs 2 ms behind its caller's
        List<Map<String, Object>> spans =
                new ArrayList<>(
                        List.of(
                                span("t2", "y", "x", "order", "order-7", T0 + 3_000, 10),
                                span("t1", "c", "a", "order", "order-7", T0 - 2_000, 10),
                                span("t1", "a", null, "gw", "gw-1", T0, 50),
                                span("t2", "x", null, "gw", "gw-1", T0 + 2_000, 50)));
        CallEvents.Result result = CallEvents.of(spans, INPUT, Long.MIN_VALUE);
        assertEquals(List.of("c", "y"), result.events().stream().map(CallEvent::spanId).toList());
        assertEquals(0, result.counts().orphans());
    }

    public void testSpansBeforeTheRangeAreParentsOnly() {
        List<Map<String, Object>> spans =
                List.of(
                        span("t1", "a", null, "gw", "gw-1", T0 - 5_000, 50),
                        span(
                                "t1",
                                "b",
                                "a",
                                "order",
                                "order-7",
                                T0 - 4_000,
                                10), // an event of the previous range
                        span("t1", "c", "a", "pay", "pay-1", T0 + 1_000, 10));
        CallEvents.Result result = CallEvents.of(spans, INPUT, T0);
        assertEquals(List.of("c"), result.events().stream().map(CallEvent::spanId).toList());
        assertEquals(2, result.counts().marginSpans());
        assertEquals(0, result.counts().roots());
    }

    public void testErrorStatus() {
        Map<String, Boolean> cases = new LinkedHashMap<>();
        cases.put("error=true", true);
        cases.put("error=false", false);
        cases.put("otel.status_code=ERROR", true);
        cases.put("otel.status_code=OK", false);
        cases.put("http.status_code=503", true);
        cases.put("http.status_code=404", false);
        cases.put("http.response.status_code=500", true);
        for (Map.Entry<String, Boolean> c : cases.entrySet()) {
            String[] tag = c.getKey().split("=");
            Map<String, Object> child = span("t1", "c", "a", "order", "order-7", T0 + 1, 10);
            child.put("tags", List.of(Map.of("key", tag[0], "type", "string", "value", tag[1])));
            CallEvent event =
                    CallEvents.of(
                                    List.of(span("t1", "a", null, "gw", "gw-1", T0, 50), child),
                                    INPUT,
                                    Long.MIN_VALUE)
                            .events()
                            .get(0);
            assertEquals(c.getKey(), c.getValue(), event.error());
        }
        // tags-as-fields, with a JSON number
        Map<String, Object> child = span("t1", "c", "a", "order", "order-7", T0 + 1, 10);
        child.put("tag", Map.of("http@status_code", 502, "span@kind", "server"));
        CallEvent event =
                CallEvents.of(
                                List.of(span("t1", "a", null, "gw", "gw-1", T0, 50), child),
                                INPUT,
                                Long.MIN_VALUE)
                        .events()
                        .get(0);
        assertTrue(event.error());
        assertEquals(Map.of("http.status_code", "502", "span.kind", "server"), event.tags());
    }

    public void testCodeContextWithAndWithoutVector() {
        Map<String, Object> inline = span("t1", "c", "a", "order", "order-7", T0 + 1, 10);
        inline.put(
                "code_context",
                Map.of(
                        "text",
                        "OrderServiceImpl.create(Order) returns Response",
                        "hash",
                        "0123456789abcdef",
                        "source",
                        "tags",
                        "vector",
                        List.of(0.5, -0.25, 1.0),
                        "reduced",
                        List.of(2.0)));
        Map<String, Object> reference = span("t1", "d", "a", "pay", "pay-1", T0 + 2, 10);
        reference.put(
                "code_context",
                Map.of(
                        "text",
                        "PayController.pay(String)",
                        "hash",
                        "fedcba9876543210",
                        "source",
                        "operation"));
        Map<String, Object> none = span("t1", "e", "a", "user", "user-1", T0 + 3, 10);
        List<CallEvent> events =
                CallEvents.of(
                                List.of(
                                        span("t1", "a", null, "gw", "gw-1", T0, 50),
                                        inline,
                                        reference,
                                        none),
                                INPUT,
                                Long.MIN_VALUE)
                        .events();
        assertEquals(
                new SpanCodeContext(
                        "OrderServiceImpl.create(Order) returns Response",
                        "0123456789abcdef",
                        new float[] {0.5f, -0.25f, 1f},
                        new float[] {2f}),
                events.get(0).codeContext());
        assertEquals(
                new SpanCodeContext("PayController.pay(String)", "fedcba9876543210", null, null),
                events.get(1).codeContext());
        assertNull(events.get(2).codeContext());
    }

    public void testInstanceTagsInOrderAndDocumentsThatCannotBePlaced() {
        SpanInput byIp =
                new SpanInput(
                        List.of("s"),
                        "startTimeMillis",
                        List.of("ip"),
                        List.of(),
                        "code_context",
                        INPUT.parentMargin(),
                        null,
                        null,
                        null);
        Map<String, Object> parent = span("t1", "a", null, "gw", "gw-1", T0, 50);
        Map<String, Object> child = span("t1", "c", "a", "gw", "gw-2", T0 + 1, 10);
        // with the default tags the pods differ: an event; by ip (both 10.0.0.1) they are one
        // instance: none
        ((Map<String, Object>) parent.get("process"))
                .put("tags", List.of(tag("hostname", "gw-1"), tag("ip", "10.0.0.1")));
        ((Map<String, Object>) child.get("process"))
                .put("tags", List.of(tag("hostname", "gw-2"), tag("ip", "10.0.0.1")));
        assertEquals(
                1, CallEvents.of(List.of(parent, child), INPUT, Long.MIN_VALUE).events().size());
        CallEvents.Result byIpResult = CallEvents.of(List.of(parent, child), byIp, Long.MIN_VALUE);
        assertEquals(0, byIpResult.events().size());
        assertEquals(1, byIpResult.counts().sameInstance());

        Map<String, Object> noIds = new HashMap<>(Map.of("operationName", "x", "startTime", T0));
        CallEvents.Result bad =
                CallEvents.of(
                        List.of(noIds, Map.of("traceID", "t", "spanID", "s")),
                        INPUT,
                        Long.MIN_VALUE);
        assertEquals(2, bad.counts().invalid());
        assertEquals(0, bad.events().size());
    }

    /**
     * A span document as Jaeger's OpenSearch backend writes it (tag values as strings, times in
     * microseconds).
     */
    public static Map<String, Object> span(
            String trace,
            String id,
            String parent,
            String service,
            String pod,
            long startMicros,
            long duration) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("traceID", trace);
        doc.put("spanID", id);
        doc.put("flags", 1);
        doc.put("operationName", "op-" + id);
        doc.put(
                "references",
                parent == null
                        ? List.of()
                        : List.of(
                                Map.of("refType", "CHILD_OF", "traceID", trace, "spanID", parent)));
        doc.put("startTime", startMicros);
        doc.put("startTimeMillis", startMicros / 1000);
        doc.put("duration", duration);
        doc.put("tags", List.of());
        doc.put("logs", List.of());
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("serviceName", service);
        process.put("tags", pod == null ? List.of() : List.of(tag("hostname", pod)));
        doc.put("process", process);
        return doc;
    }

    private static Map<String, Object> tag(String key, String value) {
        return Map.of("key", key, "type", "string", "value", value);
    }
}
