/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class MetricCsvTests extends OpenSearchTestCase {

    private static List<MetricDocument> read(String csv) throws Exception {
        return MetricCsv.read("m.csv", new StringReader(csv), "h", 7, "app");
    }

    private static String error(String csv) {
        return expectThrows(IllegalArgumentException.class, () -> read(csv)).getMessage();
    }

    public void testRowsBecomeDocuments() throws Exception {
        List<MetricDocument> docs =
                read(
                        "timestamp,cpu_pct,rss_bytes,net_scope,syscalls.read\n"
                                + "2024-05-01T10:00:00Z,12.5,1000,netns,4\n"
                                + "\n"
                                + "1714557601.5,,2000.0,,\n");
        assertEquals(2, docs.size());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), docs.get(0).timestamp());
        assertEquals(Map.of("cpu_pct", 12.5, "rss_bytes", 1000L), docs.get(0).metrics());
        assertEquals("netns", docs.get(0).netScope());
        assertEquals(Map.of("read", 4L), docs.get(0).syscalls());
        assertEquals("h/7/app", docs.get(0).entity());
        assertEquals(Instant.parse("2024-05-01T10:00:01.500Z"), docs.get(1).timestamp());
        assertEquals(
                "empty cells are absent fields", Map.of("rss_bytes", 2000L), docs.get(1).metrics());
        assertNull(docs.get(1).syscalls());
        assertEquals(
                Instant.parse("2024-05-01T08:00:00Z"),
                read("timestamp,threads\n2024-05-01T10:00:00+02:00,1\n").get(0).timestamp());
    }

    public void testBadRowsNameLineAndColumn() {
        assertEquals(
                "m.csv:3: column [rss_bytes] must be a number, got [12kB]",
                error("timestamp,rss_bytes\n1,5\n2,12kB\n"));
        assertEquals(
                "m.csv:2: column [threads] must be a whole number, got [1.5]",
                error("timestamp,threads\n1,1.5\n"));
        assertEquals(
                "m.csv:2: column [cpu_pct] must not be negative, got [-1]",
                error("timestamp,cpu_pct\n1,-1\n"));
        assertEquals("m.csv:2: 3 values for 2 columns", error("timestamp,threads\n1,1,1\n"));
        assertTrue(
                error("timestamp,threads\nyesterday,1\n")
                        .startsWith("m.csv:2: column [timestamp] must be an ISO-8601 instant"));
        assertTrue(
                error("timestamp,threads\n2024-05-01T10:00:00,1\n")
                        .startsWith("m.csv:2: column [timestamp]"));
        assertEquals(
                "m.csv:2: column [net_scope] must be one of [process, netns], got [pod]".length(),
                error("timestamp,net_scope\n1,pod\n").length());
        assertTrue(
                error("timestamp,cpu\n1,1\n")
                        .startsWith(
                                "m.csv:1: unknown column [cpu]; allowed: [interval_s, cpu_user_pct"));
        assertTrue(
                error("time,cpu_pct\n1,1\n")
                        .startsWith("m.csv:1: the header must start with [timestamp]"));
    }

    public void testEntityFromFileNameOrOptions() throws Exception {
        assertEquals(
                new MetricCsv.Entity("redis-server", 4242L),
                MetricCsv.entityOf(Path.of("/x/redis-server-4242.csv")));
        assertEquals(
                new MetricCsv.Entity("my_app", 17L), MetricCsv.entityOf(Path.of("my_app_17.csv")));
        assertEquals(
                new MetricCsv.Entity("metrics", null), MetricCsv.entityOf(Path.of("metrics.csv")));

        Path dir = createTempDir();
        Path named = dir.resolve("nginx-99.csv");
        Files.writeString(named, "timestamp,threads\n1,4\n");
        assertEquals("h/99/nginx", MetricCsv.read(named, "h", null, null).get(0).entity());
        assertEquals("h/5/web", MetricCsv.read(named, "h", 5L, "web").get(0).entity());
        Path unnamed = dir.resolve("metrics.csv");
        Files.writeString(unnamed, "timestamp,threads\n1,4\n");
        String message =
                expectThrows(
                                IllegalArgumentException.class,
                                () -> MetricCsv.read(unnamed, "h", null, null))
                        .getMessage();
        assertTrue(
                message,
                message.endsWith("no pid: pass --pid or name the file <command>-<pid>.csv"));
        assertEquals("h/3/metrics", MetricCsv.read(unnamed, "h", 3L, null).get(0).entity());
    }
}
