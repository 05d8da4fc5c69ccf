/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.Locale;

/**
 * Whether a type learns one model per entity or one shared model. A trace model must not depend on
 * pod names, which change when containers move, so it is shared.
 */
public enum ModelScope {
    ENTITY,
    SHARED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
