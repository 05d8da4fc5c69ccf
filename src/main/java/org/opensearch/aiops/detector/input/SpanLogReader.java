/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.common.xcontent.support.XContentMapValues;
import org.opensearch.core.action.ActionListener;
import org.opensearch.search.SearchHit;
import org.opensearch.transport.client.Client;

/**
 * Attaches to call events the log templates their callee emitted inside the span ({@link
 * SpanInput#logs()}), asynchronously: the logs of a range are read in time order and each one whose
 * (trace id, span id) is an event's callee span adds its template to that event. Logs of other
 * spans (in-process spans, roots, spans outside the range) are read and dropped, so memory holds
 * only the events' templates.
 */
public final class SpanLogReader {

    /** Log documents one read may go through; a larger range is refused, not risked. */
    public static final long DEFAULT_MAX_LOGS = 5_000_000;

    private final PitPageReader pages;
    private final long maxLogs;

    /** {@code pageSize}: documents per search request, 1 to 10,000. */
    public SpanLogReader(Client client, int pageSize) {
        this(client, pageSize, DEFAULT_MAX_LOGS);
    }

    public SpanLogReader(Client client, int pageSize, long maxLogs) {
        this.pages = new PitPageReader(client, pageSize);
        this.maxLogs = maxLogs;
    }

    /**
     * The events of {@code calls} (from {@code range} of {@code input}) with their templates (of
     * logs naming the callee span or a span it ran in its instance), in the same order; the events
     * themselves when the input joins no logs. Logs are read from {@code parent_margin} before the
     * range (clocks of spans and logs differ) to {@code lag} after it (a span starting just before
     * the end logs after it).
     */
    public void join(
            SpanInput input,
            TimeRange range,
            CallEvents.Result calls,
            ActionListener<List<CallEvent>> listener) {
        List<CallEvent> events = calls.events();
        SpanLogSource logs = input.logs();
        if (logs == null || events.isEmpty()) {
            listener.onResponse(events);
            return;
        }
        Map<String, Integer> eventOf = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            eventOf.put(CallEvents.key(events.get(i).traceId(), events.get(i).spanId()), i);
        }
        Map<Integer, List<String>> templates = new HashMap<>();
        long[] read = {0};
        pages.read(
                logs.indices(),
                logs.timeField(),
                null,
                new String[] {logs.traceIdField(), logs.spanIdField(), logs.templateField()},
                new TimeRange(
                        range.from() - input.parentMargin().millis(),
                        range.to() + logs.lag().millis()),
                hits -> {
                    read[0] += hits.length;
                    if (read[0] > maxLogs) {
                        throw new IllegalArgumentException(
                                "the range ["
                                        + range.from()
                                        + ", "
                                        + range.to()
                                        + ") holds more than "
                                        + maxLogs
                                        + " log documents to join: read it in parts");
                    }
                    for (SearchHit hit : hits) {
                        Map<String, Object> source = hit.getSourceAsMap();
                        if (source == null) {
                            continue;
                        }
                        String traceId = text(logs.traceIdField(), source);
                        String spanId = text(logs.spanIdField(), source);
                        String template = text(logs.templateField(), source);
                        Integer event =
                                traceId == null || spanId == null || template == null
                                        ? null
                                        : eventOf(eventOf, calls.calleeOf(traceId, spanId));
                        if (event != null) {
                            templates.computeIfAbsent(event, e -> new ArrayList<>()).add(template);
                        }
                    }
                },
                ActionListener.wrap(
                        v -> listener.onResponse(withTemplates(events, templates)),
                        listener::onFailure));
    }

    /** A log belongs to the call its span ran in: the callee or one of its in-instance spans. */
    private static Integer eventOf(Map<String, Integer> eventOf, String callee) {
        return callee == null ? null : eventOf.get(callee);
    }

    private static List<CallEvent> withTemplates(
            List<CallEvent> events, Map<Integer, List<String>> templates) {
        if (templates.isEmpty()) {
            return events;
        }
        List<CallEvent> joined = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            List<String> logged = templates.get(i);
            joined.add(logged == null ? events.get(i) : events.get(i).withTemplates(logged));
        }
        return List.copyOf(joined);
    }

    /** The value at {@code path} as text, or null when it is missing or empty. */
    private static String text(String path, Map<String, Object> source) {
        Object value = XContentMapValues.extractValue(path, source);
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0);
        }
        return value == null || value.toString().isEmpty() ? null : value.toString();
    }
}
