/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

/** The nearest training windows of one query, closest first: ordinals and Euclidean distances. */
record Neighbours(int[] ords, float[] distances) {

    int size() {
        return ords.length;
    }

    double meanDistance() {
        double sum = 0;
        for (float d : distances) {
            sum += d;
        }
        return sum / distances.length;
    }
}
