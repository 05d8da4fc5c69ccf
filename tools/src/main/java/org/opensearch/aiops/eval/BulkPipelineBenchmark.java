/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opensearch.aiops.io.HttpNodeClient;
import org.opensearch.aiops.io.JsonStrings;

/**
 * {@code _bulk} throughput on a real node into an index whose default pipeline runs {@code
 * log_template}, over the same without a pipeline: the processor's cost as users see it. Rounds
 * alternate between the two indices so that the shared machine's noise hits both alike.
 */
public final class BulkPipelineBenchmark {

    private static final String PIPELINE = "aiops-bench-log-template";

    /**
     * The reference: stock {@code set} processors writing an output of the same shape (id,
     * template, change, namespace, five parameters) with constant values. What is left between it
     * and log_template is the parser.
     */
    private static final String SAME_SHAPE_PIPELINE = "aiops-bench-same-shape";

    private static final String SAME_SHAPE_PROCESSORS =
            "{\"processors\":["
                    + "{\"set\":{\"field\":\"log_template.id\",\"value\":\"0123456789abcdef\"}},"
                    + "{\"set\":{\"field\":\"log_template.template\",\"value\":\"Receiving block <*> src: <IP>:<NUM> dest: <IP>:<NUM>\"}},"
                    + "{\"set\":{\"field\":\"log_template.change\",\"value\":\"none\"}},"
                    + "{\"set\":{\"field\":\"log_template.namespace\",\"value\":\"HDFS\"}},"
                    + "{\"set\":{\"field\":\"log_template.parameters\",\"value\":[\"blk_1\",\"10.0.0.1\",\"5000\",\"10.0.0.2\",\"50010\"]}}]}";
    private static final String PLAIN = "aiops-bench-plain";
    private static final String PIPED = "aiops-bench-pipeline";
    private static final String SAME_SHAPE = "aiops-bench-same-shape";
    private static final List<String> INDICES = List.of(PLAIN, PIPED, SAME_SHAPE);

    private final HttpNodeClient node;

    public record Result(
            double plainDocsPerSecond,
            double pipelineDocsPerSecond,
            double sameShapeDocsPerSecond) {
        public double ratio() {
            return pipelineDocsPerSecond / plainDocsPerSecond;
        }

        public double sameShapeRatio() {
            return sameShapeDocsPerSecond / plainDocsPerSecond;
        }
    }

    public BulkPipelineBenchmark(String url) {
        this.node = new HttpNodeClient(url);
    }

    /**
     * Bulks of {@code batch} documents ({@code message} and {@code system}, the namespace), {@code
     * rounds} times each way.
     */
    public Result run(List<LoghubDataset> datasets, int batch, int bulksPerRound, int rounds)
            throws IOException, InterruptedException {
        setUp();
        try {
            List<String> docs = new ArrayList<>();
            for (LoghubDataset dataset : datasets) {
                for (String line : dataset.contents()) {
                    docs.add(
                            "{\"message\":"
                                    + JsonStrings.quote(line)
                                    + ",\"system\":"
                                    + JsonStrings.quote(dataset.system())
                                    + "}");
                }
            }
            double[] rates =
                    new BulkRounds(node)
                            .docsPerSecond(
                                    INDICES,
                                    BulkRounds.bodies(docs, batch, true),
                                    2,
                                    rounds,
                                    bulksPerRound);
            return new Result(rates[0], rates[1], rates[2]);
        } finally {
            tearDown();
        }
    }

    private void setUp() throws IOException, InterruptedException {
        tearDown();
        send(
                "PUT",
                "/_ingest/pipeline/" + PIPELINE,
                "{\"processors\":[{\"log_template\":{\"namespace\":\"system\"}}]}",
                true);
        // The log_template output mapped as README recommends (keywords): what a user's log index
        // would use.
        String settings =
                "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0%s},\"mappings\":{\"properties\":{\"message\":{\"type\":\"text\"},"
                        + "\"system\":{\"type\":\"keyword\"},\"log_template\":{\"properties\":{\"id\":{\"type\":\"keyword\"},\"template\":{\"type\":\"keyword\",\"ignore_above\":2048},"
                        + "\"parameters\":{\"type\":\"keyword\",\"ignore_above\":256},\"change\":{\"type\":\"keyword\"},\"namespace\":{\"type\":\"keyword\"}}}}}}";
        send("PUT", "/" + PLAIN, String.format(Locale.ROOT, settings, ""), true);
        send("PUT", "/_ingest/pipeline/" + SAME_SHAPE_PIPELINE, SAME_SHAPE_PROCESSORS, true);
        send(
                "PUT",
                "/" + PIPED,
                String.format(Locale.ROOT, settings, ",\"default_pipeline\":\"" + PIPELINE + "\""),
                true);
        send(
                "PUT",
                "/" + SAME_SHAPE,
                String.format(
                        Locale.ROOT,
                        settings,
                        ",\"default_pipeline\":\"" + SAME_SHAPE_PIPELINE + "\""),
                true);
    }

    private void tearDown() throws IOException, InterruptedException {
        send("DELETE", "/" + String.join(",", INDICES) + "?ignore_unavailable=true", null, false);
        send("DELETE", "/_ingest/pipeline/" + PIPELINE, null, false);
        send("DELETE", "/_ingest/pipeline/" + SAME_SHAPE_PIPELINE, null, false);
    }

    private String send(String method, String path, String body, boolean mustSucceed)
            throws IOException, InterruptedException {
        return (mustSucceed ? node.require(method, path, body) : node.send(method, path, body))
                .body();
    }
}
