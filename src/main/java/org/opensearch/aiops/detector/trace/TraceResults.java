/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.Detector;
import org.opensearch.aiops.detector.DetectorResult;
import org.opensearch.aiops.detector.DetectorScore;
import org.opensearch.aiops.detector.ResultUnit;
import org.opensearch.aiops.detector.SharedDetectorType.KeyedResult;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.index.query.QueryBuilders;

/**
 * Trace and window result documents from a run's scored events (see {@link TraceRollup}); keys are
 * stable, so scoring the same trace or minute again replaces its result.
 */
final class TraceResults {

    private TraceResults() {}

    static List<KeyedResult> of(
            String detectorId,
            Detector detector,
            List<CallEvent> events,
            double[] scores,
            boolean[] anomalous,
            double threshold,
            long now) {
        Map<String, long[]> traceTimes = new HashMap<>();
        Map<String, String> serviceOf = new HashMap<>();
        for (CallEvent e : events) {
            long end = e.startMillis() + e.calleeDurationMicros() / 1000;
            traceTimes.merge(
                    e.traceId(),
                    new long[] {e.startMillis(), end},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            serviceOf.put(e.sourceInstance(), e.sourceService());
            serviceOf.put(e.destinationInstance(), e.destinationService());
        }
        List<KeyedResult> out = new ArrayList<>();
        for (TraceRollup.TraceResult trace : TraceRollup.traces(events, scores, anomalous)) {
            long[] times = traceTimes.get(trace.traceId());
            out.add(
                    new KeyedResult(
                            "trace\u0000" + trace.traceId(),
                            new DetectorResult(
                                    detectorId,
                                    detector,
                                    ResultUnit.TRACE,
                                    Map.of("events", trace.events()),
                                    trace.traceId(),
                                    trace.traceId(),
                                    null,
                                    null,
                                    times[0],
                                    times[1],
                                    now,
                                    score(trace.score()),
                                    threshold,
                                    List.of(),
                                    List.of(),
                                    QueryBuilders.termQuery("traceID", trace.traceId()))));
        }
        for (TraceRollup.WindowResult window : TraceRollup.windows(events, scores, anomalous)) {
            String service = serviceOf.getOrDefault(window.instance(), window.instance());
            out.add(
                    new KeyedResult(
                            "window\u0000" + window.instance() + '\u0000' + window.startMillis(),
                            new DetectorResult(
                                    detectorId,
                                    detector,
                                    ResultUnit.WINDOW,
                                    Map.of(
                                            "instance",
                                            window.instance(),
                                            "service",
                                            service,
                                            "events",
                                            window.events()),
                                    window.instance(),
                                    null,
                                    null,
                                    null,
                                    window.startMillis(),
                                    window.startMillis() + TraceRollup.WINDOW_MILLIS,
                                    now,
                                    score(window.score()),
                                    threshold,
                                    List.of(),
                                    List.of(),
                                    QueryBuilders.boolQuery()
                                            .filter(
                                                    QueryBuilders.rangeQuery(
                                                                    detector.source().timeField())
                                                            .gte(window.startMillis())
                                                            .lt(
                                                                    window.startMillis()
                                                                            + TraceRollup
                                                                                    .WINDOW_MILLIS)))));
        }
        return out;
    }

    private static DetectorScore score(double value) {
        return new DetectorScore(value, value, value, new double[0], null);
    }
}
