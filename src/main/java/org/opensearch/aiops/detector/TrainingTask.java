/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

/**
 * One training run of a detector on this node. The run is known by its start time and node in the
 * stored state: when the stored state no longer names this run (stopped, deleted, or retrained),
 * the run ends without writing anything.
 */
final class TrainingTask {

    /** Thrown inside a training to end it: it was stopped, deleted, or its state was taken over. */
    static final class Aborted extends RuntimeException {
        Aborted(String why) {
            super(why, null, false, false);
        }
    }

    final long startedTime;
    final String node;
    private volatile boolean cancelled;

    TrainingTask(long startedTime, String node) {
        this.startedTime = startedTime;
        this.node = node;
    }

    void cancel() {
        cancelled = true;
    }

    void checkCancelled() {
        if (cancelled) {
            throw new Aborted("cancelled");
        }
    }

    /** Whether the stored progress is this run's. */
    boolean owns(DetectorStatus status) {
        TrainingProgress training = status.training();
        return status.state() == DetectorState.TRAINING
                && training != null
                && training.startedTime() == startedTime
                && node.equals(training.node());
    }

    /** Ends the run unless the stored status still names it. */
    void requireOwned(DetectorStatus status) {
        if (owns(status) == false) {
            throw new Aborted(
                    "the state no longer names this run (stopped, deleted or taken over)");
        }
    }
}
