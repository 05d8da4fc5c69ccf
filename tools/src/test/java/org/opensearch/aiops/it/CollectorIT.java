/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.opensearch.aiops.cli.AiopsCli;

import picocli.CommandLine;

/**
 * {@code ./aiops collect} against the real node: a child that idles, allocates and burns CPU; then
 * a CSV file.
 */
public class CollectorIT extends AiopsRestTestCase {

    private static final String INDEX = "aiops-os-metrics";
    private static final String URL =
            "http://127.0.0.1:" + System.getProperty("aiops.node.port", "9200");

    @Test
    public void testCollectsAChildProcessIntoTheMappedIndex() throws Exception {
        String script =
                "sleep 1; x=$(head -c 30000000 /dev/zero | tr '\\0' a); end=$((SECONDS+3)); while [ $SECONDS -lt $end ]; do :; done";
        String[] out = new String[1];
        int exit =
                run(
                        out,
                        "collect",
                        "--command",
                        script,
                        "--interval",
                        "500ms",
                        "--url",
                        URL,
                        "--name",
                        "cue-child");
        assertEquals("collect exit code; output: " + out[0], 0, exit);
        assertTrue(
                out[0],
                out[0].matches(
                        "(?s)collect: \\d+ samples, \\d+ indexed, 0 failed, [0-9.]+ s, command exit code 0\\s*"));

        Map<String, Object> mapping = call("GET", "/" + INDEX + "/_mapping", null);
        Map<String, Object> properties = path(mapping, INDEX + ".mappings.properties");
        assertEquals("date", path(properties, "@timestamp.type"));
        assertEquals("keyword", path(properties, "entity.type"));
        assertEquals("keyword", path(properties, "host.type"));
        assertEquals("keyword", path(properties, "command.type"));
        assertEquals("long", path(properties, "rss_bytes.type"));
        assertEquals("double", path(properties, "cpu_pct.type"));

        String byEntity =
                "{\"size\":100,\"query\":{\"term\":{\"command\":\"cue-child\"}},\"sort\":[{\"@timestamp\":\"asc\"}],"
                        + "\"aggs\":{\"cpu\":{\"max\":{\"field\":\"cpu_pct\"}},\"rss\":{\"max\":{\"field\":\"rss_bytes\"}},\"entities\":{\"cardinality\":{\"field\":\"entity\"}}}}";
        Map<String, Object> result = call("POST", "/" + INDEX + "/_search", byEntity);
        int hits = ((Number) path(result, "hits.total.value")).intValue();
        assertTrue("about 8 half-second samples of a 4 s child: " + hits, hits >= 5);
        assertEquals(1, ((Number) path(result, "aggregations.entities.value")).intValue());
        assertTrue(
                "a busy loop: " + path(result, "aggregations.cpu"),
                ((Number) path(result, "aggregations.cpu.value")).doubleValue() > 50);
        assertTrue(
                "the 30 MB string: " + path(result, "aggregations.rss"),
                ((Number) path(result, "aggregations.rss.value")).doubleValue() > 30_000_000);
        Map<String, Object> first = path(result, "hits.hits.0._source");
        assertTrue(
                "entity is host/pid/command: " + first,
                ((String) first.get("entity")).endsWith("/" + first.get("pid") + "/cue-child"));
        assertTrue(
                first.toString(),
                first.get("net_scope").equals("netns") || first.get("net_scope").equals("process"));
        for (String field :
                List.of(
                        "cpu_user_pct",
                        "cpu_system_pct",
                        "vms_bytes",
                        "minor_faults",
                        "ctx_switches_voluntary",
                        "threads",
                        "open_files")) {
            assertTrue(field + " in " + first, first.containsKey(field));
        }
        // perf trace runs where the test JVM may use it (root); then the counts are typed as
        // numbers.
        List<Map<String, Object>> all = path(result, "hits.hits");
        boolean counted =
                all.stream()
                        .anyMatch(hit -> ((Map<?, ?>) hit.get("_source")).get("syscalls") != null);
        if (counted) {
            Map<String, Object> syscallFields =
                    path(
                            call("GET", "/" + INDEX + "/_mapping", null),
                            INDEX + ".mappings.properties.syscalls.properties");
            assertTrue(
                    syscallFields.toString(),
                    syscallFields.values().stream()
                            .allMatch(f -> "long".equals(((Map<?, ?>) f).get("type"))));
        }
    }

