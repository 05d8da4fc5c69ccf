/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of detector types by name. */
public final class DetectorTypes {

    private final Map<String, DetectorType<?>> types = new LinkedHashMap<>();

    public DetectorTypes(List<? extends DetectorType<?>> types) {
        for (DetectorType<?> type : types) {
            this.types.put(type.name(), type);
        }
    }

    /** The type called {@code name}; an unknown one is an error naming {@code field}. */
    public DetectorType<?> get(String name, String field) {
        DetectorType<?> type = types.get(name);
        if (type == null) {
            throw new IllegalArgumentException(
                    "["
                            + field
                            + "] unknown detector type ["
                            + name
                            + "]; known types are "
                            + types.keySet());
        }
        return type;
    }

    public List<String> names() {
        return List.copyOf(types.keySet());
    }
}
