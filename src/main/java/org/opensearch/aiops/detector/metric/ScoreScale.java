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
 * Maps a raw outlier score to [0, 1) against the training raws: with {@code x = max(0, raw -
 * median) / (q99 - median)}, the score is {@code x / (1 + x)}. Half the training windows score 0
 * and the 99th percentile 0.5, so mean + 3 std of the training scores stays well under 1 (an
 * empirical CDF would put it above 1); a window 3 times as far out as the 99th percentile scores
 * 0.75, 10 times 0.91. Unlike {@code 1 - exp(-x)} it does not round to exactly 1 for large
 * outliers, so they keep their order.
 */
record ScoreScale(double median, double spread) {

    static final double QUANTILE = 0.99;

    static ScoreScale fit(double[] raws) {
        double[] sorted = raws.clone();
        Arrays.sort(sorted);
        double median = ScoreDistribution.quantileOfSorted(sorted, 0.5);
        double high = ScoreDistribution.quantileOfSorted(sorted, QUANTILE);
        double floor = 1e-9 * Math.max(1.0, Math.abs(median));
        return new ScoreScale(median, Math.max(high - median, floor));
    }

    double normalise(double raw) {
        double excess = raw - median;
        if (excess <= 0) {
            return 0.0;
        }
        double x = excess / spread;
        return x / (1.0 + x);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(median);
        out.writeDouble(spread);
    }

    static ScoreScale readFrom(DataInput in) throws IOException {
        return new ScoreScale(in.readDouble(), in.readDouble());
    }
}
