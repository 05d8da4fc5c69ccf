/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.Test;
import org.opensearch.client.Request;
import org.opensearch.client.Response;

/**
 * The detector platform on a real node with Job Scheduler: the whole life of a metric_knn detector.
 */
public class DetectorIT extends AiopsRestTestCase {

    private static final String DETECTORS = "/_plugins/_aiops/detectors";
    private static final long STEP = 10_000;

    /**
     * A normal CPU series: a slow wave plus bounded noise (no Gaussian tail that a 3σ threshold
     * would flag), per host. {@code sinceStart} is the time since the series' first point, not the
     * wall clock: with a seeded random the values are then the same in every run (the wave's phase
     * followed the clock, so the scores around the injected spike, and whether it alarmed once or
     * twice, changed from run to run).
     */
    private static double cpu(Random random, int host, long sinceStart) {
        return 40 + 10 * Math.sin(sinceStart / 600_000.0 + host) + (random.nextDouble() - 0.5) * 4;
    }

    private static void bulk(String index, List<String> docs) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String doc : docs) {
            body.append("{\"index\":{\"_index\":\"")
                    .append(index)
                    .append("\"}}\n")
                    .append(doc)
                    .append('\n');
        }
        Request request = new Request("POST", "/_bulk?refresh=true");
        request.setJsonEntity(body.toString());
        Map<String, Object> response = entityAsMap(client().performRequest(request));
        assertEquals(
                response.toString().substring(0, Math.min(2000, response.toString().length())),
                Boolean.FALSE,
                response.get("errors"));
    }

    private static String point(long time, String host, double cpu) {
        return "{\"@timestamp\":" + time + ",\"host\":\"" + host + "\",\"cpu\":" + cpu + "}";
    }

    private static void createMetricsIndex(String index) throws Exception {
        call(
                "PUT",
                "/" + index,
                "{\"settings\":{\"number_of_replicas\":0},\"mappings\":{\"properties\":{\"@timestamp\":{\"type\":\"date\"},"
                        + "\"host\":{\"type\":\"keyword\"},\"cpu\":{\"type\":\"double\"},\"note\":{\"type\":\"keyword\"}}}}");
    }

    private static String detectorBody(
            String index, long from, long to, String interval, String params) {
        return "{\"name\":\"host-cpu\",\"type\":\"metric_knn\",\"source\":{\"indices\":[\""
                + index
                + "\"],\"time_field\":\"@timestamp\",\"fields\":[\"cpu\"],\"entity_fields\":[\"host\"]},"
                + "\"training\":{\"from\":"
                + from
                + ",\"to\":"
                + to
                + "},\"schedule\":{\"interval\":\""
                + interval
                + "\"}"
                + (params == null ? "" : ",\"params\":" + params)
                + "}";
    }

    private static Map<String, Object> waitForState(String id, String state) throws Exception {
        Map<String, Object>[] profile = new Map[1];
        assertBusy(
                () -> {
                    profile[0] = call("GET", DETECTORS + "/" + id + "/_profile", null);
                    assertEquals(profile[0].toString(), state, profile[0].get("state"));
                },
                120_000);
        return profile[0];
    }

    private static List<Map<String, Object>> results(String id, String query) throws Exception {
        Map<String, Object> response =
                call(
                        "POST",
                        DETECTORS + "/results/_search",
                        "{\"detector_ids\":[\""
                                + id
                                + "\"],\"size\":1000,\"sort\":[{\"data_end_time\":\"asc\"}]"
                                + (query == null ? "" : ",\"query\":" + query)
                                + "}");
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Object hit : (List<?>) path(response, "hits.hits")) {
            sources.add(path(hit, "_source"));
        }
        return sources;
    }

    @Test
    public void testLifecycleFromCreateToDelete() throws Exception {
        String index = owned("it-metrics", "life");
        createMetricsIndex(index);
        Random random = new Random(42);
        long now = System.currentTimeMillis();
        long trainFrom = now - 3 * 3600_000L;
        List<String> docs = new ArrayList<>();
        for (long t = trainFrom; t < now - 3600_000L; t += STEP) {
            for (int h = 0; h < 2; h++) {
                docs.add(point(t, "host-" + h, cpu(random, h, t - trainFrom)));
            }
        }
        bulk(index, docs);

        Map<String, Object> created =
                call(
                        "POST",
                        DETECTORS,
                        detectorBody(index, trainFrom, now - 3600_000L, "2s", "{\"window\":4}"));
        String id = (String) created.get("_id");
        assertNotNull(created.toString(), id);
        assertEquals("created", created.get("state"));
        assertEquals("host-cpu", path(created, "detector.name"));

        Map<String, Object> validation =
                call(
                        "POST",
                        DETECTORS + "/_validate",
                        detectorBody(index, trainFrom, now - 3600_000L, "2s", "{\"window\":4}"));
        assertEquals(validation.toString(), Boolean.TRUE, validation.get("valid"));
        assertEquals(2, ((Number) path(validation, "training.entities")).intValue());
        assertTrue(((Number) validation.get("estimated_training_bytes")).longValue() > 0);

        // (a second _train while one runs is refused: DetectorTrainingIT checks it on a training
        // that lasts minutes; here
        // the training may end before a second call arrives, so a 409 would depend on timing)
        assertEquals("training", call("POST", DETECTORS + "/" + id + "/_train", null).get("state"));

        Map<String, Object> profile = waitForState(id, "trained");
        assertEquals(100.0, ((Number) path(profile, "training.progress")).doubleValue(), 0.0);
        assertEquals(2, ((Number) path(profile, "model.entities")).intValue());
        assertTrue(((Number) path(profile, "model.memory_bytes_per_entity")).longValue() > 0);
        double threshold = ((Number) profile.get("threshold")).doubleValue();
        assertTrue("threshold " + threshold, threshold > 0 && threshold < 1);
        assertTrue(((Number) path(profile, "training_scores.count")).longValue() > 100);

        // History with an injected spike on host-1: that window is an anomaly, normal windows are
        // not.
        long spike = now - 1800_000L;
        docs.clear();
        for (long t = now - 3600_000L; t < now - 1200_000L; t += STEP) {
            for (int h = 0; h < 2; h++) {
                docs.add(
                        point(
                                t,
                                "host-" + h,
                                h == 1 && t == spike ? 99.0 : cpu(random, h, t - trainFrom)));
            }
        }
        bulk(index, docs);
        Map<String, Object> run =
                call(
                        "POST",
                        DETECTORS + "/" + id + "/_run",
                        "{\"from\":" + (now - 3600_000L) + ",\"to\":" + (now - 1200_000L) + "}");
        assertTrue(run.toString(), ((Number) run.get("anomalies")).intValue() >= 1);
        List<Map<String, Object>> anomalies = results(id, "{\"term\":{\"is_anomaly\":true}}");
        int spikeWindows = 0;
        int falseAlarms = 0;
        for (Map<String, Object> anomaly : anomalies) {
            long start = ((Number) anomaly.get("data_start_time")).longValue();
            long end = ((Number) anomaly.get("data_end_time")).longValue();
            if ("host=host-1".equals(anomaly.get("entity_key")) && start <= spike && spike <= end) {
                spikeWindows++;
                assertEquals("cpu", path(anomaly, "contributions.0.field"));
                assertNotNull(path(anomaly, "source.query"));
            } else {
                falseAlarms++;
            }
        }
        // one alarm per anomalous episode (the entity's onset state), in a window that holds the
        // spike
        assertEquals(
                "the spike alarms once, in a window that holds it: " + anomalies, 1, spikeWindows);
        int windows = ((Number) run.get("windows")).intValue();
        // mean + 3 sigma of the training scores: a window of noise alone crosses it rarely
        // (measured below 1 %)
        assertTrue(
                falseAlarms + " false alarms in " + windows + " normal windows",
                falseAlarms <= windows / 50);
        Map<String, Object> top =
                call(
                        "GET",
                        DETECTORS
                                + "/"
                                + id
                                + "/results/_top?from="
                                + (now - 3600_000L)
                                + "&to="
                                + now
                                + "&size=5",
                        null);
        assertEquals("host=host-1", path(top, "buckets.0.entity_key"));
        assertEquals("host-1", path(top, "buckets.0.entity.host"));

        // Real time: the job scores new points as they arrive. The series continues up to now first
        // (the wave without
        // noise), so that no window spans a gap in the data.
        docs.clear();
        for (long t = now - 1200_000L; t < System.currentTimeMillis() - 5_000; t += STEP) {
            docs.add(point(t, "host-0", 40 + 10 * Math.sin(t / 600_000.0)));
        }
        bulk(index, docs);
        long started = System.currentTimeMillis();
        call("POST", DETECTORS + "/" + id + "/_start", null);
        assertEquals("running", call("GET", DETECTORS + "/" + id + "/_profile", null).get("state"));
        String config = detectorBody(index, trainFrom, now - 3600_000L, "2s", "{\"window\":4}");
        assertEquals(
                409,
                failing("PUT", DETECTORS + "/" + id, config.replace("host-cpu", "renamed"))
                        .getStatusLine()
                        .getStatusCode());
        call(
                "PUT",
                DETECTORS + "/" + id,
                config.replace(
                        "\"name\":\"host-cpu\",",
                        "\"name\":\"host-cpu\",\"class_labels\":{\"0\":\"cpu spike\"},"));
        assertEquals(
                "cpu spike",
                path(call("GET", DETECTORS + "/" + id, null), "detector.class_labels.0"));
        long burst = System.currentTimeMillis();
        // The burst's points are indexed late: only after a job run has passed their timestamps.
        // The job still scores
        // them (it reads back several intervals and remembers per entity which windows it has
        // scored).
        assertBusy(
                () -> {
                    Number last =
                            path(
                                    call("GET", DETECTORS + "/" + id + "/_profile", null),
                                    "last_run.to");
                    assertTrue(
                            "a job run past the burst's points",
                            last != null && last.longValue() > burst + 3_000);
                },
                30_000);
        docs.clear();
        // Normal points follow the burst: the entity's onset state reports an episode at the top of
        // its rise, one point
        // late, so the alarm needs the point after the peak (a rise lasting to the last point
        // indexed would still wait).
        for (int i = -6; i <= 6; i++) {
            long t = burst + i * 500L;
            // the wave without noise: normal for certain, so any alarm besides the burst's windows
            // is a false one
            docs.add(point(t, "host-0", i == 0 ? 100.0 : 40 + 10 * Math.sin(t / 600_000.0)));
        }
        bulk(index, docs);
        assertBusy(
                () -> {
                    // the job's windows only (the history run above may hold an allowed false alarm
                    // of host-0)
                    List<Map<String, Object>> live =
                            results(
                                    id,
                                    "{\"bool\":{\"filter\":[{\"term\":{\"is_anomaly\":true}},{\"term\":{\"entity_key\":\"host=host-0\"}},"
                                            + "{\"range\":{\"data_end_time\":{\"gte\":"
                                            + (started - 10_000)
                                            + "}}}]}}");
                    assertFalse("the job flags the burst", live.isEmpty());
                    for (Map<String, Object> anomaly : live) {
                        long start = ((Number) anomaly.get("data_start_time")).longValue();
                        long end = ((Number) anomaly.get("data_end_time")).longValue();
                        assertTrue(
                                "live anomaly ["
                                        + start
                                        + ", "
                                        + end
                                        + "] must contain the burst "
                                        + burst,
                                start <= burst && burst <= end);
                    }
                },
                60_000);
        call("POST", DETECTORS + "/" + id + "/_stop", null);
        assertEquals("stopped", call("GET", DETECTORS + "/" + id + "/_profile", null).get("state"));

        // A restart loses nothing: the configuration, the state and the models (scored again from
        // checkpoints).
        restartNode();
        assertEquals("host-cpu", path(call("GET", DETECTORS + "/" + id, null), "detector.name"));
        assertEquals("stopped", call("GET", DETECTORS + "/" + id + "/_profile", null).get("state"));
        Map<String, Object> again =
                call(
                        "POST",
                        DETECTORS + "/" + id + "/_run",
                        "{\"from\":" + (now - 3600_000L) + ",\"to\":" + (now - 1200_000L) + "}");
        assertEquals(run.get("anomalies"), again.get("anomalies"));
        assertEquals(0, ((Number) again.get("entities_without_model")).intValue());

        // A running job resumes after a restart.
        call("POST", DETECTORS + "/" + id + "/_start", null);
        restartNode();
        long restarted = System.currentTimeMillis();
        assertBusy(
                () -> {
                    Map<String, Object> p = call("GET", DETECTORS + "/" + id + "/_profile", null);
                    assertEquals("running", p.get("state"));
                    Number last = path(p, "last_run.time");
                    assertTrue(
                            "a run after the restart: " + p.get("last_run"),
                            last != null && last.longValue() > restarted);
                },
                60_000);

        Map<String, Object> deleted = call("DELETE", DETECTORS + "/" + id, null);
        assertTrue(
                deleted.toString(), ((Number) deleted.get("checkpoints_deleted")).longValue() >= 2);
        assertClientError(failing("GET", DETECTORS + "/" + id, null), "not found");
        assertEquals(
                404,
                failing("GET", DETECTORS + "/" + id + "/_profile", null)
                        .getStatusLine()
                        .getStatusCode());
        // a term query, not ?q=: generated ids may start with '-', which the query-string syntax
        // reads as NOT
        Map<String, Object> left =
                call(
                        "POST",
                        "/.plugins-aiops-checkpoints/_count",
                        "{\"query\":{\"term\":{\"detector_id\":\"" + id + "\"}}}");
        assertEquals(0, ((Number) left.get("count")).intValue());
        assertEquals(
                404,
                failing("GET", "/.plugins-aiops-jobs/_doc/" + id, null)
                        .getStatusLine()
                        .getStatusCode());
    }

    @Test
    public void testHundredEntities() throws Exception {
        String index = owned("it-metrics", "many");
        createMetricsIndex(index);
        Random random = new Random(7);
        long now = System.currentTimeMillis();
        long from = now - 2 * 3600_000L;
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long t = from + i * 60_000L;
            for (int h = 0; h < 120; h++) {
                docs.add(point(t, "host-" + h, cpu(random, h, t - from)));
            }
        }
        bulk(index, docs);
        String id =
                (String)
                        call(
                                        "POST",
                                        DETECTORS,
                                        detectorBody(
                                                index,
                                                from,
                                                from + 50 * 60_000L,
                                                "1m",
                                                "{\"window\":3,\"k\":3}"))
                                .get("_id");
        // A model budget too small for the training data: refused with 429 naming the setting,
        // nothing starts.
        call(
                "PUT",
                "/_cluster/settings",
                "{\"transient\":{\"plugins.aiops.models.max_memory\":\"10kb\"}}");
        try {
            Response refused = failing("POST", DETECTORS + "/" + id + "/_train", null);
            assertEquals(429, refused.getStatusLine().getStatusCode());
            assertClientError(refused, "plugins.aiops.models.max_memory");
            assertEquals(
                    "created", call("GET", DETECTORS + "/" + id + "/_profile", null).get("state"));
        } finally {
            call(
                    "PUT",
                    "/_cluster/settings",
                    "{\"transient\":{\"plugins.aiops.models.max_memory\":null}}");
        }
        call("POST", DETECTORS + "/" + id + "/_train", null);
        Map<String, Object> profile = waitForState(id, "trained");
        assertEquals(120, ((Number) path(profile, "model.entities")).intValue());
        Map<String, Object> run =
                call(
                        "POST",
                        DETECTORS + "/" + id + "/_run",
                        "{\"from\":" + (from + 50 * 60_000L) + ",\"to\":" + now + "}");
        assertEquals(120, ((Number) run.get("entities")).intValue());
        assertEquals(0, ((Number) run.get("entities_without_model")).intValue());
        assertEquals(120 * 10, ((Number) run.get("windows")).intValue());
        Map<String, Object> top =
                call("GET", DETECTORS + "/" + id + "/results/_top?size=100", null);
        assertEquals(100, ((List<?>) top.get("buckets")).size());
        call("DELETE", DETECTORS + "/" + id, null);
    }

    @Test
    public void testBadConfigsAreRejectedNamingTheField() throws Exception {
        String index = owned("it-metrics", "bad");
        createMetricsIndex(index);
        long now = System.currentTimeMillis();
        String good = detectorBody(index, now - 3600_000L, now, "1m", null);
        assertClientError(
                failing("POST", DETECTORS, good.replace("metric_knn", "metric_magic")), "[type]");
        assertClientError(
                failing("POST", DETECTORS, good.replace("[\"cpu\"]", "[\"note\"]")),
                "[source.fields] field [note]");
        assertClientError(
                failing("POST", DETECTORS, detectorBody(index, now, now, "1m", null)),
                "[training.from]");
        assertClientError(
                failing(
                        "POST",
                        DETECTORS,
                        detectorBody(index, now - 1000, now, "1m", "{\"window\":100000}")),
                "params.window");
        assertClientError(
                failing(
                        "POST",
                        DETECTORS,
                        detectorBody(index, now - 1000, now, "1m", "{\"scales\":9}")),
                "params.scales");
        assertClientError(
                failing("POST", DETECTORS, detectorBody(index, now - 1000, now, "often", null)),
                "[schedule.interval]");
        assertClientError(
                failing("POST", DETECTORS, detectorBody(index, now - 1000, now, "0s", null)),
                "[schedule.interval]");
        assertClientError(
                failing("POST", DETECTORS, good.replace("\"time_field\":\"@timestamp\",", "")),
                "[source.time_field]");
        assertClientError(
                failing(
                        "POST",
                        DETECTORS,
                        good.replace("\"name\":\"host-cpu\",", "\"name\":\"x\",\"colour\":1,")),
                "[colour]");
        assertEquals(
                404, failing("GET", DETECTORS + "/nope", null).getStatusLine().getStatusCode());
        assertEquals(
                404,
                failing("POST", DETECTORS + "/nope/_train", null).getStatusLine().getStatusCode());
        String id = (String) call("POST", DETECTORS, good).get("_id");
        assertClientError(
                failing("POST", DETECTORS + "/" + id + "/_start", null), "train it first");
        assertClientError(
                failing("POST", DETECTORS + "/" + id + "/_run", "{\"from\":1,\"to\":2}"), "_train");
        call("POST", DETECTORS + "/" + id + "/_train", null);
        Map<String, Object> failed = waitForState(id, "failed");
        assertTrue(
                failed.toString(),
                String.valueOf(failed.get("error")).contains("not enough training data"));
        call("DELETE", DETECTORS + "/" + id, null);
    }
}
