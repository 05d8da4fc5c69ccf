/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Standardises vectors with the training data's mean and standard deviation per dimension. A
 * missing vector (null) or value (NaN: a KPI the pod's sample lacks) becomes the mean. The standard
 * deviation has a floor, so a dimension constant in training (a template bucket never used) turns a
 * new value into a large but bounded deviation instead of a division by zero.
 */
record FeatureScaler(float[] mean, float[] std) {

    static final float MIN_STD = 0.1f;

    /** Fitted on the non-null vectors of {@code rows}, {@code width} wide. */
    static FeatureScaler fit(List<float[]> rows, int width) {
        double[] sum = new double[width];
        double[] squares = new double[width];
        long[] n = new long[width];
        for (float[] row : rows) {
            if (row == null) {
                continue;
            }
            for (int i = 0; i < width; i++) {
                float v = i < row.length ? row[i] : 0;
                if (Float.isFinite(v)) {
                    n[i]++;
                    sum[i] += v;
                    squares[i] += (double) v * v;
                }
            }
        }
        float[] mean = new float[width];
        float[] std = new float[width];
        for (int i = 0; i < width; i++) {
            double m = n[i] == 0 ? 0 : sum[i] / n[i];
            double var = n[i] == 0 ? 0 : Math.max(0, squares[i] / n[i] - m * m);
            mean[i] = (float) m;
            std[i] = (float) Math.max(MIN_STD, Math.sqrt(var));
        }
        return new FeatureScaler(mean, std);
    }

    int width() {
        return mean.length;
    }

    /**
     * Writes {@code row} standardised into {@code out} at {@code at}; null writes zeros (the mean).
     */
    void apply(float[] row, float[] out, int at) {
        for (int i = 0; i < mean.length; i++) {
            float v = row == null ? Float.NaN : i < row.length ? row[i] : 0;
            out[at + i] = Float.isFinite(v) ? (v - mean[i]) / std[i] : 0;
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(mean.length);
        for (int i = 0; i < mean.length; i++) {
            out.writeFloat(mean[i]);
            out.writeFloat(std[i]);
        }
    }

    static FeatureScaler read(DataInputStream in) throws IOException {
        int width = in.readInt();
        float[] mean = new float[width];
        float[] std = new float[width];
        for (int i = 0; i < width; i++) {
            mean[i] = in.readFloat();
            std[i] = in.readFloat();
        }
        return new FeatureScaler(mean, std);
    }
}
