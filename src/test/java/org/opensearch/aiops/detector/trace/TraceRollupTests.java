/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.test.OpenSearchTestCase;

public class TraceRollupTests extends OpenSearchTestCase {

    private static final long MINUTE_US = 60_000_000L;

    private static CallEvent event(String trace, String span, String from, String to, long us) {
        return new CallEvent(
                trace,
                span,
                "p",
                from,
                "svc-" + from,
                to,
                "svc-" + to,
                "op",
                "caller-op",
                us,
                10,
                5,
                false,
                Map.of(),
                null,
                List.of(),
                null,
                null);
    }

    private static final List<CallEvent> EVENTS =
            List.of(
                    event("t1", "a", "gw", "order", 10 * MINUTE_US + 1),
                    event("t1", "b", "order", "pay", 10 * MINUTE_US + 2),
                    event("t2", "c", "gw", "order", 10 * MINUTE_US + 59_999_999),
                    event("t2", "d", "order", "order", 11 * MINUTE_US));
    private static final double[] SCORES = {0.1, 0.9, 0.3, 0.2};
    private static final boolean[] FLAGS = {false, true, false, false};

    public void testTraceTakesMaxScoreAndAnyAnomaly() {
        List<TraceRollup.TraceResult> traces = TraceRollup.traces(EVENTS, SCORES, FLAGS);
        assertEquals(
                List.of(
                        new TraceRollup.TraceResult("t1", 0.9, true, 2),
                        new TraceRollup.TraceResult("t2", 0.3, false, 2)),
                traces);
    }

    public void testWindowsAreInstanceMinutesOfTheEventsTouchingThem() {
        long m10 = 10 * 60_000L;
        long m11 = 11 * 60_000L;
        List<TraceRollup.WindowResult> windows = TraceRollup.windows(EVENTS, SCORES, FLAGS);
        assertEquals(
                List.of(
                        new TraceRollup.WindowResult("gw", m10, 0.3, false, 2),
                        new TraceRollup.WindowResult("order", m10, 0.9, true, 3),
                        // caller and callee are one instance: the event counts once
                        new TraceRollup.WindowResult("order", m11, 0.2, false, 1),
                        new TraceRollup.WindowResult("pay", m10, 0.9, true, 1)),
                windows);
    }

    public void testOneScoreAndFlagPerEvent() {
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () -> TraceRollup.traces(EVENTS, new double[3], FLAGS));
        assertTrue(e.getMessage(), e.getMessage().contains("4 events, 3 scores"));
    }
}
