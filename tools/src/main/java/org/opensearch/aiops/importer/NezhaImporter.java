/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.opensearch.aiops.io.BulkWriter;
import org.opensearch.aiops.io.CsvReader;
import org.opensearch.aiops.io.HttpNodeClient;

/**
 * Loads selected Nezha TrainTicket folders into a node: per folder, the logs first (into {@link
 * NezhaIndices#LOGS} through the {@code log_template} pipeline), collecting the code context each
 * log line names for its span; then the spans as Jaeger documents carrying those contexts; then pod
 * metrics and the fault list.
 */
public final class NezhaImporter {

    private final HttpNodeClient node;
    private final BulkWriter writer;

    /** Spans seen in this run: a few trace files overlap. */
    private final Set<String> spanIds = new HashSet<>();

    private long spans, duplicateSpans, logs, metrics, faults;
    private int files;

    public NezhaImporter(HttpNodeClient node, int batchSize) {
        this.node = node;
        this.writer = new BulkWriter(node, batchSize);
    }

    /** Imports {@code folders}; {@code onFile} hears of each finished file (for progress). */
    public ImportSummary run(List<NezhaFolder> folders, Consumer<Path> onFile)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        NezhaIndices.ensure(node);
        for (NezhaFolder folder : folders) {
            importFolder(folder, onFile);
        }
        writer.flush();
        NezhaIndices.refresh(node);
        return new ImportSummary(
                files,
                spans,
                duplicateSpans,
                logs,
                metrics,
                faults,
                writer.failed(),
                writer.firstReasons(),
                (System.nanoTime() - start) / 1e9);
    }

    private void importFolder(NezhaFolder folder, Consumer<Path> onFile)
            throws IOException, InterruptedException {
        Map<String, List<TimedContext>> contexts = new HashMap<>();
        for (String slice : folder.slices()) {
            Path file = folder.logFile(slice);
            if (Files.isRegularFile(file)) {
                importLogs(file, contexts);
                done(file, onFile);
            }
        }
        Comparator<TimedContext> byTime = Comparator.comparingLong(TimedContext::timeNanos);
        contexts.values().forEach(list -> list.sort(byTime));
        for (String slice : folder.slices()) {
            Path file = folder.traceFile(slice);
            if (Files.isRegularFile(file)) {
                importSpans(file, contexts);
                done(file, onFile);
            }
        }
        for (Path file : folder.metricFiles()) {
            importMetrics(file);
            done(file, onFile);
        }
        if (folder.faultList() != null) {
            for (InjectedFault fault :
                    InjectedFault.parseList(folder.day(), Files.readString(folder.faultList()))) {
                writer.index(NezhaIndices.FAULTS, fault.id(), fault.document(), null);
                faults++;
            }
            done(folder.faultList(), onFile);
        }
    }

    private record TimedContext(long timeNanos, CodeContext context) {}

    private void importLogs(Path file, Map<String, List<TimedContext>> contexts)
            throws IOException, InterruptedException {
        try (BufferedReader in = gzipReader(file)) {
            in.readLine(); // header
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                LogRow row;
                try {
                    row = LogRow.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            file + ":" + lineNo + ": " + e.getMessage(), e);
                }
                writer.index(
                        NezhaIndices.LOGS, row.id(), row.document(), NezhaIndices.LOGS_PIPELINE);
                logs++;
                LogRow r = row;
                CodeContext.parse(row.message())
                        .ifPresent(
                                c ->
                                        contexts.computeIfAbsent(
                                                        r.traceId() + "-" + r.spanId(),
                                                        k -> new ArrayList<>())
                                                .add(new TimedContext(r.timeNanos(), c)));
            }
        }
    }

    private void importSpans(Path file, Map<String, List<TimedContext>> contexts)
            throws IOException, InterruptedException {
        forEachCsvRow(
                file,
                (header, row) -> {
                    TraceSpan span = TraceSpan.read(header, row);
                    if (spanIds.add(span.id()) == false) {
                        duplicateSpans++;
                        return;
                    }
                    List<CodeContext> spanContexts =
                            contexts.getOrDefault(span.id(), List.of()).stream()
                                    .map(TimedContext::context)
                                    .toList();
                    writer.index(span.index(), span.id(), span.document(spanContexts), null);
                    spans++;
                });
    }

    private void importMetrics(Path file) throws IOException, InterruptedException {
        forEachCsvRow(
                file,
                (header, row) -> {
                    writer.index(
                            NezhaIndices.METRICS,
                            PodMetricRow.id(header, row),
                            PodMetricRow.document(header, row),
                            null);
                    metrics++;
                });
    }

    private interface RowHandler {
        void accept(CsvHeader header, List<String> row) throws IOException, InterruptedException;
    }

    /** Rows of a gzipped CSV file with a header line; blank lines are skipped. */
    private static void forEachCsvRow(Path file, RowHandler handler)
            throws IOException, InterruptedException {
        try (BufferedReader in = gzipReader(file)) {
            CsvReader csv = new CsvReader(in);
            CsvHeader header = new CsvHeader(file.toString(), csv.next());
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() > 1 || row.get(0).isEmpty() == false) {
                    handler.accept(header, row);
                }
            }
        }
    }

    private void done(Path file, Consumer<Path> onFile) {
        files++;
        onFile.accept(file);
    }

    private static BufferedReader gzipReader(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                        StandardCharsets.UTF_8),
                1 << 16);
    }

    /** Progress counts while running. */
    public String counts() {
        return "spans="
                + spans
                + " logs="
                + logs
                + " metrics="
                + metrics
                + " faults="
                + faults
                + " errors="
                + writer.failed();
    }
}
