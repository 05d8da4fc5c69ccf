/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

/**
 * One scored window: {@code score} in [0, 1] from the window alone, {@code alarmScore} the score
 * that decides the alarm (the same for stateless models; for models with a per-entity state,
 * non-zero only where an anomalous episode peaks), the model's raw score, each feature field's
 * share of it (same order as the detector's fields), the anomaly class for detectors that classify
 * (null otherwise), and {@code alarmLag}: the alarm score concerns the window that many points
 * earlier (a state can tell that a window was an episode's peak only once the next one is scored).
 */
public record DetectorScore(
        double score,
        double alarmScore,
        double raw,
        double[] contributions,
        String anomalyClass,
        int alarmLag) {

    /** A score whose alarm concerns this window itself. */
    public DetectorScore(
            double score,
            double alarmScore,
            double raw,
            double[] contributions,
            String anomalyClass) {
        this(score, alarmScore, raw, contributions, anomalyClass, 0);
    }
}
