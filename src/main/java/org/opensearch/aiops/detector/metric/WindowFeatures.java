/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Turns the last rows of a series into one vector. Each field is standardised with the training
 * mean and standard deviation. Group 0 of the dimensions is the level shingle: the last {@code
 * window} points, laid out point by point ({@code [t * fields + f]}), then, with differences, the
 * changes from one point to the next in the same units.
 *
 * <p>With {@code scales > 1} the same shingle exists over coarser copies of the series: at scale s
 * (s = 1 .. scales - 1) the series is cut into blocks of {@code 4^s} points; group {@code 2s - 1}
 * holds the mean of each of the last {@code window} blocks, group {@code 2s} each block's standard
 * deviation. So a window spans {@code window * 4^(scales-1)} rows ({@link #span()}), and a change
 * of the local regime that no 8-point shingle shows (a denser run of bursts, a quieter stretch, a
 * plateau) shows in the coarse groups. The vector holds every group, one after the other.
 *
 * <p>Every group after 0 is multiplied by a weight fitted on the training vectors so that its total
 * variance is {@code window * fields}, what the standardised level shingle's is: no group dominates
 * the distances. The weight of a group of blocks of b points is capped at sqrt(b), the factor by
 * which averaging b independent points shrinks a standard deviation, so a group that hardly varies
 * in training is not blown up.
 *
 * <p>Every group keeps the point-by-point layout, so dimension {@code d} always belongs to field
 * {@code d % fields}.
 */
final class WindowFeatures {
    /** Each scale's blocks are this many times longer than the previous scale's. */
    static final int SCALE_FACTOR = 4;

    private final int window;
    private final int fields;
    private final boolean differences;
    private final int scales;
    private final float[] mean;
    private final float[] scale;
    private final float[] groupWeights; // one per group; group 0's is 1

    WindowFeatures(
            int window,
            int fields,
            boolean differences,
            int scales,
            float[] mean,
            float[] scale,
            float[] groupWeights) {
        if (scales < 1
                || scales > MetricParams.MAX_SCALES
                || groupWeights.length != groups(scales)) {
            throw new IllegalArgumentException(
                    "scales must be in [1, "
                            + MetricParams.MAX_SCALES
                            + "] with one weight per group, got ["
                            + scales
                            + "]");
        }
        this.window = window;
        this.fields = fields;
        this.differences = differences;
        this.scales = scales;
        this.mean = mean;
        this.scale = scale;
        this.groupWeights = groupWeights;
    }

    /** One scale, the level shingle: per-field mean and standard deviation over the finite rows. */
    static WindowFeatures fit(int window, boolean differences, float[][] rows, boolean[] usable) {
        return fit(window, differences, 1, rows, usable);
    }

    /**
     * Per-field mean and standard deviation over the finite rows; a constant field gets scale 1
     * (its changes stay visible). Group weights 1 (see {@link #withGroupWeights}).
     */
    static WindowFeatures fit(
            int window, boolean differences, int scales, float[][] rows, boolean[] usable) {
        int fields = rows[0].length;
        double[] sum = new double[fields];
        double[] sumSq = new double[fields];
        long n = 0;
        for (int t = 0; t < rows.length; t++) {
            if (usable[t] == false) {
                continue;
            }
            n++;
            for (int f = 0; f < fields; f++) {
                sum[f] += rows[t][f];
            }
        }
        float[] mean = new float[fields];
        for (int f = 0; f < fields; f++) {
            mean[f] = (float) (sum[f] / n);
        }
        for (int t = 0; t < rows.length; t++) {
            if (usable[t]) {
                for (int f = 0; f < fields; f++) {
                    double d = rows[t][f] - mean[f];
                    sumSq[f] += d * d;
                }
            }
        }
        float[] scale = new float[fields];
        for (int f = 0; f < fields; f++) {
            double std = Math.sqrt(sumSq[f] / Math.max(1, n - 1));
            double floor = 1e-6 * Math.max(1.0, Math.abs(mean[f]));
            scale[f] = (float) (std > floor ? std : 1.0);
        }
        int g = groups(scales);
        return new WindowFeatures(window, fields, differences, scales, mean, scale, ones(g));
    }

    private static float[] ones(int n) {
        float[] w = new float[n];
        Arrays.fill(w, 1f);
        return w;
    }

    /**
     * Groups of dimensions: the level shingle, then a mean and a spread group per coarser scale.
     */
    static int groups(int scales) {
        return 1 + 2 * (scales - 1);
    }

    /**
     * Points per block of a group: 1 for the level shingle, {@code 4^s} for both groups of scale s.
     */
    private static int blockOf(int group) {
        int b = 1;
        for (int i = 0; i < (group + 1) / 2; i++) {
            b *= SCALE_FACTOR;
        }
        return b;
    }

    /**
     * Weights that give every group after 0 the total variance {@code window * fields} over {@code
     * vectors} (built by this object with weights 1), each capped at the square root of its block
     * length; the vectors are rescaled in place.
     */
    WindowFeatures withGroupWeights(float[][] vectors) {
        if (groupWeights.length == 1 || vectors.length < 2) {
            return this;
        }
        int dim = dimension();
        double[] sum = new double[dim];
        double[] sumSq = new double[dim];
        for (float[] v : vectors) {
            for (int d = 0; d < dim; d++) {
                sum[d] += v[d];
                sumSq[d] += (double) v[d] * v[d];
            }
        }
        double[] variance = new double[groupWeights.length];
        for (int d = 0; d < dim; d++) {
            double m = sum[d] / vectors.length;
            variance[groupOf(d)] += Math.max(0, sumSq[d] / vectors.length - m * m);
        }
        float[] weights = new float[groupWeights.length];
        double target = window * fields;
        weights[0] = 1f;
        for (int g = 1; g < weights.length; g++) {
            double cap = Math.sqrt(blockOf(g));
            weights[g] =
                    (float)
                            (variance[g] > 0
                                    ? Math.min(cap, Math.sqrt(target / variance[g]))
                                    : cap);
        }
        for (float[] v : vectors) {
            for (int d = 0; d < dim; d++) {
                v[d] *= weights[groupOf(d)];
            }
        }
        return new WindowFeatures(window, fields, differences, scales, mean, scale, weights);
    }

    /** Dimensions of a group (group 0 with its differences). */
    private int groupDimension(int group) {
        return group == 0 && differences ? (2 * window - 1) * fields : window * fields;
    }

    /** Group of dimension d. */
    private int groupOf(int d) {
        int zero = groupDimension(0);
        return d < zero ? 0 : 1 + (d - zero) / (window * fields);
    }

    int window() {
        return window;
    }

    int fields() {
        return fields;
    }

    int scales() {
        return scales;
    }

    /** Rows one vector is made from: {@code window * 4^(scales-1)}. */
    int span() {
        return window * blockOf(groups(scales) - 1);
    }

    int dimension() {
        return groupDimension(0) + (groupWeights.length - 1) * window * fields;
    }

    /** The weight of each group (1 for group 0). */
    float[] groupWeights() {
        return groupWeights.clone();
    }

    /** Vector of rows {@code start .. start + span() - 1} into {@code out}. */
    void vector(float[][] rows, int start, float[] out) {
        int newest = start + span() - 1;
        int base = 0;
        for (int g = 0; g < groupWeights.length; g++) {
            float weight = groupWeights[g];
            if (g == 0) {
                int levels = newest - window + 1;
                for (int t = 0; t < window; t++) {
                    float[] row = rows[levels + t];
                    for (int f = 0; f < fields; f++) {
                        out[base + t * fields + f] = (row[f] - mean[f]) / scale[f];
                    }
                }
                if (differences) {
                    int diffs = base + window * fields;
                    for (int t = 1; t < window; t++) {
                        float[] row = rows[levels + t];
                        float[] prev = rows[levels + t - 1];
                        for (int f = 0; f < fields; f++) {
                            out[diffs + (t - 1) * fields + f] = (row[f] - prev[f]) / scale[f];
                        }
                    }
                }
            } else {
                int b = blockOf(g);
                boolean spread = g % 2 == 0;
                for (int i = 0; i < window; i++) {
                    int from = newest - (window - i) * b + 1;
                    for (int f = 0; f < fields; f++) {
                        double s = 0;
                        double sq = 0;
                        for (int t = from; t < from + b; t++) {
                            double x = (rows[t][f] - mean[f]) / scale[f];
                            s += x;
                            sq += x * x;
                        }
                        double m = s / b;
                        double value = spread ? Math.sqrt(Math.max(0, sq / b - m * m)) : m;
                        out[base + i * fields + f] = (float) (value * weight);
                    }
                }
            }
            base += groupDimension(g);
        }
    }

    float[] vector(float[][] rows, int start) {
        float[] out = new float[dimension()];
        vector(rows, start, out);
        return out;
    }

    /**
     * Adds each dimension's squared difference between {@code v} and {@code reference} to its
     * field, then scales to sum 1.
     */
    double[] contributions(float[] v, float[] reference) {
        double[] c = new double[fields];
        double total = 0;
        for (int d = 0; d < v.length; d++) {
            double diff = v[d] - reference[d];
            c[d % fields] += diff * diff;
            total += diff * diff;
        }
        for (int f = 0; f < fields; f++) {
            c[f] = total > 0 ? c[f] / total : 1.0 / fields;
        }
        return c;
    }

    /**
     * Format version 3 adds the scales and the group weights after the per-field standardisation.
     */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(window);
        out.writeInt(fields);
        out.writeBoolean(differences);
        for (int f = 0; f < fields; f++) {
            out.writeFloat(mean[f]);
            out.writeFloat(scale[f]);
        }
        out.writeByte(scales);
        for (float w : groupWeights) {
            out.writeFloat(w);
        }
    }

    /**
     * @param version the model's format version: before 3 there is one scale and no group weights
     */
    static WindowFeatures readFrom(DataInput in, int version) throws IOException {
        int window = in.readInt();
        int fields = in.readInt();
        boolean differences = in.readBoolean();
        float[] mean = new float[fields];
        float[] scale = new float[fields];
        for (int f = 0; f < fields; f++) {
            mean[f] = in.readFloat();
            scale[f] = in.readFloat();
        }
        if (version < 3) {
            return new WindowFeatures(window, fields, differences, 1, mean, scale, ones(1));
        }
        int scales = in.readByte();
        if (scales < 1 || scales > MetricParams.MAX_SCALES) {
            throw new IOException(scales + " feature scales");
        }
        float[] weights = new float[groups(scales)];
        for (int g = 0; g < weights.length; g++) {
            weights[g] = in.readFloat();
        }
        return new WindowFeatures(window, fields, differences, scales, mean, scale, weights);
    }
}
