/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.DataOutput;

/**
 * kNN distance: the mean distance to the k nearest training windows (Ramaswamy et al. use the k-th;
 * the mean is steadier).
 */
final class KnnScorer implements WindowScorer {

    static final KnnScorer INSTANCE = new KnnScorer();

    private KnnScorer() {}

    /** Training raws from the self-excluded neighbour lists. */
    static double[] trainingRaws(TrainingNeighbours nn) {
        double[] raws = new double[nn.size()];
        for (int i = 0; i < raws.length; i++) {
            double sum = 0;
            for (int j = 0; j < nn.k(); j++) {
                sum += nn.distance(i, j);
            }
            raws[i] = sum / nn.k();
        }
        return raws;
    }

    @Override
    public byte kind() {
        return KNN;
    }

    @Override
    public double rawScore(float[] vector, Neighbours nn) {
        return nn.meanDistance();
    }

    @Override
    public long ramBytes() {
        return 16;
    }

    @Override
    public void writeTo(DataOutput out) {}
}
