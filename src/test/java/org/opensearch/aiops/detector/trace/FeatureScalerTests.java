/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.Arrays;

import org.opensearch.test.OpenSearchTestCase;

public class FeatureScalerTests extends OpenSearchTestCase {

    public void testMissingVectorsAndValuesBecomeTheMeanAndConstantsGetTheStdFloor() {
        FeatureScaler scaler =
                FeatureScaler.fit(
                        Arrays.asList(new float[] {1, 5, Float.NaN}, null, new float[] {3, 5, 2}),
                        3);
        assertArrayEquals(new float[] {2, 5, 2}, scaler.mean(), 1e-6f);
        assertArrayEquals(
                new float[] {1, FeatureScaler.MIN_STD, FeatureScaler.MIN_STD}, scaler.std(), 1e-6f);
        float[] out = new float[4];
        scaler.apply(new float[] {4, 5.5f, Float.NaN}, out, 1);
        assertArrayEquals(new float[] {0, 2, 5, 0}, out, 1e-5f);
        scaler.apply(null, out, 1);
        assertArrayEquals(new float[] {0, 0, 0, 0}, out, 0f);
    }
}
