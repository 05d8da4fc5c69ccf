package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.Test;
import org.opensearch.client.ResponseException;

/**
 * Our DJL use and ML Commons' share one PyTorch and one ONNX Runtime in the node. Both orders (ours first, ML Commons
 * first), across a node restart: the node stays up, tiny models train, and our MiniLM embedding equals the one ML
 * Commons computes with the same model registered from a local file.
 */
public class EngineCoexistenceIT extends AiopsRestTestCase {

    private static final List<String> TEXTS = List.of(
        "FilteringWebHandler.handle(ServerWebExchange) returns Mono<Void>",
        "Receiving block <*> src: <IP> dest: <IP>",
        "TravelServiceImpl.getRouteByRouteId(String) returns Response<Route>"
    );

    @Test
    public void testBothOrdersAcrossRestart() throws Exception {
        restartNode(); // a new node process in which nobody has loaded an engine yet
        Map<String, Object> info = call("GET", "/_plugins/_aiops", null);
        assertEquals("fresh node must start without PyTorch: " + info, Boolean.FALSE, path(info, "engine.engines.PyTorch.loaded"));
        assertEquals("fresh node must start without ONNX Runtime: " + info, Boolean.FALSE, path(info, "engine.engines.OnnxRuntime.loaded"));

        // Order 1: this plugin loads PyTorch and ONNX Runtime first, then ML Commons deploys its model.
        assertTrainsAndEmbeds(call("POST", "/_plugins/_aiops/engine/_check", null));
        List<float[]> oursFirst = ourEmbeddings();
        String modelId = registerMiniLmFromLocalFile();
        deploy(modelId);
        assertSameEmbeddings(oursFirst, mlEmbeddings(modelId));
        info = call("GET", "/_plugins/_aiops", null);
        assertEquals(Boolean.TRUE, path(info, "engine.engines.PyTorch.loaded"));
        assertEquals(Boolean.TRUE, path(info, "engine.engines.OnnxRuntime.loaded"));

        // Order 2, after a restart: ML Commons (re)deploys and predicts first, then this plugin trains and embeds.
        restartNode();
        deploy(modelId);
        List<float[]> mlFirst = mlEmbeddings(modelId);
        assertTrainsAndEmbeds(call("POST", "/_plugins/_aiops/engine/_check", null));
        assertSameEmbeddings(ourEmbeddings(), mlFirst);
        assertNotEquals("the node must stay healthy", "red", call("GET", "/_cluster/health", null).get("status"));
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
        List<?> vectors = (List<?>) call("POST", "/_plugins/_aiops/code_context/_embed", "{\"texts\":" + jsonStrings(TEXTS) + "}").get("embeddings");
        return vectors.stream().map(v -> floats((List<?>) v)).toList();
    }

    private List<float[]> mlEmbeddings(String modelId) throws Exception {
        String body = "{\"text_docs\":" + jsonStrings(TEXTS) + ",\"target_response\":[\"sentence_embedding\"]}";
        Map<String, Object> response = call("POST", "/_plugins/_ml/_predict/text_embedding/" + modelId, body);
        List<?> results = (List<?>) response.get("inference_results");
        assertEquals(response.toString(), TEXTS.size(), results.size());
        return results.stream().map(r -> floats((List<?>) path(r, "output.0.data"))).toList();
    }

    /** The bundled model files, zipped as ML Commons expects, in a folder the node's unprivileged user can read. */
    private String registerMiniLmFromLocalFile() throws Exception {
        call(
            "PUT",
            "/_cluster/settings",
            "{\"persistent\":{\"plugins.ml_commons.allow_registering_model_via_url\":true,"
                + "\"plugins.ml_commons.allow_registering_model_via_local_file\":true,"
                + "\"plugins.ml_commons.trusted_url_regex\":\"^file:.*$\"}}"
        );
        Path modelDir = Path.of(System.getProperty("aiops.model.dir"));
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "aiops-it-model-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path zip = dir.resolve("all-minilm-l6-v2-q.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry("all-minilm-l6-v2-q.onnx"));
            Files.copy(modelDir.resolve("all-minilm-l6-v2-q.onnx"), zipOut);
            zipOut.putNextEntry(new ZipEntry("tokenizer.json"));
            Files.copy(modelDir.resolve("all-minilm-l6-v2-q-tokenizer.json"), zipOut);
        }
        Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-r--r--"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        String body = "{\"name\":\"all-minilm-l6-v2-q\",\"version\":\"1.0.0\",\"model_format\":\"ONNX\",\"function_name\":\"TEXT_EMBEDDING\","
            + "\"model_content_hash_value\":\""
            + sha256
            + "\",\"model_content_size_in_bytes\":"
            + Files.size(zip)
            + ",\"model_config\":{\"model_type\":\"bert\",\"embedding_dimension\":384,\"framework_type\":\"sentence_transformers\","
            + "\"pooling_mode\":\"MEAN\",\"normalize_result\":true},\"url\":\"file://"
            + zip
            + "\"}";
        Map<String, Object> task = waitForTask((String) call("POST", "/_plugins/_ml/models/_register", body).get("task_id"));
        return (String) task.get("model_id");
    }

    /**
     * Deploys the model and waits until ML Commons answers predictions with it. After a restart the stored
     * model_state may still say DEPLOYED while nothing is loaded, and ML Commons' own auto-redeploy may be under way.
     */
    private void deploy(String modelId) throws Exception {
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                waitForTask((String) call("POST", "/_plugins/_ml/models/" + modelId + "/_deploy", null).get("task_id"));
                call("POST", "/_plugins/_ml/_predict/text_embedding/" + modelId, "{\"text_docs\":[\"ready?\"]}");
                return;
            } catch (ResponseException e) {
                String reason = EntityUtils.toString(e.getResponse().getEntity());
                assertTrue("unexpected ML Commons answer: " + reason, reason.contains("not ready") || reason.contains("deploying"));
                Thread.sleep(1000);
            }
        }
        fail("model " + modelId + " did not deploy");
    }

    private Map<String, Object> waitForTask(String taskId) throws Exception {
        for (int attempt = 0; attempt < 180; attempt++) {
            Map<String, Object> task = call("GET", "/_plugins/_ml/tasks/" + taskId, null);
            String state = (String) task.get("state");
            if ("COMPLETED".equals(state)) {
                return task;
            }
            assertFalse("ML task failed: " + task, "FAILED".equals(state) || "COMPLETED_WITH_ERROR".equals(state));
            Thread.sleep(1000);
        }
        throw new AssertionError("ML task " + taskId + " did not complete");
    }
}
