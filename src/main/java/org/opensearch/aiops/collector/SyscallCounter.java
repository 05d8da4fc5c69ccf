package org.opensearch.aiops.collector;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Syscall counts by name of one process, from the lines {@code perf trace -p PID} prints per call. /proc has no such
 * counts; perf needs root or {@code perf_event_paranoid} ≤ 1 and slows down syscall-heavy processes. bpftrace is
 * detected but not used yet. When counting is not possible, {@link #start} says why once and returns empty.
 */
public final class SyscallCounter implements AutoCloseable {

    private final Process perf;
    private final Thread reader;
    private Map<String, Long> counts = new HashMap<>();
    private volatile String failure;

    private SyscallCounter(Process perf) {
        this.perf = perf;
        this.reader = new Thread(this::read, "syscall-counter");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Counts {@code pid}'s syscalls from now on, or empty with the reason passed to {@code note}. */
    public static Optional<SyscallCounter> start(int pid, Consumer<String> note) {
        if (onPath("perf") == false) {
            note.accept(
                "syscall counts off: no perf on PATH"
                    + (onPath("bpftrace") ? " (bpftrace is installed but not supported yet)" : "")
                    + "; documents have no [syscalls] field"
            );
            return Optional.empty();
        }
        Process perf;
        try {
            perf = new ProcessBuilder("perf", "trace", "-p", Integer.toString(pid)).redirectErrorStream(true).start();
        } catch (IOException e) {
            note.accept("syscall counts off: cannot run perf: " + e.getMessage() + "; documents have no [syscalls] field");
            return Optional.empty();
        }
        try {
            // perf refuses (permissions, missing tracepoints) within a moment; a traced process keeps it running.
            if (perf.waitFor(700, TimeUnit.MILLISECONDS)) {
                String output = new String(perf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                String firstLine = output.isEmpty() ? "exit code " + perf.exitValue() : output.lines().findFirst().orElse("");
                note.accept("syscall counts off: perf trace -p " + pid + " failed: " + firstLine + "; documents have no [syscalls] field");
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            perf.destroy();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            perf.destroy();
            note.accept("syscall counts off: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new SyscallCounter(perf));
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
     * The syscall of one line of {@code perf trace}, or null for other lines (continuations of interrupted calls,
     * signals, lost-event notes). Lines look like {@code 0.027 ( 0.012 ms): java/4242 futex(uaddr: …) = 0}; the thread
     * name before the tid is only there for multi-threaded processes and may contain spaces.
     */
    static String syscallOf(String line) {
        int close = line.indexOf("): ");
        if (close < 0 || line.contains("[continued]")) {
            return null;
        }
        int open = line.indexOf('(', close + 3);
        if (open < 0) {
            return null;
        }
        String before = line.substring(close + 3, open).strip();
        String name = before.substring(before.lastIndexOf(' ') + 1);
        return name.matches("[a-z][a-z0-9_]*") ? name : null;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(perf.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String name = syscallOf(line);
                if (name != null) {
                    synchronized (this) {
                        counts.merge(name, 1L, Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            // the stream closes when perf is stopped
        }
        failure = "perf trace ended";
    }

    @Override
    public void close() {
        perf.destroy();
        try {
            if (perf.waitFor(5, TimeUnit.SECONDS) == false) {
                perf.destroyForcibly();
            }
        } catch (InterruptedException e) {
            perf.destroyForcibly();
            Thread.currentThread().interrupt();
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
