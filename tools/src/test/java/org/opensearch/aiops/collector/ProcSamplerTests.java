/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.opensearch.test.OpenSearchTestCase;

/**
 * Samples a real child that idles until the test cues it, then allocates about 50 MB and burns the
 * CPU it shares with a competing busy loop. The child's phases follow the test's cue and its
 * "ready" line, not timing; other conditions are polled with deadlines.
 */
public class ProcSamplerTests extends OpenSearchTestCase {

    /**
     * {@code head} waits for the cue on stdin: until then the tree is bash and head, both blocked.
     * "ready": allocated.
     */
    private static final String CUE_SCRIPT =
            "head -n 1 > /dev/null; x=$(head -c 50000000 /dev/zero | tr '\\0' a); echo ready; while :; do :; done";

    private static final String BUSY_LOOP = "while :; do :; done";

    public void testSamplesShowMemoryAndCpuOnlyAfterTheCue() throws Exception {
        ProcSampler sampler =
                new ProcSampler(Path.of("/proc"), ProcSampler.clockTicks(), "test-host");
        // Child and competitor on one CPU: the busy child is then preempted and waits for it,
        // whatever else runs.
        String cpu = firstAllowedCpu();
        Process child = new ProcessBuilder("taskset", "-c", cpu, "bash", "-c", CUE_SCRIPT).start();
        Process competitor = null;
        try {
            int pid = (int) child.pid();
            ProcessSample s0 =
                    sampleUntil(
                            sampler,
                            pid,
                            s -> s.processes().size() >= 2,
                            "head started under bash");
            ProcessSample s1 =
                    sampleUntil(sampler, pid, s -> seconds(s0, s) >= 0.5, "half a second passed");
            MetricDocument before = sampler.document(s0, s1, null);

            try (OutputStream cue = child.getOutputStream()) {
                cue.write("go\n".getBytes(StandardCharsets.UTF_8));
            }
            assertEquals("ready", child.inputReader(StandardCharsets.UTF_8).readLine());
            ProcessSample s2 = sampler.sample(pid).orElseThrow();
            competitor = new ProcessBuilder("taskset", "-c", cpu, "bash", "-c", BUSY_LOOP).start();
            ProcessSample s3 =
                    sampleUntil(
                            sampler,
                            pid,
                            s -> cpuSeconds(sampler.document(s2, s, null)) >= 0.5,
                            "0.5 s of CPU used");
            MetricDocument after = sampler.document(s2, s3, null);

            Map<String, Number> b = before.metrics();
            Map<String, Number> a = after.metrics();
            assertTrue("idle before the cue: " + b, b.get("cpu_pct").doubleValue() < 15);
            assertTrue("small before the cue: " + b, b.get("rss_bytes").longValue() < 20_000_000L);
            assertEquals("bash and head before the cue: " + b, 2, b.get("processes").intValue());
            assertTrue(
                    "nothing waits for a CPU before: " + b,
                    b.get("cpu_runqueue_pct").doubleValue() < 15);
            assertEquals(
                    a.get("cpu_pct").doubleValue(),
                    a.get("cpu_user_pct").doubleValue() + a.get("cpu_system_pct").doubleValue(),
                    0.02);
            assertTrue(
                    "user time dominates a busy loop: " + a,
                    a.get("cpu_user_pct").doubleValue() > a.get("cpu_system_pct").doubleValue());
            assertTrue(
                    "RSS grew by the 50 MB string: " + b + " -> " + a,
                    a.get("rss_bytes").longValue() - b.get("rss_bytes").longValue() > 40_000_000L);
            assertTrue(a.get("vms_bytes").longValue() >= a.get("rss_bytes").longValue());
            assertEquals(1, a.get("threads").intValue());
            assertTrue("stdin, stdout, stderr at least: " + a, a.get("open_files").intValue() >= 3);
            assertTrue(
                    "a busy loop sharing its CPU is preempted: " + a,
                    a.get("ctx_switches_involuntary").longValue() > 0);
            assertTrue("and waits for that CPU: " + a, a.get("cpu_runqueue_pct").doubleValue() > 0);
            assertTrue(
                    "0.5 s of CPU on one thread take at least 0.5 s: " + a,
                    a.get("interval_s").doubleValue() >= 0.5);
            assertEquals("bash", after.command());
            assertEquals("test-host/" + pid + "/bash", after.entity());
            assertNotNull(after.netScope());
            assertTrue(a.containsKey("net_rx_bytes"));
        } finally {
            if (competitor != null) {
                competitor.destroyForcibly();
                competitor.waitFor(10, TimeUnit.SECONDS);
            }
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
        ProcessSample other =
                new ProcessSample(
                        self.time(),
                        self.nanos(),
                        self.pid() + 1,
                        "x",
                        Map.of(),
                        0,
                        0,
                        1,
                        0,
                        0,
                        0,
                        "netns");
        expectThrows(IllegalArgumentException.class, () -> sampler.document(self, other, null));
    }

    /** Our own JVM has many threads; the sampler sees them. */
    public void testSamplesThisJvm() {
        ProcessSample self =
                ProcSampler.local().sample((int) ProcessHandle.current().pid()).orElseThrow();
        assertTrue(self.threads() > 5);
        assertTrue(self.rssBytes() > 10_000_000L);
        assertEquals("java", self.command());
    }

    /** Samples {@code pid} every 50 ms until {@code done} holds (30 s at most). */
    private static ProcessSample sampleUntil(
            ProcSampler sampler, int pid, Predicate<ProcessSample> done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ProcessSample sample = sampler.sample(pid).orElseThrow();
            if (done.test(sample)) {
                return sample;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within 30 s: " + what);
    }

    private static double seconds(ProcessSample from, ProcessSample to) {
        return (to.nanos() - from.nanos()) / 1e9;
    }

    private static double cpuSeconds(MetricDocument document) {
        return document.metrics().get("cpu_pct").doubleValue()
                / 100
                * document.metrics().get("interval_s").doubleValue();
    }

    /**
     * The first CPU this JVM may run on ({@code Cpus_allowed_list}, e.g. {@code 0-1} or {@code
     * 2,4}).
     */
    private static String firstAllowedCpu() throws IOException {
        String list =
                Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(line -> line.startsWith("Cpus_allowed_list:"))
                        .findFirst()
                        .orElseThrow()
                        .substring("Cpus_allowed_list:".length())
                        .strip();
        return list.split("[-,]")[0];
    }
}
