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
}
