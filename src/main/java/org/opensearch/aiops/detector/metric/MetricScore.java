/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

/**
 * Score of one window.
 *
 * @param score in [0, 1), monotone in {@code raw}: x / (1 + x) with x = (raw - median) / (q99 -
 *     median) of the training raws (see ScoreScale)
 * @param raw the algorithm's own outlier score (mean neighbour distance, LOF ratio, CBLOF distance,
 *     ...)
 * @param fieldContributions one share per field, summing to 1: how much each field differs from the
 *     nearest normal windows
 */
public record MetricScore(double score, double raw, double[] fieldContributions) {

    /** Index of the field that weighed most. */
    public int topField() {
        int best = 0;
        for (int i = 1; i < fieldContributions.length; i++) {
            if (fieldContributions[i] > fieldContributions[best]) {
                best = i;
            }
        }
        return best;
    }
}
