/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.rest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.opensearch.OpenSearchParseException;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.rest.RestRequest;

/**
 * The one place REST bodies are read: unknown fields and wrong types fail with a 400 that names the
 * field.
 */
public final class RequestBody {

    /** The body as a map; a missing body or a field outside {@code allowed} is an error. */
    public static Map<String, Object> object(RestRequest request, Set<String> allowed) {
        if (request.hasContent() == false) {
            throw new OpenSearchParseException(
                    "request body is required, with fields " + new TreeSet<>(allowed));
        }
        Map<String, Object> body = optionalObject(request);
        for (String field : body.keySet()) {
            if (allowed.contains(field) == false) {
                throw new OpenSearchParseException(
                        "unknown field ["
                                + field
                                + "]; allowed fields are "
                                + new TreeSet<>(allowed));
            }
        }
        return body;
    }

    /**
     * The body as a map when there is one (empty otherwise); the fields are checked by whoever
     * reads it.
     */
    public static Map<String, Object> optionalObject(RestRequest request) {
        if (request.hasContent() == false) {
            return Map.of();
        }
        try (XContentParser parser = request.contentParser()) {
            if (parser.nextToken() != XContentParser.Token.START_OBJECT) {
                throw new OpenSearchParseException("request body must be a JSON object");
            }
            Map<String, Object> body = parser.map();
            if (parser.nextToken() != null) {
                throw new OpenSearchParseException(
                        "request body has content after its JSON object");
            }
            return body;
        } catch (OpenSearchParseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new OpenSearchParseException("request body is not valid JSON: " + e.getMessage());
        }
    }

    /** A required array of strings. */
    public static List<String> stringList(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String == false) {
                    throw new OpenSearchParseException(
                            "["
                                    + field
                                    + "]["
                                    + i
                                    + "] must be a string, got "
                                    + describe(list.get(i)));
                }
            }
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) list;
            return strings;
        }
        throw new OpenSearchParseException(
                "[" + field + "] must be an array of strings, got " + describe(value));
    }

    /** An optional string, {@code fallback} when absent. */
    public static String optionalString(Map<String, Object> body, String field, String fallback) {
        return optional(body, field, String.class, fallback, "a string");
    }

    /** An optional number, {@code fallback} when absent. */
    public static Number optionalNumber(Map<String, Object> body, String field, Number fallback) {
        return optional(body, field, Number.class, fallback, "a number");
    }

    /** An optional JSON object, empty when absent. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> optionalObject(Map<String, Object> body, String field) {
        return optional(body, field, Map.class, Map.of(), "an object");
    }

    private static <T> T optional(
            Map<String, Object> body, String field, Class<T> type, T fallback, String expected) {
        Object value = body.get(field);
        if (value == null) {
            return fallback;
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new OpenSearchParseException(
                "[" + field + "] must be " + expected + ", got " + describe(value));
    }

    private static String describe(Object value) {
        return value == null
                ? "null"
                : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                        + " ["
                        + value
                        + "]";
    }

    private RequestBody() {}
}
