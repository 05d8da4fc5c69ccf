/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import org.opensearch.test.OpenSearchTestCase;

public class TraceInstanceExceedancesTests extends OpenSearchTestCase {

    public void testUpperTailMatchesTheBinomial() {
        // n = 3, p = 0.5: P(X >= 2) = (3 + 1) / 8
        assertEquals(0.5, InstanceExceedances.upperTail(3, 2, 0.5), 1e-12);
        assertEquals(1, InstanceExceedances.upperTail(5, 0, 0.1), 0);
        assertEquals(0, InstanceExceedances.upperTail(2, 3, 0.1), 0);
        assertEquals(Math.pow(0.1, 4), InstanceExceedances.upperTail(4, 4, 0.1), 1e-15);
    }

    public void testAnInstanceWithManyExceedancesIsSignificantAndTheWindowExpires() {
        InstanceExceedances x = new InstanceExceedances(0, 0);
        for (int i = 0; i < 1000; i++) {
            x.count(i % 100 == 0); // 1 % overall
            x.add("quiet", i * 1000L, i % 100 == 0);
        }
        for (int i = 0; i < 20; i++) {
            x.add("busy", 1_000_000L + i, i % 2 == 0);
        }
        assertTrue(x.pValue("busy", 1_000_020L) < InstanceExceedances.ALPHA);
        assertTrue(x.pValue("quiet", 1_000_020L) > InstanceExceedances.ALPHA);
        assertEquals(1, x.pValue("busy", 1_000_020L + InstanceExceedances.WINDOW_MICROS), 0);
        assertEquals(1, x.pValue("unknown", 0), 0);
    }

    public void testInstanceAlarmCrossesTheThresholdAtAlpha() {
        double t = 0.5;
        assertEquals(t, TraceGraphModel.instanceAlarm(InstanceExceedances.ALPHA, t), 1e-12);
        assertTrue(TraceGraphModel.instanceAlarm(1e-6, t) > t);
        assertTrue(TraceGraphModel.instanceAlarm(0.05, t) < t);
        assertEquals(0, TraceGraphModel.instanceAlarm(1, t), 0);
    }
}
