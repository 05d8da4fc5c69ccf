/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.List;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class TraceSpanTests extends OpenSearchTestCase {

    private static final CsvHeader HEADER =
            new CsvHeader(
                    "test_trace.csv",
                    List.of(
                            "TraceID",
                            "SpanID",
                            "ParentID",
                            "PodName",
                            "OperationName",
                            "StartTimeUnixNano",
                            "EndTimeUnixNano",
                            "Duration"));

    private static TraceSpan span(String parent, String start) {
        return TraceSpan.read(
                HEADER,
                List.of(
                        "b0103bb0161ad7fa352fe1828eeb643a",
                        "7e28bdb6a47af144",
                        parent,
                        "ts-order-service-5b67c48447-mv5hb",
                        "/api/v1/orders",
                        start,
                        "0",
                        "311521"));
    }

    public void testServiceIsPodWithoutLastTwoParts() {
        assertEquals("ts-order-service", PodNames.service("ts-order-service-5b67c48447-mv5hb"));
        assertEquals("ts-gateway-service", PodNames.service("ts-gateway-service-6f6cfc45b-h5m2n"));
        IllegalArgumentException e =
                expectThrows(IllegalArgumentException.class, () -> PodNames.service("gateway"));
        assertTrue(e.getMessage(), e.getMessage().contains("[gateway]"));
    }

    @SuppressWarnings("unchecked")
    public void testChildDocumentInJaegerFormat() {
        TraceSpan span = span("5e89765a7f60ff70", "1674981768701000123");
        Map<String, Object> doc = span.document(List.of());
        assertEquals("b0103bb0161ad7fa352fe1828eeb643a", doc.get("traceID"));
        assertEquals("7e28bdb6a47af144", doc.get("spanID"));
        assertEquals("/api/v1/orders", doc.get("operationName"));
        assertEquals(1674981768701000L, doc.get("startTime"));
        assertEquals(1674981768701L, doc.get("startTimeMillis"));
        assertEquals(311521L, doc.get("duration"));
        assertEquals(
                List.of(
                        Map.of(
                                "refType",
                                "CHILD_OF",
                                "traceID",
                                "b0103bb0161ad7fa352fe1828eeb643a",
                                "spanID",
                                "5e89765a7f60ff70")),
                doc.get("references"));
        Map<String, Object> process = (Map<String, Object>) doc.get("process");
        assertEquals("ts-order-service", process.get("serviceName"));
        List<Map<String, Object>> processTags = (List<Map<String, Object>>) process.get("tags");
        assertEquals(
                Map.of(
                        "key",
                        "hostname",
                        "type",
                        "string",
                        "value",
                        "ts-order-service-5b67c48447-mv5hb"),
                processTags.get(0));
        assertEquals(List.of(), doc.get("tags"));
        assertEquals("jaeger-span-2023-01-29", span.index());
    }

    public void testRootHasNoReferences() {
        assertEquals(
                List.of(),
                span(TraceSpan.ROOT, "1674981768701000000").document(List.of()).get("references"));
    }

    public void testIndexIsUtcDayOfStart() {
        // 2023-01-29T23:59:59.999Z and one millisecond later
        assertEquals("jaeger-span-2023-01-29", span("root", "1675036799999000000").index());
        assertEquals("jaeger-span-2023-01-30", span("root", "1675036800000000000").index());
    }

    @SuppressWarnings("unchecked")
    public void testCodeContextTags() {
        List<CodeContext> contexts =
                List.of(
                        new CodeContext("o.c.OrderController", "create", 48),
                        new CodeContext("o.s.OrderServiceImpl", null, 120));
        List<Map<String, Object>> tags =
                (List<Map<String, Object>>)
                        span("root", "1674981768701000000").document(contexts).get("tags");
        assertEquals(
                Map.of("key", "code.namespace", "type", "string", "value", "o.c.OrderController"),
                tags.get(0));
        assertEquals(
                Map.of("key", "code.function", "type", "string", "value", "create"), tags.get(1));
        assertEquals(Map.of("key", "code.lineno", "type", "int64", "value", "48"), tags.get(2));
        assertEquals("code.contexts", tags.get(3).get("key"));
        assertEquals(
                "[{\"namespace\":\"o.c.OrderController\",\"function\":\"create\",\"lineno\":48},{\"namespace\":\"o.s.OrderServiceImpl\",\"lineno\":120}]",
                tags.get(3).get("value"));
    }

    public void testIdIsTraceAndSpan() {
        assertEquals("b0103bb0161ad7fa352fe1828eeb643a-7e28bdb6a47af144", span("root", "1").id());
        assertEquals(span("root", "1").id(), span("x", "2").id());
    }

    public void testBadNumberNamesColumn() {
        IllegalArgumentException e =
                expectThrows(IllegalArgumentException.class, () -> span("root", "soon"));
        assertTrue(e.getMessage(), e.getMessage().contains("[StartTimeUnixNano]"));
    }
}
