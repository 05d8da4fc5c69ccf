/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Pod-level evidence from event-level scores: per instance, the calls touching it in the last
 * {@link #WINDOW_MICROS} and how many of them exceeded the event threshold. An instance is
 * anomalous when its exceedance count is improbable under the system's overall exceedance rate (a
 * one-sided binomial test): a fault of one pod shows in a share of its calls, not in all, and the
 * pod-level test lifts its other calls with it. The overall rate is counted over every scored call
 * (so a system-wide drift raises the bar for every instance alike).
 *
 * <p>Windows are transient (they restart empty when a model is read back); the overall counts are
 * kept with the model.
 */
final class InstanceExceedances {

    /** The window: a scoring interval (one minute), the granularity windows are reported at. */
    static final long WINDOW_MICROS = 60_000_000L;

    /**
     * Significance of the binomial test: one in a thousand instance-windows falsely significant, a
     * general false-alarm budget (a few hundred instances × 60 windows an hour).
     */
    static final double ALPHA = 1e-3;

    private record Call(long micros, boolean exceeded) {}

    private static final class Window {
        final ArrayDeque<Call> calls = new ArrayDeque<>();
        int exceeded;
    }

    private final Map<String, Window> windows = new HashMap<>();
    private long total;
    private long exceeded;

    InstanceExceedances(long total, long exceeded) {
        this.total = total;
        this.exceeded = exceeded;
    }

    long total() {
        return total;
    }

    long exceeded() {
        return exceeded;
    }

    /** Adds a call of {@code instance} at {@code micros}. */
    void add(String instance, long micros, boolean exceeds) {
        Window w = windows.computeIfAbsent(instance, k -> new Window());
        w.calls.addLast(new Call(micros, exceeds));
        w.exceeded += exceeds ? 1 : 0;
        expire(w, micros);
    }

    /** Counts a scored call into the overall rate (once per call, not per endpoint). */
    void count(boolean exceeds) {
        total++;
        exceeded += exceeds ? 1 : 0;
    }

    /**
     * The binomial upper tail P(X ≥ k) of the instance's window at {@code micros} under the overall
     * rate (1 when the instance has no exceedance).
     */
    double pValue(String instance, long micros) {
        Window w = windows.get(instance);
        if (w == null) {
            return 1;
        }
        expire(w, micros);
        int k = w.exceeded;
        int n = w.calls.size();
        if (k == 0) {
            return 1;
        }
        // Laplace-smoothed overall rate: never 0, so one exceedance is never infinitely unlikely.
        double p = (exceeded + 1.0) / (total + 2.0);
        return upperTail(n, k, p);
    }

    private static void expire(Window w, long now) {
        while (w.calls.isEmpty() == false && w.calls.peekFirst().micros() <= now - WINDOW_MICROS) {
            w.exceeded -= w.calls.pollFirst().exceeded() ? 1 : 0;
        }
    }

    /** P(X ≥ k) for X ~ Binomial(n, p), summed in log space. */
    static double upperTail(int n, int k, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double sum = 0;
        double logChoose = 0; // log C(n, k) built incrementally
        for (int i = 1; i <= k; i++) {
            logChoose += Math.log(n - k + i) - Math.log(i);
        }
        double term = logChoose + k * logP + (n - k) * logQ;
        for (int i = k; i <= n; i++) {
            double add = Math.exp(term);
            sum += add;
            // past the mode the terms only shrink: stop once they no longer change the sum (this
            // runs for every scored call, over windows of thousands of calls)
            if (i > n * p && add <= sum * 1e-17) {
                break;
            }
            // C(n, i+1) / C(n, i) = (n - i) / (i + 1)
            term += Math.log(n - i) - Math.log(i + 1) + logP - logQ;
        }
        return Math.min(1, sum);
    }
}
