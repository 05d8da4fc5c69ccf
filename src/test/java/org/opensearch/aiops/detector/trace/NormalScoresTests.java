/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import org.opensearch.test.OpenSearchTestCase;

public class NormalScoresTests extends OpenSearchTestCase {

    public void testThresholdIsMeanPlusNSampleStdAndFollowsAddedScores() {
        NormalScores normal = NormalScores.of(new float[] {1, 2, 3, 4});
        assertEquals(2.5, normal.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), normal.std(), 1e-12);
        assertEquals(2.5 + 3 * Math.sqrt(5.0 / 3), normal.threshold(3), 1e-12);
        normal.add(5);
        assertEquals(5, normal.count());
        assertEquals(3.0, normal.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), normal.std(), 1e-12);
    }

    public void testOneScoreHasNoSpread() {
        NormalScores normal = NormalScores.of(new float[] {0.7f});
        assertEquals(0, normal.std(), 0);
        assertEquals(0.7, normal.threshold(3), 1e-6);
    }

    public void testRestoredStatisticsContinueExactly() {
        NormalScores a = NormalScores.of(new float[] {1, 4, 9});
        NormalScores b = new NormalScores(a.count(), a.mean(), a.m2());
        a.add(16);
        b.add(16);
        assertEquals(a.threshold(3), b.threshold(3), 0);
    }
}
