/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.List;

/** Immutable snapshot of one learned template, for persistence and listing. */
public final class LogTemplate {
    private final String id;
    private final List<String> tokens;
    private final long count;

    public LogTemplate(String id, List<String> tokens, long count) {
        this.id = id;
        this.tokens = List.copyOf(tokens);
        this.count = count;
    }

    public String id() {
        return id;
    }

    /** Tokens joined by single spaces. */
    public String template() {
        return String.join(" ", tokens);
    }

    public List<String> tokens() {
        return tokens;
    }

    /** Lines matched so far (restored counts included). */
    public long count() {
        return count;
    }

    @Override
    public String toString() {
        return id + " [" + count + "] " + template();
    }
}
