/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.util.Arrays;
import java.util.Random;

import org.apache.lucene.util.VectorUtil;

/**
 * Lloyd's k-means with k-means++ seeding and a fixed seed, so a model trained twice on the same
 * rows is the same.
 */
final class KMeans {
    static final int MAX_ITERATIONS = 30;

    /**
     * Lloyd iterations run on at most this many points (an even stride); the final assignment uses
     * all of them.
     */
    static final int MAX_FIT_POINTS = 100_000;

    private KMeans() {}

    /** Up to {@code clusters} centroids: fewer when there are fewer distinct points. */
    static float[][] fit(float[][] all, int clusters, long seed) {
        float[][] points = strided(all, MAX_FIT_POINTS);
        Random random = new Random(seed);
        int n = points.length;
        int dim = points[0].length;
        float[][] centroids = new float[clusters][];
        centroids[0] = points[random.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            d2[i] = VectorUtil.squareDistance(points[i], centroids[0]);
        }
        // Greedy k-means++ (as scikit-learn): of 2 + ln(k) candidates drawn by squared distance,
        // keep the one that lowers the
        // total squared distance most, so a small far group gets its own centroid more reliably
        // than with one draw.
        int trials = 2 + (int) Math.log(clusters);
        int found = 1;
        while (found < clusters) {
            double total = 0;
            for (double x : d2) {
                total += x;
            }
            if (total <= 0) {
                break; // every point sits on a centroid already
            }
            int best = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int trial = 0; trial < trials; trial++) {
                int candidate = draw(d2, total, random);
                double potential = 0;
                for (int i = 0; i < n; i++) {
                    potential +=
                            Math.min(
                                    d2[i], VectorUtil.squareDistance(points[i], points[candidate]));
                }
                if (potential < bestPotential) {
                    bestPotential = potential;
                    best = candidate;
                }
            }
            centroids[found++] = points[best].clone();
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], VectorUtil.squareDistance(points[i], points[best]));
            }
        }
        centroids = Arrays.copyOf(centroids, found);
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int c = nearest(centroids, points[i]);
                if (c != assignment[i]) {
                    assignment[i] = c;
                    changed = true;
                }
            }
            if (changed == false) {
                break;
            }
            double[][] sums = new double[found][dim];
            int[] counts = new int[found];
            for (int i = 0; i < n; i++) {
                counts[assignment[i]]++;
                for (int d = 0; d < dim; d++) {
                    sums[assignment[i]][d] += points[i][d];
                }
            }
            for (int c = 0; c < found; c++) {
                if (counts[c] > 0) { // an emptied cluster keeps its centroid
                    for (int d = 0; d < dim; d++) {
                        centroids[c][d] = (float) (sums[c][d] / counts[c]);
                    }
                }
            }
        }
        return centroids;
    }

    /** An index drawn with probability proportional to its squared distance. */
    private static int draw(double[] d2, double total, Random random) {
        double pick = random.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < d2.length; i++) {
            if (d2[i] > 0) {
                last = i;
                pick -= d2[i];
                if (pick <= 0) {
                    return i;
                }
            }
        }
        return last;
    }

    static int nearest(float[][] centroids, float[] v) {
        int best = 0;
        float bestD = Float.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            float d = VectorUtil.squareDistance(centroids[c], v);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    static float[][] strided(float[][] points, int max) {
        if (points.length <= max) {
            return points;
        }
        float[][] out = new float[max][];
        for (int i = 0; i < max; i++) {
            out[i] = points[(int) ((long) i * points.length / max)];
        }
        return out;
    }
}
