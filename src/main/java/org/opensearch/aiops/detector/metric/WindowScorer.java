/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.DataOutput;
import java.io.IOException;

/**
 * One outlier algorithm over window vectors. Implementations are immutable after training, so
 * scoring is thread-safe. Neighbour-based ones get the query's nearest training windows from the
 * model's shared {@link NeighbourIndex}, so an ensemble searches once for all of them.
 */
interface WindowScorer {
    byte KNN = 1;
    byte LOF = 2;
    byte CBLOF = 3;
    byte LSTM = 4;

    /** Tag written before the scorer's own bytes. */
    byte kind();

    /**
     * Higher is more anomalous. {@code nn} holds the query's k nearest training windows (null when
     * the model has no index).
     */
    double rawScore(float[] vector, Neighbours nn);

    /**
     * The normal point the window is compared with, for field contributions; null: the mean of its
     * nearest neighbours.
     */
    default float[] reference(float[] vector) {
        return null;
    }

    long ramBytes();

    void writeTo(DataOutput out) throws IOException;
}
