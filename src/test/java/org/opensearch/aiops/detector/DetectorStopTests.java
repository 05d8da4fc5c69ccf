/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import org.opensearch.test.OpenSearchTestCase;

/** What {@code _stop} leaves in each state. */
public class DetectorStopTests extends OpenSearchTestCase {

    private static final ModelSummary MODEL = new ModelSummary(1, 10, 10, 10, 8);

    public void testRunningStops() {
        assertEquals(
                DetectorState.STOPPED,
                DetectorService.stopped(DetectorStatus.CREATED.withState(DetectorState.RUNNING))
                        .state());
    }

    public void testFirstTrainingGoesBackToCreatedAndSaysWhy() {
        DetectorStatus training =
                DetectorStatus.CREATED
                        .withState(DetectorState.TRAINING)
                        .training(TrainingProgress.started(1, "n").running(0.4, 2, 0, 1));
        DetectorStatus stopped = DetectorService.stopped(training);
        assertEquals(DetectorState.CREATED, stopped.state());
        assertEquals("training stopped by _stop at 40.0 %", stopped.error());
    }

    public void testRetrainingKeepsTheEarlierModel() {
        DetectorStatus trained =
                DetectorStatus.CREATED.trained(
                        TrainingProgress.started(1, "n"),
                        MODEL,
                        0.5,
                        new ScoreSummary(1, 0, 0, 0, 0, 0, null),
                        1000);
        DetectorStatus retraining =
                trained.withState(DetectorState.TRAINING)
                        .training(TrainingProgress.started(5, "n"));
        DetectorStatus stopped = DetectorService.stopped(retraining);
        assertEquals(DetectorState.TRAINED, stopped.state());
        assertEquals(MODEL, stopped.model());
    }

    public void testOtherStatesStayAsTheyAre() {
        for (DetectorState state :
                new DetectorState[] {
                    DetectorState.CREATED,
                    DetectorState.TRAINED,
                    DetectorState.STOPPED,
                    DetectorState.FAILED
                }) {
            DetectorStatus status = DetectorStatus.CREATED.withState(state);
            assertSame(status, DetectorService.stopped(status));
        }
    }
}
