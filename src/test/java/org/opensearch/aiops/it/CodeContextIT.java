package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The code_context processor on Jaeger span documents in a real node, with the bundled MiniLM model. */
public class CodeContextIT extends AiopsRestTestCase {

    private static String span(String spanId, String function, String parameters, String returned) {
        return "{\"traceID\":\"t1\",\"spanID\":\""
            + spanId
            + "\",\"operationName\":\"POST /api/v1/orders\",\"startTime\":1674986400000000,\"duration\":1200,"
            + "\"tags\":[{\"key\":\"code.namespace\",\"type\":\"string\",\"value\":\"OrderController\"},"
            + "{\"key\":\"code.function\",\"type\":\"string\",\"value\":\""
            + function
            + "\"},{\"key\":\"code.parameters\",\"type\":\"string\",\"value\":\""
            + parameters
            + "\"},{\"key\":\"code.return\",\"type\":\"string\",\"value\":\""
            + returned
            + "\"}],\"process\":{\"serviceName\":\"ts-order-service\",\"tags\":[]}}";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> indexAndGet(String index, String id, String source) throws Exception {
        call("PUT", "/" + index + "/_doc/" + id + "?refresh=true", source);
        return (Map<String, Object>) call("GET", "/" + index + "/_doc/" + id, null).get("_source");
    }

    @Test
    public void testInlineVectorsMaskedContextsAndSimilarity() throws Exception {
        call("PUT", "/_ingest/pipeline/it-spans-inline", "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
        call("PUT", "/it-spans-inline", "{\"settings\":{\"number_of_replicas\":0,\"default_pipeline\":\"it-spans-inline\"}}");
        Map<String, Object> a = indexAndGet("it-spans-inline", "a", span("a", "getOrder", "String", "Order{id=4711}"));
        Map<String, Object> b = indexAndGet("it-spans-inline", "b", span("b", "getOrder", "String", "Order{id=42}"));
        assertEquals("identical code paths with different ids give one text", (Object) path(a, "code_context.text"), path(b, "code_context.text"));
        assertEquals("OrderController.getOrder(String) returns Order{id=<NUM>}", (Object) path(a, "code_context.text"));
        assertEquals("tags", (Object) path(a, "code_context.source"));
        float[] va = floats(path(a, "code_context.vector"));
        assertEquals(384, va.length);
        assertEquals(1.0, cosine(va, floats(path(b, "code_context.vector"))), 1e-6);

        Map<String, Object> embedded = call(
            "POST",
            "/_plugins/_aiops/code_context/_embed",
            "{\"texts\":[\"OrderController.createOrder(OrderRequest)\",\"OrderController.create(OrderRequest)\",\"PaymentService.refund(Long)\"]}"
        );
        List<?> vectors = (List<?>) embedded.get("embeddings");
        float[] createOrder = floats((List<?>) vectors.get(0));
        double toCreate = cosine(createOrder, floats((List<?>) vectors.get(1)));
        double toRefund = cosine(createOrder, floats((List<?>) vectors.get(2)));
        assertTrue("createOrder must be closer to create (" + toCreate + ") than to refund (" + toRefund + ")", toCreate > toRefund);

        Map<String, Object> stats = path(call("GET", "/_plugins/_aiops", null), "code_context");
        assertTrue(stats.toString(), ((Number) stats.get("cache_hits")).longValue() >= 1);
    }

    @Test
    public void testReferenceModeKeepsOnlyTextAndHash() throws Exception {
        call("PUT", "/_ingest/pipeline/it-spans-ref", "{\"processors\":[{\"code_context\":{}}]}");
        call("PUT", "/it-spans-ref", "{\"settings\":{\"number_of_replicas\":0,\"default_pipeline\":\"it-spans-ref\"}}");
        Map<String, Object> doc = indexAndGet("it-spans-ref", "r", span("r", "cancelOrder", "String, Boolean", "Response{status=1}"));
        assertNull("reference mode keeps the vector out of the span", path(doc, "code_context.vector"));
        assertEquals(16, ((String) path(doc, "code_context.hash")).length());
        Map<String, Object> fallback = indexAndGet("it-spans-ref", "op", "{\"spanID\":\"s\",\"operationName\":\"FilteringWebHandler.handle\"}");
        assertEquals("FilteringWebHandler.handle", (Object) path(fallback, "code_context.text"));
        assertEquals("operation", (Object) path(fallback, "code_context.source"));
        assertBusy(() -> {
            Map<String, Object> stats = path(call("GET", "/_plugins/_aiops", null), "code_context");
            assertTrue(stats.toString(), ((Number) stats.get("contexts_written")).longValue() >= 2);
        });
    }

    @Test
    public void testBadSpansFailVisiblyAndBadOptionsAreNamed() throws Exception {
        call("PUT", "/_ingest/pipeline/it-spans-bad", "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
        assertClientError(failing("PUT", "/it-spans-bad-idx/_doc/1?pipeline=it-spans-bad", "{\"spanID\":\"x\",\"operationName\":\"\"}"), "[operationName]");
        assertClientError(
            failing("PUT", "/it-spans-bad-idx/_doc/2?pipeline=it-spans-bad", "{\"tags\":\"oops\",\"operationName\":7}"),
            "no code context"
        );
        assertClientError(failing("PUT", "/_ingest/pipeline/bad", "{\"processors\":[{\"code_context\":{\"vector\":\"sideways\"}}]}"), "[vector]");
        assertClientError(failing("PUT", "/_ingest/pipeline/bad", "{\"processors\":[{\"code_context\":{\"colour\":1}}]}"), "colour");
        Map<String, Object> missing = call("GET", "/it-spans-bad-idx/_count?ignore_unavailable=true", null);
        assertFalse("nothing indexed silently: " + missing, ((Number) missing.getOrDefault("count", 0)).intValue() > 0);
    }

    /**
     * Jaeger with an index prefix ({@code itsetup-}), so the other tests' span indices are not touched; the setup's
     * cluster-wide template is removed again at the end.
     */
    @Test
    public void testJaegerSetupIsIdempotentAndKeepsJaegersTemplate() throws Exception {
        // Jaeger's own legacy template (as its OpenSearch backend installs it) and a span index from before the setup.
        call("PUT", "/_template/itsetup-jaeger-span", "{\"index_patterns\":[\"itsetup-jaeger-span-*\"],\"order\":0,"
            + "\"settings\":{\"index.number_of_replicas\":0},\"mappings\":{\"properties\":{\"traceID\":{\"type\":\"keyword\"}}}}");
        call("PUT", "/itsetup-jaeger-span-2023-01-29", null);
        try {
            for (int i = 0; i < 2; i++) {
                Map<String, Object> setup = call("PUT", "/_plugins/_aiops/jaeger/_setup", null);
                assertEquals(Boolean.TRUE, setup.get("acknowledged"));
            }
            Map<String, Object> before = indexAndGet("itsetup-jaeger-span-2023-01-29", "s1", "{\"traceID\":\"t\",\"spanID\":\"s1\",\"operationName\":\"FilteringWebHandler.handle\"}");
            assertEquals("FilteringWebHandler.handle", (Object) path(before, "code_context.text"));
            Map<String, Object> after = indexAndGet("itsetup-jaeger-span-2023-01-30", "s2", "{\"traceID\":\"t\",\"spanID\":\"s2\",\"operationName\":\"OrderController.create\"}");
            assertEquals("OrderController.create", (Object) path(after, "code_context.text"));
            Map<String, Object> mapping = call("GET", "/itsetup-jaeger-span-2023-01-30/_mapping", null);
            assertEquals("Jaeger's mapping still applies", "keyword", (Object) path(mapping, "itsetup-jaeger-span-2023-01-30.mappings.properties.traceID.type"));
        } finally {
            call("DELETE", "/_template/aiops-jaeger-span", null);
            call("DELETE", "/_template/itsetup-jaeger-span", null);
            call("DELETE", "/itsetup-jaeger-span-*", null);
        }
    }

    /** A _bulk's new contexts cost one embedding call; its duplicates share a vector; a bad span fails alone. */
    @Test
    public void testBulkEmbedsItsMissesInOneCall() throws Exception {
        call("PUT", "/_ingest/pipeline/it-spans-batch", "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
        Map<String, Object> before = path(call("GET", "/_plugins/_aiops", null), "code_context");
        String[] functions = { "batchOne", "batchTwo", "batchThree", "batchFour", "batchTwo" };
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < functions.length; i++) {
            bulk.append("{\"index\":{\"_index\":\"it-spans-batch\",\"_id\":\"").append(i).append("\"}}\n");
            bulk.append(span("b" + i, functions[i], "Long", "Ticket{id=" + i + "}")).append('\n');
        }
        bulk.append("{\"index\":{\"_index\":\"it-spans-batch\",\"_id\":\"bad\"}}\n{\"spanID\":\"z\",\"operationName\":\"\"}\n");
        org.opensearch.client.Request request = new org.opensearch.client.Request("POST", "/_bulk?pipeline=it-spans-batch&refresh=true");
        request.setJsonEntity(bulk.toString());
        Map<String, Object> response = entityAsMap(client().performRequest(request));
        List<?> items = (List<?>) response.get("items");
        for (int i = 0; i < functions.length; i++) {
            assertEquals(items.get(i).toString(), 201, ((Number) path(items.get(i), "index.status")).intValue());
        }
        assertEquals(400, ((Number) path(items.get(functions.length), "index.status")).intValue());
        assertTrue(items.get(functions.length).toString(), items.get(functions.length).toString().contains("[operationName]"));

        Map<String, Object> after = path(call("GET", "/_plugins/_aiops", null), "code_context");
        assertEquals("one embedding call for the whole bulk", 1L, counter(after, before, "embed_calls"));
        assertEquals("four distinct new contexts", 4L, counter(after, before, "texts_embedded"));
        @SuppressWarnings("unchecked")
        Map<String, Object> two = (Map<String, Object>) call("GET", "/it-spans-batch/_doc/1", null).get("_source");
        @SuppressWarnings("unchecked")
        Map<String, Object> twoAgain = (Map<String, Object>) call("GET", "/it-spans-batch/_doc/4", null).get("_source");
        assertEquals(1.0, cosine(floats(path(two, "code_context.vector")), floats(path(twoAgain, "code_context.vector"))), 1e-6);
    }

    private static long counter(Map<String, Object> after, Map<String, Object> before, String name) {
        return ((Number) after.get(name)).longValue() - ((Number) before.get(name)).longValue();
    }

    @Test
    public void testFitPcaAndApplyIt() throws Exception {
        call("PUT", "/_ingest/pipeline/it-spans-pca-fit", "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
        String[] functions = { "createOrder", "cancelOrder", "getOrder", "refund", "pay", "login", "logout", "search", "book", "rebook" };
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < functions.length; i++) {
            bulk.append("{\"index\":{\"_index\":\"it-spans-pca\",\"_id\":\"").append(i).append("\"}}\n");
            bulk.append(span("p" + i, functions[i], "String", "Response")).append('\n');
        }
        org.opensearch.client.Request request = new org.opensearch.client.Request("POST", "/_bulk?pipeline=it-spans-pca-fit&refresh=true");
        request.setJsonEntity(bulk.toString());
        assertEquals(Boolean.FALSE, entityAsMap(client().performRequest(request)).get("errors"));

        Map<String, Object> fitted = call(
            "POST",
            "/_plugins/_aiops/code_context/_fit_pca",
            "{\"name\":\"it-spans\",\"index\":\"it-spans-pca\",\"field\":\"code_context.vector\",\"variance\":0.9}"
        );
        int components = ((Number) fitted.get("components")).intValue();
        assertEquals(384, ((Number) fitted.get("dimensions")).intValue());
        assertTrue(fitted.toString(), components >= 1 && components < 10);
        assertTrue(((Number) fitted.get("explained_variance")).doubleValue() >= 0.9);

        call("PUT", "/_ingest/pipeline/it-spans-pca-use", "{\"processors\":[{\"code_context\":{\"pca\":\"it-spans\"}}]}");
        call("PUT", "/it-spans-pca-out", "{\"settings\":{\"number_of_replicas\":0,\"default_pipeline\":\"it-spans-pca-use\"}}");
        Map<String, Object> reduced = indexAndGet("it-spans-pca-out", "x", span("x", "createOrder", "String", "Response"));
        assertEquals(components, ((List<?>) path(reduced, "code_context.reduced")).size());

        call("PUT", "/_ingest/pipeline/it-spans-pca-missing", "{\"processors\":[{\"code_context\":{\"pca\":\"nope\"}}]}");
        assertClientError(failing("PUT", "/it-spans-pca-out/_doc/y?pipeline=it-spans-pca-missing", span("y", "f", "", "")), "pca projection [nope] not found");
        assertClientError(failing("POST", "/_plugins/_aiops/code_context/_fit_pca", "{\"index\":\"it-spans-pca\"}"), "[name]");
        assertClientError(failing("POST", "/_plugins/_aiops/code_context/_fit_pca", "{\"name\":\"a\",\"variance\":2}"), "[variance]");
        assertClientError(failing("POST", "/_plugins/_aiops/code_context/_fit_pca", "{\"name\":\"a\",\"index\":\"it-spans-pca\",\"field\":\"nothing\"}"), "at least 2");
    }

    /** model_id: ML Commons embeds instead of the bundled model; the vectors agree, and its failures fail the span. */
    @Test
    public void testMlCommonsModelIdAgreesWithBundledModelAndFailsVisibly() throws Exception {
        String modelId = MlCommonsModels.registerMiniLmFromLocalFile();
        MlCommonsModels.deploy(modelId);
        try {
            call("PUT", "/_ingest/pipeline/it-spans-ml", "{\"processors\":[{\"code_context\":{\"vector\":\"inline\",\"model_id\":\"" + modelId + "\"}}]}");
            call("PUT", "/_ingest/pipeline/it-spans-bundled", "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
            call("PUT", "/it-spans-ml/_doc/1?pipeline=it-spans-ml&refresh=true", span("m1", "createOrder", "OrderRequest", "Response"));
            call("PUT", "/it-spans-ml/_doc/2?pipeline=it-spans-bundled&refresh=true", span("m2", "createOrder", "OrderRequest", "Response"));
            float[] viaMl = floats(path(call("GET", "/it-spans-ml/_doc/1", null), "_source.code_context.vector"));
            float[] bundled = floats(path(call("GET", "/it-spans-ml/_doc/2", null), "_source.code_context.vector"));
            assertTrue("cosine " + cosine(viaMl, bundled), cosine(viaMl, bundled) >= 0.99);

            call("PUT", "/_ingest/pipeline/it-spans-unknown-model", "{\"processors\":[{\"code_context\":{\"model_id\":\"no-such-model\"}}]}");
            assertClientError(failing("PUT", "/it-spans-ml/_doc/3?pipeline=it-spans-unknown-model", span("m3", "f", "", "")), "model_id [no-such-model]");
        } finally {
            call("POST", "/_plugins/_ml/models/" + modelId + "/_undeploy", null);
        }
        // Undeployed mid-ingest: a context not cached yet cannot be embedded, and the span says why.
        assertClientError(failing("PUT", "/it-spans-ml/_doc/4?pipeline=it-spans-ml", span("m4", "refund", "Long", "")), "model_id [" + modelId + "]");
    }

}
