/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

/**
 * What the platform keeps of any trained model: its threshold, training scores, memory and bytes.
 */
public interface TrainedModel {

    /** The anomaly threshold on scores for this spec, from the training scores. */
    double threshold(ThresholdSpec spec);

    /** Count, mean, std and a few quantiles of the training scores, for the profile. */
    ScoreSummary trainingScores();

    long ramBytes();

    /** The epochs of a neural model's training, for the profile; empty for other models. */
    default java.util.List<EpochLog> epochs() {
        return java.util.List.of();
    }

    /** Compact, versioned serialization; the type's {@code read} reads it back. */
    byte[] toBytes();
}
