package org.opensearch.aiops.detector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where a detector reads: indices, the time field, an optional filter query, the feature fields and the entity fields. */
public record DetectorSource(List<String> indices, String timeField, Map<String, Object> filter, List<String> fields, List<String> entityFields) {

    public static final int MAX_FIELDS = 32;
    public static final int MAX_ENTITY_FIELDS = 5;
    static final Set<String> FIELDS = Set.of("indices", "time_field", "filter", "fields", "entity_fields");

    static DetectorSource read(ConfigFields source) {
        List<String> indices = source.stringList("indices");
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("[" + source.name("indices") + "] is required: one or more index names or patterns");
        }
        List<String> fields = source.stringList("fields");
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("[" + source.name("fields") + "] must name between 1 and " + MAX_FIELDS + " numeric fields, got " + fields.size());
        }
        List<String> entityFields = source.stringList("entity_fields");
        if (entityFields.size() > MAX_ENTITY_FIELDS) {
            throw new IllegalArgumentException("[" + source.name("entity_fields") + "] may name at most " + MAX_ENTITY_FIELDS + " fields");
        }
        if (Set.copyOf(fields).size() != fields.size()) {
            throw new IllegalArgumentException("[" + source.name("fields") + "] names a field twice: " + fields);
        }
        for (String entityField : entityFields) {
            if (fields.contains(entityField)) {
                throw new IllegalArgumentException("[" + source.name("entity_fields") + "] field [" + entityField + "] is also a feature in [" + source.name("fields") + "]");
            }
        }
        return new DetectorSource(indices, source.requiredString("time_field"), Map.copyOf(source.optionalMap("filter")), fields, entityFields);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("indices", indices);
        map.put("time_field", timeField);
        if (filter.isEmpty() == false) {
            map.put("filter", filter);
        }
        map.put("fields", fields);
        map.put("entity_fields", entityFields);
        return map;
    }
}
