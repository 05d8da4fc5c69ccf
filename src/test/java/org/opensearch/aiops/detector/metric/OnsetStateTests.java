/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import org.opensearch.test.OpenSearchTestCase;

public class OnsetStateTests extends OpenSearchTestCase {

    private static double[] gate(OnsetState state, double... scores) {
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = state.gate(scores[i]);
        }
        return out;
    }

    /**
     * A rise of new highs counts once, one point late, at its top; lower scores after it stay 0
     * while it is remembered.
     */
    public void testARiseCountsOnceAtItsTop() {
        double[] out = gate(new OnsetState(100, 8), 0.1, 0.2, 0.5, 0.7, 0.6, 0.3, 0.65, 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0.7, 0, 0, 0}, out, 0.0);
    }

    /** A rise longer than maxRise counts at its maxRise-th point and not again until it ends. */
    public void testALongRiseCountsAtTheCap() {
        double[] out = gate(new OnsetState(100, 2), 0.1, 0.2, 0.3, 0.4, 0.1);
        assertArrayEquals(new double[] {0, 0, 0.2, 0, 0}, out, 0.0);
    }

    /** Once the high score has left the history, a lower one counts again. */
    public void testHistoryForgets() {
        double[] out = gate(new OnsetState(3, 8), 0.9, 0.1, 0.1, 0.1, 0.1, 0.5, 0.1);
        assertArrayEquals(new double[] {0, 0.9, 0, 0, 0, 0, 0.5}, out, 0.0);
    }

    public void testBytesRoundTripMidRise() {
        OnsetState a = new OnsetState(50, 8);
        gate(a, 0.3, 0.1, 0.2, 0.4);
        OnsetState b = OnsetState.fromBytes(a.toBytes());
        assertArrayEquals(gate(a, 0.5, 0.45, 0.2), gate(b, 0.5, 0.45, 0.2), 1e-6);
        expectThrows(
                IllegalArgumentException.class,
                () -> OnsetState.fromBytes(new byte[] {0, 0, 0, 0}));
        expectThrows(IllegalArgumentException.class, () -> new OnsetState(0, 8));
    }
}
