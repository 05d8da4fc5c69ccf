/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.Locale;

/**
 * Evaluation-only transforms of one series' score stream, to measure stateful methods before the
 * platform can run them (it scores each point from its window of rows alone; see BENCHMARKS.md).
 * Parsed from {@code --filter}:
 *
 * <ul>
 *   <li>{@code none}
 *   <li>(onset suppression, formerly {@code suppress:M}, is now the detector's own per-entity
 *       state: {@code --onset M}, {@link org.opensearch.aiops.detector.metric.OnsetState})
 *   <li>{@code likelihood:L:S}: HTM-style anomaly likelihood (Ahmad et al. 2017): the mean of the
 *       last S scores against the normal distribution of such means over the last L points (NAB's
 *       floors: mean 0.03, variance 0.0003), as {@code 1 - Q(z)} on NAB's log scale
 * </ul>
 */
public record NabScoreFilter(String kind, int history, int shortWindow) {

    public static NabScoreFilter parse(String spec) {
        String[] p = spec.split(":");
        try {
            switch (p[0]) {
                case "none" -> {
                    return new NabScoreFilter("none", 0, 0);
                }
                case "suppress" ->
                        throw new IllegalArgumentException(
                                "--filter suppress:M is now the detector's scoring state: use --onset "
                                        + (p.length > 1 ? p[1] : "M"));
                case "likelihood" -> {
                    return new NabScoreFilter(
                            "likelihood", Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                }
                default -> {}
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(
                "--filter must be none or likelihood:L:S, got [" + spec + "]");
    }

    /** Filtered copy; scores before {@code from} (probationary) stay 0. */
    public double[] apply(double[] scores, int from) {
        double[] out = new double[scores.length];
        for (int t = from; t < scores.length; t++) {
            out[t] =
                    switch (kind) {
                        case "likelihood" -> likelihood(scores, Math.max(from, t - history + 1), t);
                        default -> scores[t];
                    };
        }
        return out;
    }

    private double likelihood(double[] s, int start, int end) {
        double sum = 0;
        double sumMeans = 0;
        double sumSqMeans = 0;
        double current = 0;
        int count = 0;
        for (int t = start; t <= end; t++) {
            sum += s[t];
            if (t - start >= shortWindow) {
                sum -= s[t - shortWindow];
            }
            current = sum / Math.min(t - start + 1, shortWindow);
            sumMeans += current;
            sumSqMeans += current * current;
            count++;
        }
        double mean = sumMeans / count;
        double mu = Math.max(mean, 0.03);
        double std =
                Math.max(
                        Math.sqrt(Math.max(0, sumSqMeans / count - mean * mean)),
                        Math.sqrt(0.0003));
        double tail = 0.5 * erfc((current - mu) / std / Math.sqrt(2));
        return Math.log(1.0000000001 - (1 - tail)) / Math.log(1.0 - 0.9999999999);
    }

    /** Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r =
                t
                        * Math.exp(
                                -z * z
                                        - 1.26551223
                                        + t
                                                * (1.00002368
                                                        + t
                                                                * (0.37409196
                                                                        + t
                                                                                * (0.09678418
                                                                                        + t
                                                                                                * (-0.18628806
                                                                                                        + t
                                                                                                                * (0.27886807
                                                                                                                        + t
                                                                                                                                * (-1.13520398
                                                                                                                                        + t
                                                                                                                                                * (1.48851587
                                                                                                                                                        + t
                                                                                                                                                                * (-0.82215223
                                                                                                                                                                        + t
                                                                                                                                                                                * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case "likelihood" ->
                    String.format(Locale.ROOT, "likelihood:%d:%d", history, shortWindow);
            default -> "none";
        };
    }
}
