/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.Locale;

/**
 * Where a detector is in its life: created → training → trained → running ⇄ stopped; failed keeps
 * the reason.
 */
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

    /** The state a stored label names; an unknown label (a forged document) reads as failed. */
    public static DetectorState fromLabel(String label) {
        if (label == null) {
            return CREATED;
        }
        for (DetectorState state : values()) {
            if (state.label().equals(label)) {
                return state;
            }
        }
        return FAILED;
    }

    /** A model exists: the detector can score. */
    public boolean hasModel() {
        return this == TRAINED || this == RUNNING || this == STOPPED;
    }
}
