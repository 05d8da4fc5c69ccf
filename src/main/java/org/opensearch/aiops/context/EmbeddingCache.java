/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Embeddings by context hash, least recently used out first: contexts repeat heavily, so most spans
 * cost a lookup.
 */
public final class EmbeddingCache {

    private final int capacity;
    private final LinkedHashMap<String, float[]> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public EmbeddingCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true);
    }

    public synchronized float[] get(String hash) {
        float[] vector = entries.get(hash);
        (vector == null ? misses : hits).increment();
        return vector;
    }

    public synchronized void put(String hash, float[] vector) {
        entries.put(hash, vector);
        if (entries.size() > capacity) {
            Map.Entry<String, float[]> eldest = entries.entrySet().iterator().next();
            entries.remove(eldest.getKey());
        }
    }

    synchronized int size() {
        return entries.size();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }
}
