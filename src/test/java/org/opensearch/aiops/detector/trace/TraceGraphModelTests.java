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

    public void testFanOutOfTenThousandChildrenAndSpansWithoutCodeContext() throws Exception {
        SimulatedCalls calls = new SimulatedCalls(3, 1_700_000_000_000_000L);
        TraceGraphModel model =
                TraceGraphModel.train(engine(), smallParams(), calls.traces(200, false), null);
        List<CallEvent> fanOut = new java.util.ArrayList<>();
        CallEvent template = calls.traces(1, false).get(1);
        for (int i = 0; i < 10_000; i++) {
            fanOut.add(
                    new CallEvent(
                            "fan",
                            "c" + i,
                            "root",
                            template.sourceInstance(),
                            template.sourceService(),
                            "payment-pod-" + (i % 7),
                            "payment",
                            template.operation(),
                            template.callerOperation(),
                            template.startMicros() + i,
                            template.callerDurationMicros(),
                            template.calleeDurationMicros(),
                            false,
                            java.util.Map.of(),
                            null,
                            List.of(),
                            null,
                            null));
        }
        List<DetectorScore> scores = model.scoreAll(fanOut);
        assertEquals(10_000, scores.size());
        for (DetectorScore score : scores) {
            assertTrue(Double.isFinite(score.score()) && score.score() >= 0 && score.score() < 1);
        }
        List<org.opensearch.aiops.detector.Contribution> contributions =
                model.contributions(fanOut.get(0), scores.get(0));
        assertTrue(
                "says the span had no code context: " + contributions,
                contributions.stream().anyMatch(c -> c.name().equals("code_context_missing")));
        assertTrue(
                contributions.stream()
                        .anyMatch(
                                c ->
                                        c.kind()
                                                        == org.opensearch.aiops.detector
                                                                .Contribution.Kind.EDGE
                                                && c.name()
                                                        .equals(
                                                                template.sourceInstance()
                                                                        + " -> payment-pod-0")));
    }

    public void testRenamedInstancesOfKnownServicesStayNormal() throws Exception {
        SimulatedCalls calls = new SimulatedCalls(4, 1_700_000_000_000_000L);
        TraceGraphModel model =
                TraceGraphModel.train(engine(), smallParams(), calls.traces(400, false), null);
        double threshold = model.threshold(ThresholdSpec.DEFAULT);
        List<CallEvent> moved =
                calls.traces(60, false).stream()
                        .map(
                                e ->
                                        e.withInstances(
                                                e.sourceInstance().replace("pod-1", "pod-9x"),
                                                e.destinationInstance().replace("pod-1", "pod-9x")))
                        .toList();
        long alarms =
                model.scoreAll(moved).stream().filter(s -> s.alarmScore() > threshold).count();
        assertTrue(
                "alarms on moved pods: " + alarms + " of " + moved.size(),
                alarms <= moved.size() / 10);
    }

    /** Training saw no KPIs (no metrics index joined): KPIs that appear later must not alarm. */
    public void testKpisUnseenInTrainingAreIgnored() throws Exception {
        SimulatedCalls calls = new SimulatedCalls(5, 1_700_000_000_000_000L);
        TraceGraphModel model =
                TraceGraphModel.train(engine(), smallParams(), calls.traces(300, false), null);
        double threshold = model.threshold(ThresholdSpec.DEFAULT);
        List<CallEvent> withKpis =
                calls.traces(60, false).stream()
                        .map(
                                e ->
                                        e.withKpis(
                                                new float[] {95, 80, 1e6f, 2},
                                                new float[] {5, 10, 1e3f, 0.1f}))
                        .toList();
        long alarms =
                model.scoreAll(withKpis).stream().filter(s -> s.alarmScore() > threshold).count();
        assertTrue("alarms " + alarms + " of " + withKpis.size(), alarms <= withKpis.size() / 20);
    }
}
