/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.RootCauseRanking;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.importer.InjectedFault;

/**
 * Where {@code _root_cause} (the plugin's own {@link RootCauseRanking#rank}) puts each injected
 * pod, ranking the pods of the scored calls in [inject, inject + 180 s) by their anomalous calls.
 */
final class RootCauseEvaluation {

    /** How many faults had their pod in the top 3, and the mean rank (unranked: last + 1). */
    record Result(int top3, int faults, double meanRank) {}

    private RootCauseEvaluation() {}

    static Result of(List<CallEvent> events, boolean[] predicted, List<InjectedFault> faults) {
        int top3 = 0;
        double ranks = 0;
        int counted = 0;
        for (InjectedFault fault : faults) {
            long from = fault.injectTime().toEpochMilli() * 1000;
            long to = from + TraceLabels.FAULT_MILLIS * 1000;
            Map<String, long[]> byPod = new HashMap<>();
            Map<String, String> serviceOf = new HashMap<>();
            long anomalous = 0;
            for (int i = 0; i < events.size(); i++) {
                CallEvent e = events.get(i);
                if (e.startMicros() < from || e.startMicros() >= to) {
                    continue;
                }
                anomalous += predicted[i] ? 1 : 0;
                serviceOf.put(e.sourceInstance(), e.sourceService());
                serviceOf.put(e.destinationInstance(), e.destinationService());
                for (String pod :
                        new LinkedHashSet<>(List.of(e.sourceInstance(), e.destinationInstance()))) {
                    long[] c = byPod.computeIfAbsent(pod, k -> new long[2]);
                    c[0] += predicted[i] ? 1 : 0;
                    c[1]++;
                }
            }
            if (byPod.isEmpty()) {
                continue;
            }
            List<RootCauseRanking.Counts> counts = new ArrayList<>();
            byPod.forEach(
                    (pod, c) ->
                            counts.add(
                                    new RootCauseRanking.Counts(
                                            pod, serviceOf.get(pod), c[0], c[1])));
            List<RootCauseRanking.Suspect> ranked =
                    RootCauseRanking.rank(counts, anomalous, counts.size());
            int rank = ranked.size() + 1;
            for (int r = 0; r < ranked.size(); r++) {
                if (ranked.get(r).name().equals(fault.pod())) {
                    rank = r + 1;
                    break;
                }
            }
            counted++;
            top3 += rank <= 3 ? 1 : 0;
            ranks += rank;
        }
        return new Result(top3, counted, counted == 0 ? Double.NaN : ranks / counted);
    }
}
