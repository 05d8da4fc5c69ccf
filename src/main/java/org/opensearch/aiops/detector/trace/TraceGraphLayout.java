/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The autoencoder input's layout [h_s ‖ KPI_s ‖ h_d ‖ KPI_d ‖ A] and its scalers: which dimensions
 * belong to which named group (caller, caller_kpis, callee, callee_kpis, then the attribute
 * groups), so an error can say what drove it. {@code kpis} is at least 1 wide; {@code kpisKnown}
 * says whether training saw any.
 */
record TraceGraphLayout(
        int embedding,
        int kpis,
        boolean kpisKnown,
        FeatureScaler attributes,
        FeatureScaler kpiScaler) {

    /**
     * The KPIs of an instance as the network sees them: none (the training mean) when training saw
     * no KPIs at all, so KPIs that appear later cannot turn every event anomalous.
     */
    float[] kpisOf(float[] kpis) {
        return kpisKnown ? logKpis(kpis) : null;
    }

    /**
     * KPIs on a log scale, sign kept: byte counts and latencies are heavy-tailed, and a burst
     * should count as a change of magnitude, not swamp every other dimension.
     */
    static float[] logKpis(float[] kpis) {
        if (kpis == null) {
            return null;
        }
        float[] out = new float[kpis.length];
        for (int i = 0; i < kpis.length; i++) {
            out[i] = (float) (Math.signum(kpis[i]) * Math.log1p(Math.abs(kpis[i])));
        }
        return out;
    }

    int fused() {
        return 2 * embedding + 2 * kpis + TraceEventFeatures.WIDTH;
    }

    /** Group names in layout order. */
    List<String> groups() {
        List<String> names =
                new ArrayList<>(List.of("caller", "caller_kpis", "callee", "callee_kpis"));
        for (TraceEventFeatures.Group g : TraceEventFeatures.Group.values()) {
            names.add(g.label());
        }
        return names;
    }

    /** Widths of {@link #groups()}. */
    int[] widths() {
        TraceEventFeatures.Group[] a = TraceEventFeatures.Group.values();
        int[] widths = new int[4 + a.length];
        widths[0] = embedding;
        widths[1] = kpis;
        widths[2] = embedding;
        widths[3] = kpis;
        for (int i = 0; i < a.length; i++) {
            widths[4 + i] = a[i].width;
        }
        return widths;
    }

    /** Sums of {@code errors[at .. at + fused())} per group. */
    float[] groupSums(float[] errors, int at) {
        int[] widths = widths();
        float[] sums = new float[widths.length];
        int i = at;
        for (int g = 0; g < widths.length; g++) {
            for (int w = 0; w < widths[g]; w++) {
                sums[g] += errors[i++];
            }
        }
        return sums;
    }
}
