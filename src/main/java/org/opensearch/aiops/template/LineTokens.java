/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.ArrayList;
import java.util.List;

/** A line split on whitespace and control characters, each token with its masked form. */
final class LineTokens {
    /**
     * Tokens beyond this count are kept as one last token, so a huge line cannot make a huge
     * template.
     */
    static final int MAX_TOKENS = 1000;

    final String[] originals;
    final MaskedToken[] masked;
    final String[] texts;

    private LineTokens(String[] originals, MaskedToken[] masked) {
        this.originals = originals;
        this.masked = masked;
        this.texts = new String[masked.length];
        for (int i = 0; i < masked.length; i++) {
            texts[i] = masked[i].text();
        }
    }

    int size() {
        return originals.length;
    }

    static LineTokens of(String line, Masker masker) {
        List<String> tokens = split(line == null ? "" : line);
        String[] originals = tokens.toArray(new String[0]);
        MaskedToken[] masked = new MaskedToken[originals.length];
        for (int i = 0; i < originals.length; i++) {
            masked[i] = masker.mask(originals[i]);
        }
        return new LineTokens(originals, masked);
    }

    static List<String> split(String line) {
        List<String> tokens = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSeparator(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (tokens.size() == MAX_TOKENS - 1) {
                int end = n;
                while (end > i && isSeparator(line.charAt(end - 1))) {
                    end--;
                }
                tokens.add(line.substring(i, end));
                break;
            }
            int start = i;
            while (i < n && !isSeparator(line.charAt(i))) {
                i++;
            }
            tokens.add(line.substring(start, i));
        }
        return tokens;
    }

    static boolean isSeparator(char c) {
        return c <= ' '
                || (c >= 0x7f
                        && (c <= 0x9f || Character.isWhitespace(c) || Character.isSpaceChar(c)));
    }
}
