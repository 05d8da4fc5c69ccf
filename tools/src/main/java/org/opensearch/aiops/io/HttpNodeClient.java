/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.io;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

/**
 * A node's REST API over the JDK's HTTP client, for the command-line tools (no OpenSearch client in
 * the plugin zip).
 */
public final class HttpNodeClient {

    /** Status and body of one call. */
    public record Response(int status, String body) {
        public boolean ok() {
            return status < 300;
        }

        public Map<String, Object> json() {
            return XContentHelper.convertToMap(JsonXContent.jsonXContent, body, false);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;

    public HttpNodeClient(String url) {
        if (url == null
                || (url.startsWith("http://") == false && url.startsWith("https://") == false)) {
            throw new IllegalArgumentException(
                    "[url] must start with http:// or https://, got [" + url + "]");
        }
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String url() {
        return url;
    }

    /** Any status; {@code body} may be null. Bodies of {@code _bulk} paths are sent as NDJSON. */
    public Response send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2));
        request.header(
                "Content-Type",
                path.contains("_bulk") ? "application/x-ndjson" : "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ConnectException(
                    "no node answers at "
                            + url
                            + " (start one with ./aiops node start, or pass --url)");
        }
        return new Response(response.statusCode(), response.body());
    }

    /** A call that must succeed (status below 300), else an exception with the node's answer. */
    public Response require(String method, String path, String body)
            throws IOException, InterruptedException {
        Response response = send(method, path, body);
        if (response.ok() == false) {
            throw new IllegalStateException(
                    method
                            + " "
                            + url
                            + path
                            + " -> "
                            + response.status()
                            + ": "
                            + response.body());
        }
        return response;
    }

    /** Whether a HEAD/GET on {@code path} finds something (404 = no; other errors throw). */
    public boolean exists(String path) throws IOException, InterruptedException {
        Response response = send("GET", path, null);
        if (response.status() == 404) {
            return false;
        }
        if (response.ok() == false) {
            throw new IllegalStateException(
                    "GET " + url + path + " -> " + response.status() + ": " + response.body());
        }
        return true;
    }
}
