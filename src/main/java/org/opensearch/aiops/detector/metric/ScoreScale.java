package org.opensearch.aiops.detector.metric;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Maps a raw outlier score to [0, 1] against the training raws: {@code 1 - exp(-max(0, raw - median) / (q99 - median))}.
 * Half the training windows score 0 and the 99th percentile about 0.63, so mean + 3 std of the training scores stays well
 * under 1 (an empirical CDF would put it above 1) while a window three times as far out as the 99th percentile scores 0.95.
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
        return excess <= 0 ? 0.0 : 1.0 - Math.exp(-excess / spread);
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeDouble(median);
        out.writeDouble(spread);
    }

    static ScoreScale readFrom(DataInput in) throws IOException {
        return new ScoreScale(in.readDouble(), in.readDouble());
    }
}
