/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.opensearch.aiops.io.BulkWriter;
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
        SpanCodeContexts contexts = new SpanCodeContexts();
        for (String slice : folder.slices()) {
            Path file = folder.logFile(slice);
            if (Files.isRegularFile(file)) {
                importLogs(file, contexts);
                done(file, onFile);
            }
        }
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

    private void importLogs(Path file, SpanCodeContexts contexts)
            throws IOException, InterruptedException {
        NezhaFiles.forEachLogRow(
                file,
                row -> {
                    writer.index(
                            NezhaIndices.LOGS,
                            row.id(),
                            row.document(),
                            NezhaIndices.LOGS_PIPELINE);
                    logs++;
                    contexts.add(row);
                });
    }

    private void importSpans(Path file, SpanCodeContexts contexts)
            throws IOException, InterruptedException {
        NezhaFiles.forEachCsvRow(
                file,
                (header, row) -> {
                    TraceSpan span = TraceSpan.read(header, row);
                    if (spanIds.add(span.id()) == false) {
                        duplicateSpans++;
                        return;
                    }
                    writer.index(span.index(), span.id(), span.document(contexts.of(span)), null);
                    spans++;
                });
    }

    private void importMetrics(Path file) throws IOException, InterruptedException {
        NezhaFiles.forEachCsvRow(
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

    private void done(Path file, Consumer<Path> onFile) {
        files++;
        onFile.accept(file);
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
