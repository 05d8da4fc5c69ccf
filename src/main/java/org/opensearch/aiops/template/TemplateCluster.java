/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.Arrays;

/** A learned template inside the parser (mutable; {@link LogTemplate} is its public snapshot). */
final class TemplateCluster {
    String id;
    String[] tokens;
    boolean[] wildcard;
    int constants;
    String text;
    long count;

    TemplateCluster(String id, String[] tokens, long count) {
        this.id = id;
        this.count = count;
        setTokens(tokens);
    }

    void setTokens(String[] newTokens) {
        tokens = newTokens;
        wildcard = new boolean[newTokens.length];
        constants = 0;
        for (int i = 0; i < newTokens.length; i++) {
            wildcard[i] = TemplateToken.isWildcard(newTokens[i]);
            if (!wildcard[i]) {
                constants++;
            }
        }
        text = String.join(" ", newTokens);
    }

    /**
     * Share of constant tokens that template and line have in common, over the larger of their
     * constant counts (so a bare {@code <*>} template does not swallow every line of its length); 1
     * when neither has any.
     */
    double similarity(String[] line, int lineConstants) {
        int denominator = Math.max(constants, lineConstants);
        if (denominator == 0) {
            return 1.0;
        }
        int same = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (!wildcard[i] && TemplateToken.covers(tokens[i], line[i])) {
                same++;
            }
        }
        return (double) same / denominator;
    }

    /**
     * The one position where template and line hold different plain words (no placeholder on either
     * side), -1 if there is none, {@link #SEVERAL} if there are more.
     */
    int wordMismatch(String[] line) {
        int found = -1;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            String l = line[i];
            if (!t.equals(l) && t.indexOf('<') < 0 && l.indexOf('<') < 0) {
                if (found >= 0) {
                    return SEVERAL;
                }
                found = i;
            }
        }
        return found;
    }

    static final int SEVERAL = -2;

    /** This template generalised to cover the line, or null if it already does. */
    String[] generalisedFor(String[] line) {
        String[] merged = null;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].equals(line[i])) {
                continue;
            }
            String general = TemplateToken.generalise(tokens[i], line[i]);
            if (!general.equals(tokens[i])) {
                if (merged == null) {
                    merged = Arrays.copyOf(tokens, tokens.length);
                }
                merged[i] = general;
            }
        }
        return merged;
    }

    LogTemplate snapshot() {
        return new LogTemplate(id, Arrays.asList(tokens), count);
    }
}
