/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.Map;

/**
 * Typed reads of a stored document's source. The plugin's system indices can be written by anyone
 * with index rights, so a value of the wrong type reads as absent instead of failing every request
 * on that detector.
 */
final class StoredValues {

    private final Map<?, ?> source;

    StoredValues(Map<?, ?> source) {
        this.source = source == null ? Map.of() : source;
    }

    Long longValue(String field) {
        return source.get(field) instanceof Number n ? n.longValue() : null;
    }

    long longValue(String field, long fallback) {
        Long value = longValue(field);
        return value == null ? fallback : value;
    }

    Integer intValue(String field) {
        return source.get(field) instanceof Number n ? n.intValue() : null;
    }

    Double doubleValue(String field) {
        return source.get(field) instanceof Number n ? n.doubleValue() : null;
    }

    String string(String field) {
        return source.get(field) instanceof String s ? s : null;
    }

    /** The objects of an array field; empty when absent or not an array. */
    java.util.List<StoredValues> objects(String field) {
        if (source.get(field) instanceof java.util.List<?> list) {
            return list.stream()
                    .filter(e -> e instanceof Map<?, ?>)
                    .map(e -> new StoredValues((Map<?, ?>) e))
                    .toList();
        }
        return java.util.List.of();
    }

    StoredValues object(String field) {
        return source.get(field) instanceof Map<?, ?> map ? new StoredValues(map) : null;
    }
}
