package org.opensearch.aiops.detector.metric;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Turns {@code window} consecutive rows of {@code fields} values into one vector: each field standardised with the training
 * mean and standard deviation, laid out point by point ({@code [t * fields + f]}), then, with differences, the changes from
 * one point to the next in the same units. So dimension {@code d} belongs to field {@code d % fields}.
 */
final class WindowFeatures {
    private final int window;
    private final int fields;
    private final boolean differences;
    private final float[] mean;
    private final float[] scale;

    WindowFeatures(int window, int fields, boolean differences, float[] mean, float[] scale) {
        this.window = window;
        this.fields = fields;
        this.differences = differences;
        this.mean = mean;
        this.scale = scale;
    }

    /** Per-field mean and standard deviation over the finite rows; a constant field gets scale 1 (its changes stay visible). */
    static WindowFeatures fit(int window, boolean differences, float[][] rows, boolean[] usable) {
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
        return new WindowFeatures(window, fields, differences, mean, scale);
    }

    int window() {
        return window;
    }

    int fields() {
        return fields;
    }

    int dimension() {
        return window * fields + (differences ? (window - 1) * fields : 0);
    }

    /** Vector of rows {@code start .. start + window - 1} into {@code out}. */
    void vector(float[][] rows, int start, float[] out) {
        for (int t = 0; t < window; t++) {
            float[] row = rows[start + t];
            for (int f = 0; f < fields; f++) {
                out[t * fields + f] = (row[f] - mean[f]) / scale[f];
            }
        }
        if (differences) {
            int base = window * fields;
            for (int t = 1; t < window; t++) {
                float[] row = rows[start + t];
                float[] prev = rows[start + t - 1];
                for (int f = 0; f < fields; f++) {
                    out[base + (t - 1) * fields + f] = (row[f] - prev[f]) / scale[f];
                }
            }
        }
    }

    float[] vector(float[][] rows, int start) {
        float[] out = new float[dimension()];
        vector(rows, start, out);
        return out;
    }

    /** Adds each dimension's squared difference between {@code v} and {@code reference} to its field, then scales to sum 1. */
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

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(window);
        out.writeInt(fields);
        out.writeBoolean(differences);
        for (int f = 0; f < fields; f++) {
            out.writeFloat(mean[f]);
            out.writeFloat(scale[f]);
        }
    }

    static WindowFeatures readFrom(DataInput in) throws IOException {
        int window = in.readInt();
        int fields = in.readInt();
        boolean differences = in.readBoolean();
        float[] mean = new float[fields];
        float[] scale = new float[fields];
        for (int f = 0; f < fields; f++) {
            mean[f] = in.readFloat();
            scale[f] = in.readFloat();
        }
        return new WindowFeatures(window, fields, differences, mean, scale);
    }
}
