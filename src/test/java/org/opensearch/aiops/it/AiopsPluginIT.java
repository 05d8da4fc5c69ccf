/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.Test;
import org.opensearch.client.Request;
import org.opensearch.client.Response;

/** The installed plugin on a real node: listing, info, and clear 4xx answers to bad requests. */
public class AiopsPluginIT extends AiopsRestTestCase {

    @Test
    public void testInstalledNextToJobSchedulerAndMlCommons() throws Exception {
        Response response =
                client().performRequest(new Request("GET", "/_cat/plugins?h=component"));
        List<String> components =
                EntityUtils.toString(response.getEntity()).lines().map(String::trim).toList();
        assertTrue(
                components.toString(),
                components.containsAll(
                        List.of("aiops", "opensearch-job-scheduler", "opensearch-ml")));
    }

    @Test
    public void testInfo() throws Exception {
        Map<String, Object> info = call("GET", "/_plugins/_aiops", null);
        assertEquals("aiops", info.get("name"));
        assertEquals("3.6.0.0", info.get("version"));
        assertEquals(List.of("log_template", "code_context"), info.get("processors"));
        List<String> types = new java.util.ArrayList<>(path(info, "detector_types"));
        java.util.Collections.sort(types);
        assertEquals(
                List.of(
                        "metric_cblof",
                        "metric_ensemble",
                        "metric_knn",
                        "metric_lof",
                        "metric_lstm",
                        "trace_graph"),
                types);
        assertEquals("0.31.1", path(info, "engine.djl_version"));
        assertEquals("opensearch-ml", path(info, "engine.classloader"));
        assertEquals(Boolean.TRUE, path(info, "engine.pytorch_cache_ready"));
        assertNull(
                "native libraries must be detectable: " + info,
                path(info, "engine.native_detection_error"));
        assertNotNull(path(info, "engine.engines.PyTorch.loaded"));
        assertNotNull(path(info, "engine.engines.OnnxRuntime.loaded"));
    }

    @Test
    public void testUnknownPathIs4xx() throws Exception {
        assertClientError(
                failing("GET", "/_plugins/_aiops/no_such_thing", null), "no handler found");
    }

    @Test
    public void testUnknownParameterIsNamed() throws Exception {
        assertClientError(failing("GET", "/_plugins/_aiops?colour=red", null), "[colour]");
    }

    @Test
    public void testWrongMethodIs405() throws Exception {
        Response response = failing("DELETE", "/_plugins/_aiops", null);
        assertEquals(405, response.getStatusLine().getStatusCode());
    }

    @Test
    public void testBadSeedIsNamed() throws Exception {
        assertClientError(
                failing("POST", "/_plugins/_aiops/engine/_check?seed=abc", null), "[seed]");
    }

    @Test
    public void testEmbedRejectsBadBodies() throws Exception {
        String embed = "/_plugins/_aiops/code_context/_embed";
        assertClientError(failing("POST", embed, null), "request body is required");
        assertClientError(
                failing("POST", embed, "{\"texts\": \"one\"}"),
                "[texts] must be an array of strings");
        assertClientError(
                failing("POST", embed, "{\"texts\": [\"a\", 7]}"), "[texts][1] must be a string");
        assertClientError(
                failing("POST", embed, "{\"texts\": []}"), "[texts] must be a non-empty array");
        assertClientError(
                failing("POST", embed, "{\"texts\": [\"a\"], \"text\": 1}"),
                "unknown field [text]");
        assertClientError(
                failing("POST", embed, "{\"texts\": [\"a\""), "request body is not valid JSON");
        String tooMany =
                IntStream.range(0, 257)
                        .mapToObj(i -> "\"t" + i + "\"")
                        .collect(Collectors.joining(",", "{\"texts\":[", "]}"));
        assertClientError(failing("POST", embed, tooMany), "plugins.aiops.embed.max_texts");
    }

    /**
     * {@code plugins.aiops.embed.max_texts} is dynamic: a change through the cluster settings API
     * applies at once.
     */
    @Test
    public void testEmbedMaxTextsAppliesLive() throws Exception {
        String three = json(List.of("a", "b", "c"));
        try {
            call(
                    "PUT",
                    "/_cluster/settings",
                    "{\"transient\":{\"plugins.aiops.embed.max_texts\":2}}");
            assertClientError(
                    failing("POST", "/_plugins/_aiops/code_context/_embed", three),
                    "more than plugins.aiops.embed.max_texts [2]");
        } finally {
            call(
                    "PUT",
                    "/_cluster/settings",
                    "{\"transient\":{\"plugins.aiops.embed.max_texts\":null}}");
        }
        assertEquals(
                3,
                ((List<?>)
                                call("POST", "/_plugins/_aiops/code_context/_embed", three)
                                        .get("embeddings"))
                        .size());
    }

    /** Batching pads texts to a common length; the attention mask must make that invisible. */
    @Test
    public void testEmbedKeepsOrderAndIsBatchInvariant() throws Exception {
        List<String> texts =
                List.of(
                        "Receiving block blk_123 src: /10.0.0.1:50010",
                        "OrderServiceImpl.create(Order) returns Response",
                        "a");
        Map<String, Object> batch =
                call("POST", "/_plugins/_aiops/code_context/_embed", json(texts));
        List<?> vectors = (List<?>) batch.get("embeddings");
        assertEquals(texts.size(), vectors.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] inBatch = floats((List<?>) vectors.get(i));
            assertEquals(384, inBatch.length);
            assertEquals(1.0, Math.sqrt(cosineNormSquared(inBatch)), 1e-4);
            Map<String, Object> single =
                    call(
                            "POST",
                            "/_plugins/_aiops/code_context/_embed",
                            json(List.of(texts.get(i))));
            float[] alone = floats((List<?>) path(single, "embeddings.0"));
            assertTrue(
                    "text " + i + " differs between batch and single call",
                    cosine(inBatch, alone) > 0.9999);
        }
        assertTrue(
                cosine(floats((List<?>) vectors.get(0)), floats((List<?>) vectors.get(1))) < 0.9);
    }

    private static double cosineNormSquared(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return sum;
    }

    private static String json(List<String> texts) {
        return "{\"texts\":" + jsonStrings(texts) + "}";
    }
}
