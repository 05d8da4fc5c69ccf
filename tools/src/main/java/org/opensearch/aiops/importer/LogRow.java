/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

/**
 * One row of a TrainTicket {@code log/HH_MM_log.csv.gz} file: {@code
 * Timestamp,TimeUnixNano,Node,PodName,Container,TraceID,SpanID,Log}, where {@code Log} is the
 * container's JSON record ({@code {"log": "<line>\n", "stream": …}}).
 */
public record LogRow(
        long timeNanos,
        String node,
        String pod,
        String container,
        String traceId,
        String spanId,
        String message,
        String raw) {

    static final int FIELDS = 8;

    /**
     * Splits on the first 7 commas: the last field is the log record, quoted CSV-style. Read up to
     * its closing quote, because a few rows are not valid CSV (unquoted commas and text glued after
     * the quoted record).
     */
    public static LogRow parse(String line) {
        List<String> fields = new ArrayList<>(FIELDS);
        int from = 0;
        for (int i = 0; i < FIELDS - 1; i++) {
            int comma = line.indexOf(',', from);
            if (comma < 0) {
                throw new IllegalArgumentException(
                        "log row has " + (i + 1) + " fields, expected " + FIELDS + ": " + line);
            }
            fields.add(line.substring(from, comma));
            from = comma + 1;
        }
        String record = unquote(line.substring(from));
        long nanos = timeNanos(fields.get(0));
        return new LogRow(
                nanos,
                fields.get(2),
                fields.get(3),
                fields.get(4),
                fields.get(5),
                fields.get(6),
                messageOf(record),
                line);
    }

    /**
     * {@code Timestamp} (UTC, with or without {@code Z}) in epoch nanoseconds. Not {@code
     * TimeUnixNano}: a few rows have an overflowed value there (-6795364578871345152) next to a
     * correct {@code Timestamp}.
     */
    static long timeNanos(String timestamp) {
        try {
            Instant t =
                    timestamp.endsWith("Z")
                            ? Instant.parse(timestamp)
                            : LocalDateTime.parse(timestamp).toInstant(ZoneOffset.UTC);
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "log row: column [Timestamp] must be an ISO-8601 time, got [" + timestamp + "]",
                    e);
        }
    }

    /**
     * The content of a CSV field that starts with a quote, up to its closing quote; other fields as
     * they are.
     */
    static String unquote(String field) {
        if (field.startsWith("\"") == false) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 1; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                if (i + 1 < field.length() && field.charAt(i + 1) == '"') {
                    out.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The record's {@code log} line without its line break; the record itself when it is not such
     * JSON.
     */
    static String messageOf(String record) {
        if (record.startsWith("{")) {
            try {
                Object log =
                        XContentHelper.convertToMap(JsonXContent.jsonXContent, record, false)
                                .get("log");
                if (log instanceof String text) {
                    return text.stripTrailing();
                }
            } catch (RuntimeException e) {
                // not JSON after all: keep the text as written
            }
        }
        return record.stripTrailing();
    }

    /** Content hash of the row: the same row imported twice is one document. */
    public String id() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@timestamp", Instant.ofEpochSecond(0, timeNanos).toString());
        doc.put("message", message);
        doc.put("service", PodNames.service(pod));
        doc.put("pod", pod);
        doc.put("node", node);
        doc.put("container", container);
        doc.put("trace_id", traceId);
        doc.put("span_id", spanId);
        return doc;
    }
}
