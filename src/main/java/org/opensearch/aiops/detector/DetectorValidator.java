/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.opensearch.action.admin.indices.mapping.get.GetFieldMappingsRequest;
import org.opensearch.action.admin.indices.mapping.get.GetFieldMappingsResponse;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.aiops.detector.input.DetectorSource;
import org.opensearch.core.action.ActionListener;
import org.opensearch.transport.client.Client;

/**
 * Checks a detector against the data it will read: the fields' mapped types, and (for _validate)
 * the training data.
 */
public final class DetectorValidator {

    static final Set<String> NUMERIC =
            Set.of(
                    "long",
                    "integer",
                    "short",
                    "byte",
                    "double",
                    "float",
                    "half_float",
                    "scaled_float",
                    "unsigned_long");
    static final Set<String> DATES = Set.of("date", "date_nanos");

    private final Client client;

    public DetectorValidator(Client client) {
        this.client = client;
    }

    /** Mapped types per field across the source indices (a field mapped nowhere is absent). */
    void mappedTypes(DetectorSource source, ActionListener<Map<String, Set<String>>> listener) {
        List<String> fields = new ArrayList<>(source.numericFields());
        fields.add(source.timeField());
        fields.addAll(source.entityFields());
        GetFieldMappingsRequest request =
                new GetFieldMappingsRequest()
                        .indices(source.indices().toArray(new String[0]))
                        .fields(fields.toArray(new String[0]))
                        .indicesOptions(IndicesOptions.LENIENT_EXPAND_OPEN);
        client.admin()
                .indices()
                .getFieldMappings(
                        request, ActionListener.map(listener, DetectorValidator::typesByField));
    }

    private static Map<String, Set<String>> typesByField(GetFieldMappingsResponse response) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        response.mappings()
                .values()
                .forEach(
                        byField ->
                                byField.forEach(
                                        (field, metadata) -> {
                                            Map<String, Object> mapping = metadata.sourceAsMap();
                                            for (Object leaf : mapping.values()) {
                                                if (leaf instanceof Map<?, ?> leafMap
                                                        && leafMap.get("type") != null) {
                                                    types.computeIfAbsent(
                                                                    field, f -> new TreeSet<>())
                                                            .add(
                                                                    String.valueOf(
                                                                            leafMap.get("type")));
                                                }
                                            }
                                        }));
        return types;
    }

    /**
     * Fails when a field is mapped with a type the detector cannot use (unmapped fields are
     * allowed: data may come later).
     */
    public void checkMappedTypes(DetectorSource source, ActionListener<Void> listener) {
        mappedTypes(
                source,
                ActionListener.wrap(
                        types -> {
                            List<String> problems = typeProblems(source, types);
                            if (problems.isEmpty() == false) {
                                throw new IllegalArgumentException(String.join("; ", problems));
                            }
                            listener.onResponse(null);
                        },
                        listener::onFailure));
    }

    static List<String> typeProblems(DetectorSource source, Map<String, Set<String>> types) {
        List<String> problems = new ArrayList<>();
        for (String field : source.numericFields()) {
            Set<String> mapped = types.getOrDefault(field, Set.of());
            for (String type : mapped) {
                if (NUMERIC.contains(type) == false) {
                    problems.add(
                            "[source.fields] field ["
                                    + field
                                    + "] is mapped as ["
                                    + type
                                    + "], not as a number");
                }
            }
        }
        for (String type : types.getOrDefault(source.timeField(), Set.of())) {
            if (DATES.contains(type) == false) {
                problems.add(
                        "[source.time_field] field ["
                                + source.timeField()
                                + "] is mapped as ["
                                + type
                                + "], not as a date");
            }
        }
        return problems;
    }

    /** Issues that stop training, plus warnings (fields not mapped anywhere yet). */
    public List<String> unmapped(DetectorSource source, Map<String, Set<String>> types) {
        List<String> issues = new ArrayList<>();
        for (String field : source.numericFields()) {
            if (types.containsKey(field) == false) {
                issues.add(
                        "[source.fields] field ["
                                + field
                                + "] is not mapped in any index of "
                                + source.indices());
            }
        }
        if (types.containsKey(source.timeField()) == false) {
            issues.add(
                    "[source.time_field] field ["
                            + source.timeField()
                            + "] is not mapped in any index of "
                            + source.indices());
        }
        return issues;
    }
}
