/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

/**
 * One model for every entity of a detector over spans or sequences, scoring one unit (a call event,
 * a session) at a time. Thread-safe for scoring.
 *
 * @param <U> the input's unit: {@link org.opensearch.aiops.detector.input.CallEvent} or {@link
 *     org.opensearch.aiops.detector.input.TemplateSession}
 */
public interface SharedModel<U> extends TrainedModel {

    /** The unit's score; contributions are the ones named in {@link #contributions}. */
    DetectorScore score(U unit);

    /**
     * The scores of units in time order, in one call: a model that batches (or keeps state from
     * unit to unit) overrides it.
     */
    default java.util.List<DetectorScore> scoreAll(java.util.List<U> units) {
        return units.stream().map(this::score).toList();
    }

    /**
     * Whether scoring changes the model (graph memory, a threshold that follows the data): the
     * platform then checkpoints it again after each run.
     */
    default boolean stateful() {
        return false;
    }

    /** What drove the unit's score (templates, edges, code contexts), largest first. */
    java.util.List<Contribution> contributions(U unit, DetectorScore score);
}
