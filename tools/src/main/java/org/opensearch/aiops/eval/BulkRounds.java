/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.opensearch.aiops.io.HttpNodeClient;

/**
 * {@code _bulk} throughput into several indices measured in alternating rounds, so that the shared
 * machine's noise hits every index alike: what the ingest benchmarks compare (with a pipeline
 * against without).
 */
final class BulkRounds {

    /** One {@code _bulk} body and how many documents it carries. */
    record Bulk(String body, int docs) {}

    private final HttpNodeClient node;

    BulkRounds(HttpNodeClient node) {
        this.node = node;
    }

    /**
     * Documents (JSON sources) into bodies of {@code batch}; {@code whole} drops a last, shorter
     * body.
     */
    static List<Bulk> bodies(List<String> docs, int batch, boolean whole) {
        List<Bulk> bodies = new ArrayList<>();
        for (int from = 0; from < docs.size(); from += batch) {
            List<String> slice = docs.subList(from, Math.min(from + batch, docs.size()));
            if (whole && slice.size() < batch) {
                break;
            }
            StringBuilder body = new StringBuilder();
            for (String doc : slice) {
                body.append("{\"index\":{}}\n").append(doc).append('\n');
            }
            bodies.add(new Bulk(body.toString(), slice.size()));
        }
        return bodies;
    }

    /**
     * Documents per second into each index: {@code warmup} bulks per index first, then {@code
     * rounds} rounds in which each index in turn gets the next {@code bulksPerRound} bodies.
     */
    double[] docsPerSecond(
            List<String> indices, List<Bulk> bodies, int warmup, int rounds, int bulksPerRound)
            throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            for (String index : indices) {
                bulk(index, bodies.get(i % bodies.size()));
            }
        }
        long[] nanos = new long[indices.size()];
        long[] docs = new long[indices.size()];
        int next = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < indices.size(); i++) {
                long start = System.nanoTime();
                for (int b = 0; b < bulksPerRound; b++) {
                    Bulk bulk = bodies.get((next + b) % bodies.size());
                    bulk(indices.get(i), bulk);
                    docs[i] += bulk.docs();
                }
                nanos[i] += System.nanoTime() - start;
            }
            next += bulksPerRound;
        }
        double[] rates = new double[indices.size()];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = docs[i] / (nanos[i] / 1e9);
        }
        return rates;
    }

    private void bulk(String index, Bulk bulk) throws IOException, InterruptedException {
        String response = node.require("POST", "/" + index + "/_bulk", bulk.body()).body();
        if (response.contains("\"errors\":true")) {
            throw new IllegalStateException(
                    "bulk into "
                            + index
                            + " had item errors: "
                            + response.substring(0, Math.min(500, response.length())));
        }
    }
}
