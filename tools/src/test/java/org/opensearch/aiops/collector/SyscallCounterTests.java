package org.opensearch.aiops.collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class SyscallCounterTests extends OpenSearchTestCase {

    public void testCountsOfPerfStatLines() {
        assertEquals(Map.entry("getppid", 785290L), SyscallCounter.countOf("     1.001088737,785290,,syscalls:sys_enter_getppid,485968706,100.00,,"));
        assertNull("zero counts are left out", SyscallCounter.countOf("     1.001066590,0,,syscalls:sys_enter_read,696477480,100.00,,"));
        assertNull(SyscallCounter.countOf("     1.001066590,<not counted>,,syscalls:sys_enter_read,0,100.00,,"));
        assertNull(SyscallCounter.countOf("     1.001066590,12,,cycles,0,100.00,,"));
        assertNull(SyscallCounter.countOf("#           time counts unit events"));
        assertNull(SyscallCounter.countOf(""));
    }

    /** Either counts appear, or the one message says why not (as non-root in the test JVM, usually the latter). */
    public void testStartCountsOrSaysWhyNot() throws Exception {
        Process child = new ProcessBuilder("bash", "-c", "while :; do cat /proc/self/stat > /dev/null; done").start();
        List<String> notes = new ArrayList<>();
        try {
            var counter = SyscallCounter.start((int) child.pid(), Duration.ofMillis(200), notes::add);
            if (counter.isPresent()) {
                try (SyscallCounter c = counter.get()) {
                    Thread.sleep(700);
                    var counts = c.drain();
                    assertNotNull(counts);
                    assertTrue("the loop's calls: " + counts, counts.isEmpty() == false);
                }
                assertEquals(List.of(), notes);
            } else {
                assertEquals(notes.toString(), 1, notes.size());
                assertTrue(notes.get(0), notes.get(0).startsWith("syscall counts off: ") && notes.get(0).endsWith("no [syscalls] field"));
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }
}
