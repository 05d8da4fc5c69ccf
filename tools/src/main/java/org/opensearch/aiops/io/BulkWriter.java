/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends documents to {@code _bulk} in batches with their own {@code _id}s (so a re-import
 * overwrites instead of duplicating) and keeps every item failure: counted, with the first reasons
 * kept for the report.
 */
public final class BulkWriter {

    static final int REASONS_KEPT = 5;

    private final HttpNodeClient node;
    private final int batchSize;
    private final StringBuilder body = new StringBuilder();
    private String pendingPath;
    private int pending;
    private long written;
    private long failed;
    private final List<String> reasons = new ArrayList<>();

    public BulkWriter(HttpNodeClient node, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "[batch-size] must be at least 1, got [" + batchSize + "]");
        }
        this.node = node;
        this.batchSize = batchSize;
    }

    /**
     * Queues one document; {@code pipeline} may be null. A change of pipeline flushes first,
     * because the pipeline is a parameter of the whole request.
     */
    public void index(String index, String id, Map<String, Object> document, String pipeline)
            throws IOException, InterruptedException {
        String path = pipeline == null ? "/_bulk" : "/_bulk?pipeline=" + pipeline;
        if (pendingPath != null && pendingPath.equals(path) == false) {
            flush();
        }
        pendingPath = path;
        body.append("{\"index\":{\"_index\":")
                .append(JsonStrings.quote(index))
                .append(",\"_id\":")
                .append(JsonStrings.quote(id))
                .append("}}\n");
        body.append(JsonStrings.write(document)).append('\n');
        if (++pending >= batchSize) {
            flush();
        }
    }

    public void flush() throws IOException, InterruptedException {
        if (pending == 0) {
            return;
        }
        HttpNodeClient.Response response = node.require("POST", pendingPath, body.toString());
        int items = pending;
        body.setLength(0);
        pending = 0;
        // Parse the (large) response only when the node says some item failed.
        if (response.body().contains("\"errors\":true")) {
            countFailures(response.json());
        }
        written += items;
    }

    private void countFailures(Map<String, Object> response) {
        for (Object item : (List<?>) response.get("items")) {
            Map<?, ?> result = (Map<?, ?>) ((Map<?, ?>) item).values().iterator().next();
            Object error = result.get("error");
            if (error != null) {
                failed++;
                if (reasons.size() < REASONS_KEPT) {
                    reasons.add(result.get("_index") + "/" + result.get("_id") + ": " + error);
                }
            }
        }
    }

    /** Documents sent, failed ones included. */
    public long written() {
        return written;
    }

    public long failed() {
        return failed;
    }

    public List<String> firstReasons() {
        return List.copyOf(reasons);
    }
}
