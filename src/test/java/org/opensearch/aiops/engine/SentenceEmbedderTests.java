/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.engine;

import org.opensearch.test.OpenSearchTestCase;

public class SentenceEmbedderTests extends OpenSearchTestCase {

    /**
     * Padding tokens (mask 0) must not move the mean, and every vector comes out with unit length.
     */
    public void testMeanPoolingIgnoresPaddingAndNormalises() {
        int d = SentenceEmbedder.DIMENSION;
        int length = 3;
        float[] hidden = new float[2 * length * d];
        for (int i = 0; i < d; i++) {
            hidden[i] = 1f; // batch 0, token 0
            hidden[d + i] = 3f; // batch 0, token 1
            hidden[2 * d + i] = 1000f; // batch 0, token 2: padding
            hidden[3 * d + i] = i % 2 == 0 ? 2f : -2f; // batch 1, token 0
        }
        long[][] mask = {{1, 1, 0}, {1, 0, 0}};
        float[][] pooled = SentenceEmbedder.meanPoolNormalised(hidden, mask, 2, length);
        float expected = (float) (1 / Math.sqrt(d));
        for (int i = 0; i < d; i++) {
            assertEquals(expected, pooled[0][i], 1e-6);
            assertEquals(i % 2 == 0 ? expected : -expected, pooled[1][i], 1e-6);
        }
    }
}
