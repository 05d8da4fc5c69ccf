/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.opensearch.client.ResponseException;

/**
 * The bundled MiniLM model registered and deployed in ML Commons from a local file, as the
 * air-gapped install does.
 */
final class MlCommonsModels extends AiopsRestTestCase {

    private MlCommonsModels() {}

    /**
     * The bundled model files, zipped as ML Commons expects, in a folder the node's unprivileged
     * user can read.
     */
    static String registerMiniLmFromLocalFile() throws Exception {
        call(
                "PUT",
                "/_cluster/settings",
                "{\"persistent\":{\"plugins.ml_commons.allow_registering_model_via_url\":true,"
                        + "\"plugins.ml_commons.allow_registering_model_via_local_file\":true,"
                        + "\"plugins.ml_commons.trusted_url_regex\":\"^file:.*$\"}}");
        Path modelDir = Path.of(System.getProperty("aiops.model.dir"));
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "aiops-it-model-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path zip = dir.resolve("all-minilm-l6-v2-q.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream zipOut = new ZipOutputStream(out)) {
            zipOut.putNextEntry(new ZipEntry("all-minilm-l6-v2-q.onnx"));
            Files.copy(modelDir.resolve("all-minilm-l6-v2-q.onnx"), zipOut);
            zipOut.putNextEntry(new ZipEntry("tokenizer.json"));
            Files.copy(modelDir.resolve("all-minilm-l6-v2-q-tokenizer.json"), zipOut);
        }
        Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-r--r--"));
        String sha256 =
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(Files.readAllBytes(zip)));
        String body =
                "{\"name\":\"all-minilm-l6-v2-q\",\"version\":\"1.0.0\",\"model_format\":\"ONNX\",\"function_name\":\"TEXT_EMBEDDING\","
                        + "\"model_content_hash_value\":\""
                        + sha256
                        + "\",\"model_content_size_in_bytes\":"
                        + Files.size(zip)
                        + ",\"model_config\":{\"model_type\":\"bert\",\"embedding_dimension\":384,\"framework_type\":\"sentence_transformers\","
                        + "\"pooling_mode\":\"MEAN\",\"normalize_result\":true},\"url\":\"file://"
                        + zip
                        + "\"}";
        Map<String, Object> task =
                waitForTask(
                        (String)
                                call("POST", "/_plugins/_ml/models/_register", body)
                                        .get("task_id"));
        return (String) task.get("model_id");
    }

    /**
     * Deploys the model and waits until ML Commons answers predictions with it. After a restart the
     * stored model_state may still say DEPLOYED while nothing is loaded, and ML Commons' own
     * auto-redeploy may be under way.
     */
    static void deploy(String modelId) throws Exception {
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                waitForTask(
                        (String)
                                call("POST", "/_plugins/_ml/models/" + modelId + "/_deploy", null)
                                        .get("task_id"));
                call(
                        "POST",
                        "/_plugins/_ml/_predict/text_embedding/" + modelId,
                        "{\"text_docs\":[\"ready?\"]}");
                return;
            } catch (ResponseException e) {
                String reason = EntityUtils.toString(e.getResponse().getEntity());
                assertTrue(
                        "unexpected ML Commons answer: " + reason,
                        reason.contains("not ready") || reason.contains("deploying"));
                Thread.sleep(1000);
            }
        }
        fail("model " + modelId + " did not deploy");
    }

    static Map<String, Object> waitForTask(String taskId) throws Exception {
        for (int attempt = 0; attempt < 180; attempt++) {
            Map<String, Object> task = call("GET", "/_plugins/_ml/tasks/" + taskId, null);
            String state = (String) task.get("state");
            if ("COMPLETED".equals(state)) {
                return task;
            }
            assertFalse(
                    "ML task failed: " + task,
                    "FAILED".equals(state) || "COMPLETED_WITH_ERROR".equals(state));
            Thread.sleep(1000);
        }
        throw new AssertionError("ML task " + taskId + " did not complete");
    }
}
