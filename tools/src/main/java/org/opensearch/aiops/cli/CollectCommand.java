/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opensearch.aiops.collector.MetricCsv;
import org.opensearch.aiops.collector.MetricDocument;
import org.opensearch.aiops.collector.ProcSampler;
import org.opensearch.aiops.collector.ProcessSample;
import org.opensearch.aiops.collector.RetryPolicy;
import org.opensearch.aiops.collector.SampleBuffer;
import org.opensearch.aiops.collector.SyscallCounter;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.io.BulkWriter;
import org.opensearch.aiops.io.HttpNodeClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops collect}: samples a process tree from /proc every interval and indexes one
 * document per interval into a node ({@code aiops-os-metrics}); or indexes a metric CSV file the
 * same way. A sampler thread fills a bounded buffer; this thread ships it with bounded retries, so
 * a slow or restarting node costs the oldest documents, never the collector's memory. Exit code 0,
 * 1 if documents were lost, 2 for bad options or an unreachable node.
 */
@Command(
        name = "collect",
        mixinStandardHelpOptions = true,
        description =
                "Sample a process (CPU, memory, faults, I/O, context switches, threads, files, network, syscalls) into a node")
public final class CollectCommand implements Callable<Integer> {

    @Option(
            names = "--pid",
            description = "the process to sample (with --from-csv: the entity's pid)")
    Long pid;

    @Option(
            names = "--command",
            paramLabel = "CMD ARGS",
            description = "start this command line (bash -c) and sample it until it exits")
    String command;

    @Option(
            names = "--from-csv",
            paramLabel = "FILE",
            description =
                    "index this metric CSV file instead of sampling (header timestamp,<metric>...)")
    Path fromCsv;

