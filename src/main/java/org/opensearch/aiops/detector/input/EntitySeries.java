/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One entity's points in time order, as read from the source indices: time, feature values and
 * where each came from.
 */
public final class EntitySeries {

    private final String key;
    private final Map<String, Object> entity;
    private final List<Long> times = new ArrayList<>();
    private final List<float[]> rows = new ArrayList<>();
    private final List<String> indices = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    public EntitySeries(String key, Map<String, Object> entity) {
        this.key = key;
        this.entity = entity;
    }

    public void add(long time, float[] row, String index, String id) {
        times.add(time);
        rows.add(row);
        indices.add(index);
        ids.add(id);
    }

    public String key() {
        return key;
    }

    public Map<String, Object> entity() {
        return entity;
    }

    public int size() {
        return rows.size();
    }

    public long time(int i) {
        return times.get(i);
    }

    public String index(int i) {
        return indices.get(i);
    }

    public String id(int i) {
        return ids.get(i);
    }

    /** Rows [from, to) as a matrix, oldest first. */
    public float[][] rows(int from, int to) {
        return rows.subList(from, to).toArray(new float[0][]);
    }

    /** Median spacing of consecutive points, or -1 with fewer than two. */
    public long medianStepMillis() {
        if (times.size() < 2) {
            return -1;
        }
        long[] steps = new long[times.size() - 1];
        for (int i = 1; i < times.size(); i++) {
            steps[i - 1] = times.get(i) - times.get(i - 1);
        }
        Arrays.sort(steps);
        return steps[steps.length / 2];
    }
}
