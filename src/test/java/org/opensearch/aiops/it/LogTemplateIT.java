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

import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.AfterClass;
import org.junit.Test;
import org.opensearch.client.Request;
import org.opensearch.client.Response;

/** The log_template processor in ingest pipelines of a real node, and the templates REST API. */
public class LogTemplateIT extends AiopsRestTestCase {

    private static final String OWNER = "lt";
    private static final String NS = owned(OWNER, "sshd");
    private static final String LOGS = owned(OWNER, "logs");

    @AfterClass
    public static void deleteOwnedState() throws Exception {
        for (String namespace :
                List.of(NS, owned(OWNER, "shared"), owned(OWNER, "updated"), owned(OWNER, "cap"))) {
            call("DELETE", "/_plugins/_aiops/templates?namespace=" + namespace, null);
        }
        deleteOwned(OWNER);
    }

    @Test
    public void testPipelineBulkTemplatesApi() throws Exception {
        call(
                "PUT",
                "/_ingest/pipeline/" + LOGS,
                "{\"processors\":[{\"log_template\":{\"namespace\":\"" + NS + "\"}}]}");
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            bulk.append("{\"index\":{\"_index\":\"" + LOGS + "\"}}\n");
            String line =
                    i % 2 == 0
                            ? "Accepted password for root from 10.0.0."
                                    + i
                                    + " port "
                                    + (1000 + i)
                                    + " ssh2"
                            : "Connection closed by 10.0.1."
                                    + i
                                    + " port "
                                    + (2000 + i)
                                    + " [preauth]";
            bulk.append("{\"message\":\"").append(line).append("\"}\n");
        }
        bulk.append("{\"index\":{\"_index\":\"" + LOGS + "\"}}\n{\"msg\":\"no message field\"}\n");
        Request request = new Request("POST", "/_bulk?pipeline=" + LOGS + "&refresh=true");
        request.setJsonEntity(bulk.toString());
        Map<String, Object> result = entityAsMap(client().performRequest(request));
        assertEquals(
                "the document without [message] must fail visibly, not vanish",
                Boolean.TRUE,
                result.get("errors"));
        List<?> items = (List<?>) result.get("items");
        assertEquals(41, items.size());
        String lastError = String.valueOf((Object) path(items.get(40), "index.error.reason"));
        assertTrue(lastError, lastError.contains("[message]"));
        for (int i = 0; i < 40; i++) {
            assertEquals(201, ((Number) path(items.get(i), "index.status")).intValue());
        }

        Map<String, Object> search = call("GET", "/" + LOGS + "/_search?size=100", null);
        List<?> hits = path(search, "hits.hits");
        assertEquals(40, hits.size());
        String acceptedId = null;
        for (Object hit : hits) {
            String message = path(hit, "_source.message");
            if (message.startsWith("Accepted")) {
                String id = path(hit, "_source.log_template.id");
                assertTrue(
                        "one template id for all Accepted lines",
                        acceptedId == null || acceptedId.equals(id));
                acceptedId = id;
            }
        }
        assertNotNull(acceptedId);

        call("POST", "/_plugins/_aiops/templates/_sync", null);
        Map<String, Object> listing =
                call(
                        "GET",
                        "/_plugins/_aiops/templates?namespace=" + NS + "&sort=count&size=10",
                        null);
        List<?> templates = (List<?>) listing.get("templates");
        assertEquals(listing.toString(), 2, templates.size());
        long total = 0;
        for (Object template : templates) {
            total += ((Number) path(template, "count")).longValue();
            assertNotNull(path(template, "first_seen"));
            assertNotNull(path(template, "last_seen"));
            assertNotNull(path(template, "example"));
        }
        assertEquals(40, total);

        Map<String, Object> one = call("GET", "/_plugins/_aiops/templates/" + acceptedId, null);
        assertEquals(acceptedId, one.get("id"));
        assertEquals(20, ((Number) one.get("count")).intValue());
        assertTrue(
                one.get("template").toString(),
                one.get("template").toString().startsWith("Accepted password for"));

        // Dry run: sees the stored templates but changes nothing.
        Map<String, Object> parsed =
                call(
                        "POST",
                        "/_plugins/_aiops/templates/_parse",
                        "{\"namespace\":\""
                                + NS
                                + "\",\"lines\":[\"Accepted password for root from 10.0.0.99 port 9 ssh2\",\"brand new line\"]}");
        assertEquals(acceptedId, path(parsed, "results.0.id"));
        assertEquals("created", path(parsed, "results.1.change"));
        call("POST", "/_plugins/_aiops/templates/_sync", null);
        assertEquals(
                20,
                ((Number)
                                call("GET", "/_plugins/_aiops/templates/" + acceptedId, null)
                                        .get("count"))
                        .intValue());
        assertEquals(
                2,
                ((List<?>)
                                call("GET", "/_plugins/_aiops/templates?namespace=" + NS, null)
                                        .get("templates"))
                        .size());

