package org.opensearch.aiops.collector;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.opensearch.test.OpenSearchTestCase;

/** Samples a real child that idles, then allocates about 50 MB and burns one CPU. */
public class ProcSamplerTests extends OpenSearchTestCase {

    private static final String CUE_SCRIPT = "sleep 1.5; x=$(head -c 50000000 /dev/zero | tr '\\0' a); while :; do :; done";

    public void testSamplesShowMemoryAndCpuOnlyAfterTheCue() throws Exception {
        ProcSampler sampler = new ProcSampler(Path.of("/proc"), ProcSampler.clockTicks(), "test-host");
        Process child = new ProcessBuilder("bash", "-c", CUE_SCRIPT).start();
        try {
            int pid = (int) child.pid();
            ProcessSample s0 = sampler.sample(pid).orElseThrow();
            Thread.sleep(700);
            ProcessSample s1 = sampler.sample(pid).orElseThrow();
            MetricDocument before = sampler.document(s0, s1, null);

            ProcessSample s2 = waitForRss(sampler, pid, 45_000_000L);
            Thread.sleep(1000);
            ProcessSample s3 = sampler.sample(pid).orElseThrow();
            MetricDocument after = sampler.document(s2, s3, null);

            Map<String, Number> b = before.metrics();
            Map<String, Number> a = after.metrics();
            assertTrue("idle before the cue: " + b, b.get("cpu_pct").doubleValue() < 15);
            assertTrue("small before the cue: " + b, b.get("rss_bytes").longValue() < 20_000_000L);
            assertTrue("sleep is a child of the tree before the cue: " + b, b.get("processes").intValue() >= 2);
            // One busy bash loop: on a CPU or waiting for one nearly all the time (the machine is shared, so the split varies).
            double busy = a.get("cpu_pct").doubleValue() + a.get("cpu_runqueue_pct").doubleValue();
            assertTrue("busy after the cue: " + a, busy > 85 && busy < 130 && a.get("cpu_pct").doubleValue() > 15);
            assertTrue("nothing waits for a CPU before: " + b, b.get("cpu_runqueue_pct").doubleValue() < 15);
            assertEquals(a.get("cpu_pct").doubleValue(), a.get("cpu_user_pct").doubleValue() + a.get("cpu_system_pct").doubleValue(), 0.02);
            assertTrue("user time dominates a busy loop: " + a, a.get("cpu_user_pct").doubleValue() > a.get("cpu_system_pct").doubleValue());
            assertTrue("RSS grew by the 50 MB string: " + b + " -> " + a, a.get("rss_bytes").longValue() - b.get("rss_bytes").longValue() > 40_000_000L);
            assertTrue(a.get("vms_bytes").longValue() >= a.get("rss_bytes").longValue());
            assertEquals(1, a.get("threads").intValue());
            assertTrue("stdin, stdout, stderr at least: " + a, a.get("open_files").intValue() >= 3);
            assertTrue("a busy loop is preempted: " + a, a.get("ctx_switches_involuntary").longValue() >= 0);
            assertEquals(1.0, a.get("interval_s").doubleValue(), 0.3);
            assertEquals("bash", after.command());
            assertEquals("test-host/" + pid + "/bash", after.entity());
            assertNotNull(after.netScope());
            assertTrue(a.containsKey("net_rx_bytes"));
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public void testExitedProcessHasNoSample() throws Exception {
        Process child = new ProcessBuilder("true").start();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), ProcSampler.local().sample((int) child.pid()));
    }

    public void testSamplesOfDifferentProcessesAreRejected() {
        ProcSampler sampler = ProcSampler.local();
        ProcessSample self = sampler.sample((int) ProcessHandle.current().pid()).orElseThrow();
        ProcessSample other = new ProcessSample(self.time(), self.nanos(), self.pid() + 1, "x", Map.of(), 0, 0, 1, 0, 0, 0, "netns");
        expectThrows(IllegalArgumentException.class, () -> sampler.document(self, other, null));
    }

    /** Our own JVM has many threads; the sampler sees them. */
    public void testSamplesThisJvm() {
        ProcessSample self = ProcSampler.local().sample((int) ProcessHandle.current().pid()).orElseThrow();
        assertTrue(self.threads() > 5);
        assertTrue(self.rssBytes() > 10_000_000L);
        assertEquals("java", self.command());
    }

    private static ProcessSample waitForRss(ProcSampler sampler, int pid, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ProcessSample sample = sampler.sample(pid).orElseThrow();
            if (sample.rssBytes() >= bytes) {
                return sample;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child never reached " + bytes + " bytes of RSS");
    }
}
