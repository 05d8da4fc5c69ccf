/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

/** A trained model of one entity's numeric rows. Thread-safe for scoring. */
public interface DetectorModel extends TrainedModel {

    /** Rows one score needs. */
    int window();

    /** Scores the window of {@link #window()} rows, oldest first. */
    DetectorScore score(float[][] rows);

    /**
     * A fresh per-entity scoring state, or null for models that score each window alone. A state
     * sees one entity's windows in time order and carries over from one model of the entity to the
     * next.
     */
    default Object newState() {
        return null;
    }

    /** Scores the window through the entity's state (from {@link #newState()}), in time order. */
    default DetectorScore score(float[][] rows, Object state) {
        return score(rows);
    }
}
