/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One row of a TrainTicket {@code metric/<pod>_metric.csv.gz} file (one pod's KPIs, about once a
 * minute) as a metrics document: {@code @timestamp} from {@code TimeStamp} (epoch seconds), pod,
 * service, and every other column as a number under its snake_case name with the unit as suffix
 * ({@code CpuUsageRate(%)} → {@code cpu_usage_rate_pct}).
 */
public final class PodMetricRow {

    /** Columns that are not KPIs: {@code Time} repeats {@code TimeStamp} in Go's format. */
    private static final Set<String> NOT_KPIS = Set.of("Time", "TimeStamp", "PodName");

    private PodMetricRow() {}

    /** Unique per pod and sample time. */
    public static String id(CsvHeader header, List<String> row) {
        return header.get(row, "PodName") + "-" + header.getLong(row, "TimeStamp");
    }

    public static Map<String, Object> document(CsvHeader header, List<String> row) {
        String pod = header.get(row, "PodName");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@timestamp", Instant.ofEpochSecond(header.getLong(row, "TimeStamp")).toString());
        doc.put("pod", pod);
        doc.put("service", PodNames.service(pod));
        for (String column : header.columns()) {
            if (NOT_KPIS.contains(column)) {
                continue;
            }
            String value = header.get(row, column).trim();
            if (value.isEmpty()) {
                continue;
            }
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "metric column [" + column + "] must be a number, got [" + value + "]", e);
            }
            if (Double.isFinite(number)) { // JSON has no NaN or infinity: leave the KPI out
                doc.put(fieldName(column), number);
            }
        }
        return doc;
    }

    /**
     * {@code PodClientLatencyP90(s)} → {@code pod_client_latency_p90_s}; {@code (%)} becomes {@code
     * _pct}.
     */
    public static String fieldName(String column) {
        String name = column;
        String unit = null;
        int open = column.indexOf('(');
        if (open > 0 && column.endsWith(")")) {
            name = column.substring(0, open);
            unit = column.substring(open + 1, column.length() - 1);
            unit = unit.equals("%") ? "pct" : unit;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)
                    && i > 0
                    && Character.isUpperCase(name.charAt(i - 1)) == false) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        if (unit != null) {
            out.append('_').append(unit.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
