/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.Test;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * Malformed input never gets a 500: for every detector endpoint, 1,000 bodies made from a valid
 * detector by random mutations (wrong types, missing and unknown fields, absurd numbers, broken
 * JSON, other top-level values) must be answered with a 4xx or a success.
 */
public class DetectorFuzzIT extends AiopsRestTestCase {

    private static final String DETECTORS = "/_plugins/_aiops/detectors";
    private static final int BODIES = 1_000;

    private static Map<String, Object> validDetector() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("indices", new ArrayList<>(List.of("fuzz-metrics")));
        source.put("time_field", "@timestamp");
        source.put("fields", new ArrayList<>(List.of("cpu")));
        source.put("entity_fields", new ArrayList<>(List.of("host")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "fuzz");
        body.put("type", "metric_knn");
        body.put("source", source);
        body.put(
                "training",
                new LinkedHashMap<>(
                        Map.of(
                                "from",
                                "2026-11-01T00:00:00Z",
                                "to",
                                1795442580995L,
                                "max_samples",
                                1000)));
        body.put("schedule", new LinkedHashMap<>(Map.of("interval", "1m")));
        body.put("threshold", new LinkedHashMap<>(Map.of("type", "sigma", "value", 3)));
        body.put("params", new LinkedHashMap<>(Map.of("window", 4, "k", 3)));
        body.put("from", 1L);
        body.put("to", 2L);
        body.put("detector_ids", new ArrayList<>(List.of("x")));
        body.put("query", new LinkedHashMap<>(Map.of("match_all", new LinkedHashMap<>())));
        body.put("size", 5);
        return body;
    }

    private static Object randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 9 : 11)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 10);
            case 5 -> "";
            case 6 -> randomText(random);
            case 7 ->
                    List.of(
                                    "[",
                                    "1m",
                                    "-5s",
                                    "metric_knn",
                                    "now-1d",
                                    "*",
                                    "_all",
                                    "<x-{now/d}>",
                                    "é\u0000")
                            .get(random.nextInt(9));
            case 8 -> -random.nextInt(1000);
            case 9 -> {
                List<Object> list = new ArrayList<>();
                list.add(randomValue(random, depth + 1));
                list.add(randomValue(random, depth + 1));
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(randomText(random), randomValue(random, depth + 1));
                yield map;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(
                    (char)
                            (random.nextBoolean()
                                    ? 'a' + random.nextInt(26)
                                    : 32 + random.nextInt(200)));
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static void mutate(Random random, Object node, int depth) {
        if (node instanceof Map<?, ?> map && map.isEmpty() == false) {
            Map<String, Object> m = (Map<String, Object>) map;
            List<String> keys = new ArrayList<>(m.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(4)) {
                case 0 -> m.remove(key);
                case 1 -> m.put(key, randomValue(random, depth));
                case 2 -> m.put(randomText(random), randomValue(random, depth));
                default -> mutate(random, m.get(key), depth + 1);
            }
        } else if (node instanceof List<?> list && list.isEmpty() == false) {
            List<Object> l = (List<Object>) list;
            l.set(random.nextInt(l.size()), randomValue(random, depth));
        }
    }

    private static String body(Random random) throws Exception {
        Map<String, Object> body = validDetector();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutate(random, body, 0);
        }
        String json;
        try (XContentBuilder builder = XContentFactory.jsonBuilder()) {
            json = builder.map(body).toString();
        }
        return switch (random.nextInt(10)) {
            case 0 -> json.substring(0, random.nextInt(json.length())); // cut off
            case 1 -> json.replaceFirst("[:,]", ""); // a missing separator
            case 2 -> "[" + json + "]";
            case 3 ->
                    List.of(
                                    "null",
                                    "42",
                                    "\"text\"",
                                    "{}",
                                    "{\"a\":",
                                    "{{{",
                                    "\u0000",
                                    "[]",
                                    "true")
                            .get(random.nextInt(9));
            case 4 -> "{\"name\":" + "[".repeat(200) + "]".repeat(200) + "}";
            default -> json;
        };
    }

    @Test
    public void testMalformedBodiesGetOnlyClientErrors() throws Exception {
        call(
                "PUT",
                "/fuzz-metrics",
                "{\"mappings\":{\"properties\":{\"@timestamp\":{\"type\":\"date\"},\"host\":{\"type\":\"keyword\"},\"cpu\":{\"type\":\"double\"}}}}");
        String id =
                (String)
                        call(
                                        "POST",
                                        DETECTORS,
                                        "{\"name\":\"fuzz\",\"type\":\"metric_knn\",\"source\":{\"indices\":[\"fuzz-metrics\"],"
                                                + "\"time_field\":\"@timestamp\",\"fields\":[\"cpu\"]},\"training\":{\"from\":1,\"to\":2}}")
                                .get("_id");
        String[][] endpoints = {
            {"POST", DETECTORS},
            {"POST", DETECTORS + "/_search"},
            {"POST", DETECTORS + "/_validate"},
            {"POST", DETECTORS + "/results/_search"},
            {"GET", DETECTORS + "/" + id},
            {"PUT", DETECTORS + "/" + id},
            {"POST", DETECTORS + "/" + id + "/_run"},
            {"GET", DETECTORS + "/" + id + "/_profile"},
            {"GET", DETECTORS + "/" + id + "/results/_top"},
            {"POST", DETECTORS + "/fuzz-missing/_train"},
            {"POST", DETECTORS + "/fuzz-missing/_start"},
            {"POST", DETECTORS + "/fuzz-missing/_stop"},
            {"DELETE", DETECTORS + "/fuzz-missing"}
        };
        Random random = new Random(20261123);
        List<String> serverErrors = new ArrayList<>();
        int accepted = 0;
        int badRequests = 0;
        for (String[] endpoint : endpoints) {
            for (int i = 0; i < BODIES; i++) {
                String body = body(random);
                String path = endpoint[1];
                if (path.endsWith("_top")) {
                    path +=
                            "?from="
                                    + java.net.URLEncoder.encode(randomText(random), "UTF-8")
                                    + "&size="
                                    + random.nextInt();
                }
                Request request = new Request(endpoint[0], path);
                request.setJsonEntity(body);
                Response response;
                try {
                    response = client().performRequest(request);
                } catch (ResponseException e) {
                    response = e.getResponse();
                }
                int status = response.getStatusLine().getStatusCode();
                accepted += status < 300 ? 1 : 0;
                badRequests += status == 400 ? 1 : 0;
                if (status >= 500) {
                    serverErrors.add(
                            status
                                    + " "
                                    + endpoint[0]
                                    + " "
                                    + path
                                    + " "
                                    + body
                                    + " -> "
                                    + EntityUtils.toString(response.getEntity()));
                }
            }
        }
        // the mutations reach past the JSON parser: some bodies stay valid, many fail validation
        assertTrue("accepted " + accepted, accepted > 100);
        assertTrue("400s " + badRequests, badRequests > 3_000);
        assertTrue(
                serverErrors.size()
                        + " server errors, first ones:\n"
                        + String.join(
                                "\n", serverErrors.subList(0, Math.min(5, serverErrors.size()))),
                serverErrors.isEmpty());
    }
}