        Map<String, Object> stats = call("GET", "/_plugins/_aiops/templates/_stats", null);
        Map<?, ?> nodes = (Map<?, ?>) stats.get("nodes");
        assertEquals(1, nodes.size());
        Map<?, ?> node = (Map<?, ?>) nodes.values().iterator().next();
        assertTrue(node.toString(), ((Number) node.get("lines_parsed")).longValue() >= 40);

        Map<String, Object> deleted =
                call("DELETE", "/_plugins/_aiops/templates?namespace=" + NS, null);
        assertEquals(2, ((Number) deleted.get("deleted")).intValue());
        assertTrue(
                ((List<?>)
                                call("GET", "/_plugins/_aiops/templates?namespace=" + NS, null)
                                        .get("templates"))
                        .isEmpty());
        assertClientError(
                failing("GET", "/_plugins/_aiops/templates/" + acceptedId, null), "not found");
    }

    @Test
    public void testIgnoreMissingKeepsTheDocument() throws Exception {
        String lenient = owned(OWNER, "lenient");
        call(
                "PUT",
                "/_ingest/pipeline/" + lenient,
                "{\"processors\":[{\"log_template\":{\"ignore_missing\":true}}]}");
        call(
                "PUT",
                "/" + lenient + "/_doc/1?pipeline=" + lenient + "&refresh=true",
                "{\"other\":\"x\"}");
        Map<String, Object> doc = call("GET", "/" + lenient + "/_doc/1", null);
        assertEquals("x", path(doc, "_source.other"));
        assertFalse(((Map<?, ?>) doc.get("_source")).containsKey("log_template"));
    }

    @Test
    public void testBadPipelineOptionsAreNamed() throws Exception {
        assertClientError(
                failing(
                        "PUT",
                        "/_ingest/pipeline/" + owned(OWNER, "bad"),
                        processor("\"similarity_threshold\": 1.5")),
                "similarity_threshold");
        assertClientError(
                failing(
                        "PUT",
                        "/_ingest/pipeline/" + owned(OWNER, "bad"),
                        processor("\"masking\": [{\"regex\": \"([a-z\", \"mask\": \"<X>\"}]")),
                "masking");
        assertClientError(
                failing(
                        "PUT",
                        "/_ingest/pipeline/" + owned(OWNER, "bad"),
                        processor("\"colour\": \"red\"")),
                "colour");
        assertClientError(
                failing(
                        "PUT",
                        "/_ingest/pipeline/" + owned(OWNER, "bad"),
                        processor("\"depth\": \"deep\"")),
                "depth");
    }

    @Test
    public void testBadTemplateRequestsAreNamed() throws Exception {
        assertClientError(failing("GET", "/_plugins/_aiops/templates?sort=colour", null), "[sort]");
        assertClientError(failing("GET", "/_plugins/_aiops/templates?size=0", null), "[size]");
        assertClientError(failing("GET", "/_plugins/_aiops/templates?from=-1", null), "[from]");
        assertClientError(failing("GET", "/_plugins/_aiops/templates?size=many", null), "[size]");
        assertClientError(failing("DELETE", "/_plugins/_aiops/templates", null), "[namespace]");
        assertClientError(
                failing("POST", "/_plugins/_aiops/templates/_parse", "{\"namespace\":\"x\"}"),
                "[lines]");
        assertClientError(
                failing(
                        "POST",
                        "/_plugins/_aiops/templates/_parse",
                        "{\"lines\":[\"a\"],\"config\":{\"depth\":-1}}"),
                "depth");
        assertClientError(
                failing(
                        "POST",
                        "/_plugins/_aiops/templates/_parse",
                        "{\"lines\":[\"a\"],\"confg\":{}}"),
                "[confg]");
        Response missing = failing("GET", "/_plugins/_aiops/templates/no-such-template", null);
        assertEquals(404, missing.getStatusLine().getStatusCode());
        assertTrue(EntityUtils.toString(missing.getEntity()).contains("no-such-template"));
    }

    /**
     * Two pipelines with their own thresholds write one namespace: each line is parsed with its
     * pipeline's options.
     */
    @Test
    public void testPipelinesSharingANamespaceKeepTheirOwnOptions() throws Exception {
        String ns = owned(OWNER, "shared");
        String lenient = owned(OWNER, "shared-lenient");
        String strict = owned(OWNER, "shared-strict");
        call("PUT", "/_ingest/pipeline/" + lenient, processor("\"namespace\": \"" + ns + "\""));
        call(
                "PUT",
                "/_ingest/pipeline/" + strict,
                processor("\"namespace\": \"" + ns + "\", \"similarity_threshold\": 0.95"));
        Map<String, Object> first = ingest(lenient, "session opened for user u-1 from web");
        assertEquals("created", first.get("change"));
        Map<String, Object> known = ingest(strict, "session opened for user u-2 from web");
        assertEquals("the namespace's templates are shared", first.get("id"), known.get("id"));
        Map<String, Object> apart = ingest(strict, "session opened for user u-3 k-1 node-7");
        assertEquals(
                "0.95 keeps a line that 0.4 would join apart: " + apart,
                "created",
                apart.get("change"));
        assertEquals(ns, apart.get("namespace"));
    }

    /**
     * A pipeline updated with a new threshold parses with it from its next document on (it was
     * silently ignored).
     */
    @Test
    public void testUpdatedPipelineOptionsApplyToTheExistingNamespace() throws Exception {
        String ns = owned(OWNER, "updated");
        String pipeline = owned(OWNER, "updated");
        call(
                "PUT",
                "/_ingest/pipeline/" + pipeline,
                processor("\"namespace\": \"" + ns + "\", \"similarity_threshold\": 0.95"));
        Map<String, Object> first = ingest(pipeline, "session opened for user u-1 from web");
        assertEquals("created", first.get("change"));
        call(
                "PUT",
                "/_ingest/pipeline/" + pipeline,
                processor("\"namespace\": \"" + ns + "\", \"similarity_threshold\": 0.4"));
        Map<String, Object> joined = ingest(pipeline, "session opened for user u-3 k-1 node-7");
        assertEquals(
                "the new threshold joins the line to the namespace's template: " + joined,
                "updated",
                joined.get("change"));
        assertEquals(first.get("id"), joined.get("id"));
    }

    /**
     * {@code plugins.aiops.templates.max_total} is dynamic: lowering it on the running node shrinks
     * memory at once.
     */
    @Test
    public void testLoweringMaxTotalTemplatesAppliesLive() throws Exception {
        String pipeline = owned(OWNER, "cap");
        call(
                "PUT",
                "/_ingest/pipeline/" + pipeline,
                processor("\"namespace\": \"" + owned(OWNER, "cap") + "\""));
        ingest(pipeline, "cache warmed in 3 ms");
        ingest(pipeline, "listener registered on port 8080 for admin");
        long evictionsBefore =
                ((Number) nodeTemplateStats().get("namespace_evictions")).longValue();
        try {
            call(
                    "PUT",
                    "/_cluster/settings",
                    "{\"transient\":{\"plugins.aiops.templates.max_total\":1}}");
            Map<?, ?> node = nodeTemplateStats();
            assertEquals(node.toString(), 1, ((Number) node.get("max_total_templates")).intValue());
            // At least two templates were in memory: the lower cap must have evicted at once, not
            // at the next new one.
            assertTrue(
                    node.toString(),
                    ((Number) node.get("namespace_evictions")).longValue() > evictionsBefore);
        } finally {
            call(
                    "PUT",
                    "/_cluster/settings",
                    "{\"transient\":{\"plugins.aiops.templates.max_total\":null}}");
        }
    }

    private static Map<?, ?> nodeTemplateStats() throws Exception {
        return (Map<?, ?>)
                ((Map<?, ?>) call("GET", "/_plugins/_aiops/templates/_stats", null).get("nodes"))
                        .values()
                        .iterator()
                        .next();
    }

    /** Indexes one line through {@code pipeline} and returns its {@code log_template} output. */
    private static Map<String, Object> ingest(String pipeline, String line) throws Exception {
        String index = owned(OWNER, "options");
        String id =
                (String)
                        call(
                                        "POST",
                                        "/" + index + "/_doc?pipeline=" + pipeline,
                                        "{\"message\":\"" + line + "\"}")
                                .get("_id");
        return path(call("GET", "/" + index + "/_doc/" + id, null), "_source.log_template");
    }

    private static String processor(String options) {
        return "{\"processors\":[{\"log_template\":{" + options + "}}]}";
    }
}
