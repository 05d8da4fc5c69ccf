/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.Objects;

/**
 * One masking rule: every match of {@code regex} inside a whitespace-separated token is replaced by
 * {@code <mask>} in the template, and the matched text becomes a parameter. Rules are tried in list
 * order at each position.
 */
public record MaskRule(String regex, String mask) {
    public MaskRule {
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(mask, "mask");
    }

    /** The token this rule puts into templates, e.g. {@code <NUM>}. */
    public String token() {
        return "<" + mask + ">";
    }
}
