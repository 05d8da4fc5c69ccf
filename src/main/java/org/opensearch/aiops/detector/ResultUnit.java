/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.Locale;

/**
 * What one result document scores: a window of an entity's points, a call event, a trace or a log
 * session.
 */
public enum ResultUnit {
    WINDOW,
    EVENT,
    TRACE,
    SESSION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
