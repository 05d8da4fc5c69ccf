/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.opensearch.test.OpenSearchTestCase;

public class SyscallCounterTests extends OpenSearchTestCase {

    public void testCountsOfPerfStatLines() {
        assertEquals(
                Map.entry("getppid", 785290L),
                SyscallCounter.countOf(
                        "     1.001088737,785290,,syscalls:sys_enter_getppid,485968706,100.00,,"));
        assertNull(
                "zero counts are left out",
                SyscallCounter.countOf(
                        "     1.001066590,0,,syscalls:sys_enter_read,696477480,100.00,,"));
        assertNull(
                SyscallCounter.countOf(
                        "     1.001066590,<not counted>,,syscalls:sys_enter_read,0,100.00,,"));
        assertNull(SyscallCounter.countOf("     1.001066590,12,,cycles,0,100.00,,"));
        assertNull(SyscallCounter.countOf("#           time counts unit events"));
        assertNull(SyscallCounter.countOf(""));
    }

    /**
     * Either counts appear, or the one message says why not. The counting half needs root or {@code
     * kernel.perf_event_paranoid} -1, which the test framework's JVM (uid 1000) lacks: the test is
     * then reported as skipped, with perf's reason, after checking that reason.
     */
    public void testStartCountsOrSaysWhyNot() throws Exception {
        Process child =
                new ProcessBuilder(
                                "bash", "-c", "while :; do cat /proc/self/stat > /dev/null; done")
                        .start();
        List<String> notes = new ArrayList<>();
        try {
            var counter =
                    SyscallCounter.start((int) child.pid(), Duration.ofMillis(200), notes::add);
            if (counter.isEmpty()) {
                assertEquals(notes.toString(), 1, notes.size());
                assertTrue(
                        notes.get(0),
                        notes.get(0).startsWith("syscall counts off: ")
                                && notes.get(0).endsWith("no [syscalls] field"));
                assumeTrue("the counting half did not run here: " + notes.get(0), false);
            }
            try (SyscallCounter c = counter.get()) {
                Map<String, Long> counts = Map.of();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (counts.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    counts = c.drain();
                    assertNotNull("perf stopped: " + c.failure(), counts);
                }
                assertTrue("the loop's calls within 10 s", counts.isEmpty() == false);
            }
            assertEquals(List.of(), notes);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }
}
