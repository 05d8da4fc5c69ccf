/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.opensearch.action.admin.indices.mapping.get.GetFieldMappingsRequest;
import org.opensearch.action.admin.indices.mapping.get.GetFieldMappingsResponse;
import org.opensearch.action.support.GroupedActionListener;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.aiops.detector.input.DetectorSource;
import org.opensearch.aiops.detector.input.MappedFields;
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

    /**
     * The mapped types of one group's fields across its indices (a field mapped nowhere is absent).
     */
    record FieldTypes(MappedFields fields, Map<String, Set<String>> types) {}

    /** Mapped types of every group of the source (its own fields, then its joins'), in order. */
    void mappedTypes(DetectorSource source, ActionListener<List<FieldTypes>> listener) {
        List<MappedFields> groups = source.mappedFields();
        GroupedActionListener<FieldTypes> all =
                new GroupedActionListener<>(
                        ActionListener.map(
                                listener,
                                found ->
                                        found.stream()
                                                .sorted(
                                                        Comparator.comparingInt(
                                                                f -> groups.indexOf(f.fields())))
                                                .toList()),
                        groups.size());
        for (MappedFields group : groups) {
            mappedTypes(group, ActionListener.map(all, types -> new FieldTypes(group, types)));
        }
    }

    private void mappedTypes(
            MappedFields group, ActionListener<Map<String, Set<String>>> listener) {
        List<String> fields = new ArrayList<>(group.numericFields());
        fields.add(group.timeField());
        fields.addAll(group.requiredFields().values());
        fields.addAll(group.otherFields());
        GetFieldMappingsRequest request =
                new GetFieldMappingsRequest()
                        .indices(group.indices().toArray(new String[0]))
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
                            List<String> problems = typeProblems(types);
                            if (problems.isEmpty() == false) {
                                throw new IllegalArgumentException(String.join("; ", problems));
                            }
                            listener.onResponse(null);
                        },
                        listener::onFailure));
    }

    static List<String> typeProblems(List<FieldTypes> mapped) {
        List<String> problems = new ArrayList<>();
        for (FieldTypes group : mapped) {
            MappedFields fields = group.fields();
            for (String field : fields.numericFields()) {
                for (String type : group.types().getOrDefault(field, Set.of())) {
                    if (NUMERIC.contains(type) == false) {
                        problems.add(
                                "["
                                        + fields.path()
                                        + ".fields] field ["
                                        + field
                                        + "] is mapped as ["
                                        + type
                                        + "], not as a number");
                    }
                }
            }
            for (String type : group.types().getOrDefault(fields.timeField(), Set.of())) {
                if (DATES.contains(type) == false) {
                    problems.add(
                            "["
                                    + fields.path()
                                    + ".time_field] field ["
                                    + fields.timeField()
                                    + "] is mapped as ["
                                    + type
                                    + "], not as a date");
                }
            }
        }
        return problems;
    }

    /**
     * Fields not mapped in any index of their group (which is also how a missing index shows):
     * issues for {@code _validate}, while creating a detector allows them (data may come later).
     */
    static List<String> unmapped(List<FieldTypes> mapped) {
        List<String> issues = new ArrayList<>();
        for (FieldTypes group : mapped) {
            MappedFields fields = group.fields();
            // field -> option naming it: numbers, the time, then the rest by option
            Map<String, String> required = new LinkedHashMap<>();
            fields.numericFields().forEach(field -> required.put(field, "fields"));
            required.putIfAbsent(fields.timeField(), "time_field");
            new TreeMap<>(fields.requiredFields())
                    .forEach((option, field) -> required.putIfAbsent(field, option));
            for (Map.Entry<String, String> field : required.entrySet()) {
                if (group.types().containsKey(field.getKey()) == false) {
                    issues.add(
                            "["
                                    + fields.path()
                                    + "."
                                    + field.getValue()
                                    + "] field ["
                                    + field.getKey()
                                    + "] is not mapped in any index of "
                                    + fields.indices());
                }
            }
        }
        return issues;
    }
}
