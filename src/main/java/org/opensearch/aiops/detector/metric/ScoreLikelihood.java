package org.opensearch.aiops.detector.metric;

/**
 * HTM-style anomaly likelihood (Ahmad et al. 2017, as in NAB's Numenta detector) over one series' recent scores: the mean of
 * the last {@code shortWindow} scores is compared with the normal distribution of the short means over the whole history,
 * and the result is the upper tail's complement, reported on NAB's log scale so that 0.5 means "one in ~300 000". A series
 * whose scores are always high (noisy, badly modelled) raises its own bar; a sustained rise in an otherwise quiet series
 * stands out even when each score alone is unremarkable.
 */
public final class ScoreLikelihood {
    /** Floors from NAB's likelihood (performLowerBoundCheck): a flat score history must not make every blip certain. */
    static final double MIN_MEAN = 0.03;
    static final double MIN_STD = Math.sqrt(0.0003);

    private ScoreLikelihood() {}

    /**
     * @param scores      a series' scores, oldest first; the likelihood is the one of {@code scores[end]}
     * @param start       first score of the history used (inclusive)
     * @param end         last score (inclusive); {@code end - start + 1 >= shortWindow}
     * @param shortWindow scores averaged for the current value
     * @return in [0, 1]: log-scaled likelihood, higher is more anomalous
     */
    public static double of(double[] scores, int start, int end, int shortWindow) {
        // running short means over the history: their mean and variance describe normal
        double sum = 0;
        double sumMeans = 0;
        double sumSqMeans = 0;
        int count = 0;
        double current = 0;
        for (int t = start; t <= end; t++) {
            sum += scores[t];
            if (t - start >= shortWindow) {
                sum -= scores[t - shortWindow];
            }
            int n = Math.min(t - start + 1, shortWindow);
            double mean = sum / n;
            sumMeans += mean;
            sumSqMeans += mean * mean;
            count++;
            current = mean;
        }
        double mu = Math.max(sumMeans / count, MIN_MEAN);
        double std = Math.max(Math.sqrt(Math.max(0, sumSqMeans / count - (sumMeans / count) * (sumMeans / count))), MIN_STD);
        return logScale(1 - upperTail((current - mu) / std));
    }

    /** Q(z), the standard normal upper tail. One-sided: NAB mirrors scores below the mean, which flags calm as anomalous. */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** NAB's computeLogLikelihood: log(1.0000000001 - l) / log(1 - 0.9999999999). */
    static double logScale(double likelihood) {
        return Math.log(1.0000000001 - likelihood) / Math.log(1.0 - 0.9999999999);
    }

    /** Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(
            -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398
                + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
        );
        return x >= 0 ? r : 2.0 - r;
    }
}
