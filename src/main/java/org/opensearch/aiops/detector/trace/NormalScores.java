/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

/**
 * Running count, mean and variance (Welford) of the raw scores of events judged normal: the paper's
 * history database, reduced to what the μ + nσ threshold needs, so it follows the system as
 * scored-normal events accumulate without keeping them.
 */
final class NormalScores {

    private long count;
    private double mean;
    private double m2;

    NormalScores(long count, double mean, double m2) {
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    static NormalScores of(float[] scores) {
        NormalScores normal = new NormalScores(0, 0, 0);
        for (float s : scores) {
            normal.add(s);
        }
        return normal;
    }

    void add(double score) {
        count++;
        double delta = score - mean;
        mean += delta / count;
        m2 += delta * (score - mean);
    }

    long count() {
        return count;
    }

    double mean() {
        return mean;
    }

    /** Sample standard deviation; 0 below two scores. */
    double std() {
        return count > 1 ? Math.sqrt(m2 / (count - 1)) : 0;
    }

    double m2() {
        return m2;
    }

    /** μ + n·σ. */
    double threshold(double n) {
        return mean + n * std();
    }
}
