/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Reads a process, its threads and its descendants from /proc, and turns two readings into a {@link
 * MetricDocument}. Usable in-process for any pid the caller may read: {@code sample(pid)} now,
 * {@code sample(pid)} later, then {@code document(first, second, null)}.
 */
public final class ProcSampler {

    /**
     * Clock ticks per second when {@code getconf CLK_TCK} cannot be run: the value of every Linux
     * on x86 and arm64.
     */
    public static final long DEFAULT_CLOCK_TICKS = 100;

    private final Path proc;
    private final long clockTicks;
    private final String host;

    public ProcSampler(Path proc, long clockTicks, String host) {
        if (clockTicks <= 0) {
            throw new IllegalArgumentException(
                    "[clock_ticks] must be positive, got [" + clockTicks + "]");
        }
        this.proc = proc;
        this.clockTicks = clockTicks;
        this.host = host;
    }

    /** /proc of this machine, its clock ticks and host name. */
    public static ProcSampler local() {
        return new ProcSampler(Path.of("/proc"), clockTicks(), hostName());
    }

    public String host() {
        return host;
    }

    /**
     * {@code getconf CLK_TCK}, or {@link #DEFAULT_CLOCK_TICKS} (with a note on stderr) if that
     * fails.
     */
    public static long clockTicks() {
        try {
            Process getconf =
                    new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out =
                    new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                            .trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println(
                "collect: getconf CLK_TCK failed, assuming "
                        + DEFAULT_CLOCK_TICKS
                        + " clock ticks per second for CPU %");
        return DEFAULT_CLOCK_TICKS;
    }

    /** The kernel's host name (no DNS lookup). */
    public static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    /**
     * The process and its live descendants now; empty once {@code pid} has exited (a zombie counts
     * as exited).
     */
    public Optional<ProcessSample> sample(int pid) {
        long nanos = System.nanoTime();
        Instant time = Instant.now();
        Path root = proc.resolve(Integer.toString(pid));
        String command;
        try {
            command = Files.readString(root.resolve("comm")).trim();
            if (isZombie(root)) {
                return Optional.empty();
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
        Map<String, ProcessSample.Counters> processes = new LinkedHashMap<>();
        long rss = 0, vms = 0;
        int threads = 0, openFiles = 0;
        Set<Integer> tree = new HashSet<>();
        Deque<Integer> todo = new ArrayDeque<>(List.of(pid));
        while (todo.isEmpty() == false) {
            int current = todo.poll();
            if (tree.add(current) == false) {
                continue;
            }
            Path dir = proc.resolve(Integer.toString(current));
            try {
                String[] stat = statFields(dir);
                Map<String, String> status = keyValues(dir.resolve("status"), ':');
                processes.put(current + ":" + stat[19], counters(dir, stat));
                rss += kiloBytes(status.get("VmRSS")) * 1024;
                vms += Long.parseLong(stat[20]);
                threads += Integer.parseInt(stat[17]);
                int fds = countEntries(dir.resolve("fd"));
                openFiles = openFiles < 0 || fds < 0 ? -1 : openFiles + fds;
                todo.addAll(children(dir));
            } catch (NoSuchFileException e) {
                if (current == pid) {
                    return Optional.empty();
                }
                // a descendant that exited while being read: its last interval is lost
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
            }
        }
        long[] net = netBytes(root);
        String scope = netScope(root, tree);
        return Optional.of(
                new ProcessSample(
                        time, nanos, pid, command, processes, rss, vms, threads, openFiles, net[0],
                        net[1], scope));
    }

    /** The interval from {@code previous} to {@code current} (same pid) as a document. */
    public MetricDocument document(
            ProcessSample previous, ProcessSample current, Map<String, Long> syscalls) {
        if (previous.pid() != current.pid()) {
            throw new IllegalArgumentException(
                    "samples of different processes: " + previous.pid() + " and " + current.pid());
        }
        double seconds = Math.max(1e-3, (current.nanos() - previous.nanos()) / 1e9);
        Map<String, Number> metrics = new LinkedHashMap<>();
        metrics.put("interval_s", round(seconds));
        double user =
                delta(previous, current, ProcessSample.Counters::userTicks)
                        * 100.0
                        / clockTicks
                        / seconds;
        double system =
                delta(previous, current, ProcessSample.Counters::systemTicks)
                        * 100.0
                        / clockTicks
                        / seconds;
        metrics.put("cpu_user_pct", round(user));
        metrics.put("cpu_system_pct", round(system));
        metrics.put("cpu_pct", round(user + system));
        long runqueue = delta(previous, current, ProcessSample.Counters::runqueueNanos);
        if (runqueue >= 0) {
            metrics.put("cpu_runqueue_pct", round(runqueue / 1e7 / seconds));
        }
        metrics.put("rss_bytes", current.rssBytes());
        metrics.put("vms_bytes", current.vmsBytes());
        putDelta(metrics, "minor_faults", previous, current, ProcessSample.Counters::minorFaults);
        putDelta(metrics, "major_faults", previous, current, ProcessSample.Counters::majorFaults);
        putDelta(metrics, "read_bytes", previous, current, ProcessSample.Counters::readBytes);
        putDelta(metrics, "write_bytes", previous, current, ProcessSample.Counters::writeBytes);
        putDelta(
                metrics,
                "ctx_switches_voluntary",
                previous,
                current,
                ProcessSample.Counters::voluntarySwitches);
        putDelta(
                metrics,
                "ctx_switches_involuntary",
                previous,
                current,
                ProcessSample.Counters::involuntarySwitches);
        metrics.put("threads", current.threads());
        metrics.put("processes", current.processes().size());
        if (current.openFiles() >= 0) {
            metrics.put("open_files", current.openFiles());
        }
        if (current.netRxBytes() >= 0 && previous.netRxBytes() >= 0) {
            metrics.put("net_rx_bytes", Math.max(0, current.netRxBytes() - previous.netRxBytes()));
            metrics.put("net_tx_bytes", Math.max(0, current.netTxBytes() - previous.netTxBytes()));
        }
        String scope = current.netRxBytes() >= 0 ? current.netScope() : null;
        return new MetricDocument(
                current.time(), host, current.pid(), current.command(), metrics, scope, syscalls);
    }

    private static void putDelta(
            Map<String, Number> metrics,
            String name,
            ProcessSample previous,
            ProcessSample current,
            ToLongFunction<ProcessSample.Counters> counter) {
        long value = delta(previous, current, counter);
        if (value >= 0) {
            metrics.put(name, value);
        }
    }

    /**
     * Sum over the processes alive now of their growth since {@code previous} (from zero for new
     * ones), each clamped at zero: a thread's exit lowers summed per-thread counters. -1 when some
     * process's counter was unreadable.
     */
    private static long delta(
            ProcessSample previous,
            ProcessSample current,
            ToLongFunction<ProcessSample.Counters> counter) {
        long sum = 0;
        for (Map.Entry<String, ProcessSample.Counters> process : current.processes().entrySet()) {
            long now = counter.applyAsLong(process.getValue());
            long before =
                    counter.applyAsLong(
                            previous.processes()
                                    .getOrDefault(process.getKey(), ProcessSample.Counters.ZERO));
            if (now < 0 || before < 0) {
                return -1;
            }
            sum += Math.max(0, now - before);
        }
        return sum;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static boolean isZombie(Path dir) throws IOException {
        String state = statFields(dir)[0];
        return state.equals("Z") || state.equals("X");
    }

    /**
     * Fields of {@code stat} after the command (which may hold spaces and parentheses): index 0 is
     * field 3, state.
     */
    private static String[] statFields(Path dir) throws IOException {
        String stat = Files.readString(dir.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    private ProcessSample.Counters counters(Path dir, String[] stat) throws IOException {
        Map<String, String> io = readableKeyValues(dir.resolve("io"));
        long voluntary = 0, involuntary = 0, runqueue = 0;
        for (Path task : list(dir.resolve("task"))) {
            try {
                Map<String, String> status = keyValues(task.resolve("status"), ':');
                voluntary +=
                        Long.parseLong(status.getOrDefault("voluntary_ctxt_switches", "0").trim());
                involuntary +=
                        Long.parseLong(
                                status.getOrDefault("nonvoluntary_ctxt_switches", "0").trim());
                runqueue = runqueue < 0 ? -1 : add(runqueue, runqueueNanos(task));
            } catch (NoSuchFileException e) {
                // thread exited meanwhile
            }
        }
        return new ProcessSample.Counters(
                Long.parseLong(stat[11]),
                Long.parseLong(stat[12]),
                Long.parseLong(stat[7]),
                Long.parseLong(stat[9]),
                io == null ? -1 : Long.parseLong(io.get("read_bytes").trim()),
                io == null ? -1 : Long.parseLong(io.get("write_bytes").trim()),
                voluntary,
                involuntary,
                runqueue);
    }

    /** Second field of {@code schedstat} (needs CONFIG_SCHED_INFO), -1 without it. */
    private static long runqueueNanos(Path task) throws IOException {
        try {
            return Long.parseLong(
                    Files.readString(task.resolve("schedstat")).trim().split("\\s+")[1]);
        } catch (NoSuchFileException e) {
            if (Files.exists(task)) {
                return -1;
            }
            throw e;
        }
    }

    private static long add(long sum, long value) {
        return value < 0 ? -1 : sum + value;
    }

    private static List<Integer> children(Path dir) throws IOException {
        List<Integer> children = new ArrayList<>();
        for (Path task : list(dir.resolve("task"))) {
            try {
                for (String child :
                        Files.readString(task.resolve("children")).trim().split("\\s+")) {
                    if (child.isEmpty() == false) {
                        children.add(Integer.parseInt(child));
                    }
                }
            } catch (NoSuchFileException e) {
                // thread exited, or a kernel without CONFIG_PROC_CHILDREN: then only the process
                // itself is sampled
            }
        }
        return children;
    }

    /** rx and tx bytes of the namespace's interfaces but {@code lo}; -1, -1 when unreadable. */
    private static long[] netBytes(Path root) {
        try {
            long rx = 0, tx = 0;
            List<String> lines = Files.readAllLines(root.resolve("net").resolve("dev"));
            for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
                int colon = line.indexOf(':');
                if (colon < 0 || line.substring(0, colon).trim().equals("lo")) {
                    continue;
                }
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                rx += Long.parseLong(f[0]);
                tx += Long.parseLong(f[8]);
            }
            return new long[] {rx, tx};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    /**
     * /proc has no per-process network counters; the namespace's are the process's own when nothing
     * outside the tree lives in it (a container, {@code unshare -n}). A process whose namespace
     * cannot be read is assumed to share it.
     */
    private String netScope(Path root, Set<Integer> tree) {
        String ns;
        try {
            ns = Files.readSymbolicLink(root.resolve("ns").resolve("net")).toString();
        } catch (IOException e) {
            return "netns";
        }
        try (DirectoryStream<Path> all =
                Files.newDirectoryStream(
                        proc,
                        p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path other : all) {
                if (tree.contains(Integer.parseInt(other.getFileName().toString()))) {
                    continue;
                }
                try {
                    if (Files.readSymbolicLink(other.resolve("ns").resolve("net"))
                            .toString()
                            .equals(ns)) {
                        return "netns";
                    }
                } catch (NoSuchFileException e) {
                    // exited
                } catch (IOException e) {
                    return "netns";
                }
            }
        } catch (IOException e) {
            return "netns";
        }
        return "process";
    }

    private static Map<String, String> keyValues(Path file, char separator) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int at = line.indexOf(separator);
            if (at > 0) {
                values.put(line.substring(0, at).trim(), line.substring(at + 1).trim());
            }
        }
        return values;
    }

    /**
     * {@code key: value} lines, or null when the file exists but may not be read (another user's
     * {@code io}).
     */
    private static Map<String, String> readableKeyValues(Path file) throws IOException {
        try {
            return keyValues(file, ':');
        } catch (AccessDeniedException e) {
            return null;
        }
    }

    private static long kiloBytes(String value) {
        return value == null ? 0 : Long.parseLong(value.replace("kB", "").trim());
    }

    /** Entries of a folder, -1 when it may not be listed. */
    private static int countEntries(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            int n = 0;
            for (Path ignored : entries) {
                n++;
            }
            return n;
        } catch (AccessDeniedException e) {
            return -1;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        return entries;
    }
}
