/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.opensearch.aiops.context.CodeContextText;
import org.opensearch.aiops.context.EmbeddingCache;
import org.opensearch.aiops.io.HttpNodeClient;
import org.opensearch.aiops.io.JsonStrings;

/**
 * What code contexts cost, on real Jaeger spans (the Nezha TrainTicket slice imported into the
 * node): cold embeddings per second on the node (distinct texts through {@code _embed}, the bundled
 * model on one intra-op thread), the processor's cached path per second in this JVM (text, hash,
 * cache hit), and {@code _bulk} throughput into an index whose default pipeline is {@code
 * code_context} over the same without it.
 */
public final class SpanEmbeddingBenchmark {

    private static final String PIPELINE = "aiops-bench-code-context";
    private static final String PLAIN = "aiops-bench-spans-plain";
    private static final String PIPED = "aiops-bench-spans-code-context";

    public record Result(
            double coldTextsPerSecond,
            int coldTexts,
            double cachedSpansPerSecond,
            double bulkRatio,
            int spans,
            int distinctContexts) {}

    private final HttpNodeClient node;

    public SpanEmbeddingBenchmark(HttpNodeClient node) {
        this.node = node;
    }

    @SuppressWarnings("unchecked")
    public Result run(int maxSpans, int coldTexts) throws IOException, InterruptedException {
        Map<String, Object> found =
                node.require(
                                "POST",
                                "/jaeger-span-*/_search",
                                "{\"size\":" + maxSpans + ",\"query\":{\"match_all\":{}}}")
                        .json();
        List<Map<String, Object>> spans = new ArrayList<>();
        for (Object hit : (List<Object>) ((Map<String, Object>) found.get("hits")).get("hits")) {
            spans.add((Map<String, Object>) ((Map<String, Object>) hit).get("_source"));
        }
        if (spans.isEmpty()) {
            throw new IllegalStateException(
                    "no jaeger-span-* documents on "
                            + node.url()
                            + ": import some first (./aiops import nezha)");
        }
        CodeContextText texts = new CodeContextText("code.parameters", "code.return");
        Set<String> distinct = new LinkedHashSet<>();
        for (Map<String, Object> span : spans) {
            distinct.add(texts.of(span).text());
        }
        return new Result(
                coldRate(new ArrayList<>(distinct), coldTexts),
                Math.min(coldTexts, distinct.size() * 10),
                cachedRate(texts, spans),
                bulkRatio(spans),
                spans.size(),
                distinct.size());
    }

    /** Distinct texts never embedded before (a run counter makes them new), 16 per request. */
    private double coldRate(List<String> contexts, int count)
            throws IOException, InterruptedException {
        List<String> fresh = new ArrayList<>();
        long run = System.nanoTime();
        for (int i = 0; fresh.size() < count && i < contexts.size() * 10; i++) {
            fresh.add(
                    contexts.get(i % contexts.size())
                            + (i < contexts.size()
                                    ? ""
                                    : " variant" + (i / contexts.size()) + "x" + run % 1000));
        }
        embed(fresh.subList(0, Math.min(16, fresh.size()))); // model load
        long start = System.nanoTime();
        for (int from = 0; from < fresh.size(); from += 16) {
            embed(fresh.subList(from, Math.min(from + 16, fresh.size())));
        }
        return fresh.size() / ((System.nanoTime() - start) / 1e9);
    }

    private void embed(List<String> batch) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("{\"texts\":[");
        for (int i = 0; i < batch.size(); i++) {
            body.append(i == 0 ? "" : ",").append(JsonStrings.quote(batch.get(i)));
        }
        node.require("POST", "/_plugins/_aiops/code_context/_embed", body.append("]}").toString());
    }

    /** The processor's path for a span whose context was seen before: text, hash, cache hit. */
    private static double cachedRate(CodeContextText texts, List<Map<String, Object>> spans) {
        EmbeddingCache cache = new EmbeddingCache(100_000);
        float[] vector = new float[384];
        for (Map<String, Object> span : spans) {
            cache.put(texts.of(span).hash(), vector);
        }
        double best = 0;
        for (int round = 0; round < 8; round++) {
            long start = System.nanoTime();
            int hits = 0;
            for (int repeat = 0; repeat < 10; repeat++) {
                for (Map<String, Object> span : spans) {
                    hits += cache.get(texts.of(span).hash()) != null ? 1 : 0;
                }
            }
            best = Math.max(best, hits / ((System.nanoTime() - start) / 1e9));
        }
        return best;
    }

    /** With the cache warm, alternating rounds of every span into each index. */
    private double bulkRatio(List<Map<String, Object>> spans)
            throws IOException, InterruptedException {
        node.send("DELETE", "/" + PLAIN + "," + PIPED + "?ignore_unavailable=true", null);
        node.require(
                "PUT", "/_ingest/pipeline/" + PIPELINE, "{\"processors\":[{\"code_context\":{}}]}");
        String settings =
                "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0%s},\"mappings\":{\"dynamic\":false}}";
        node.require("PUT", "/" + PLAIN, String.format(Locale.ROOT, settings, ""));
        node.require(
                "PUT",
                "/" + PIPED,
                String.format(Locale.ROOT, settings, ",\"default_pipeline\":\"" + PIPELINE + "\""));
        List<String> docs = new ArrayList<>();
        for (Map<String, Object> span : spans) {
            docs.add(JsonStrings.write(span));
        }
        List<BulkRounds.Bulk> bodies = BulkRounds.bodies(docs, 1000, false);
        // Warm-up: one pass over every span, so the node's embedding cache holds every context.
        double[] rates =
                new BulkRounds(node)
                        .docsPerSecond(
                                List.of(PLAIN, PIPED), bodies, bodies.size(), 3, bodies.size());
        node.send("DELETE", "/" + PLAIN + "," + PIPED + "?ignore_unavailable=true", null);
        node.send("DELETE", "/_ingest/pipeline/" + PIPELINE, null);
        return rates[1] / rates[0];
    }
}
