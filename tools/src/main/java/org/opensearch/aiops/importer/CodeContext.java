/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code that wrote a TrainTicket log line: class (package abbreviated as in the log), line and
 * method, from lines like {@code 16:42:22.382 INFO t.s.TravelServiceImpl#532 TraceID: … SpanID: …
 * [getRouteByRouteId][…]}. {@code function} is null when no {@code [method]} follows the span id.
 */
public record CodeContext(String namespace, String function, int lineno) {

    private static final Pattern CONTEXT =
            Pattern.compile(
                    "([\\w.$]+)#(\\d+)\\s+TraceID:\\s*\\S*\\s+SpanID:\\s*\\S*\\s*(?:\\[([^\\]\\[]*)\\])?");

    /** The context a log line names, if any. */
    public static Optional<CodeContext> parse(String logLine) {
        Matcher m = CONTEXT.matcher(logLine);
        if (m.find() == false) {
            return Optional.empty();
        }
        String function = m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).trim();
        return Optional.of(new CodeContext(m.group(1), function, Integer.parseInt(m.group(2))));
    }

    /** As an element of the {@code code.contexts} tag. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("namespace", namespace);
        if (function != null) {
            map.put("function", function);
        }
        map.put("lineno", lineno);
        return map;
    }
}
