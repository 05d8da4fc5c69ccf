/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opensearch.aiops.importer.InjectedFault;
import org.opensearch.aiops.importer.LogRow;
import org.opensearch.aiops.importer.NezhaDataset;
import org.opensearch.aiops.importer.NezhaFiles;
import org.opensearch.aiops.importer.NezhaFolder;
import org.opensearch.aiops.importer.SpanCodeContexts;
import org.opensearch.aiops.importer.TraceSpan;

/**
 * One Nezha day folder read into memory for the trace evaluation: its spans (unique by trace and
 * span id: a few files overlap), its log rows in time order, its pods' KPIs and its fault list
 * (empty for {@code construct_data}).
 */
public final class NezhaTraceDay {

    private final NezhaFolder folder;
    private final List<TraceSpan> spans;
    private final long duplicateSpans;
    private final List<LogRow> logs;
    private final PodKpis kpis;
    private final long droppedKpiRows;
    private final List<InjectedFault> faults;

    private NezhaTraceDay(
            NezhaFolder folder,
            List<TraceSpan> spans,
            long duplicateSpans,
            List<LogRow> logs,
            PodKpis kpis,
            long droppedKpiRows,
            List<InjectedFault> faults) {
        this.folder = folder;
        this.spans = spans;
        this.duplicateSpans = duplicateSpans;
        this.logs = logs;
        this.kpis = kpis;
        this.droppedKpiRows = droppedKpiRows;
        this.faults = faults;
    }

    public static NezhaTraceDay read(Path dir) throws IOException, InterruptedException {
        NezhaFolder folder = NezhaDataset.folder(dir);
        List<TraceSpan> spans = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long[] duplicates = {0};
        List<LogRow> logs = new ArrayList<>();
        for (String slice : folder.slices()) {
            if (Files.isRegularFile(folder.traceFile(slice))) {
                NezhaFiles.forEachCsvRow(
                        folder.traceFile(slice),
                        (header, row) -> {
                            TraceSpan span = TraceSpan.read(header, row);
                            if (seen.add(span.id())) {
                                spans.add(span);
                            } else {
                                duplicates[0]++;
                            }
                        });
            }
            if (Files.isRegularFile(folder.logFile(slice))) {
                NezhaFiles.forEachLogRow(folder.logFile(slice), logs::add);
            }
        }
        logs.sort(Comparator.comparingLong(LogRow::timeNanos));
        PodKpis kpis = new PodKpis();
        long[] dropped = {0};
        for (Path file : folder.metricFiles()) {
            NezhaFiles.forEachCsvRow(
                    file,
                    (header, row) -> {
                        float[] values = new float[PodKpis.COLUMNS.size()];
                        for (int i = 0; i < values.length; i++) {
                            String text = header.get(row, PodKpis.COLUMNS.get(i)).trim();
                            values[i] = text.isEmpty() ? Float.NaN : Float.parseFloat(text);
                            if (Float.isFinite(values[i]) == false) {
                                dropped[0]++;
                                return;
                            }
                        }
                        kpis.add(
                                header.get(row, "PodName"),
                                header.getLong(row, "TimeStamp") * 1000,
                                values);
                    });
        }
        List<InjectedFault> faults =
                folder.faultList() == null
                        ? List.of()
                        : InjectedFault.parseList(
                                folder.day(), Files.readString(folder.faultList()));
        return new NezhaTraceDay(
                folder, List.copyOf(spans), duplicates[0], logs, kpis, dropped[0], faults);
    }

    public Path path() {
        return folder.path();
    }

    /** Spans, unique by (trace id, span id), the first read kept, in file order. */
    public List<TraceSpan> spans() {
        return spans;
    }

    public long duplicateSpans() {
        return duplicateSpans;
    }

    /** Log rows in time order. */
    public List<LogRow> logs() {
        return logs;
    }

    public PodKpis kpis() {
        return kpis;
    }

    /** KPI rows left out because a chosen column was empty or not finite. */
    public long droppedKpiRows() {
        return droppedKpiRows;
    }

    public List<InjectedFault> faults() {
        return faults;
    }

    /**
     * The Jaeger documents of the spans as the importer writes them, each with the code contexts
     * its log lines name (in log time order); made as they are iterated, so that a day's documents
     * need not all be in memory at once.
     */
    public Iterable<Map<String, Object>> jaegerDocuments() {
        SpanCodeContexts contexts = new SpanCodeContexts();
        logs.forEach(contexts::add);
        return () -> spans.stream().map(span -> span.document(contexts.of(span))).iterator();
    }
}