    @Test
    public void testIndexesACsvFileAndRejectsABadOne() throws Exception {
        Path dir = Files.createTempDirectory("collector-it");
        Path csv = dir.resolve("legacy-app-321.csv");
        Files.writeString(
                csv,
                "timestamp,cpu_pct,rss_bytes,syscalls.read\n2024-05-01T10:00:00Z,10.5,1000,3\n2024-05-01T10:00:01Z,11,2000,4\n");
        String[] out = new String[1];
        assertEquals(
                out[0],
                0,
                run(
                        out,
                        "collect",
                        "--from-csv",
                        csv.toString(),
                        "--url",
                        URL,
                        "--host",
                        "old-box"));
        Map<String, Object> result =
                call(
                        "POST",
                        "/" + INDEX + "/_search",
                        "{\"query\":{\"term\":{\"entity\":\"old-box/321/legacy-app\"}}}");
        assertEquals(2, ((Number) path(result, "hits.total.value")).intValue());

        // Indexing the same file again overwrites: ids are entity and time.
        assertEquals(
                0,
                run(
                        out,
                        "collect",
                        "--from-csv",
                        csv.toString(),
                        "--url",
                        URL,
                        "--host",
                        "old-box"));
        assertEquals(
                2,
                ((Number)
                                path(
                                        call(
                                                "POST",
                                                "/" + INDEX + "/_count",
                                                "{\"query\":{\"term\":{\"entity\":\"old-box/321/legacy-app\"}}}"),
                                        "count"))
                        .intValue());

        Path bad = dir.resolve("bad-1.csv");
        Files.writeString(bad, "timestamp,rss_bytes\n2024-05-01T10:00:00Z,lots\n");
        assertEquals(2, run(out, "collect", "--from-csv", bad.toString(), "--url", URL));
    }

    /**
     * Collector → index → metric_ensemble detector trained on the quiet start → the CPU burst is
     * flagged.
     */
    @Test
    public void testEnsembleDetectorFlagsACollectedBurst() throws Exception {
        String script =
                "sleep 12; end=$((SECONDS+3)); while [ $SECONDS -lt $end ]; do :; done; sleep 4";
        String[] out = new String[1];
        assertEquals(
                out[0],
                0,
                run(
                        out,
                        "collect",
                        "--command",
                        script,
                        "--interval",
                        "500ms",
                        "--url",
                        URL,
                        "--name",
                        "burst-child",
                        "--no-syscalls"));
        Map<String, Object> first =
                call(
                        "POST",
                        "/" + INDEX + "/_search",
                        "{\"size\":1,\"query\":{\"term\":{\"command\":\"burst-child\"}},\"sort\":[{\"@timestamp\":\"asc\"}],"
                                + "\"docvalue_fields\":[{\"field\":\"@timestamp\",\"format\":\"epoch_millis\"}]}");
        long t0 =
                Long.parseLong(
                        String.valueOf(
                                ((List<?>) path(first, "hits.hits.0.fields.@timestamp")).get(0)));
        String detector =
                "{\"name\":\"burst-child\",\"type\":\"metric_ensemble\",\"source\":{\"indices\":[\""
                        + INDEX
                        + "\"],"
                        + "\"time_field\":\"@timestamp\",\"fields\":[\"cpu_pct\"],\"entity_fields\":[\"entity\"],"
                        + "\"filter\":{\"term\":{\"command\":\"burst-child\"}}},\"training\":{\"from\":"
                        + t0
                        + ",\"to\":"
                        + (t0 + 10_000)
                        + "},\"params\":{\"window\":3,\"k\":5,\"clusters\":4}}";
        String id = (String) call("POST", "/_plugins/_aiops/detectors", detector).get("_id");
        call("POST", "/_plugins/_aiops/detectors/" + id + "/_train", null);
        assertBusy(
                () ->
                        assertEquals(
                                "trained",
                                call("GET", "/_plugins/_aiops/detectors/" + id + "/_profile", null)
                                        .get("state")),
                60_000);
        Map<String, Object> run =
                call(
                        "POST",
                        "/_plugins/_aiops/detectors/" + id + "/_run",
                        "{\"from\":" + t0 + ",\"to\":" + (t0 + 60_000) + "}");
        assertTrue(run.toString(), ((Number) run.get("anomalies")).intValue() >= 1);
        Map<String, Object> anomalies =
                call(
                        "POST",
                        "/_plugins/_aiops/detectors/results/_search",
                        "{\"detector_ids\":[\""
                                + id
                                + "\"],\"size\":100,\"query\":{\"term\":{\"is_anomaly\":true}}}");
        boolean burstFlagged = false;
        for (Object hit : (List<?>) path(anomalies, "hits.hits")) {
            long end = ((Number) path(hit, "_source.data_end_time")).longValue();
            // the child burns CPU about 12 to 15 s after it starts; the windows ending then (give
            // or take a sample) show it
            burstFlagged |= end >= t0 + 11_000 && end <= t0 + 17_500;
        }
        assertTrue("the burst is flagged: " + anomalies, burstFlagged);
        call("DELETE", "/_plugins/_aiops/detectors/" + id, null);
    }

    /** The command line in this JVM, its standard output in {@code out[0]}. */
    private static int run(String[] out, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new AiopsCli()).execute(args);
        } finally {
            System.setOut(original);
            out[0] = captured.toString(StandardCharsets.UTF_8);
            original.print(out[0]);
        }
    }
}
