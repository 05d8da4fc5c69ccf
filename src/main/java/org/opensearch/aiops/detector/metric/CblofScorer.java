/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.apache.lucene.util.VectorUtil;

/**
 * Cluster-based local outlier factor (He et al. 2003, as PyOD implements it without size weights):
 * k-means clusters sorted by size are split into large and small at the first cluster where the
 * large ones hold {@code alpha} of the windows or the next one is {@code beta} times smaller. A
 * window in a large cluster scores its distance to that centroid; one in a small cluster scores its
 * distance to the nearest large centroid, so a small group of odd windows stays anomalous.
 */
final class CblofScorer implements WindowScorer {
    private final float[][] centroids;
    private final boolean[] large;

    private CblofScorer(float[][] centroids, boolean[] large) {
        this.centroids = centroids;
        this.large = large;
    }

    static CblofScorer fit(
            float[][] vectors, int clusters, double alpha, double beta, double[] rawsOut) {
        float[][] centroids = KMeans.fit(vectors, clusters, 42L);
        int c = centroids.length;
        int[] sizes = new int[c];
        for (float[] v : vectors) {
            sizes[KMeans.nearest(centroids, v)]++;
        }
        Integer[] bySize = new Integer[c];
        for (int i = 0; i < c; i++) {
            bySize[i] = i;
        }
        java.util.Arrays.sort(bySize, (a, b) -> Integer.compare(sizes[b], sizes[a]));
        int split = largeCount(sizes, bySize, vectors.length, alpha, beta);
        boolean[] large = new boolean[c];
        for (int r = 0; r < split; r++) {
            large[bySize[r]] = true;
        }
        CblofScorer scorer = new CblofScorer(centroids, large);
        for (int i = 0; i < vectors.length; i++) {
            rawsOut[i] = scorer.rawScore(vectors[i], null);
        }
        return scorer;
    }

    /**
     * How many of the clusters (largest first) are large, as PyOD decides it: the first boundary
     * that satisfies both the alpha and the beta rule, else the first alpha boundary, else the
     * first beta boundary, else all clusters.
     */
    static int largeCount(int[] sizes, Integer[] bySize, int n, double alpha, double beta) {
        int firstAlpha = -1;
        int firstBeta = -1;
        long cumulative = 0;
        for (int r = 0; r + 1 < bySize.length; r++) {
            cumulative += sizes[bySize[r]];
            boolean a = cumulative >= alpha * n;
            boolean b = sizes[bySize[r]] >= beta * sizes[bySize[r + 1]];
            if (a && b) {
                return r + 1;
            }
            if (a && firstAlpha < 0) {
                firstAlpha = r + 1;
            }
            if (b && firstBeta < 0) {
                firstBeta = r + 1;
            }
        }
        return firstAlpha > 0 ? firstAlpha : firstBeta > 0 ? firstBeta : bySize.length;
    }

    int clusterCount() {
        return centroids.length;
    }

    boolean isLarge(int cluster) {
        return large[cluster];
    }

    @Override
    public byte kind() {
        return CBLOF;
    }

    @Override
    public double rawScore(float[] vector, Neighbours nn) {
        return Math.sqrt(VectorUtil.squareDistance(vector, reference(vector)));
    }

    /** Own centroid when it is large, else the nearest large centroid. */
    @Override
    public float[] reference(float[] vector) {
        int own = KMeans.nearest(centroids, vector);
        if (large[own]) {
            return centroids[own];
        }
        float[] best = null;
        float bestD = Float.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            if (large[c]) {
                float d = VectorUtil.squareDistance(centroids[c], vector);
                if (d < bestD) {
                    bestD = d;
                    best = centroids[c];
                }
            }
        }
        return best;
    }

    @Override
    public long ramBytes() {
        return 32L + centroids.length * (16L + 4L * centroids[0].length + 1);
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(centroids.length);
        out.writeInt(centroids[0].length);
        for (int c = 0; c < centroids.length; c++) {
            out.writeBoolean(large[c]);
            for (float x : centroids[c]) {
                out.writeFloat(x);
            }
        }
    }

    static CblofScorer readFrom(DataInput in) throws IOException {
        int c = in.readInt();
        int dim = in.readInt();
        float[][] centroids = new float[c][dim];
        boolean[] large = new boolean[c];
        for (int i = 0; i < c; i++) {
            large[i] = in.readBoolean();
            for (int d = 0; d < dim; d++) {
                centroids[i][d] = in.readFloat();
            }
        }
        return new CblofScorer(centroids, large);
    }
}
