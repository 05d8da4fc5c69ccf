package org.opensearch.aiops.detector.metric;

import java.util.function.DoubleConsumer;

/** The k nearest other training windows of every training window, flat (n * k), kept only while training. */
final class TrainingNeighbours {
    private final int n;
    private final int k;
    private final int[] ords;
    private final float[] distances;

    private TrainingNeighbours(int n, int k, int[] ords, float[] distances) {
        this.n = n;
        this.k = k;
        this.ords = ords;
        this.distances = distances;
    }

    static TrainingNeighbours of(NeighbourIndex index, int k, DoubleConsumer progress) {
        int n = index.size();
        int kk = Math.min(k, n - 1);
        int[] ords = new int[n * kk];
        float[] distances = new float[n * kk];
        for (int i = 0; i < n; i++) {
            Neighbours nn = index.search(index.vector(i), kk, i);
            // An approximate search may return fewer: repeat the farthest found so every row has k entries.
            for (int j = 0; j < kk; j++) {
                int from = Math.min(j, nn.size() - 1);
                ords[i * kk + j] = nn.ords()[from];
                distances[i * kk + j] = nn.distances()[from];
            }
            if ((i & 1023) == 0) {
                progress.accept(i / (double) n);
            }
        }
        return new TrainingNeighbours(n, kk, ords, distances);
    }

    int size() {
        return n;
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
