package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.Test;
import org.opensearch.client.Request;
import org.opensearch.client.Response;

/** The log_template processor in ingest pipelines of a real node, and the templates REST API. */
public class LogTemplateIT extends AiopsRestTestCase {

    private static final String NS = "it-sshd";

    @Test
    public void testPipelineBulkTemplatesApi() throws Exception {
        call("PUT", "/_ingest/pipeline/it-logs", "{\"processors\":[{\"log_template\":{\"namespace\":\"" + NS + "\"}}]}");
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            bulk.append("{\"index\":{\"_index\":\"it-logs\"}}\n");
            String line = i % 2 == 0
                ? "Accepted password for root from 10.0.0." + i + " port " + (1000 + i) + " ssh2"
                : "Connection closed by 10.0.1." + i + " port " + (2000 + i) + " [preauth]";
            bulk.append("{\"message\":\"").append(line).append("\"}\n");
        }
        bulk.append("{\"index\":{\"_index\":\"it-logs\"}}\n{\"msg\":\"no message field\"}\n");
        Request request = new Request("POST", "/_bulk?pipeline=it-logs&refresh=true");
        request.setJsonEntity(bulk.toString());
        Map<String, Object> result = entityAsMap(client().performRequest(request));
        assertEquals("the document without [message] must fail visibly, not vanish", Boolean.TRUE, result.get("errors"));
        List<?> items = (List<?>) result.get("items");
        assertEquals(41, items.size());
        String lastError = String.valueOf((Object) path(items.get(40), "index.error.reason"));
        assertTrue(lastError, lastError.contains("[message]"));
        for (int i = 0; i < 40; i++) {
            assertEquals(201, ((Number) path(items.get(i), "index.status")).intValue());
        }

        Map<String, Object> search = call("GET", "/it-logs/_search?size=100", null);
        List<?> hits = path(search, "hits.hits");
        assertEquals(40, hits.size());
        String acceptedId = null;
        for (Object hit : hits) {
            String message = path(hit, "_source.message");
            if (message.startsWith("Accepted")) {
                String id = path(hit, "_source.log_template.id");
                assertTrue("one template id for all Accepted lines", acceptedId == null || acceptedId.equals(id));
                acceptedId = id;
            }
        }
        assertNotNull(acceptedId);

        call("POST", "/_plugins/_aiops/templates/_sync", null);
        Map<String, Object> listing = call("GET", "/_plugins/_aiops/templates?namespace=" + NS + "&sort=count&size=10", null);
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
        assertTrue(one.get("template").toString(), one.get("template").toString().startsWith("Accepted password for"));

        // Dry run: sees the stored templates but changes nothing.
        Map<String, Object> parsed = call(
            "POST",
            "/_plugins/_aiops/templates/_parse",
            "{\"namespace\":\"" + NS + "\",\"lines\":[\"Accepted password for root from 10.0.0.99 port 9 ssh2\",\"brand new line\"]}"
        );
        assertEquals(acceptedId, path(parsed, "results.0.id"));
        assertEquals("created", path(parsed, "results.1.change"));
        call("POST", "/_plugins/_aiops/templates/_sync", null);
        assertEquals(20, ((Number) call("GET", "/_plugins/_aiops/templates/" + acceptedId, null).get("count")).intValue());
        assertEquals(2, ((List<?>) call("GET", "/_plugins/_aiops/templates?namespace=" + NS, null).get("templates")).size());

        Map<String, Object> stats = call("GET", "/_plugins/_aiops/templates/_stats", null);
        Map<?, ?> nodes = (Map<?, ?>) stats.get("nodes");
        assertEquals(1, nodes.size());
        Map<?, ?> node = (Map<?, ?>) nodes.values().iterator().next();
        assertTrue(node.toString(), ((Number) node.get("lines_parsed")).longValue() >= 40);

        Map<String, Object> deleted = call("DELETE", "/_plugins/_aiops/templates?namespace=" + NS, null);
        assertEquals(2, ((Number) deleted.get("deleted")).intValue());
        assertTrue(((List<?>) call("GET", "/_plugins/_aiops/templates?namespace=" + NS, null).get("templates")).isEmpty());
        assertClientError(failing("GET", "/_plugins/_aiops/templates/" + acceptedId, null), "not found");
    }

    @Test
    public void testIgnoreMissingKeepsTheDocument() throws Exception {
        call("PUT", "/_ingest/pipeline/it-lenient", "{\"processors\":[{\"log_template\":{\"ignore_missing\":true}}]}");
        call("PUT", "/it-lenient/_doc/1?pipeline=it-lenient&refresh=true", "{\"other\":\"x\"}");
        Map<String, Object> doc = call("GET", "/it-lenient/_doc/1", null);
        assertEquals("x", path(doc, "_source.other"));
        assertFalse(((Map<?, ?>) doc.get("_source")).containsKey("log_template"));
    }

    @Test
    public void testBadPipelineOptionsAreNamed() throws Exception {
        assertClientError(failing("PUT", "/_ingest/pipeline/bad", processor("\"similarity_threshold\": 1.5")), "similarity_threshold");
        assertClientError(failing("PUT", "/_ingest/pipeline/bad", processor("\"masking\": [{\"regex\": \"([a-z\", \"mask\": \"<X>\"}]")), "masking");
        assertClientError(failing("PUT", "/_ingest/pipeline/bad", processor("\"colour\": \"red\"")), "colour");
        assertClientError(failing("PUT", "/_ingest/pipeline/bad", processor("\"depth\": \"deep\"")), "depth");
    }

    @Test
    public void testBadTemplateRequestsAreNamed() throws Exception {
        assertClientError(failing("GET", "/_plugins/_aiops/templates?sort=colour", null), "[sort]");
        assertClientError(failing("GET", "/_plugins/_aiops/templates?size=0", null), "[size]");
        assertClientError(failing("GET", "/_plugins/_aiops/templates?from=-1", null), "[from]");
        assertClientError(failing("GET", "/_plugins/_aiops/templates?size=many", null), "[size]");
        assertClientError(failing("DELETE", "/_plugins/_aiops/templates", null), "[namespace]");
        assertClientError(failing("POST", "/_plugins/_aiops/templates/_parse", "{\"namespace\":\"x\"}"), "[lines]");
        assertClientError(failing("POST", "/_plugins/_aiops/templates/_parse", "{\"lines\":[\"a\"],\"config\":{\"depth\":-1}}"), "depth");
        assertClientError(failing("POST", "/_plugins/_aiops/templates/_parse", "{\"lines\":[\"a\"],\"confg\":{}}"), "[confg]");
        Response missing = failing("GET", "/_plugins/_aiops/templates/no-such-template", null);
        assertEquals(404, missing.getStatusLine().getStatusCode());
        assertTrue(EntityUtils.toString(missing.getEntity()).contains("no-such-template"));
    }

    private static String processor(String options) {
        return "{\"processors\":[{\"log_template\":{" + options + "}}]}";
    }
}
