/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds call events from Jaeger span documents, in any order: spans are collected first and linked
 * to their parents at the end, so a child read before its parent (pages, clock skew) still finds
 * it.
 *
 * <p>Only the direct parent decides. Jaeger (and OpenTelemetry) nest a call as caller's client span
 * → callee's server span, and the Nezha traces nest spans inside one pod the same way (gateway
 * {@code /*} → {@code FilteringWebHandler.handle} → client span), so every cross-instance call
 * shows up exactly once as a span whose direct parent is in another instance; a span whose parent
 * is in its own instance is in-process work, not an event, and walking further up would attribute
 * the call to the wrong caller span. A root has no event: no caller ran it (issue 12's labels and
 * event CSV define events as spans whose parent ran in another pod), and a virtual {@code client}
 * source would be one node shared by every trace.
 */
public final class CallEvents {

    /** The events, in start time order, and what was counted on the way. */
    public record Result(List<CallEvent> events, SpanCounts counts) {}

    private final SpanInput input;
    private final Map<String, JaegerSpan> spans = new HashMap<>();
    private long read;
    private long duplicates;
    private long invalid;

    public CallEvents(SpanInput input) {
        this.input = input;
    }

    /**
     * Events of the spans in {@code sources} starting at or after {@code fromMicros}, the earlier
     * ones being parents only.
     */
    public static Result of(
            Iterable<Map<String, Object>> sources, SpanInput input, long fromMicros) {
        CallEvents events = new CallEvents(input);
        sources.forEach(events::add);
        return events.build(fromMicros);
    }

    /**
     * Adds one span document's source; a second document with the same (trace id, span id) is
     * counted and ignored.
     */
    public void add(Map<String, Object> source) {
        read++;
        JaegerSpan span = JaegerSpan.parse(source, input);
        if (span == null) {
            invalid++;
        } else if (spans.putIfAbsent(key(span.traceId(), span.spanId()), span) != null) {
            duplicates++;
        }
    }

    /** Span documents added so far (duplicates and invalid ones included). */
    public long read() {
        return read;
    }

    /** The events of the spans added so far that start at or after {@code fromMicros}. */
    public Result build(long fromMicros) {
        List<CallEvent> events = new ArrayList<>();
        long margin = 0, roots = 0, sameInstance = 0, orphans = 0, withoutInstance = 0;
        for (JaegerSpan span : spans.values()) {
            if (span.startMicros() < fromMicros) {
                margin++;
                continue;
            }
            if (span.hasInstance() == false) {
                withoutInstance++;
            }
            if (span.parentSpanId() == null) {
                roots++;
                continue;
            }
            JaegerSpan parent = spans.get(key(span.traceId(), span.parentSpanId()));
            if (parent == null) {
                orphans++;
            } else if (parent.instance().equals(span.instance())
                    && parent.service().equals(span.service())) {
                sameInstance++;
            } else {
                events.add(CallEvent.of(parent, span, input));
            }
        }
        events.sort(
                Comparator.comparingLong(CallEvent::startMicros)
                        .thenComparing(CallEvent::traceId)
                        .thenComparing(CallEvent::spanId));
        SpanCounts counts =
                new SpanCounts(
                        read,
                        margin,
                        events.size(),
                        roots,
                        sameInstance,
                        orphans,
                        duplicates,
                        invalid,
                        withoutInstance);
        return new Result(List.copyOf(events), counts);
    }

    /** The key of one span of one trace (span ids are unique only within their trace). */
    static String key(String traceId, String spanId) {
        return traceId + '\u0000' + spanId;
    }
}
