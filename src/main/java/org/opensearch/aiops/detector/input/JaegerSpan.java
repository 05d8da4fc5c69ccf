/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.common.xcontent.support.XContentMapValues;

/**
 * The parts of one Jaeger span document (as Jaeger's Elasticsearch/OpenSearch span store writes it)
 * that call events need. Times are microseconds since the epoch, as Jaeger stores them.
 *
 * @param parentSpanId the parent as Jaeger defines it: the first {@code CHILD_OF} reference within
 *     the same trace, else the first {@code FOLLOWS_FROM} one, else the deprecated {@code
 *     parentSpanID} field; null for a root
 * @param instance the first configured instance tag found among the process tags; the service name
 *     when none is
 * @param hasInstance whether an instance tag was found
 */
record JaegerSpan(
        String traceId,
        String spanId,
        String parentSpanId,
        String service,
        String instance,
        boolean hasInstance,
        String operation,
        long startMicros,
        long durationMicros,
        Map<String, String> tags,
        SpanCodeContext codeContext) {

    /**
     * The span in {@code source}, or null when it lacks a trace id, span id or start time (it
     * cannot be placed).
     */
    static JaegerSpan parse(Map<String, Object> source, SpanInput input) {
        String traceId = text(source.get("traceID"));
        String spanId = text(source.get("spanID"));
        long start = startMicros(source);
        if (traceId == null || spanId == null || start < 0) {
            return null;
        }
        Map<String, String> tags = tags(source);
        Object process = source.get("process");
        Map<String, Object> processMap = process instanceof Map<?, ?> map ? cast(map) : Map.of();
        String service = text(processMap.get("serviceName"));
        service = service == null ? "unknown" : service;
        Map<String, String> processTags = tags(processMap);
        String instance = null;
        for (String tag : input.instanceTags()) {
            instance = processTags.get(tag);
            if (instance != null && instance.isEmpty() == false) {
                break;
            }
            instance = null;
        }
        Object duration = source.get("duration");
        return new JaegerSpan(
                traceId,
                spanId,
                parentOf(source, traceId),
                service,
                instance == null ? service : instance,
                instance != null,
                text(source.get("operationName")),
                start,
                duration instanceof Number number
                        ? number.longValue()
                        : parseLong(text(duration), 0),
                tags,
                SpanCodeContext.of(
                        XContentMapValues.extractValue(input.codeContextField(), source)));
    }

    /**
     * Jaeger's {@code error} tag, an OpenTelemetry ERROR status, or an HTTP status of 500 or more.
     */
    boolean error() {
        return "true".equalsIgnoreCase(tags.get("error"))
                || "ERROR".equalsIgnoreCase(tags.get("otel.status_code"))
                || parseLong(tags.get("http.status_code"), 0) >= 500
                || parseLong(tags.get("http.response.status_code"), 0) >= 500;
    }

    private static String parentOf(Map<String, Object> source, String traceId) {
        String followsFrom = null;
        if (source.get("references") instanceof List<?> references) {
            for (Object entry : references) {
                if (entry instanceof Map<?, ?> ref
                        && traceId.equals(text(ref.get("traceID")))
                        && text(ref.get("spanID")) != null) {
                    if ("CHILD_OF".equals(ref.get("refType"))) {
                        return text(ref.get("spanID"));
                    }
                    if (followsFrom == null && "FOLLOWS_FROM".equals(ref.get("refType"))) {
                        followsFrom = text(ref.get("spanID"));
                    }
                }
            }
        }
        String parent = followsFrom != null ? followsFrom : text(source.get("parentSpanID"));
        // Old Jaeger writers put span id 0 in parentSpanID for roots.
        return parent == null || parent.chars().allMatch(c -> c == '0') ? null : parent;
    }

    /** {@code startTime} (µs), else {@code startTimeMillis}; -1 when neither is a number. */
    private static long startMicros(Map<String, Object> source) {
        long micros = parseLong(text(source.get("startTime")), -1);
        if (micros >= 0) {
            return micros;
        }
        long millis = parseLong(text(source.get("startTimeMillis")), -1);
        return millis >= 0 ? millis * 1000 : -1;
    }

    /**
     * Tags as strings, from the {@code tags} array of {key, type, value} and from the
     * tags-as-fields {@code tag} object (dots stored as {@code @}); malformed entries are skipped:
     * tags are the user's data, not ours to reject.
     */
    private static Map<String, String> tags(Map<String, Object> owner) {
        Map<String, String> tags = new HashMap<>();
        if (owner.get("tags") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> tag
                        && tag.get("key") instanceof String key
                        && tag.get("value") != null) {
                    tags.putIfAbsent(key, tag.get("value").toString());
                }
            }
        }
        if (owner.get("tag") instanceof Map<?, ?> asFields) {
            asFields.forEach(
                    (key, value) -> {
                        if (key instanceof String k && value != null) {
                            tags.putIfAbsent(k.replace('@', '.'), value.toString());
                        }
                    });
        }
        return tags;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    private static long parseLong(String text, long fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return text.indexOf('.') >= 0
                    ? (long) Double.parseDouble(text)
                    : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