    @Option(
            names = "--interval",
            defaultValue = "1s",
            converter = DurationConverter.class,
            description = "sampling interval: 500ms, 1s, 1m (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "stop after this long (default: until the process exits or Ctrl-C)")
    Duration duration;

    @Option(
            names = "--index",
            defaultValue = MetricDocument.DEFAULT_INDEX,
            description =
                    "target index, created with the collector's mapping if absent (default: ${DEFAULT-VALUE})")
    String index;

    @Option(
            names = "--url",
            defaultValue = "http://127.0.0.1:9200",
            description = "the node (default: ${DEFAULT-VALUE})")
    String url;

    @Option(
            names = "--host",
            description = "host of the entity (default: this machine's host name)")
    String host;

    @Option(
            names = "--name",
            description =
                    "command of the entity (default: /proc/<pid>/comm, or the CSV file's name)")
    String name;

    @Option(names = "--no-syscalls", description = "do not run perf to count syscalls")
    boolean noSyscalls;

    @Option(
            names = "--batch-size",
            defaultValue = "500",
            description = "documents per _bulk request (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(
            names = "--buffer",
            defaultValue = "10000",
            description =
                    "documents kept while the node does not take them; beyond, the oldest are dropped (default: ${DEFAULT-VALUE})")
    int bufferSize;

    @Option(
            names = "--retries",
            defaultValue = "5",
            description =
                    "attempts per _bulk request, with exponential backoff from 0.5 s (default: ${DEFAULT-VALUE})")
    int attempts;

    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<String> reasons = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        try {
            validate();
            HttpNodeClient node = new HttpNodeClient(url);
            ensureIndex(node);
            return fromCsv != null ? indexCsv(node) : collect(node);
        } catch (IllegalArgumentException | ConnectException e) {
            System.err.println("collect: " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            System.err.println("collect: the node refused: " + e.getMessage());
            return 2;
        }
    }

    private void validate() {
        if (fromCsv != null && command != null) {
            throw new IllegalArgumentException("--from-csv and --command exclude each other");
        }
        if (fromCsv == null && (pid == null) == (command == null)) {
            throw new IllegalArgumentException(
                    "give exactly one of --pid, --command or --from-csv");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "--interval must be positive, got [" + interval + "]");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "--batch-size must be at least 1, got [" + batchSize + "]");
        }
    }

    private void ensureIndex(HttpNodeClient node) throws IOException, InterruptedException {
        if (node.exists("/" + index)) {
            return;
        }
        String body = "{\"mappings\":" + AiopsIndices.mapping(MetricDocument.DEFAULT_INDEX) + "}";
        HttpNodeClient.Response created = node.send("PUT", "/" + index, body);
        // Another collector may have created it meanwhile.
        if (created.ok() == false
                && created.body().contains("resource_already_exists_exception") == false) {
            throw new IllegalStateException(
                    "PUT " + url + "/" + index + " -> " + created.status() + ": " + created.body());
        }
    }

    private int indexCsv(HttpNodeClient node) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<MetricDocument> documents =
                MetricCsv.read(fromCsv, host != null ? host : ProcSampler.hostName(), pid, name);
        RetryPolicy retry = retryPolicy();
        for (int from = 0; from < documents.size(); from += batchSize) {
            ship(
                    node,
                    retry,
                    documents.subList(from, Math.min(documents.size(), from + batchSize)));
        }
        refresh(node);
        System.out.println(summary(documents.size(), 0, start));
        return finish();
    }

    private int collect(HttpNodeClient node) throws IOException, InterruptedException {
        ProcSampler sampler =
                host == null
                        ? ProcSampler.local()
                        : new ProcSampler(Path.of("/proc"), ProcSampler.clockTicks(), host);
        Process child =
                command == null
                        ? null
                        : new ProcessBuilder("bash", "-c", command).inheritIO().start();
        int target = child != null ? (int) child.pid() : Math.toIntExact(pid);
        if (sampler.sample(target).isEmpty()) {
            throw new IllegalArgumentException(
                    "no process " + target + " (or it has already exited)");
        }
        Optional<SyscallCounter> syscalls =
                noSyscalls
                        ? Optional.empty()
                        : SyscallCounter.start(
                                target, interval, note -> System.err.println("collect: " + note));
        // After the syscall probe, which takes a moment, so that the first interval is a whole one.
        Optional<ProcessSample> first = sampler.sample(target);
        if (first.isEmpty()) {
            throw new IllegalArgumentException(
                    "process " + target + " exited before the first sample");
        }
        String entityName = name != null ? name : first.get().command();
        SampleBuffer buffer = new SampleBuffer(bufferSize);
        AtomicLong samples = new AtomicLong();
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        long start = System.nanoTime();
        System.err.printf(
                Locale.ROOT,
                "collect: sampling pid %d (%s) every %s into %s/%s; Ctrl-C stops%n",
                target,
                entityName,
                format(interval),
                node.url(),
                index);

        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "collect-sampler");
                            t.setDaemon(true);
                            return t;
                        });
        ProcessSample[] previous = {first.get()};
        syscalls.ifPresent(SyscallCounter::drain);
        timer.scheduleAtFixedRate(
                () -> {
                    try {
                        Optional<ProcessSample> current = sampler.sample(target);
                        boolean timeUp =
                                duration != null && System.nanoTime() - start >= duration.toNanos();
                        if (current.isEmpty() || timeUp || stopped.get()) {
                            if (current.isEmpty()) {
                                System.err.println("collect: process " + target + " exited");
                            }
                            syscalls.ifPresent(SyscallCounter::stop);
                            buffer.close();
                            return;
                        }
                        Map<String, Long> counts = syscalls.map(SyscallCounter::drain).orElse(null);
                        MetricDocument document =
                                sampler.document(previous[0], current.get(), counts);
                        if (name != null) {
                            document = document.withCommand(name);
                        }
                        previous[0] = current.get();
                        buffer.add(document);
                        samples.incrementAndGet();
                    } catch (RuntimeException e) {
                        System.err.println("collect: sampling failed, stopping: " + e);
                        buffer.close();
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);

        Thread hook =
                new Thread(
                        () -> {
                            stopped.set(true);
                            buffer.close();
                            try {
                                finished.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "collect-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        try {
            RetryPolicy retry = retryPolicy();
            while (true) {
                List<MetricDocument> batch = buffer.take(batchSize, interval.toMillis());
                if (batch.isEmpty()) {
                    if (buffer.isClosed()) {
                        break;
                    }
                    continue;
                }
                ship(node, retry, batch);
            }
            timer.shutdownNow();
            syscalls.ifPresent(SyscallCounter::stop);
            refresh(node);
            failed.addAndGet(buffer.dropped());
            String exit = "";
            if (child != null) {
                if (child.isAlive()) {
                    child.destroy();
                }
                exit =
                        child.waitFor(5, TimeUnit.SECONDS)
                                ? ", command exit code " + child.exitValue()
                                : "";
            }
            System.out.println(summary(samples.get(), buffer.dropped(), start) + exit);
            syscalls.ifPresent(SyscallCounter::close);
            return finish();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down (Ctrl-C): the hook is what waits for us
            }
        }
    }

    /**
     * One _bulk of {@code batch} with retries; a batch that exhausts them counts as failed, and
     * collection goes on.
     */
    private void ship(HttpNodeClient node, RetryPolicy retry, List<MetricDocument> batch)
            throws IOException, InterruptedException {
        // A writer per batch: a failed flush keeps its body, which is what the next attempt sends.
        BulkWriter writer = new BulkWriter(node, Integer.MAX_VALUE);
        for (MetricDocument document : batch) {
            writer.index(index, document.id(), document.toMap(), null);
        }
        try {
            retry.run(
                    "_bulk of " + batch.size() + " documents to " + node.url(),
                    writer::flush,
                    (attempt, e) ->
                            System.err.println(
                                    "collect: _bulk attempt "
                                            + attempt
                                            + " failed ("
                                            + e.getMessage()
                                            + "), retrying"));
            indexed.addAndGet(writer.written() - writer.failed());
            failed.addAndGet(writer.failed());
            keep(writer.firstReasons());
        } catch (RetryPolicy.ExhaustedException e) {
            System.err.println(
                    "collect: " + e.getMessage() + "; " + batch.size() + " documents lost");
            failed.addAndGet(batch.size());
            keep(List.of(e.getMessage()));
        }
    }

    private void keep(List<String> more) {
        for (String reason : more) {
            if (reasons.size() < 5) {
                reasons.add(reason);
            }
        }
    }

    private void refresh(HttpNodeClient node) throws IOException, InterruptedException {
        HttpNodeClient.Response response = node.send("POST", "/" + index + "/_refresh", null);
        if (response.ok() == false) {
            System.err.println(
                    "collect: refresh of "
                            + index
                            + " failed: "
                            + response.status()
                            + " "
                            + response.body());
        }
    }

    private RetryPolicy retryPolicy() {
        return new RetryPolicy(
                attempts, RetryPolicy.DEFAULT.firstDelay(), RetryPolicy.DEFAULT.maxDelay());
    }

    private String summary(long documents, long dropped, long startNanos) {
        return String.format(
                Locale.ROOT,
                "collect: %d samples, %d indexed, %d failed, %.1f s%s",
                documents,
                indexed.get(),
                failed.get(),
                (System.nanoTime() - startNanos) / 1e9,
                dropped > 0 ? " (" + dropped + " dropped from a full buffer)" : "");
    }

    private int finish() {
        if (failed.get() > 0) {
            System.err.println(
                    "collect: " + failed.get() + " documents were not indexed; first reasons:");
            reasons.forEach(reason -> System.err.println("  " + reason));
            return 1;
        }
        return 0;
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** {@code 500ms}, {@code 1s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT1S}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Matcher m = SHORT.matcher(value.trim());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            try {
                return Duration.parse(value.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "a duration like 500ms, 1s, 2m, 1h or PT1S, got [" + value + "]");
            }
        }
    }
}
