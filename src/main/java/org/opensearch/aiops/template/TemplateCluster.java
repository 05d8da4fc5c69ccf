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
            wildcard[i] = MaskedToken.isWildcard(newTokens[i]);
            if (!wildcard[i]) {
                constants++;
            }
        }
        text = String.join(" ", newTokens);
    }

    /** Share of this template's constant tokens that the line repeats at the same place; 1 when it has none. */
    double similarity(String[] line) {
        if (constants == 0) {
            return 1.0;
        }
        int same = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (!wildcard[i] && tokens[i].equals(line[i])) {
                same++;
            }
        }
        return (double) same / constants;
    }

    /** This template generalised to cover the line (positions that differ become {@code <*>}), or null if it already does. */
    String[] generalisedFor(String[] line) {
        String[] merged = null;
        for (int i = 0; i < tokens.length; i++) {
            if (!tokens[i].equals(line[i]) && !tokens[i].equals(MaskedToken.WILDCARD)) {
                if (merged == null) {
                    merged = Arrays.copyOf(tokens, tokens.length);
                }
                merged[i] = MaskedToken.WILDCARD;
            }
        }
        return merged;
    }

    LogTemplate snapshot() {
        return new LogTemplate(id, Arrays.asList(tokens), count);
    }
}
