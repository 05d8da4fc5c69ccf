/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class MetricDocumentTests extends OpenSearchTestCase {

    public void testJsonShape() {
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("rss_bytes", 1024L);
        metrics.put("cpu_pct", 12.5);
        metrics.put("threads", 3);
        MetricDocument doc =
                new MetricDocument(
                        Instant.parse("2024-05-01T10:00:00.123456Z"),
                        "h1",
                        42,
                        "java",
                        metrics,
                        "netns",
                        Map.of("read", 7L));
        assertEquals(
                "{\"@timestamp\":\"2024-05-01T10:00:00.123Z\",\"host\":\"h1\",\"pid\":42,\"command\":\"java\",\"entity\":\"h1/42/java\","
                        + "\"cpu_pct\":12.5,\"rss_bytes\":1024,\"threads\":3,\"net_scope\":\"netns\",\"syscalls\":{\"read\":7}}",
                doc.toJson());
        assertEquals("h1/42/java@1714557600123", doc.id());
    }

    public void testAbsentSyscallsAndScopeAreLeftOut() {
        MetricDocument doc =
                new MetricDocument(Instant.EPOCH, "h", 1, "c", Map.of("threads", 1), null, null);
        assertEquals(
                "{\"@timestamp\":\"1970-01-01T00:00:00Z\",\"host\":\"h\",\"pid\":1,\"command\":\"c\",\"entity\":\"h/1/c\",\"threads\":1}",
                doc.toJson());
        assertEquals("other", doc.withCommand("other").command());
    }

    public void testRejectsUnknownMetricScopeAndNonFiniteValue() {
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () ->
                                new MetricDocument(
                                        Instant.EPOCH, "h", 1, "c", Map.of("cpu", 1), null, null));
        assertTrue(e.getMessage(), e.getMessage().contains("unknown metric [cpu]"));
        e =
                expectThrows(
                        IllegalArgumentException.class,
                        () ->
                                new MetricDocument(
                                        Instant.EPOCH, "h", 1, "c", Map.of(), "pod", null));
        assertTrue(e.getMessage(), e.getMessage().contains("[net_scope]"));
        e =
                expectThrows(
                        IllegalArgumentException.class,
                        () ->
                                new MetricDocument(
                                        Instant.EPOCH,
                                        "h",
                                        1,
                                        "c",
                                        Map.of("cpu_pct", Double.NaN),
                                        null,
                                        null));
        assertTrue(e.getMessage(), e.getMessage().contains("finite"));
    }

    /** Every metric has a typed field in the mapping the collector creates. */
    public void testMappingTypesEveryField() throws Exception {
        String mapping =
                new String(
                        getClass()
                                .getResourceAsStream("/mappings/aiops-os-metrics.json")
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
        for (String field : MetricDocument.METRICS) {
            String type = MetricDocument.FRACTIONAL.contains(field) ? "double" : "long";
            assertTrue(
                    field, mapping.contains("\"" + field + "\": { \"type\": \"" + type + "\" }"));
        }
        for (String keyword : new String[] {"host", "command", "entity", "net_scope"}) {
            assertTrue(keyword, mapping.contains("\"" + keyword + "\": { \"type\": \"keyword\" }"));
        }
        assertTrue(mapping.contains("\"@timestamp\": { \"type\": \"date\" }"));
    }
}
