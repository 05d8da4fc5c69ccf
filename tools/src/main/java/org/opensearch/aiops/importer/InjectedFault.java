/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;

/**
 * One entry of {@code rca_data/<day>/<day>-fault_list.json} ({@code {"08": [{inject_time,
 * inject_pod, inject_type, …}]}}). The injection time is {@code inject_time} read as UTC: it
 * matches the span timestamps, while {@code inject_timestamp} is off by hours for some entries.
 */
public record InjectedFault(String day, int index, Instant injectTime, String pod, String type) {

    public static final String INDEX = "nezha-faults";
    private static final DateTimeFormatter INJECT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** All faults of a fault list, numbered from 0 in hour order, then in file order. */
    public static List<InjectedFault> parseList(String day, String json) {
        Map<String, Object> byHour =
                new TreeMap<>(XContentHelper.convertToMap(JsonXContent.jsonXContent, json, true));
        List<InjectedFault> faults = new ArrayList<>();
        for (Map.Entry<String, Object> hour : byHour.entrySet()) {
            if (hour.getValue() instanceof List<?> == false) {
                throw new IllegalArgumentException(
                        "fault list of " + day + ": hour [" + hour.getKey() + "] must be a list");
            }
            for (Object entry : (List<?>) hour.getValue()) {
                faults.add(parse(day, faults.size(), (Map<?, ?>) entry));
            }
        }
        return faults;
    }

    static InjectedFault parse(String day, int index, Map<?, ?> entry) {
        return new InjectedFault(
                day,
                index,
                parseInjectTime(required(entry, "inject_time")),
                required(entry, "inject_pod"),
                required(entry, "inject_type"));
    }

    /** {@code 2023-01-29 08:43:04} as UTC. */
    public static Instant parseInjectTime(String value) {
        try {
            return LocalDateTime.parse(value, INJECT_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "[inject_time] must be yyyy-MM-dd HH:mm:ss, got [" + value + "]", e);
        }
    }

    private static String required(Map<?, ?> entry, String field) {
        if (entry.get(field) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException(
                "fault list entry has no string [" + field + "]: " + entry);
    }

    public String id() {
        return day + "-" + index;
    }

    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@timestamp", injectTime.toString());
        doc.put("day", day);
        doc.put("pod", pod);
        doc.put("service", PodNames.service(pod));
        doc.put("fault_type", type);
        return doc;
    }
}
