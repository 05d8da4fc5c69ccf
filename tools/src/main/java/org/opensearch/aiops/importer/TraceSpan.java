/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.io.JsonStrings;

/**
 * One row of a TrainTicket {@code trace/HH_MM_trace.csv.gz} file, and the Jaeger span document it
 * becomes (the format Jaeger's Elasticsearch/OpenSearch span store writes: times in microseconds,
 * tags as {key, type, value} strings).
 */
public record TraceSpan(
        String traceId,
        String spanId,
        String parentId,
        String pod,
        String operation,
        long startNanos,
        long durationMicros) {

    /** {@code ParentID} of root spans. */
    public static final String ROOT = "root";

    public static final String INDEX_PREFIX = "jaeger-span-";

    public static TraceSpan read(CsvHeader header, List<String> row) {
        return new TraceSpan(
                header.get(row, "TraceID"),
                header.get(row, "SpanID"),
                header.get(row, "ParentID"),
                header.get(row, "PodName"),
                header.get(row, "OperationName"),
                header.getLong(row, "StartTimeUnixNano"),
                header.getLong(row, "Duration"));
    }

    /** Spans are unique by (trace, span): a few files overlap, and re-imports overwrite. */
    public String id() {
        return traceId + "-" + spanId;
    }

    /** Jaeger's daily index of the span's start (UTC). */
    public String index() {
        return INDEX_PREFIX
                + LocalDate.ofInstant(Instant.ofEpochSecond(0, startNanos), ZoneOffset.UTC);
    }

    /**
     * The Jaeger document. {@code contexts} are the code contexts of the log lines naming this
     * span, in log-time order: the first one as {@code code.namespace}/{@code code.function}/{@code
     * code.lineno}, all of them as the JSON array string {@code code.contexts} (log lines mostly
     * name a pod's entry span, which thus carries the whole path the request took through that
     * pod's code).
     */
    public Map<String, Object> document(List<CodeContext> contexts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("traceID", traceId);
        doc.put("spanID", spanId);
        doc.put("flags", 1);
        doc.put("operationName", operation);
        List<Object> references = new ArrayList<>();
        if (ROOT.equals(parentId) == false && parentId.isEmpty() == false) {
            references.add(Map.of("refType", "CHILD_OF", "traceID", traceId, "spanID", parentId));
        }
        doc.put("references", references);
        doc.put("startTime", startNanos / 1_000);
        doc.put("startTimeMillis", startNanos / 1_000_000);
        doc.put("duration", durationMicros);
        List<Object> tags = new ArrayList<>();
        if (contexts.isEmpty() == false) {
            CodeContext first = contexts.get(0);
            tags.add(tag("code.namespace", "string", first.namespace()));
            if (first.function() != null) {
                tags.add(tag("code.function", "string", first.function()));
            }
            tags.add(tag("code.lineno", "int64", Integer.toString(first.lineno())));
            tags.add(
                    tag(
                            "code.contexts",
                            "string",
                            JsonStrings.write(contexts.stream().map(CodeContext::toMap).toList())));
        }
        doc.put("tags", tags);
        doc.put("logs", List.of());
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("serviceName", PodNames.service(pod));
        process.put(
                "tags",
                List.of(tag("hostname", "string", pod), tag("k8s.pod.name", "string", pod)));
        doc.put("process", process);
        return doc;
    }

    private static Map<String, Object> tag(String key, String type, String value) {
        Map<String, Object> tag = new LinkedHashMap<>();
        tag.put("key", key);
        tag.put("type", type);
        tag.put("value", value);
        return tag;
    }
}
