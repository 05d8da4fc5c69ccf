/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.opensearch.Version;
import org.opensearch.cluster.node.DiscoveryNode;
import org.opensearch.cluster.node.DiscoveryNodeRole;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.core.action.ActionListener;
import org.opensearch.test.OpenSearchTestCase;

/**
 * Which stored trainings are left over from runs that no longer exist, and which run a state names.
 */
public class TrainingTaskTests extends OpenSearchTestCase {

    private static DetectorStatus training(String node, long started) {
        return DetectorStatus.CREATED
                .withState(DetectorState.TRAINING)
                .training(TrainingProgress.started(started, node));
    }

    private static DiscoveryNodes nodes(String... ephemeralIds) {
        DiscoveryNodes.Builder builder = DiscoveryNodes.builder();
        for (int i = 0; i < ephemeralIds.length; i++) {
            builder.add(
                    new DiscoveryNode(
                            "node-" + i,
                            "id-" + i,
                            ephemeralIds[i],
                            "host",
                            "127.0.0.1",
                            buildNewFakeTransportAddress(),
                            Map.of(),
                            DiscoveryNodeRole.BUILT_IN_ROLES,
                            Version.CURRENT));
        }
        return builder.build();
    }

    private static DetectorTrainer trainer(String localNode) {
        Executor never = command -> fail("nothing runs in these tests");
        return new DetectorTrainer(
                null,
                null,
                null,
                null,
                DetectorFixtures.TYPES,
                () -> 0L,
                never,
                () -> localNode,
                input -> null);
    }

    public void testTrainingOnAnotherLiveNodeIsNotOrphaned() {
        assertFalse(trainer("local").orphaned(training("other", 5), nodes("local", "other"), "d"));
    }

    public void testTrainingOfANodeThatLeftOrRestartedIsOrphaned() {
        // a restarted node comes back with a new ephemeral id, so its old id is not in the cluster
        // either
        assertTrue(trainer("local").orphaned(training("gone", 5), nodes("local", "other"), "d"));
    }

    public void testLocalTrainingWithoutARunIsOrphaned() {
        assertTrue(trainer("local").orphaned(training("local", 5), nodes("local"), "d"));
    }

    public void testOnlyTrainingStatesCanBeOrphaned() {
        assertFalse(
                trainer("local")
                        .orphaned(
                                DetectorStatus.CREATED.withState(DetectorState.TRAINED),
                                nodes("local"),
                                "d"));
        assertTrue(
                trainer("local")
                        .orphaned(
                                DetectorStatus.CREATED.withState(DetectorState.TRAINING),
                                nodes("local"),
                                "d"));
    }

    public void testARunOwnsOnlyItsOwnState() {
        TrainingTask task = new TrainingTask(5, "local");
        assertTrue(task.owns(training("local", 5)));
        assertFalse("a later run took over", task.owns(training("local", 6)));
        assertFalse("stopped", task.owns(training("local", 5).withState(DetectorState.TRAINED)));
        assertFalse(
                "deleted: no state document reads as created", task.owns(DetectorStatus.CREATED));
        task.cancel();
        expectThrows(TrainingTask.Aborted.class, task::checkCancelled);
    }

    public void testStartRefusesATrainingOrRunningDetector() {
        DetectorTrainer trainer = trainer("local");
        for (DetectorState state : List.of(DetectorState.TRAINING, DetectorState.RUNNING)) {
            DetectorStore.StoredStatus current =
                    new DetectorStore.StoredStatus(DetectorStatus.CREATED.withState(state), 1, 1);
            Exception[] failure = new Exception[1];
            trainer.start(
                    new DetectorStore.StoredDetector("d", null, 0, 0),
                    current,
                    ActionListener.wrap(s -> fail("started"), e -> failure[0] = e));
            assertTrue(
                    String.valueOf(failure[0]),
                    failure[0]
                            .getMessage()
                            .contains(
                                    state == DetectorState.TRAINING
                                            ? "already training"
                                            : "stop it"));
        }
    }
}
