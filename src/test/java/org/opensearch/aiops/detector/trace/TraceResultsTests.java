/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.Detector;
import org.opensearch.aiops.detector.DetectorFixtures;
import org.opensearch.aiops.detector.DetectorResult;
import org.opensearch.aiops.detector.DetectorTypes;
import org.opensearch.aiops.detector.ResultUnit;
import org.opensearch.aiops.detector.SharedDetectorType.KeyedResult;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.test.OpenSearchTestCase;

public class TraceResultsTests extends OpenSearchTestCase {

    private static CallEvent call(
            String trace, String span, String source, String destination, long millis) {
        return new CallEvent(
                trace,
                span,
                "p",
                source,
                source.split("-")[0],
                destination,
                destination.split("-")[0],
                "op",
                "client op",
                millis * 1000,
                2_000,
                1_000,
                false,
                Map.of(),
                null,
                List.of(),
                null,
                null);
    }

    public void testOneResultPerTraceAndPerInstanceMinuteWithStableKeys() throws Exception {
        Detector detector;
        try (XContentParser parser =
                DetectorFixtures.parser(
                        "{\"name\":\"t\",\"type\":\"trace_graph\",\"source\":{},\"training\":{\"from\":1,\"to\":2}}")) {
            detector = Detector.parse(parser, new DetectorTypes(List.of(new TraceGraphType(null))));
        }
        List<CallEvent> events =
                List.of(
                        call("t1", "a", "gw-1", "order-1", 60_000),
                        call("t1", "b", "order-1", "pay-1", 60_010),
                        call("t2", "c", "gw-1", "order-1", 125_000));
        List<KeyedResult> results =
                TraceResults.of(
                        "d",
                        detector,
                        events,
                        new double[] {0.2, 0.9, 0.1},
                        new boolean[] {false, true, false},
                        0.5,
                        7);
        List<DetectorResult> traces =
                results.stream()
                        .map(KeyedResult::result)
                        .filter(r -> r.unit() == ResultUnit.TRACE)
                        .toList();
        assertEquals(2, traces.size());
        assertEquals("t1", traces.get(0).traceId());
        assertTrue(traces.get(0).isAnomaly());
        assertEquals(0.9, traces.get(0).score().score(), 0);
        assertEquals(60_000, traces.get(0).dataStartTime());
        assertFalse(traces.get(1).isAnomaly());
        List<DetectorResult> windows =
                results.stream()
                        .map(KeyedResult::result)
                        .filter(r -> r.unit() == ResultUnit.WINDOW)
                        .toList();
        // gw-1 at minutes 1 and 2, order-1 at 1 and 2, pay-1 at 1
        assertEquals(5, windows.size());
        DetectorResult pay =
                windows.stream()
                        .filter(w -> w.entityKey().equals("pay-1"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(pay.isAnomaly());
        assertEquals(60_000, pay.dataStartTime());
        assertEquals(120_000, pay.dataEndTime());
        assertEquals("pay", pay.entity().get("service"));
        assertEquals(
                "keys name the unit, so a trace and an instance never share an id",
                results.size(),
                results.stream().map(KeyedResult::key).distinct().count());
        assertEquals(
                results.stream().map(KeyedResult::key).toList(),
                TraceResults.of(
                                "d",
                                detector,
                                events,
                                new double[] {0.2, 0.9, 0.1},
                                new boolean[] {false, true, false},
                                0.5,
                                8)
                        .stream()
                        .map(KeyedResult::key)
                        .toList());
    }
}
