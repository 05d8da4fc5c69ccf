/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.opensearch.client.Request;

/**
 * Long trainings on a real node: requests stay fast while two of them run, a second {@code _train}
 * of a training detector is refused, {@code _stop} and {@code DELETE} end a training, and a
 * training cut by a node restart ends failed.
 */
public class DetectorTrainingIT extends AiopsRestTestCase {

    private static final String DETECTORS = "/_plugins/_aiops/detectors";
    private static final long STEP = 10_000;
    private static final int POINTS = 2_000;

    /**
     * An LSTM asked for this many epochs trains for minutes on these series: far longer than the
     * checks below.
     */
    private static final String LONG_TRAINING = "{\"window\":8,\"hidden\":8,\"epochs\":10000}";

    /** An index of this run's own with one host's CPU series; returns its name. */
    private static String seriesIndex(long end, String what) throws Exception {
        String index = owned("it-training", what);
        call(
                "PUT",
                "/" + index,
                "{\"mappings\":{\"properties\":{\"@timestamp\":{\"type\":\"date\"},\"cpu\":{\"type\":\"double\"}}}}");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < POINTS; i++) {
            long t = end - (POINTS - i) * STEP;
            body.append("{\"index\":{}}\n")
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    "{\"@timestamp\":%d,\"cpu\":%.3f}%n",
                                    t,
                                    40 + 10 * Math.sin(i / 30.0) + (i * 7 % 11) / 5.0));
        }
        Request bulk = new Request("POST", "/" + index + "/_bulk?refresh=true");
        bulk.setJsonEntity(body.toString());
        assertEquals(Boolean.FALSE, entityAsMap(client().performRequest(bulk)).get("errors"));
        return index;
    }

    private static String lstmDetector(String index, long end, String name) throws Exception {
        String body =
                "{\"name\":\""
                        + name
                        + "\",\"type\":\"metric_lstm\",\"source\":{\"indices\":[\""
                        + index
                        + "\"],\"time_field\":\"@timestamp\",\"fields\":[\"cpu\"]},\"training\":{\"from\":0,\"to\":"
                        + end
                        + "},\"params\":"
                        + LONG_TRAINING
                        + "}";
        return (String) call("POST", DETECTORS, body).get("_id");
    }

    /** Tasks the node's training pool has completed. */
    private static long trainPoolCompleted() throws Exception {
        Map<String, Object> stats = call("GET", "/_nodes/_local/stats/thread_pool", null);
        Map<String, Object> nodes = path(stats, "nodes");
        return ((Number)
                        path(nodes.values().iterator().next(), "thread_pool.aiops_train.completed"))
                .longValue();
    }

    private static String state(String id) throws Exception {
        return (String) call("GET", DETECTORS + "/" + id + "/_profile", null).get("state");
    }

    @Test
    public void testRequestsStayFastWhileTwoTrainingsRun() throws Exception {
        long end = System.currentTimeMillis() - 3600_000L;
        String index = seriesIndex(end, "latency");
        String a = lstmDetector(index, end, "long-a");
        String b = lstmDetector(index, end, "long-b");
        long started = System.currentTimeMillis();
        assertEquals("training", call("POST", DETECTORS + "/" + a + "/_train", null).get("state"));
        assertEquals("training", call("POST", DETECTORS + "/" + b + "/_train", null).get("state"));
        // a second _train while the first runs: refused, whatever the timing (this training lasts
        // minutes)
        assertClientError(
                failing("POST", DETECTORS + "/" + a + "/_train", null), "already training");

        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 100 || System.currentTimeMillis() - started < 20_000; i++) {
            for (String endpoint :
                    List.of(DETECTORS + "/" + a, DETECTORS + "/" + b + "/_profile")) {
                long t0 = System.nanoTime();
                Map<String, Object> response =
                        call("GET", endpoint, null); // fails the test on any error status
                latencies.add((System.nanoTime() - t0) / 1_000_000);
                assertEquals(response.toString(), "training", response.get("state"));
            }
        }
        Collections.sort(latencies);
        long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
        System.out.printf(
                Locale.ROOT,
                "DetectorTrainingIT: %d GET/_profile calls during two trainings: p50 %d ms, p99 %d ms, max %d ms%n",
                latencies.size(),
                latencies.get(latencies.size() / 2),
                p99,
                latencies.get(latencies.size() - 1));
        assertTrue(
                "both trainings still ran after 20 s",
                System.currentTimeMillis() - started >= 20_000);
        assertEquals("training", state(a));
        assertEquals("training", state(b));

        // DELETE ends a training: nothing of the detector is left, and its run writes nothing
        // afterwards
        long completed = trainPoolCompleted();
        assertEquals("deleted", call("DELETE", DETECTORS + "/" + a, null).get("result"));
        assertEquals(
                404, failing("GET", DETECTORS + "/" + a, null).getStatusLine().getStatusCode());
        // the run notices at its next progress report (every second) and ends: one more completed
        // task on the pool
        assertBusy(() -> assertTrue(trainPoolCompleted() > completed), 60_000);
        assertEquals(
                404,
                failing("GET", "/.plugins-aiops-detector-state/_doc/" + a, null)
                        .getStatusLine()
                        .getStatusCode());
        assertEquals(
                404,
                failing("GET", DETECTORS + "/" + a + "/_profile", null)
                        .getStatusLine()
                        .getStatusCode());

        // _stop ends a training: the detector goes back to where it was (no model yet: created) and
        // says why
        assertEquals("created", call("POST", DETECTORS + "/" + b + "/_stop", null).get("state"));
        Map<String, Object> stopped = call("GET", DETECTORS + "/" + b + "/_profile", null);
        assertEquals("created", stopped.get("state"));
        assertTrue(
                stopped.toString(),
                String.valueOf(stopped.get("error")).contains("training stopped by _stop"));
        assertEquals("deleted", call("DELETE", DETECTORS + "/" + b, null).get("result"));
        call("DELETE", "/" + index, null);
    }

    @Test
    public void testTrainingCutByARestartEndsFailed() throws Exception {
        long end = System.currentTimeMillis() - 3600_000L;
        String index = seriesIndex(end, "restart");
        String id = lstmDetector(index, end, "long-restart");
        assertEquals("training", call("POST", DETECTORS + "/" + id + "/_train", null).get("state"));
        assertBusy(
                () -> {
                    Map<String, Object> profile =
                            call("GET", DETECTORS + "/" + id + "/_profile", null);
                    assertTrue(
                            profile.toString(),
                            ((Number) path(profile, "training.progress")).doubleValue() > 0);
                },
                120_000);

        restartNode();

        Map<String, Object> profile = call("GET", DETECTORS + "/" + id + "/_profile", null);
        assertEquals(profile.toString(), "failed", profile.get("state"));
        assertTrue(
                profile.toString(),
                String.valueOf(profile.get("error")).contains("training was interrupted"));
        assertEquals("failed", call("POST", DETECTORS + "/" + id + "/_stop", null).get("state"));
        assertEquals("deleted", call("DELETE", DETECTORS + "/" + id, null).get("result"));
        call("DELETE", "/" + index, null);
    }
}
