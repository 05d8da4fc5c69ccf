/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.opensearch.aiops.io.HttpNodeClient;

/**
 * Where the Nezha importer writes, and the setup it needs: Jaeger's span index template (unless one
 * exists), the logs pipeline with {@code log_template}, and the logs, metrics and faults indices
 * with their mappings (JSON resources next to this class). Existing templates, pipelines and
 * indices are left as they are.
 */
public final class NezhaIndices {

    public static final String LOGS = "nezha-logs";
    public static final String LOGS_PIPELINE = "nezha-logs";
    public static final String METRICS = "nezha-metrics";
    public static final String FAULTS = InjectedFault.INDEX;
    static final String SPAN_TEMPLATE = "jaeger-span";

    private NezhaIndices() {}

    public static void ensure(HttpNodeClient node) throws IOException, InterruptedException {
        // Jaeger's OpenSearch backend installs a legacy template named jaeger-span; so does this
        // importer, so that the plugin's jaeger/_setup template (legacy, higher order) merges over
        // it and spans get the code_context pipeline. A composable template of that name (Jaeger's
        // Elasticsearch 8 backend) means the mapping is taken care of too.
        if (node.exists("/_index_template/" + SPAN_TEMPLATE) == false
                && node.exists("/_template/" + SPAN_TEMPLATE) == false) {
            node.require(
                    "PUT", "/_template/" + SPAN_TEMPLATE, resource("jaeger-span-template.json"));
        }
        if (node.exists("/_ingest/pipeline/" + LOGS_PIPELINE) == false) {
            node.require(
                    "PUT", "/_ingest/pipeline/" + LOGS_PIPELINE, resource("nezha-pipeline.json"));
        }
        createIfAbsent(node, LOGS, "nezha-logs.json");
        createIfAbsent(node, METRICS, "nezha-metrics.json");
        createIfAbsent(node, FAULTS, "nezha-faults.json");
    }

    /** Makes everything written so far searchable. */
    public static void refresh(HttpNodeClient node) throws IOException, InterruptedException {
        node.require(
                "POST",
                "/"
                        + TraceSpan.INDEX_PREFIX
                        + "*,"
                        + LOGS
                        + ","
                        + METRICS
                        + ","
                        + FAULTS
                        + "/_refresh",
                null);
    }

    private static void createIfAbsent(HttpNodeClient node, String index, String mapping)
            throws IOException, InterruptedException {
        if (node.exists("/" + index) == false) {
            node.require("PUT", "/" + index, resource(mapping));
        }
    }

    static String resource(String name) {
        try (InputStream in = NezhaIndices.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource " + name + " is missing next to " + NezhaIndices.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
