/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.Test;

/**
 * The code_context processor on Jaeger span documents in a real node, with the bundled MiniLM
 * model.
 */
public class CodeContextIT extends AiopsRestTestCase {

    private static final String OWNER = "cc";

    /**
     * Appended to function names: contexts new to this run, whatever the node's embedding cache
     * holds from before.
     */
    private static final String TAG = owned(OWNER, "").replace("-", "");

    /** This class's name for an index, pipeline or projection. */
    private static String cc(String what) {
        return owned(OWNER, what);
    }

    @AfterClass
    public static void deleteOwnedState() throws Exception {
        deleteOwned(
                OWNER); // the projection stays in the projections index (a system index): its name
        // is this run's
    }

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
    private Map<String, Object> indexAndGet(String index, String id, String source)
            throws Exception {
        call("PUT", "/" + index + "/_doc/" + id + "?refresh=true", source);
        return (Map<String, Object>) call("GET", "/" + index + "/_doc/" + id, null).get("_source");
    }

    @Test
    public void testInlineVectorsMaskedContextsAndSimilarity() throws Exception {
        call(
                "PUT",
                "/_ingest/pipeline/" + cc("inline"),
                "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
        call(
                "PUT",
                "/" + cc("inline"),
                "{\"settings\":{\"number_of_replicas\":0,\"default_pipeline\":\""
                        + cc("inline")
                        + "\"}}");
        Map<String, Object> a =
                indexAndGet(cc("inline"), "a", span("a", "getOrder", "String", "Order{id=4711}"));
        Map<String, Object> b =
                indexAndGet(cc("inline"), "b", span("b", "getOrder", "String", "Order{id=42}"));
        assertEquals(
                "identical code paths with different ids give one text",
                (Object) path(a, "code_context.text"),
                path(b, "code_context.text"));
        assertEquals(
                "OrderController.getOrder(String) returns Order{id=<NUM>}",
                (Object) path(a, "code_context.text"));
        assertEquals("tags", (Object) path(a, "code_context.source"));
        float[] va = floats(path(a, "code_context.vector"));
        assertEquals(384, va.length);
        assertEquals(1.0, cosine(va, floats(path(b, "code_context.vector"))), 1e-6);

        Map<String, Object> embedded =
                call(
                        "POST",
                        "/_plugins/_aiops/code_context/_embed",
                        "{\"texts\":[\"OrderController.createOrder(OrderRequest)\",\"OrderController.create(OrderRequest)\",\"PaymentService.refund(Long)\"]}");
        List<?> vectors = (List<?>) embedded.get("embeddings");
        float[] createOrder = floats((List<?>) vectors.get(0));
        double toCreate = cosine(createOrder, floats((List<?>) vectors.get(1)));
        double toRefund = cosine(createOrder, floats((List<?>) vectors.get(2)));
        assertTrue(
                "createOrder must be closer to create ("
                        + toCreate
                        + ") than to refund ("
                        + toRefund
                        + ")",
                toCreate > toRefund);

        Map<String, Object> stats = path(call("GET", "/_plugins/_aiops", null), "code_context");
        assertTrue(stats.toString(), ((Number) stats.get("cache_hits")).longValue() >= 1);
    }

    @Test
    public void testReferenceModeKeepsOnlyTextAndHash() throws Exception {
        long writtenBefore =
                ((Number)
                                path(
                                        call("GET", "/_plugins/_aiops", null),
                                        "code_context.contexts_written"))
                        .longValue();
        call("PUT", "/_ingest/pipeline/" + cc("ref"), "{\"processors\":[{\"code_context\":{}}]}");
        call(
                "PUT",
                "/" + cc("ref"),
                "{\"settings\":{\"number_of_replicas\":0,\"default_pipeline\":\""
                        + cc("ref")
                        + "\"}}");
        Map<String, Object> doc =
                indexAndGet(
                        cc("ref"),
                        "r",
                        span("r", "cancelOrder" + TAG, "String, Boolean", "Response{status=1}"));
        assertNull(
                "reference mode keeps the vector out of the span",
                path(doc, "code_context.vector"));
        assertEquals(16, ((String) path(doc, "code_context.hash")).length());
        Map<String, Object> fallback =
                indexAndGet(
                        cc("ref"),
                        "op",
                        "{\"spanID\":\"s\",\"operationName\":\"FilteringWebHandler.handle"
                                + TAG
                                + "\"}");
        assertEquals(
                "FilteringWebHandler.handle" + TAG, (Object) path(fallback, "code_context.text"));
        assertEquals("operation", (Object) path(fallback, "code_context.source"));
        assertBusy(
                () -> {
                    Map<String, Object> stats =
                            path(call("GET", "/_plugins/_aiops", null), "code_context");
                    assertTrue(
                            stats.toString(),
                            ((Number) stats.get("contexts_written")).longValue() - writtenBefore
                                    >= 2);
                });
    }

    @Test
    public void testBadSpansFailVisiblyAndBadOptionsAreNamed() throws Exception {
        call(
                "PUT",
                "/_ingest/pipeline/" + cc("bad"),
                "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
        assertClientError(
                failing(
                        "PUT",
                        "/" + cc("bad-idx") + "/_doc/1?pipeline=" + cc("bad"),
                        "{\"spanID\":\"x\",\"operationName\":\"\"}"),
                "[operationName]");
        assertClientError(
                failing(
                        "PUT",
                        "/" + cc("bad-idx") + "/_doc/2?pipeline=" + cc("bad"),
                        "{\"tags\":\"oops\",\"operationName\":7}"),
                "no code context");
        assertClientError(
                failing(
                        "PUT",
                        "/_ingest/pipeline/" + cc("bad-options"),
                        "{\"processors\":[{\"code_context\":{\"vector\":\"sideways\"}}]}"),
                "[vector]");
        assertClientError(
                failing(
                        "PUT",
                        "/_ingest/pipeline/" + cc("bad-options"),
                        "{\"processors\":[{\"code_context\":{\"colour\":1}}]}"),
                "colour");
        Map<String, Object> missing =
                call("GET", "/" + cc("bad-idx") + "/_count?ignore_unavailable=true", null);
        assertFalse(
                "nothing indexed silently: " + missing,
                ((Number) missing.getOrDefault("count", 0)).intValue() > 0);
    }

    /**
     * Jaeger with an index prefix of this class's own, so no other span index is created here. The
     * setup is cluster-wide (every {@code *jaeger-span-*} index, a template, a pipeline): what it
     * changed outside this class is put back at the end, so another class's span indices (the Nezha
     * import's) keep their pipeline.
     */
    @Test
    public void testJaegerSetupIsIdempotentAndKeepsJaegersTemplate() throws Exception {
        String prefix = cc("setup") + "-";
        Map<String, Object> foreignPipelines =
                call(
                        "GET",
                        "/*jaeger-span-*/_settings/index.default_pipeline?expand_wildcards=open",
                        null);
        boolean pipelineExisted = exists("/_ingest/pipeline/aiops-jaeger-spans");
        boolean templateExisted = exists("/_template/aiops-jaeger-span");
        // Jaeger's own legacy template (as its OpenSearch backend installs it) and a span index
        // from before the setup.
        call(
                "PUT",
                "/_template/" + prefix + "jaeger-span",
                "{\"index_patterns\":[\""
                        + prefix
                        + "jaeger-span-*\"],\"order\":0,"
                        + "\"settings\":{\"index.number_of_replicas\":0},\"mappings\":{\"properties\":{\"traceID\":{\"type\":\"keyword\"}}}}");
        call("PUT", "/" + prefix + "jaeger-span-2023-01-29", null);
        try {
            for (int i = 0; i < 2; i++) {
                Map<String, Object> setup = call("PUT", "/_plugins/_aiops/jaeger/_setup", null);
                assertEquals(Boolean.TRUE, setup.get("acknowledged"));
            }
            Map<String, Object> before =
                    indexAndGet(
                            prefix + "jaeger-span-2023-01-29",
                            "s1",
                            "{\"traceID\":\"t\",\"spanID\":\"s1\",\"operationName\":\"FilteringWebHandler.handle\"}");
            assertEquals("FilteringWebHandler.handle", (Object) path(before, "code_context.text"));
            Map<String, Object> after =
                    indexAndGet(
                            prefix + "jaeger-span-2023-01-30",
                            "s2",
                            "{\"traceID\":\"t\",\"spanID\":\"s2\",\"operationName\":\"OrderController.create\"}");
            assertEquals("OrderController.create", (Object) path(after, "code_context.text"));
            Map<String, Object> mapping =
                    call("GET", "/" + prefix + "jaeger-span-2023-01-30/_mapping", null);
            assertEquals(
                    "Jaeger's mapping still applies",
                    "keyword",
                    (Object)
                            path(
                                    mapping,
                                    prefix
                                            + "jaeger-span-2023-01-30.mappings.properties.traceID.type"));
        } finally {
            if (templateExisted == false) {
                call("DELETE", "/_template/aiops-jaeger-span", null);
            }
            call("DELETE", "/_template/" + prefix + "jaeger-span", null);
            call("DELETE", "/" + prefix + "jaeger-span-*", null);
            for (Map.Entry<String, Object> index : foreignPipelines.entrySet()) {
                Object settings = path(index.getValue(), "settings.index");
                Object previous =
                        settings instanceof Map<?, ?> map ? map.get("default_pipeline") : null;
                String value = previous == null ? "null" : "\"" + previous + "\"";
                call(
                        "PUT",
                        "/" + index.getKey() + "/_settings",
                        "{\"index.default_pipeline\":" + value + "}");
            }
            if (pipelineExisted == false) {
                call("DELETE", "/_ingest/pipeline/aiops-jaeger-spans", null);
            }
        }
    }

    private static boolean exists(String endpoint) throws Exception {
        try {
            client().performRequest(new org.opensearch.client.Request("GET", endpoint));
            return true;
        } catch (org.opensearch.client.ResponseException e) {
            assertEquals(e.getMessage(), 404, e.getResponse().getStatusLine().getStatusCode());
            return false;
        }
    }

    /**
     * A _bulk's new contexts cost one embedding call; its duplicates share a vector; a bad span
     * fails alone.
     */
    @Test
    public void testBulkEmbedsItsMissesInOneCall() throws Exception {
        call(
                "PUT",
                "/_ingest/pipeline/" + cc("batch"),
                "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
        Map<String, Object> before = path(call("GET", "/_plugins/_aiops", null), "code_context");
        String[] functions = {
            "batchOne" + TAG,
            "batchTwo" + TAG,
            "batchThree" + TAG,
            "batchFour" + TAG,
            "batchTwo" + TAG
        };
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < functions.length; i++) {
            bulk.append("{\"index\":{\"_index\":\"" + cc("batch") + "\",\"_id\":\"")
                    .append(i)
                    .append("\"}}\n");
            bulk.append(span("b" + i, functions[i], "Long", "Ticket{id=" + i + "}")).append('\n');
        }
        bulk.append(
                "{\"index\":{\"_index\":\""
                        + cc("batch")
                        + "\",\"_id\":\"bad\"}}\n{\"spanID\":\"z\",\"operationName\":\"\"}\n");
        org.opensearch.client.Request request =
                new org.opensearch.client.Request(
                        "POST", "/_bulk?pipeline=" + cc("batch") + "&refresh=true");
        request.setJsonEntity(bulk.toString());
        Map<String, Object> response = entityAsMap(client().performRequest(request));
        List<?> items = (List<?>) response.get("items");
        for (int i = 0; i < functions.length; i++) {
            assertEquals(
                    items.get(i).toString(),
                    201,
                    ((Number) path(items.get(i), "index.status")).intValue());
        }
        assertEquals(400, ((Number) path(items.get(functions.length), "index.status")).intValue());
        assertTrue(
                items.get(functions.length).toString(),
                items.get(functions.length).toString().contains("[operationName]"));

        Map<String, Object> after = path(call("GET", "/_plugins/_aiops", null), "code_context");
        assertEquals(
                "one embedding call for the whole bulk", 1L, counter(after, before, "embed_calls"));
        assertEquals("four distinct new contexts", 4L, counter(after, before, "texts_embedded"));
        @SuppressWarnings("unchecked")
        Map<String, Object> two =
                (Map<String, Object>)
                        call("GET", "/" + cc("batch") + "/_doc/1", null).get("_source");
        @SuppressWarnings("unchecked")
        Map<String, Object> twoAgain =
                (Map<String, Object>)
                        call("GET", "/" + cc("batch") + "/_doc/4", null).get("_source");
        assertEquals(
                1.0,
                cosine(
                        floats(path(two, "code_context.vector")),
                        floats(path(twoAgain, "code_context.vector"))),
                1e-6);
    }

    private static long counter(
            Map<String, Object> after, Map<String, Object> before, String name) {
        return ((Number) after.get(name)).longValue() - ((Number) before.get(name)).longValue();
    }

    @Test
    public void testFitPcaAndApplyIt() throws Exception {
        // A pipeline naming a projection that is not fitted yet: its documents fail, naming it,
        // until the fit.
        call(
                "PUT",
                "/_ingest/pipeline/" + cc("pca-early"),
                "{\"processors\":[{\"code_context\":{\"pca\":\"" + cc("spans") + "\"}}]}");
        assertClientError(
                failing(
                        "PUT",
                        "/" + cc("pca-early") + "/_doc/e?pipeline=" + cc("pca-early"),
                        span("e", "f", "", "")),
                "pca projection [" + cc("spans") + "] not found");
        call(
                "PUT",
                "/_ingest/pipeline/" + cc("pca-fit"),
                "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
        String[] functions = {
            "createOrder",
            "cancelOrder",
            "getOrder",
            "refund",
            "pay",
            "login",
            "logout",
            "search",
            "book",
            "rebook"
        };
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < functions.length; i++) {
            bulk.append("{\"index\":{\"_index\":\"" + cc("pca") + "\",\"_id\":\"")
                    .append(i)
                    .append("\"}}\n");
            bulk.append(span("p" + i, functions[i], "String", "Response")).append('\n');
        }
        org.opensearch.client.Request request =
                new org.opensearch.client.Request(
                        "POST", "/_bulk?pipeline=" + cc("pca-fit") + "&refresh=true");
        request.setJsonEntity(bulk.toString());
        assertEquals(Boolean.FALSE, entityAsMap(client().performRequest(request)).get("errors"));

        Map<String, Object> fitted =
                call(
                        "POST",
                        "/_plugins/_aiops/code_context/_fit_pca",
                        "{\"name\":\""
                                + cc("spans")
                                + "\",\"index\":\""
                                + cc("pca")
                                + "\",\"field\":\"code_context.vector\",\"variance\":0.9}");
        int components = ((Number) fitted.get("components")).intValue();
        assertEquals(384, ((Number) fitted.get("dimensions")).intValue());
        assertTrue(fitted.toString(), components >= 1 && components < 10);
        assertTrue(((Number) fitted.get("explained_variance")).doubleValue() >= 0.9);

        call(
                "PUT",
                "/" + cc("pca-early") + "/_doc/e2?pipeline=" + cc("pca-early") + "&refresh=true",
                span("e2", "createOrder", "String", "Response"));
        List<?> early =
                path(
                        call("GET", "/" + cc("pca-early") + "/_doc/e2", null),
                        "_source.code_context.reduced");
        assertEquals(
                "right after the fit, the pipeline whose documents failed before projects",
                components,
                early.size());
        call(
                "PUT",
                "/_ingest/pipeline/" + cc("pca-use"),
                "{\"processors\":[{\"code_context\":{\"pca\":\"" + cc("spans") + "\"}}]}");
        call(
                "PUT",
                "/" + cc("pca-out"),
                "{\"settings\":{\"number_of_replicas\":0,\"default_pipeline\":\""
                        + cc("pca-use")
                        + "\"}}");
        Map<String, Object> reduced =
                indexAndGet(cc("pca-out"), "x", span("x", "createOrder", "String", "Response"));
        assertEquals(components, ((List<?>) path(reduced, "code_context.reduced")).size());
        assertBulkProjects(cc("pca-use"), components);

        // A new node process: the projection is in no node's memory; the first documents load it
        // without waiting.
        restartNode();
        assertBulkProjects(cc("pca-use"), components);
        assertEquals(
                components,
                ((List<?>)
                                path(
                                        indexAndGet(
                                                cc("pca-out"),
                                                "z",
                                                span("z", "pay", "String", "Response")),
                                        "code_context.reduced"))
                        .size());

        call(
                "PUT",
                "/_ingest/pipeline/" + cc("pca-missing"),
                "{\"processors\":[{\"code_context\":{\"pca\":\""
                        + cc("no-such-projection")
                        + "\"}}]}");
        assertClientError(
                failing(
                        "PUT",
                        "/" + cc("pca-out") + "/_doc/y?pipeline=" + cc("pca-missing"),
                        span("y", "f", "", "")),
                "pca projection [" + cc("no-such-projection") + "] not found");
        assertClientError(
                failing(
                        "POST",
                        "/_plugins/_aiops/code_context/_fit_pca",
                        "{\"index\":\"" + cc("pca") + "\"}"),
                "[name]");
        assertClientError(
                failing(
                        "POST",
                        "/_plugins/_aiops/code_context/_fit_pca",
                        "{\"name\":\"a\",\"variance\":2}"),
                "[variance]");
        assertClientError(
                failing(
                        "POST",
                        "/_plugins/_aiops/code_context/_fit_pca",
                        "{\"name\":\"a\",\"index\":\"" + cc("pca") + "\",\"field\":\"nothing\"}"),
                "at least 2");
    }

    /**
     * A _bulk through a pipeline with {@code pca} (the batched path): every span gets its reduced
     * vector.
     */
    private void assertBulkProjects(String pipeline, int components) throws Exception {
        StringBuilder bulk = new StringBuilder();
        for (String function : List.of("book", "rebook", "search")) {
            bulk.append("{\"index\":{\"_index\":\"" + cc("pca-bulk") + "\"}}\n")
                    .append(span("q", function, "String", "Response"))
                    .append('\n');
        }
        org.opensearch.client.Request request =
                new org.opensearch.client.Request(
                        "POST", "/_bulk?pipeline=" + pipeline + "&refresh=true");
        request.setJsonEntity(bulk.toString());
        Map<String, Object> response = entityAsMap(client().performRequest(request));
        assertEquals(response.toString(), Boolean.FALSE, response.get("errors"));
        for (Object item : (List<?>) response.get("items")) {
            String id = path(item, "index._id");
            Map<String, Object> doc = call("GET", "/" + cc("pca-bulk") + "/_doc/" + id, null);
            assertEquals(
                    doc.toString(),
                    components,
                    ((List<?>) path(doc, "_source.code_context.reduced")).size());
        }
    }

    /**
     * model_id: ML Commons embeds instead of the bundled model; the vectors agree, and its failures
     * fail the span.
     */
    @Test
    public void testMlCommonsModelIdAgreesWithBundledModelAndFailsVisibly() throws Exception {
        String modelId = MlCommonsModels.registerMiniLmFromLocalFile();
        MlCommonsModels.deploy(modelId);
        try {
            call(
                    "PUT",
                    "/_ingest/pipeline/" + cc("ml"),
                    "{\"processors\":[{\"code_context\":{\"vector\":\"inline\",\"model_id\":\""
                            + modelId
                            + "\"}}]}");
            call(
                    "PUT",
                    "/_ingest/pipeline/" + cc("bundled"),
                    "{\"processors\":[{\"code_context\":{\"vector\":\"inline\"}}]}");
            call(
                    "PUT",
                    "/" + cc("ml") + "/_doc/1?pipeline=" + cc("ml") + "&refresh=true",
                    span("m1", "createOrder", "OrderRequest", "Response"));
            call(
                    "PUT",
                    "/" + cc("ml") + "/_doc/2?pipeline=" + cc("bundled") + "&refresh=true",
                    span("m2", "createOrder", "OrderRequest", "Response"));
            float[] viaMl =
                    floats(
                            path(
                                    call("GET", "/" + cc("ml") + "/_doc/1", null),
                                    "_source.code_context.vector"));
            float[] bundled =
                    floats(
                            path(
                                    call("GET", "/" + cc("ml") + "/_doc/2", null),
                                    "_source.code_context.vector"));
            assertTrue("cosine " + cosine(viaMl, bundled), cosine(viaMl, bundled) >= 0.99);

            call(
                    "PUT",
                    "/_ingest/pipeline/" + cc("unknown-model"),
                    "{\"processors\":[{\"code_context\":{\"model_id\":\"no-such-model\"}}]}");
            assertClientError(
                    failing(
                            "PUT",
                            "/" + cc("ml") + "/_doc/3?pipeline=" + cc("unknown-model"),
                            span("m3", "f", "", "")),
                    "model_id [no-such-model]");
        } finally {
            call("POST", "/_plugins/_ml/models/" + modelId + "/_undeploy", null);
        }
        // Undeployed mid-ingest: a context not cached yet cannot be embedded, and the span says
        // why.
        assertClientError(
                failing(
                        "PUT",
                        "/" + cc("ml") + "/_doc/4?pipeline=" + cc("ml"),
                        span("m4", "refund", "Long", "")),
                "model_id [" + modelId + "]");
    }
}
