/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * A type over {@link org.opensearch.aiops.detector.input.DetectorInput#SPANS} or {@link
 * org.opensearch.aiops.detector.input.DetectorInput#SEQUENCES}: one model shared by every entity (a
 * trace model must not depend on pod names), trained on the units the input reads from the training
 * range and scoring each unit. The unit class follows the input: call events for spans, template
 * sessions for sequences.
 *
 * @param <U> the input's unit
 */
public interface SharedDetectorType<P extends DetectorParams, U> extends DetectorType<P> {

    @Override
    default ModelScope scope() {
        return ModelScope.SHARED;
    }

    /** Fewest units training needs. */
    int minTrainingUnits(P params);

    /** Rough heap that training on {@code units} units takes, for the memory circuit breaker. */
    long estimateTrainingBytes(P params, long units);

    /**
     * The model, from units in time order. {@code progress} receives the fraction done and may
     * throw to cancel.
     */
    SharedModel<U> train(P params, List<U> units, DoubleConsumer progress);

    SharedModel<U> read(byte[] bytes);

    /** A result and the key its id is made from (stable: a unit scored again replaces it). */
    record KeyedResult(String key, DetectorResult result) {}

    /**
     * Results of larger units rolled up from a run's scored units (a trace from its calls, an
     * instance's minute); none by default.
     */
    default List<KeyedResult> rollUp(
            String detectorId,
            Detector detector,
            List<U> units,
            List<DetectorScore> scores,
            double threshold,
            long now) {
        return List.of();
    }

    /**
     * How long after a unit's time the real-time job waits before scoring it (late spans: a child
     * is often indexed before its parent).
     */
    default long settleMillis(P params) {
        return 0;
    }
}
