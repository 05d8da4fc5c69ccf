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

    /**
     * The events, in start time order, what was counted on the way, and for every span the callee
     * span (key, see {@link #key}) of the event whose in-instance work it is part of: the callee
     * itself and its descendants in the same instance (logs that name an inner span belong to the
     * call).
     */
    public record Result(List<CallEvent> events, SpanCounts counts, Map<String, String> calleeOf) {

        /** The event key whose call {@code traceId}/{@code spanId} ran in, or null. */
        public String calleeOf(String traceId, String spanId) {
            return calleeOf.get(key(traceId, spanId));
        }
    }

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
        Map<String, String> calleeOf = callees();
        Map<String, List<JaegerSpan>> inner = new HashMap<>();
        for (Map.Entry<String, String> e : calleeOf.entrySet()) {
            if (e.getKey().equals(e.getValue()) == false) {
                inner.computeIfAbsent(e.getValue(), k -> new ArrayList<>())
                        .add(spans.get(e.getKey()));
            }
        }
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
            } else if (sameInstance(parent, span)) {
                sameInstance++;
            } else {
                events.add(
                        CallEvent.of(
                                parent,
                                span,
                                input,
                                innerContexts(inner.get(key(span.traceId(), span.spanId())))));
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
        return new Result(List.copyOf(events), counts, calleeOf);
    }

    /** The code contexts of a call's inner spans, in start order. */
    private static List<SpanCodeContext> innerContexts(List<JaegerSpan> inner) {
        if (inner == null) {
            return List.of();
        }
        inner.sort(
                Comparator.comparingLong(JaegerSpan::startMicros)
                        .thenComparing(JaegerSpan::spanId));
        List<SpanCodeContext> contexts = new ArrayList<>();
        for (JaegerSpan span : inner) {
            if (span.codeContext() != null) {
                contexts.add(span.codeContext());
            }
        }
        return contexts;
    }

    /**
     * For every span inside a call (its callee, or a descendant in the callee's instance), the
     * callee's key. Walks each span's parents within its instance once (memoised); a walk that
     * meets a missing parent or a root belongs to no call; a parent cycle (malformed data) ends the
     * walk too.
     */
    private Map<String, String> callees() {
        Map<String, String> calleeOf = new HashMap<>();
        java.util.Set<String> none = new java.util.HashSet<>();
        for (Map.Entry<String, JaegerSpan> start : spans.entrySet()) {
            if (calleeOf.containsKey(start.getKey()) || none.contains(start.getKey())) {
                continue;
            }
            List<String> path = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            String callee = null;
            String current = start.getKey();
            JaegerSpan span = start.getValue();
            while (true) {
                if (calleeOf.containsKey(current)) {
                    callee = calleeOf.get(current);
                    break;
                }
                if (none.contains(current) || seen.add(current) == false) {
                    break;
                }
                path.add(current);
                JaegerSpan parent =
                        span.parentSpanId() == null
                                ? null
                                : spans.get(key(span.traceId(), span.parentSpanId()));
                if (parent == null) {
                    break;
                }
                if (sameInstance(parent, span) == false) {
                    callee = current;
                    break;
                }
                current = key(parent.traceId(), parent.spanId());
                span = parent;
            }
            for (String k : path) {
                if (callee == null) {
                    none.add(k);
                } else {
                    calleeOf.put(k, callee);
                }
            }
        }
        return calleeOf;
    }

    private static boolean sameInstance(JaegerSpan a, JaegerSpan b) {
        return a.instance().equals(b.instance()) && a.service().equals(b.service());
    }

    /** The key of one span of one trace (span ids are unique only within their trace). */
    public static String key(String traceId, String spanId) {
        return traceId + '\u0000' + spanId;
    }
}
