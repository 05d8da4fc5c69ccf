/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.nio.file.Path;
import java.util.List;

import org.opensearch.aiops.detector.DetectorScore;
import org.opensearch.aiops.detector.ThresholdSpec;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.test.OpenSearchTestCase;

/** trace_graph on PyTorch in the test JVM (natives from the cache {@code ./aiops test} fills). */
public class TraceGraphModelTests extends OpenSearchTestCase {

    static DjlEngine engine() {
        String dir = System.getProperty("aiops.djl.cache");
        assertNotNull(
                "no DJL cache given (-Daiops.djl.cache): run the tests with ./aiops test", dir);
        DjlEngine engine = DjlEngine.forCache(Path.of(dir), 1, 1);
        assertTrue("PyTorch natives not in " + dir, engine.pytorchCacheReady());
        return engine;
    }

    static TraceGraphParams smallParams() {
        return new TraceGraphParams(
                15, 3, 60, 3e-3, 16, 16, 0.3, 0.7, 0.2, 0.2, 200_000, 7, TimeValue.ZERO);
    }

    public void testCodePathChangeScoresAboveThresholdAndNormalCallsDoNot() throws Exception {
        SimulatedCalls calls = new SimulatedCalls(1, 1_700_000_000_000_000L);
        List<CallEvent> training = calls.traces(400, false);
        TraceGraphModel model = TraceGraphModel.train(engine(), smallParams(), training, null);
        assertTrue(model.trainingLog().seconds().length >= 1);
        double threshold = model.threshold(ThresholdSpec.DEFAULT);

        List<CallEvent> normal = calls.traces(60, false);
        List<DetectorScore> normalScores = model.scoreAll(normal);
        long falseAlarms = normalScores.stream().filter(s -> s.alarmScore() > threshold).count();
        assertTrue(
                "false alarms " + falseAlarms + " of " + normal.size(),
                falseAlarms <= normal.size() / 20);

        List<CallEvent> faulty = calls.traces(30, true);
        List<DetectorScore> faultyScores = model.scoreAll(faulty);
        int detected = 0;
        for (int i = 1; i < faulty.size(); i += 3) { // the payment calls
            detected += faultyScores.get(i).alarmScore() > threshold ? 1 : 0;
        }
        assertTrue("detected " + detected + " of 30 changed code paths", detected >= 25);
    }

    public void testRoundTripKeepsScoresAndState() throws Exception {
        SimulatedCalls calls = new SimulatedCalls(2, 1_700_000_000_000_000L);
        TraceGraphModel model =
                TraceGraphModel.train(engine(), smallParams(), calls.traces(200, false), null);
        TraceGraphModel copy = TraceGraphModel.read(model.toBytes(), engine());
        List<CallEvent> next = calls.traces(20, true);
        List<DetectorScore> a = model.scoreAll(next);
        List<DetectorScore> b = copy.scoreAll(next);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).raw(), b.get(i).raw(), 1e-5);
        }
        assertEquals(
                model.threshold(ThresholdSpec.DEFAULT),
                copy.threshold(ThresholdSpec.DEFAULT),
                1e-9);
    }
}
