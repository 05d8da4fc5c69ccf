/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Distribution of a model's normalised training scores: count, mean, standard deviation and 1,001
 * quantiles (every 0.1 %), and from them the alert threshold of a spec: {@code sigma} (mean + n
 * std, n = 3 by default) or {@code quantile} q.
 */
public final class ScoreDistribution {
    static final int QUANTILES = 1001;

    private final long count;
    private final double mean;
    private final double std;
    private final double[] quantiles;

    private ScoreDistribution(long count, double mean, double std, double[] quantiles) {
        this.count = count;
        this.mean = mean;
        this.std = std;
        this.quantiles = quantiles;
    }

    public static ScoreDistribution of(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no scores");
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double s : sorted) {
            sum += s;
        }
        double mean = sum / sorted.length;
        double sq = 0;
        for (double s : sorted) {
            sq += (s - mean) * (s - mean);
        }
        double[] q = new double[QUANTILES];
        for (int i = 0; i < QUANTILES; i++) {
            q[i] = quantileOfSorted(sorted, i / (double) (QUANTILES - 1));
        }
        return new ScoreDistribution(sorted.length, mean, Math.sqrt(sq / sorted.length), q);
    }

    /** Linear interpolation between the closest ranks. */
    static double quantileOfSorted(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    public double std() {
        return std;
    }

    /** Quantile q in [0, 1], interpolated between the stored 0.1 % steps. */
    public double quantile(double q) {
        if ((q >= 0 && q <= 1) == false) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got [" + q + "]");
        }
        return quantileOfSorted(quantiles, q);
    }

    /**
     * Threshold of a spec.
     *
     * @param method "sigma" (mean + value * std; value null means 3) or "quantile" (value in (0,
     *     1), required)
     */
    public double threshold(String method, Double value) {
        switch (method) {
            case "sigma" -> {
                double n = value == null ? 3.0 : value;
                if ((n >= 0 && n <= 100) == false) {
                    throw new IllegalArgumentException(
                            "threshold.value for sigma must be in [0, 100], got [" + n + "]");
                }
                return mean + n * std;
            }
            case "quantile" -> {
                if (value == null || (value > 0 && value < 1) == false) {
                    throw new IllegalArgumentException(
                            "threshold.value for quantile must be in (0, 1), got [" + value + "]");
                }
                return quantile(value);
            }
            default ->
                    throw new IllegalArgumentException(
                            "threshold.method must be one of [sigma, quantile], got ["
                                    + method
                                    + "]");
        }
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeLong(count);
        out.writeDouble(mean);
        out.writeDouble(std);
        out.writeInt(quantiles.length);
        for (double q : quantiles) {
            out.writeFloat((float) q);
        }
    }

    public static ScoreDistribution readFrom(DataInput in) throws IOException {
        long count = in.readLong();
        double mean = in.readDouble();
        double std = in.readDouble();
        int n = in.readInt();
        if (n < 2 || n > 100_000) {
            throw new IOException("corrupt score distribution: " + n + " quantiles");
        }
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = in.readFloat();
        }
        return new ScoreDistribution(count, mean, std, q);
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ScoreDistribution fromBytes(byte[] bytes) {
        try {
            return readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a score distribution: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "count=%d mean=%.4f std=%.4f p50=%.4f p99=%.4f",
                count,
                mean,
                std,
                quantile(0.5),
                quantile(0.99));
    }
}
