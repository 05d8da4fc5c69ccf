/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Column positions of a CSV file by name, so rows are read by column name and bad values are
 * reported by it.
 */
public final class CsvHeader {

    private final String file;
    private final List<String> columns;
    private final Map<String, Integer> positions = new HashMap<>();

    public CsvHeader(String file, List<String> columns) {
        this.file = file;
        this.columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i), i);
        }
    }

    public List<String> columns() {
        return columns;
    }

    public String get(List<String> row, String column) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException(
                    file + ": no column [" + column + "] in header " + columns);
        }
        if (position >= row.size()) {
            throw new IllegalArgumentException(
                    file + ": row has no value for column [" + column + "]: " + row);
        }
        return row.get(position);
    }

    public long getLong(List<String> row, String column) {
        String value = get(row, column);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    file + ": column [" + column + "] must be an integer, got [" + value + "]", e);
        }
    }
}
