/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Test;
import org.opensearch.client.Request;

/**
 * metric_lstm on a real node: trained on PyTorch inside OpenSearch through ML Commons' DJL, a level
 * shift is flagged.
 */
public class MetricLstmIT extends AiopsRestTestCase {

    private static final String DETECTORS = "/_plugins/_aiops/detectors";
    private static final long STEP = 10_000;

    /** A slow wave plus bounded noise, and from {@code shiftAt} on a level 15 higher. */
    private static double cpu(Random random, long t, long shiftAt) {
        return 40
                + 10 * Math.sin(t / 600_000.0)
                + (random.nextDouble() - 0.5) * 2
                + (t >= shiftAt ? 15 : 0);
    }

    private static void bulk(String index, long from, long to, Random random, long shiftAt)
            throws Exception {
        StringBuilder body = new StringBuilder();
        for (long t = from; t < to; t += STEP) {
            body.append("{\"index\":{\"_index\":\"").append(index).append("\"}}\n");
            body.append("{\"@timestamp\":")
                    .append(t)
                    .append(",\"host\":\"h\",\"cpu\":")
                    .append(cpu(random, t, shiftAt))
                    .append("}\n");
        }
        Request request = new Request("POST", "/_bulk?refresh=true");
        request.setJsonEntity(body.toString());
        assertEquals(Boolean.FALSE, entityAsMap(client().performRequest(request)).get("errors"));
    }

    @Test
    public void testLevelShiftIsFlagged() throws Exception {
        String index = owned("it-metrics", "lstm");
        call(
                "PUT",
                "/" + index,
                "{\"settings\":{\"number_of_replicas\":0},\"mappings\":{\"properties\":{\"@timestamp\":{\"type\":\"date\"},"
                        + "\"host\":{\"type\":\"keyword\"},\"cpu\":{\"type\":\"double\"}}}}");
        Random random = new Random(7);
        long now = System.currentTimeMillis() / STEP * STEP;
        long trainFrom = now - 4 * 3600_000L;
        long trainTo = now - 3600_000L;
        long shiftAt = now - 1800_000L;
        bulk(index, trainFrom, now - 1200_000L, random, shiftAt);

        String body =
                "{\"name\":\"cpu-lstm\",\"type\":\"metric_lstm\",\"source\":{\"indices\":[\""
                        + index
                        + "\"],\"time_field\":\"@timestamp\",\"fields\":[\"cpu\"],\"entity_fields\":[\"host\"]},"
                        + "\"training\":{\"from\":"
                        + trainFrom
                        + ",\"to\":"
                        + trainTo
                        + "},\"schedule\":{\"interval\":\"1h\"},"
                        + "\"params\":{\"window\":20,\"hidden\":16,\"epochs\":10}}";
        Map<String, Object> created = call("POST", DETECTORS, body);
        String id = (String) created.get("_id");
        call("POST", DETECTORS + "/" + id + "/_train", null);
        @SuppressWarnings("unchecked")
        Map<String, Object>[] profile = new Map[1];
        assertBusy(
                () -> {
                    profile[0] = call("GET", DETECTORS + "/" + id + "/_profile", null);
                    assertEquals(profile[0].toString(), "trained", profile[0].get("state"));
                },
                180_000);
        double threshold = ((Number) profile[0].get("threshold")).doubleValue();
        assertTrue("threshold " + threshold, threshold > 0 && threshold < 1);

        Map<String, Object> run =
                call(
                        "POST",
                        DETECTORS + "/" + id + "/_run",
                        "{\"from\":" + trainTo + ",\"to\":" + (now - 1200_000L) + "}");
        Map<String, Object> response =
                call(
                        "POST",
                        DETECTORS + "/results/_search",
                        "{\"detector_ids\":[\""
                                + id
                                + "\"],\"size\":1000,\"query\":{\"term\":{\"is_anomaly\":true}}}");
        List<Long> anomalyEnds = new ArrayList<>();
        for (Object hit : (List<?>) path(response, "hits.hits")) {
            anomalyEnds.add(((Number) path(hit, "_source.data_end_time")).longValue());
        }
        // one alarm per episode, at the top of its rise (reported one point late, at most 8 points
        // after the onset)
        assertTrue(
                "the shift is flagged as it starts: " + anomalyEnds,
                anomalyEnds.stream().anyMatch(end -> end >= shiftAt && end <= shiftAt + 8 * STEP));
        int windows = ((Number) run.get("windows")).intValue();
        long others = anomalyEnds.stream().filter(end -> end < shiftAt).count();
        assertTrue(
                others + " alarms before the shift in " + windows + " windows",
                others <= windows / 20);
    }
}
