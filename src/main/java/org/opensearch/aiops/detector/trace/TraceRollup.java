/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opensearch.aiops.detector.input.CallEvent;

/**
 * Rolls scored call events up to the trace and window result units: a trace scores its highest
 * event and is anomalous when any of its events is; a window is one instance's minute, made of the
 * events that start in that minute and touch the instance as caller or callee, scored and flagged
 * the same way.
 */
public final class TraceRollup {

    public static final long WINDOW_MILLIS = 60_000;

    /** One trace: its highest event score, whether any event is anomalous, and its event count. */
    public record TraceResult(String traceId, double score, boolean anomaly, int events) {}

    /** One instance's minute starting at {@code startMillis} (a multiple of a minute). */
    public record WindowResult(
            String instance, long startMillis, double score, boolean anomaly, int events) {}

    private TraceRollup() {}

    /** Traces in the order their first event appears in {@code events}. */
    public static List<TraceResult> traces(
            List<CallEvent> events, double[] scores, boolean[] anomalous) {
        check(events, scores, anomalous);
        Map<String, Accumulator> byTrace = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byTrace.computeIfAbsent(events.get(i).traceId(), k -> new Accumulator())
                    .add(scores[i], anomalous[i]);
        }
        List<TraceResult> out = new ArrayList<>(byTrace.size());
        byTrace.forEach((id, a) -> out.add(new TraceResult(id, a.max, a.anomaly, a.count)));
        return out;
    }

    /**
     * Windows of every instance that appears in an event, by instance then minute; an event whose
     * caller and callee are the same instance counts once for it.
     */
    public static List<WindowResult> windows(
            List<CallEvent> events, double[] scores, boolean[] anomalous) {
        check(events, scores, anomalous);
        Map<WindowKey, Accumulator> byWindow = new TreeMap<>(WindowKey.ORDER);
        for (int i = 0; i < events.size(); i++) {
            CallEvent e = events.get(i);
            long minute = Math.floorDiv(e.startMillis(), WINDOW_MILLIS) * WINDOW_MILLIS;
            byWindow.computeIfAbsent(
                            new WindowKey(e.sourceInstance(), minute), k -> new Accumulator())
                    .add(scores[i], anomalous[i]);
            if (e.destinationInstance().equals(e.sourceInstance()) == false) {
                byWindow.computeIfAbsent(
                                new WindowKey(e.destinationInstance(), minute),
                                k -> new Accumulator())
                        .add(scores[i], anomalous[i]);
            }
        }
        List<WindowResult> out = new ArrayList<>(byWindow.size());
        byWindow.forEach(
                (k, a) ->
                        out.add(
                                new WindowResult(
                                        k.instance, k.startMillis, a.max, a.anomaly, a.count)));
        return out;
    }

    private static void check(List<CallEvent> events, double[] scores, boolean[] anomalous) {
        if (scores.length != events.size() || anomalous.length != events.size()) {
            throw new IllegalArgumentException(
                    "one score and one anomaly flag per event: "
                            + events.size()
                            + " events, "
                            + scores.length
                            + " scores, "
                            + anomalous.length
                            + " flags");
        }
    }

    private record WindowKey(String instance, long startMillis) {
        static final Comparator<WindowKey> ORDER =
                Comparator.comparing(WindowKey::instance).thenComparingLong(WindowKey::startMillis);
    }

    private static final class Accumulator {
        double max = Double.NEGATIVE_INFINITY;
        boolean anomaly;
        int count;

        void add(double score, boolean anomalous) {
            max = Math.max(max, score);
            anomaly |= anomalous;
            count++;
        }
    }
}
