/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

/**
 * Base of the real-node integration tests: the build starts the node ({@code ./aiops node start})
 * with Job Scheduler, ML Commons and this plugin; tests talk to it with the low-level REST client.
 * Plain JUnit rather than OpenSearchRestTestCase: that one refuses to run as root, and a test that
 * restarts the node must run as the user that owns it.
 */
public abstract class AiopsRestTestCase {

    private static RestClient client;

    /**
     * Letters only (the code-context masker would turn digits into {@code <NUM>}), new per test
     * JVM: names built with {@link #owned} never meet a leftover of an earlier run on a reused
     * node, nor another class's.
     */
    private static final String RUN = randomLetters(6);

    private static String randomLetters(int length) {
        java.util.Random random = new java.util.Random();
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    /**
     * A name (index, pipeline, namespace, projection) that only this run of {@code owner} uses:
     * {@code owner-run-what}.
     */
    protected static String owned(String owner, String what) {
        return owner + "-" + RUN + "-" + what;
    }

    /**
     * Deletes the indices and ingest pipelines of this run of {@code owner} (see {@link #owned}).
     */
    protected static void deleteOwned(String owner) throws Exception {
        String pattern = owner + "-" + RUN + "-*";
        call("DELETE", "/" + pattern + "?expand_wildcards=all&ignore_unavailable=true", null);
        try {
            client.performRequest(new Request("DELETE", "/_ingest/pipeline/" + pattern));
        } catch (ResponseException e) {
            assertEquals(
                    "no pipeline of this run is left: " + e.getMessage(),
                    404,
                    e.getResponse().getStatusLine().getStatusCode());
        }
    }

    @BeforeClass
    public static void connect() {
        int port = Integer.parseInt(System.getProperty("aiops.node.port", "9200"));
        client =
                RestClient.builder(new HttpHost("http", "127.0.0.1", port))
                        .setRequestConfigCallback(
                                config -> config.setResponseTimeout(Timeout.ofMinutes(5)))
                        .build();
    }

    @AfterClass
    public static void disconnect() throws IOException {
        client.close();
    }

    protected static RestClient client() {
        return client;
    }

    protected static Map<String, Object> entityAsMap(Response response) throws Exception {
        return XContentHelper.convertToMap(
                JsonXContent.jsonXContent, EntityUtils.toString(response.getEntity()), false);
    }

    protected static Map<String, Object> call(String method, String endpoint, String jsonBody)
            throws Exception {
        return entityAsMap(client.performRequest(request(method, endpoint, jsonBody)));
    }

    /** The response of a request that must fail. */
    protected static Response failing(String method, String endpoint, String jsonBody) {
        Request request = request(method, endpoint, jsonBody);
        return assertThrows(ResponseException.class, () -> client.performRequest(request))
                .getResponse();
    }

    /** A 4xx whose body contains {@code reasonPart}. */
    protected static void assertClientError(Response response, String reasonPart) throws Exception {
        int status = response.getStatusLine().getStatusCode();
        String body = EntityUtils.toString(response.getEntity());
        assertTrue("expected 4xx, got " + status + ": " + body, status >= 400 && status < 500);
        assertTrue(
                "reason should contain [" + reasonPart + "]: " + body, body.contains(reasonPart));
    }

    private static Request request(String method, String endpoint, String jsonBody) {
        Request request = new Request(method, endpoint);
        if (jsonBody != null) {
            request.setJsonEntity(jsonBody);
        }
        return request;
    }

    /**
     * Restarts the test node through the same script users run, and waits until its primaries are
     * active.
     */
    protected static void restartNode() throws Exception {
        Process process =
                new ProcessBuilder(
                                System.getProperty("aiops.script"),
                                "node",
                                "restart",
                                "--name",
                                System.getProperty("aiops.node.name"))
                        .inheritIO()
                        .start();
        assertTrue("node restart timed out", process.waitFor(5, TimeUnit.MINUTES));
        assertEquals("node restart failed", 0, process.exitValue());
    }

    @SuppressWarnings("unchecked")
    protected static <T> T path(Object root, String dottedPath) {
        Object current = root;
        for (String key : dottedPath.split("\\.")) {
            current =
                    current instanceof List<?> list
                            ? list.get(Integer.parseInt(key))
                            : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    protected static float[] floats(List<?> numbers) {
        float[] result = new float[numbers.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ((Number) numbers.get(i)).floatValue();
        }
        return result;
    }

    protected static double cosine(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    /** A JSON array of strings (test texts carry no quotes or backslashes). */
    protected static String jsonStrings(List<String> texts) {
        return texts.stream()
                .map(t -> "\"" + t + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /**
     * Retries {@code check} until it passes or {@code timeoutMillis} have passed, then throws its
     * last failure.
     */
    protected static void assertBusy(ThrowingRunnable check, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    protected static void assertBusy(ThrowingRunnable check) throws Exception {
        assertBusy(check, 10_000);
    }

    protected interface ThrowingRunnable {
        void run() throws Exception;
    }
}
