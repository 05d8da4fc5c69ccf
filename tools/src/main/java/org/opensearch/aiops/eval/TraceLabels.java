/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.List;

import org.opensearch.aiops.importer.InjectedFault;

/**
 * Issue 12's labels from a fault list: an event is anomalous when its caller or callee is the
 * injected pod and it starts within [inject time, inject time + 180 s); a (pod, minute) window when
 * it is the injected pod and its minute overlaps that interval by at least 30 s. Windows that
 * overlap it by 1 to 29 s are neither: they are left out of precision and recall.
 */
public final class TraceLabels {

    public static final long FAULT_MILLIS = 180_000;
    public static final long MIN_OVERLAP_MILLIS = 30_000;
    static final long WINDOW_MILLIS = 60_000;

    /** A window's label. */
    public enum WindowLabel {
        ANOMALOUS,
        NORMAL,
        EXCLUDED
    }

    private final List<InjectedFault> faults;

    /** {@code faults} with their pods as the scored data names them (after any renaming). */
    public TraceLabels(List<InjectedFault> faults) {
        this.faults = List.copyOf(faults);
    }

    public List<InjectedFault> faults() {
        return faults;
    }

    /** The fault that makes an event anomalous (the first in list order), or null. */
    public InjectedFault eventFault(String source, String destination, long startMicros) {
        long millis = Math.floorDiv(startMicros, 1000);
        for (InjectedFault f : faults) {
            long from = f.injectTime().toEpochMilli();
            if ((f.pod().equals(source) || f.pod().equals(destination))
                    && millis >= from
                    && millis < from + FAULT_MILLIS) {
                return f;
            }
        }
        return null;
    }

    /** The label of {@code pod}'s minute starting at {@code startMillis}. */
    public WindowLabel window(String pod, long startMillis) {
        WindowLabel label = WindowLabel.NORMAL;
        for (InjectedFault f : faults) {
            if (f.pod().equals(pod) == false) {
                continue;
            }
            long from = f.injectTime().toEpochMilli();
            long overlap =
                    Math.min(startMillis + WINDOW_MILLIS, from + FAULT_MILLIS)
                            - Math.max(startMillis, from);
            if (overlap >= MIN_OVERLAP_MILLIS) {
                return WindowLabel.ANOMALOUS;
            }
            if (overlap > 0) {
                label = WindowLabel.EXCLUDED;
            }
        }
        return label;
    }
}
