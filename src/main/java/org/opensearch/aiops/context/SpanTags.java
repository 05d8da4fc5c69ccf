/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags of a Jaeger span document, whichever way Jaeger stored them: the {@code tags} array of {key,
 * type, value} or, with tags-as-fields, the {@code tag} object whose keys have dots replaced by
 * {@code @}. Malformed entries (missing key, non-object) are skipped: a span's tags are the user's
 * data, not ours to reject.
 */
final class SpanTags {

    private SpanTags() {}

    static Map<String, String> of(Map<String, Object> span) {
        Map<String, String> tags = new HashMap<>();
        addArray(tags, span.get("tags"));
        if (span.get("tag") instanceof Map<?, ?> asFields) {
            asFields.forEach(
                    (key, value) -> {
                        if (key instanceof String k && value != null) {
                            tags.putIfAbsent(k.replace('@', '.'), stringOf(value));
                        }
                    });
        }
        return tags;
    }

    /** Key/value fields of every span log event, in order. */
    static List<Map<String, String>> logEvents(Map<String, Object> span) {
        if (span.get("logs") instanceof List<?> logs) {
            return logs.stream()
                    .filter(Map.class::isInstance)
                    .map(
                            log -> {
                                Map<String, String> fields = new HashMap<>();
                                addArray(fields, ((Map<?, ?>) log).get("fields"));
                                return fields;
                            })
                    .toList();
        }
        return List.of();
    }

    private static void addArray(Map<String, String> into, Object array) {
        if (array instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> tag
                        && tag.get("key") instanceof String key
                        && tag.get("value") != null) {
                    into.putIfAbsent(key, stringOf(tag.get("value")));
                }
            }
        }
    }

    private static String stringOf(Object value) {
        return value instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }
}
