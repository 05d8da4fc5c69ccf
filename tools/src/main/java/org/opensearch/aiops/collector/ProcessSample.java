/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.time.Instant;
import java.util.Map;

/**
 * One reading of a process tree from /proc: cumulative counters per live process (so that a delta
 * only ever subtracts a process from itself), gauges summed over the tree, and the counters of its
 * network namespace.
 *
 * @param time wall-clock time of the reading
 * @param nanos {@link System#nanoTime()} at the reading, for the interval length
 * @param pid the sampled process (root of the tree)
 * @param command its name ({@code /proc/<pid>/comm})
 * @param processes cumulative counters of every live process of the tree, by {@code pid:starttime}
 *     (pids are reused)
 * @param rssBytes resident memory summed over the tree (shared pages count once per process)
 * @param vmsBytes virtual memory summed over the tree
 * @param threads threads summed over the tree
 * @param openFiles file descriptors summed over the tree; -1 when {@code /proc/<pid>/fd} is not
 *     readable
 * @param netRxBytes bytes received on the interfaces of the root's network namespace, {@code lo}
 *     excluded
 * @param netTxBytes bytes sent, same scope
 * @param netScope {@code process} when no process outside the tree shares that namespace, else
 *     {@code netns}
 */
public record ProcessSample(
        Instant time,
        long nanos,
        int pid,
        String command,
        Map<String, Counters> processes,
        long rssBytes,
        long vmsBytes,
        int threads,
        int openFiles,
        long netRxBytes,
        long netTxBytes,
        String netScope) {

    /**
     * Cumulative counters of one process (all its threads, dead ones included where the kernel
     * keeps them); {@code runqueueNanos} is time its threads were runnable but waiting for a CPU,
     * -1 if the kernel does not say.
     */
    public record Counters(
            long userTicks,
            long systemTicks,
            long minorFaults,
            long majorFaults,
            long readBytes,
            long writeBytes,
            long voluntarySwitches,
            long involuntarySwitches,
            long runqueueNanos) {
        static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
