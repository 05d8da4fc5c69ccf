/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.Locale;

/** What one parsed line did to the template set, as Drain3's {@code change_type}. */
public enum TemplateChange {
    NONE,
    CREATED,
    UPDATED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
