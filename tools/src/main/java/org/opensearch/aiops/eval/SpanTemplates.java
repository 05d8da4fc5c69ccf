/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.importer.LogRow;
import org.opensearch.aiops.importer.PodNames;
import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.DrainParser;

/**
 * The log templates each span's callee logged, as the {@code log_template} processor (default
 * config, one template namespace per service, as the Nezha logs pipeline sets it) and a join on
 * (trace id, span id) give them: the id the parser returned when the line was parsed, in log time
 * order. A call's templates are those of its callee and inner spans (see {@link #of(List)}), as the
 * plugin's logs join takes them.
 */
public final class SpanTemplates {

    private final Map<String, DrainParser> parsers = new HashMap<>();

    private record Logged(long nanos, String id) {}

    private final Map<String, List<Logged>> bySpan = new HashMap<>();
    private long lines;

    /** Parses {@code logs} (in time order) after all lines parsed before. */
    public void parse(List<LogRow> logs) {
        for (LogRow row : logs) {
            String service = PodNames.service(row.pod());
            String id =
                    parsers.computeIfAbsent(
                                    service, s -> new DrainParser(s, DrainConfig.defaults()))
                            .parse(row.message())
                            .id();
            lines++;
            if (row.traceId().isEmpty() == false && row.spanId().isEmpty() == false) {
                bySpan.computeIfAbsent(key(row.traceId(), row.spanId()), k -> new ArrayList<>())
                        .add(new Logged(row.timeNanos(), id));
            }
        }
    }

    /** Template ids of the span's log lines, in log time order; empty when it logged nothing. */
    public List<String> of(String traceId, String spanId) {
        return of(List.of(key(traceId, spanId)));
    }

    /**
     * Template ids of the log lines of the spans with these keys ({@code traceId + '\u0000' +
     * spanId}: a call's callee and inner spans), merged in log time order.
     */
    public List<String> of(List<String> spanKeys) {
        List<Logged> logged = new ArrayList<>();
        for (String key : spanKeys) {
            logged.addAll(bySpan.getOrDefault(key, List.of()));
        }
        logged.sort(java.util.Comparator.comparingLong(Logged::nanos));
        return logged.stream().map(Logged::id).toList();
    }

    public long lines() {
        return lines;
    }

    public int templates() {
        return parsers.values().stream().mapToInt(DrainParser::size).sum();
    }

    private static String key(String traceId, String spanId) {
        return traceId + '\u0000' + spanId;
    }
}
