/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods' KPI samples (about one a minute) and the KPIs of a pod's minute, as the KPI join gives
 * them: the latest sample at or before the minute's end, if it is at most two minutes older.
 */
public final class PodKpis {

    /**
     * The four KPIs an event carries per instance, as Nezha metric columns: CPU, memory, network,
     * latency.
     */
    public static final List<String> COLUMNS =
            List.of(
                    "CpuUsageRate(%)",
                    "MemoryUsageRate(%)", "NetworkReceiveBytes", "PodServerLatencyP90(s)");

    static final long MAX_AGE_MILLIS = 120_000;
    static final long MINUTE_MILLIS = 60_000;

    private record Sample(long millis, float[] values) {}

    private final Map<String, List<Sample>> byPod = new HashMap<>();
    private final Map<String, long[]> times = new HashMap<>();

    /** Adds one sample of {@code pod} at {@code millis}, {@link #COLUMNS} values in order. */
    public void add(String pod, long millis, float[] values) {
        if (values.length != COLUMNS.size()) {
            throw new IllegalArgumentException(
                    "a KPI sample has " + COLUMNS.size() + " values, got " + values.length);
        }
        byPod.computeIfAbsent(pod, k -> new ArrayList<>()).add(new Sample(millis, values));
        times.remove(pod);
    }

    public int pods() {
        return byPod.size();
    }

    public long samples() {
        return byPod.values().stream().mapToLong(List::size).sum();
    }

    /**
     * The KPIs of {@code pod} in the minute that contains {@code millis}, or null when the pod has
     * no sample in [minute end - 2 min, minute end].
     */
    public float[] of(String pod, long millis) {
        List<Sample> samples = byPod.get(pod);
        if (samples == null) {
            return null;
        }
        long[] sorted = times.computeIfAbsent(pod, k -> sort(samples));
        long end = Math.floorDiv(millis, MINUTE_MILLIS) * MINUTE_MILLIS + MINUTE_MILLIS;
        int at = Arrays.binarySearch(sorted, end);
        if (at < 0) {
            at = -at - 2; // the last sample before end
        } else {
            while (at + 1 < sorted.length && sorted[at + 1] == end) {
                at++;
            }
        }
        if (at < 0 || sorted[at] < end - MAX_AGE_MILLIS) {
            return null;
        }
        return samples.get(at).values();
    }

    private static long[] sort(List<Sample> samples) {
        samples.sort(Comparator.comparingLong(Sample::millis));
        long[] t = new long[samples.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = samples.get(i).millis();
        }
        return t;
    }
}
