/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents waiting to be indexed, at most {@code capacity}: when the node is slower than the
 * sampler (or down), the oldest are dropped and counted, so the collector's memory stays bounded
 * and the newest data survives.
 */
public final class SampleBuffer {

    private final int capacity;
    private final ArrayDeque<MetricDocument> documents = new ArrayDeque<>();
    private long dropped;
    private boolean closed;

    public SampleBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "[buffer] must be at least 1, got [" + capacity + "]");
        }
        this.capacity = capacity;
    }

    public synchronized void add(MetricDocument document) {
        if (documents.size() == capacity) {
            documents.pollFirst();
            dropped++;
        }
        documents.addLast(document);
        notifyAll();
    }

    /** No more documents will come: {@link #take} returns what is left, then empty lists. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * Up to {@code max} documents, waiting up to {@code waitMillis} for the first; empty when
     * closed and drained.
     */
    public synchronized List<MetricDocument> take(int max, long waitMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (documents.isEmpty() && closed == false) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        List<MetricDocument> batch = new ArrayList<>(Math.min(max, documents.size()));
        while (batch.size() < max && documents.isEmpty() == false) {
            batch.add(documents.pollFirst());
        }
        return batch;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized int size() {
        return documents.size();
    }

    /** Documents thrown away because the buffer was full. */
    public synchronized long dropped() {
        return dropped;
    }
}
