/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The code contexts that log lines name, collected per span (trace id, span id) from log rows in
 * any order and given back in log time order, for {@link TraceSpan#document}.
 */
public final class SpanCodeContexts {

    private record Timed(long timeNanos, CodeContext context) {}

    private final Map<String, List<Timed>> bySpan = new HashMap<>();
    private boolean sorted = true;

    /** Notes the context the row's line names, if any. */
    public void add(LogRow row) {
        CodeContext.parse(row.message())
                .ifPresent(
                        c -> {
                            bySpan.computeIfAbsent(
                                            row.traceId() + "-" + row.spanId(),
                                            k -> new ArrayList<>())
                                    .add(new Timed(row.timeNanos(), c));
                            sorted = false;
                        });
    }

    /** The contexts named for {@code span}, in log time order; empty when none. */
    public List<CodeContext> of(TraceSpan span) {
        if (sorted == false) {
            Comparator<Timed> byTime = Comparator.comparingLong(Timed::timeNanos);
            bySpan.values().forEach(list -> list.sort(byTime));
            sorted = true;
        }
        return bySpan.getOrDefault(span.id(), List.of()).stream().map(Timed::context).toList();
    }
}
