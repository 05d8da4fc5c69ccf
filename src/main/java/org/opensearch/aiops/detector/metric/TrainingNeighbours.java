/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.util.function.DoubleConsumer;

/**
 * The k nearest other training windows of some training windows (all of them, or an evenly spaced
 * sample), flat (n * k), kept only while training. Row i holds the neighbours of training window
 * {@link #window(int) window(i)}.
 */
final class TrainingNeighbours {
    private final int n;
    private final int k;
    private final int[] windows;
    private final int[] ords;
    private final float[] distances;

    private TrainingNeighbours(int n, int k, int[] windows, int[] ords, float[] distances) {
        this.n = n;
        this.k = k;
        this.windows = windows;
        this.ords = ords;
        this.distances = distances;
    }

    /** Every training window's neighbours. */
    static TrainingNeighbours of(NeighbourIndex index, int k, DoubleConsumer progress) {
        return of(index, k, sample(index.size(), index.size()), progress);
    }

    /**
     * {@code count} ordinals of {@code 0..n-1} evenly spaced (all of them, in order, when {@code
     * count >= n}); the first is 0.
     */
    static int[] sample(int n, int count) {
        int m = Math.min(n, count);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = (int) ((long) i * n / m);
        }
        return out;
    }

    /**
     * The neighbours of the training windows {@code windows} (ordinals in the index), leaving each
     * window itself out.
     */
    static TrainingNeighbours of(
            NeighbourIndex index, int k, int[] windows, DoubleConsumer progress) {
        int n = windows.length;
        int kk = Math.min(k, index.size() - 1);
        int[] ords = new int[n * kk];
        float[] distances = new float[n * kk];
        for (int i = 0; i < n; i++) {
            Neighbours nn = index.search(index.vector(windows[i]), kk, windows[i]);
            // An approximate search may return fewer: repeat the farthest found so every row has k
            // entries.
            for (int j = 0; j < kk; j++) {
                int from = Math.min(j, nn.size() - 1);
                ords[i * kk + j] = nn.ords()[from];
                distances[i * kk + j] = nn.distances()[from];
            }
            if ((i & 1023) == 0) {
                progress.accept(i / (double) n);
            }
        }
        return new TrainingNeighbours(n, kk, windows, ords, distances);
    }

    /** Rows held. */
    int size() {
        return n;
    }

    /** Ordinal in the index of the training window of row {@code i}. */
    int window(int i) {
        return windows[i];
    }

    /**
     * Whether row i is window i for every window (not a sample): LOF needs every window's
     * neighbours.
     */
    boolean isAll() {
        return n == 0 || windows[n - 1] == n - 1; // windows rise from 0
    }

    int k() {
        return k;
    }

    int ord(int i, int j) {
        return ords[i * k + j];
    }

    float distance(int i, int j) {
        return distances[i * k + j];
    }
}
