/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opensearch.aiops.io.JsonStrings;

/**
 * One interval of one process as an {@code aiops-os-metrics} document (mapping: {@code
 * mappings/aiops-os-metrics.json}). Counters ({@code *_faults}, {@code *_bytes} but RSS/VMS, {@code
 * ctx_switches_*}) are deltas over the interval, {@code cpu_*_pct} are percent of one CPU (a busy
 * two-thread process shows 200; {@code cpu_runqueue_pct} is time runnable but waiting for a CPU,
 * which a busy process on a crowded machine shows instead), the rest are values at its end. A
 * metric that could not be read is absent rather than zero.
 *
 * @param syscalls calls by syscall name during the interval, or null when not counted
 */
public record MetricDocument(
        Instant timestamp,
        String host,
        long pid,
        String command,
        Map<String, Number> metrics,
        String netScope,
        Map<String, Long> syscalls) {

    public static final String DEFAULT_INDEX = "aiops-os-metrics";

    /** Every metric field, in document order. */
    public static final List<String> METRICS =
            List.of(
                    "interval_s",
                    "cpu_user_pct",
                    "cpu_system_pct",
                    "cpu_pct",
                    "cpu_runqueue_pct",
                    "rss_bytes",
                    "vms_bytes",
                    "minor_faults",
                    "major_faults",
                    "read_bytes",
                    "write_bytes",
                    "ctx_switches_voluntary",
                    "ctx_switches_involuntary",
                    "threads",
                    "processes",
                    "open_files",
                    "net_rx_bytes",
                    "net_tx_bytes");

    /** Metrics with fractions; the others are whole numbers. */
    public static final Set<String> FRACTIONAL =
            Set.of("interval_s", "cpu_user_pct", "cpu_system_pct", "cpu_pct", "cpu_runqueue_pct");

    public static final Set<String> NET_SCOPES = Set.of("process", "netns");

    public MetricDocument {
        if (host == null || host.isEmpty() || command == null || command.isEmpty()) {
            throw new IllegalArgumentException("[host] and [command] must not be empty");
        }
        for (Map.Entry<String, Number> metric : metrics.entrySet()) {
            if (METRICS.contains(metric.getKey()) == false) {
                throw new IllegalArgumentException(
                        "unknown metric [" + metric.getKey() + "], allowed: " + METRICS);
            }
            if (metric.getValue() instanceof Double d && Double.isFinite(d) == false) {
                throw new IllegalArgumentException(
                        "metric [" + metric.getKey() + "] must be finite, got [" + d + "]");
            }
        }
        if (netScope != null && NET_SCOPES.contains(netScope) == false) {
            throw new IllegalArgumentException(
                    "[net_scope] must be one of " + NET_SCOPES + ", got [" + netScope + "]");
        }
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        syscalls =
                syscalls == null
                        ? null
                        : Collections.unmodifiableMap(new LinkedHashMap<>(syscalls));
    }

    /** {@code host/pid/command}: what a detector keeps one model per. */
    public String entity() {
        return host + "/" + pid + "/" + command;
    }

    /** Unique per entity and millisecond, so indexing the same interval twice overwrites it. */
    public String id() {
        return entity() + "@" + timestamp.toEpochMilli();
    }

    /** The same interval under another command name (an entity named by the user). */
    public MetricDocument withCommand(String name) {
        return new MetricDocument(timestamp, host, pid, name, metrics, netScope, syscalls);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
        doc.put("host", host);
        doc.put("pid", pid);
        doc.put("command", command);
        doc.put("entity", entity());
        for (String name : METRICS) {
            Number value = metrics.get(name);
            if (value != null) {
                doc.put(name, value);
            }
        }
        if (netScope != null) {
            doc.put("net_scope", netScope);
        }
        if (syscalls != null) {
            doc.put("syscalls", new LinkedHashMap<>(syscalls));
        }
        return doc;
    }

    public String toJson() {
        return JsonStrings.write(toMap());
    }
}
