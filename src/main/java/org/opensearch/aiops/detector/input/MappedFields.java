/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.List;
import java.util.Map;

/**
 * The fields a detector reads from one group of indices, for the validator to check against their
 * mappings: its own source, or a source joined to it ({@code source.logs}, {@code source.kpis}).
 *
 * @param path the configuration object's path in messages, e.g. {@code source.kpis}
 * @param indices the indices or patterns read
 * @param timeField must be mapped as a date
 * @param numericFields must be mapped as numbers (named {@code path.fields} in messages)
 * @param requiredFields other fields that must be mapped, by their option's name (e.g. {@code
 *     trace_id_field})
 * @param otherFields further fields fetched only for their types, never required
 */
public record MappedFields(
        String path,
        List<String> indices,
        String timeField,
        List<String> numericFields,
        Map<String, String> requiredFields,
        List<String> otherFields) {

    public MappedFields {
        indices = List.copyOf(indices);
        numericFields = List.copyOf(numericFields);
        requiredFields = Map.copyOf(requiredFields);
        otherFields = List.copyOf(otherFields);
    }
}
