/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/**
 * Our DJL use and ML Commons' share one PyTorch and one ONNX Runtime in the node. Both orders (ours
 * first, ML Commons first), across a node restart: the node stays up, tiny models train, and our
 * MiniLM embedding equals the one ML Commons computes with the same model registered from a local
 * file.
 */
public class EngineCoexistenceIT extends AiopsRestTestCase {

    private static final List<String> TEXTS =
            List.of(
                    "FilteringWebHandler.handle(ServerWebExchange) returns Mono<Void>",
                    "Receiving block <*> src: <IP> dest: <IP>",
                    "TravelServiceImpl.getRouteByRouteId(String) returns Response<Route>");

    private static final String AUTO_REDEPLOY = "plugins.ml_commons.model_auto_redeploy.enable";

    /**
     * Owns what makes the first node "fresh" instead of hoping to run first: ML Commons would
     * redeploy a model another class left deployed as soon as the node restarts (loading ONNX
     * Runtime before this plugin), so auto-redeploy is off while this test runs, and its own model
     * is undeployed again at the end.
     */
    @Test
    public void testBothOrdersAcrossRestart() throws Exception {
        Object autoRedeploy =
                ((Map<?, ?>)
                                call("GET", "/_cluster/settings?flat_settings=true", null)
                                        .get("persistent"))
                        .get(AUTO_REDEPLOY);
        call("PUT", "/_cluster/settings", "{\"persistent\":{\"" + AUTO_REDEPLOY + "\":false}}");
        String modelId = null;
        try {
            modelId = MlCommonsModels.registerMiniLmFromLocalFile();
            bothOrdersAcrossRestart(modelId);
        } finally {
            if (modelId != null) {
                call("POST", "/_plugins/_ml/models/" + modelId + "/_undeploy", null);
            }
            String previous = autoRedeploy == null ? "null" : "\"" + autoRedeploy + "\"";
            call(
                    "PUT",
                    "/_cluster/settings",
                    "{\"persistent\":{\"" + AUTO_REDEPLOY + "\":" + previous + "}}");
        }
    }

    private void bothOrdersAcrossRestart(String modelId) throws Exception {
        restartNode(); // a new node process in which nobody has loaded an engine yet
        Map<String, Object> info = call("GET", "/_plugins/_aiops", null);
        assertEquals(
                "fresh node must start without PyTorch: " + info,
                Boolean.FALSE,
                path(info, "engine.engines.PyTorch.loaded"));
        assertEquals(
                "fresh node must start without ONNX Runtime: " + info,
                Boolean.FALSE,
                path(info, "engine.engines.OnnxRuntime.loaded"));

        // Order 1: this plugin loads PyTorch and ONNX Runtime first, then ML Commons deploys its
        // model.
        assertTrainsAndEmbeds(call("POST", "/_plugins/_aiops/engine/_check", null));
        List<float[]> oursFirst = ourEmbeddings();
        MlCommonsModels.deploy(modelId);
        assertSameEmbeddings(oursFirst, mlEmbeddings(modelId));
        info = call("GET", "/_plugins/_aiops", null);
        assertEquals(Boolean.TRUE, path(info, "engine.engines.PyTorch.loaded"));
        assertEquals(Boolean.TRUE, path(info, "engine.engines.OnnxRuntime.loaded"));

        // Order 2, after a restart: ML Commons (re)deploys and predicts first, then this plugin
        // trains and embeds.
        restartNode();
        MlCommonsModels.deploy(modelId);
        List<float[]> mlFirst = mlEmbeddings(modelId);
        assertTrainsAndEmbeds(call("POST", "/_plugins/_aiops/engine/_check", null));
        assertSameEmbeddings(ourEmbeddings(), mlFirst);
        assertNotEquals(
                "the node must stay healthy",
                "red",
                call("GET", "/_cluster/health", null).get("status"));
    }

    private static void assertTrainsAndEmbeds(Map<String, Object> check) {
        for (String model : List.of("autoencoder", "lstm")) {
            assertEquals(check.toString(), "PyTorch", path(check, model + ".engine"));
            assertEquals(check.toString(), "2.5.1", path(check, model + ".engine_version"));
            double first = ((Number) path(check, model + ".first_loss")).doubleValue();
            double last = ((Number) path(check, model + ".last_loss")).doubleValue();
            assertTrue(model + " did not learn: " + check, last < first * 0.5);
        }
        assertEquals(384, ((Number) path(check, "embedding.dimension")).intValue());
        assertEquals(1.0, ((Number) path(check, "embedding.norm")).doubleValue(), 1e-4);
    }

    private void assertSameEmbeddings(List<float[]> ours, List<float[]> ml) {
        assertEquals(ours.size(), ml.size());
        for (int i = 0; i < ours.size(); i++) {
            double cosine = cosine(ours.get(i), ml.get(i));
            assertTrue("text " + i + ": cosine " + cosine + " < 0.999", cosine >= 0.999);
        }
    }

    private List<float[]> ourEmbeddings() throws Exception {
        List<?> vectors =
                (List<?>)
                        call(
                                        "POST",
                                        "/_plugins/_aiops/code_context/_embed",
                                        "{\"texts\":" + jsonStrings(TEXTS) + "}")
                                .get("embeddings");
        return vectors.stream().map(v -> floats((List<?>) v)).toList();
    }

    private List<float[]> mlEmbeddings(String modelId) throws Exception {
        String body =
                "{\"text_docs\":"
                        + jsonStrings(TEXTS)
                        + ",\"target_response\":[\"sentence_embedding\"]}";
        Map<String, Object> response =
                call("POST", "/_plugins/_ml/_predict/text_embedding/" + modelId, body);
        List<?> results = (List<?>) response.get("inference_results");
        assertEquals(response.toString(), TEXTS.size(), results.size());
        return results.stream().map(r -> floats((List<?>) path(r, "output.0.data"))).toList();
    }
}
