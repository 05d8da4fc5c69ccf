/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.common.xcontent.support.XContentMapValues;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.SearchHit;
import org.opensearch.transport.client.Client;

/**
 * Attaches to call events the KPIs of their source and destination instances in the minute of the
 * call ({@link SpanInput#kpis()}), asynchronously: an instance's KPIs for a minute are those of its
 * latest sample at or before the minute's end, no older than {@code look_back}; none is null. A
 * sample lacking one KPI (the importer leaves NaN out) gives NaN for that KPI only.
 */
public final class PodKpiReader {

    /** Metric documents one read may hold in memory; a larger range is refused, not risked. */
    public static final long DEFAULT_MAX_SAMPLES = 1_000_000;

    private static final long MINUTE = 60_000;

    /** Above this, instances are not sent as a terms filter (its default limit is 65,536). */
    private static final int MAX_FILTERED_INSTANCES = 10_000;

    private final PitPageReader pages;
    private final long maxSamples;

    /** {@code pageSize}: documents per search request, 1 to 10,000. */
    public PodKpiReader(Client client, int pageSize) {
        this(client, pageSize, DEFAULT_MAX_SAMPLES);
    }

    public PodKpiReader(Client client, int pageSize, long maxSamples) {
        this.pages = new PitPageReader(client, pageSize);
        this.maxSamples = maxSamples;
    }

    /**
     * {@code events} (in start time order) with both instances' KPIs, in the same order; the events
     * themselves when {@code kpis} is null (not joined).
     */
    public void join(
            PodKpiSource kpis, List<CallEvent> events, ActionListener<List<CallEvent>> listener) {
        if (kpis == null || events.isEmpty()) {
            listener.onResponse(events);
            return;
        }
        Set<String> instances = new TreeSet<>();
        long firstEnd = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        for (CallEvent event : events) {
            instances.add(event.sourceInstance());
            instances.add(event.destinationInstance());
            firstEnd = Math.min(firstEnd, minuteEnd(event));
            lastEnd = Math.max(lastEnd, minuteEnd(event));
        }
        QueryBuilder filter =
                instances.size() <= MAX_FILTERED_INSTANCES
                        ? QueryBuilders.termsQuery(kpis.instanceField(), instances)
                        : null;
        Map<String, InstanceSamples> samples = new HashMap<>();
        long[] read = {0};
        List<String> includes = new ArrayList<>(kpis.fields());
        includes.add(kpis.instanceField());
        TimeRange window = new TimeRange(firstEnd - kpis.lookBack().millis(), lastEnd + 1);
        pages.read(
                kpis.indices(),
                kpis.timeField(),
                filter,
                includes.toArray(new String[0]),
                window,
                hits -> {
                    read[0] += hits.length;
                    if (read[0] > maxSamples) {
                        throw new IllegalArgumentException(
                                "the KPIs of ["
                                        + window.from()
                                        + ", "
                                        + window.to()
                                        + ") hold more than "
                                        + maxSamples
                                        + " metric documents: read the range in parts");
                    }
                    for (SearchHit hit : hits) {
                        Map<String, Object> source = hit.getSourceAsMap();
                        Object instance =
                                source == null
                                        ? null
                                        : XContentMapValues.extractValue(
                                                kpis.instanceField(), source);
                        if (instance != null && instances.contains(instance.toString())) {
                            samples.computeIfAbsent(instance.toString(), i -> new InstanceSamples())
                                    .add(
                                            PitPageReader.timeMillis(hit, kpis.timeField()),
                                            row(kpis.fields(), source));
                        }
                    }
                },
                ActionListener.wrap(
                        v -> listener.onResponse(withKpis(events, samples, kpis)),
                        listener::onFailure));
    }

    private static List<CallEvent> withKpis(
            List<CallEvent> events, Map<String, InstanceSamples> samples, PodKpiSource kpis) {
        List<CallEvent> joined = new ArrayList<>(events.size());
        for (CallEvent event : events) {
            long end = minuteEnd(event);
            long notBefore = end - kpis.lookBack().millis();
            joined.add(
                    event.withKpis(
                            latest(samples.get(event.sourceInstance()), end, notBefore),
                            latest(samples.get(event.destinationInstance()), end, notBefore)));
        }
        return List.copyOf(joined);
    }

    private static float[] latest(InstanceSamples samples, long end, long notBefore) {
        return samples == null ? null : samples.latest(end, notBefore);
    }

    /** The end of the minute the event starts in, in epoch milliseconds. */
    private static long minuteEnd(CallEvent event) {
        return Math.floorDiv(event.startMillis(), MINUTE) * MINUTE + MINUTE;
    }

    private static float[] row(List<String> fields, Map<String, Object> source) {
        float[] row = new float[fields.size()];
        for (int f = 0; f < row.length; f++) {
            row[f] = MetricReader.number(fields.get(f), source);
        }
        return row;
    }

    /** One instance's samples in time order (pages arrive in time order). */
    private static final class InstanceSamples {
        private long[] times = new long[4];
        private float[][] rows = new float[4][];
        private int size;

        void add(long time, float[] row) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                rows = Arrays.copyOf(rows, size * 2);
            }
            times[size] = time;
            rows[size++] = row;
        }

        /** The row of the latest sample in [notBefore, end], or null. */
        float[] latest(long end, long notBefore) {
            int i = Arrays.binarySearch(times, 0, size, end + 1);
            // the insertion point (or an exact hit on end + 1) is the first sample after end
            int last = (i >= 0 ? firstOf(i) : -i - 1) - 1;
            return last >= 0 && times[last] >= notBefore ? rows[last] : null;
        }

        /** The first index of the run of equal times holding {@code i}. */
        private int firstOf(int i) {
            while (i > 0 && times[i - 1] == times[i]) {
                i--;
            }
            return i;
        }
    }
}
