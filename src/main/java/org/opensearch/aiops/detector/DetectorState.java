package org.opensearch.aiops.detector;

import java.util.Locale;

/** Where a detector is in its life: created → training → trained → running ⇄ stopped; failed keeps the reason. */
public enum DetectorState {
    CREATED,
    TRAINING,
    TRAINED,
    RUNNING,
    STOPPED,
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
