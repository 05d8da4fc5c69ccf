/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;

import org.junit.Test;
import org.opensearch.aiops.cli.AiopsCli;

import picocli.CommandLine;

/**
 * trace_graph's real-time job on the real node: trained on the simulated shop's minutes, started,
 * then new spans arrive; the job scores the calls that started after {@code _start} (once each,
 * after {@code late_span_wait}) and writes event results, and its model checkpoint follows.
 */
public class TraceGraphRealtimeIT extends AiopsRestTestCase {

    private static final String DETECTORS = "/_plugins/_aiops/detectors";

    private static void importSimulated(int minutes, long seed) {
        int exit =
                new CommandLine(new AiopsCli())
                        .execute(
                                "import",
                                "simulated",
                                "--url",
                                "http://127.0.0.1:" + System.getProperty("aiops.node.port", "9200"),
                                "--minutes",
                                Integer.toString(minutes),
                                "--fault-minutes",
                                "1",
                                "--end-lag",
                                "0",
                                "--seed",
                                Long.toString(seed));
        assertEquals("import simulated exit code", 0, exit);
    }

    @Test
    public void testJobScoresNewCallsOnce() throws Exception {
        call("PUT", "/_plugins/_aiops/jaeger/_setup", null);
        long trainFrom = System.currentTimeMillis() - 6 * 60_000L;
        importSimulated(6, 1);
        long trainTo = System.currentTimeMillis() - 90_000L; // before the fault's last minute
        String body =
                "{\"name\":\"shop-live\",\"type\":\"trace_graph\",\"source\":{\"indices\":[\"jaeger-span-*\"]},"
                        + "\"training\":{\"from\":"
                        + trainFrom
                        + ",\"to\":"
                        + trainTo
                        + "},"
                        + "\"schedule\":{\"interval\":\"2s\"},"
                        + "\"params\":{\"epochs\":5,\"late_span_wait\":\"2s\"}}";
        String id = (String) call("POST", DETECTORS, body).get("_id");
        call("POST", DETECTORS + "/" + id + "/_train", null);
        assertBusy(
                () ->
                        assertEquals(
                                "trained",
                                call("GET", DETECTORS + "/" + id + "/_profile", null).get("state")),
                120_000);

        // _start scores from one interval (2 s) before it
        long started = System.currentTimeMillis() - 2_000;
        call("POST", DETECTORS + "/" + id + "/_start", null);
        Thread.sleep(3_000);
        importSimulated(2, 2); // the last seconds of these spans started after _start
        long imported = System.currentTimeMillis();
        assertBusy(
                () -> {
                    Number last =
                            path(
                                    call("GET", DETECTORS + "/" + id + "/_profile", null),
                                    "last_run.to");
                    assertTrue(
                            "a job run reached the new spans (late_span_wait 2 s)",
                            last != null && last.longValue() >= imported - 2_000);
                },
                60_000);
        Map<String, Object> live =
                call(
                        "POST",
                        DETECTORS + "/results/_search",
                        "{\"detector_ids\":[\""
                                + id
                                + "\"],\"size\":0,"
                                + "\"query\":{\"bool\":{\"filter\":[{\"term\":{\"unit\":\"event\"}},"
                                + "{\"range\":{\"data_start_time\":{\"gte\":"
                                + started
                                + "}}}]}}}");
        long events = ((Number) path(live, "hits.total.value")).longValue();
        assertTrue("the job scored the calls that started after _start: " + live, events > 0);
        Map<String, Object> old =
                call(
                        "POST",
                        DETECTORS + "/results/_search",
                        "{\"detector_ids\":[\""
                                + id
                                + "\"],\"size\":0,"
                                + "\"query\":{\"bool\":{\"filter\":[{\"term\":{\"unit\":\"event\"}},"
                                + "{\"range\":{\"data_start_time\":{\"lt\":"
                                + started
                                + "}}}]}}}");
        assertEquals(
                "no call that started before _start's first interval is scored by the job: " + old,
                0L,
                ((Number) path(old, "hits.total.value")).longValue());
        call("POST", DETECTORS + "/" + id + "/_stop", null);
        assertEquals("deleted", call("DELETE", DETECTORS + "/" + id, null).get("result"));
    }
}
