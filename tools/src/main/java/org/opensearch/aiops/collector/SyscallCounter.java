/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Syscall counts by name of one process (its threads, and what they fork), from the kernel's {@code
 * sys_enter_*} tracepoints counted in the kernel by {@code perf stat -I}: /proc has no such counts.
 * {@code perf trace} was tried first, but handing every call to user space slowed a busy shell loop
 * to a third of its speed. perf needs root (or access to tracefs). bpftrace is detected but not
 * used yet. When counting is not possible, {@link #start} says why once and returns empty. Counts
 * reach {@link #drain} at the end of perf's interval (a fifth of the sampling interval), so they
 * lag by up to that.
 */
public final class SyscallCounter implements AutoCloseable {

    private static final String TRACEPOINT = "syscalls:sys_enter_";

    private final Process perf;
    private final Thread reader;
    private final CountDownLatch verdict = new CountDownLatch(1);
    private volatile String refusal;
    private Map<String, Long> counts = new HashMap<>();
    private volatile String failure;

    private SyscallCounter(Process perf) {
        this.perf = perf;
        this.reader = new Thread(this::read, "syscall-counter");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Counts {@code pid}'s syscalls per {@code interval} from now on, or empty with the reason
     * passed to {@code note}.
     */
    public static Optional<SyscallCounter> start(
            int pid, Duration interval, Consumer<String> note) {
        if (onPath("perf") == false) {
            note.accept(
                    "syscall counts off: no perf on PATH"
                            + (onPath("bpftrace")
                                    ? " (bpftrace is installed but not supported yet)"
                                    : "")
                            + "; documents have no [syscalls] field");
            return Optional.empty();
        }
        String unprivileged = unprivileged();
        if (unprivileged != null) {
            note.accept(
                    "syscall counts off: " + unprivileged + "; documents have no [syscalls] field");
            return Optional.empty();
        }
        // perf's intervals a fifth of ours: a document's counts are then off by at most a fifth of
        // an interval.
        long millis = Math.max(100, interval.toMillis() / 5);
        Process perf;
        try {
            perf =
                    new ProcessBuilder(
                                    "perf",
                                    "stat",
                                    "-e",
                                    "syscalls:sys_enter_*",
                                    "-I",
                                    Long.toString(millis),
                                    "-x",
                                    ",",
                                    "-p",
                                    Integer.toString(pid))
                            .redirectErrorStream(true)
                            .start();
        } catch (IOException e) {
            note.accept(
                    "syscall counts off: cannot run perf: "
                            + e.getMessage()
                            + "; documents have no [syscalls] field");
            return Optional.empty();
        }
        SyscallCounter counter = new SyscallCounter(perf);
        String refusal;
        try {
            // perf's first line says whether it could open the counters: a count line, or an error.
            refusal =
                    counter.verdict.await(millis + 3000, TimeUnit.MILLISECONDS)
                            ? counter.refusal
                            : "no output from perf stat";
        } catch (InterruptedException e) {
            counter.close();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (refusal != null) {
            counter.close();
            note.accept(
                    "syscall counts off: perf stat -p "
                            + pid
                            + ": "
                            + refusal
                            + "; documents have no [syscalls] field");
            return Optional.empty();
        }
        return Optional.of(counter);
    }

    /** Calls by name since the previous drain (sorted by name), or null once perf has stopped. */
    public synchronized Map<String, Long> drain() {
        if (failure != null) {
            return null;
        }
        Map<String, Long> drained = new TreeMap<>(counts);
        counts = new HashMap<>();
        return drained;
    }

    /** Why counting stopped early, or null. */
    public String failure() {
        return failure;
    }

    /**
     * Name and count of one line of {@code perf stat -I … -x ,}: {@code
     * 1.001088737,785290,,syscalls:sys_enter_getppid,…}; null for zero counts and other lines
     * ({@code <not counted>}, headers).
     */
    static Map.Entry<String, Long> countOf(String line) {
        String[] fields = line.strip().split(",");
        if (fields.length < 4 || fields[3].startsWith(TRACEPOINT) == false) {
            return null;
        }
        try {
            long count = Long.parseLong(fields[1]);
            return count > 0 ? Map.entry(fields[3].substring(TRACEPOINT.length()), count) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void read() {
        String firstOther = null;
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(perf.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (verdict.getCount() > 0) {
                    String[] fields = line.strip().split(",");
                    // <not counted> here is a process that has not run yet (the unprivileged case
                    // was ruled out before).
                    if (fields.length >= 4 && fields[3].startsWith(TRACEPOINT)) {
                        verdict.countDown();
                    } else if (firstOther == null && line.isBlank() == false) {
                        firstOther = line.strip();
                    }
                }
                Map.Entry<String, Long> count = countOf(line);
                if (count != null) {
                    synchronized (this) {
                        counts.merge(count.getKey(), count.getValue(), Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            // the stream closes when perf is stopped
        }
        if (verdict.getCount() > 0) {
            refusal = firstOther == null ? "exit without output" : firstOther;
            verdict.countDown();
        }
        failure = "perf stat ended";
    }

    /**
     * Asks perf to stop without waiting: releasing its 360 tracepoint counters takes the kernel
     * seconds.
     */
    public void stop() {
        perf.destroy();
    }

    /** Stops perf and waits for it and its reader. */
    @Override
    public void close() {
        perf.destroy();
        try {
            if (perf.waitFor(10, TimeUnit.SECONDS) == false) {
                perf.destroyForcibly();
                perf.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            perf.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Why this process may not count syscall tracepoints, or null if it may: they need root, or
     * {@code kernel.perf_event_paranoid} -1 (perf would start and print {@code <not counted>}, and
     * take seconds to stop).
     */
    private static String unprivileged() {
        try {
            String uid =
                    Files.readAllLines(Path.of("/proc/self/status")).stream()
                            .filter(l -> l.startsWith("Uid:"))
                            .findFirst()
                            .orElse("");
            String effective = uid.isEmpty() ? "" : uid.substring(4).strip().split("\\s+")[1];
            int paranoid =
                    Integer.parseInt(
                            Files.readString(Path.of("/proc/sys/kernel/perf_event_paranoid"))
                                    .strip());
            if (effective.equals("0") == false && paranoid > -1) {
                return "not root and kernel.perf_event_paranoid is "
                        + paranoid
                        + " (syscall tracepoints need root or -1)";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // let perf itself say
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty() == false && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
