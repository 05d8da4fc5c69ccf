/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.function.DoubleConsumer;

import org.opensearch.aiops.detector.input.DetectorInput;

/**
 * A type over {@link DetectorInput#METRIC}: one model per entity, trained on that entity's
 * time-ordered numeric rows and scoring windows of them.
 */
public interface SeriesDetectorType<P extends DetectorParams> extends DetectorType<P> {

    @Override
    default DetectorInput input() {
        return DetectorInput.METRIC;
    }

    @Override
    default ModelScope scope() {
        return ModelScope.ENTITY;
    }

    @Override
    default ResultUnit unit() {
        return ResultUnit.WINDOW;
    }

    /** Rows of history one score needs (the window ending at the scored point). */
    int window(P params);

    /** Fewest rows an entity needs to be trained. */
    int minTrainingRows(P params);

    /**
     * Rough heap that training on {@code rows} rows of {@code fields} values takes, for the memory
     * circuit breaker.
     */
    long estimateTrainingBytes(P params, long rows, int fields);

    /**
     * A model of one entity; {@code rows[t][f]} is field f at point t, oldest first. {@code
     * progress} receives the fraction done and may throw to cancel (see {@link TrainingTask}).
     */
    DetectorModel train(P params, float[][] rows, DoubleConsumer progress);

    DetectorModel read(byte[] bytes);
}
