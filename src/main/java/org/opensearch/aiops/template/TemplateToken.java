/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Operations on one template token, which may mix literal text and placeholders ({@code <*>},
 * {@code <NUM>}...): matching a line token against it, generalising it to cover another token, and
 * the key the prefix tree routes by. Generalisation works on the token's pieces (word runs and
 * single punctuation characters), so {@code uid=1} and {@code uid=2} give {@code uid=<*>} rather
 * than losing the key.
 */
final class TemplateToken {
    static final String WILDCARD = "<*>";

    private TemplateToken() {}

    /** {@code <*>} or a bare mask token like {@code <IP>}: the whole token is a value. */
    static boolean isWildcard(String token) {
        int n = token.length();
        return n >= 3
                && token.charAt(0) == '<'
                && token.charAt(n - 1) == '>'
                && placeholderEnd(token, 0) == n;
    }

    /**
     * Whether the template token covers the line token, every placeholder standing for any text.
     */
    static boolean covers(String template, String line) {
        if (template.equals(line)) {
            return true;
        }
        if (template.indexOf('<') < 0) {
            return false;
        }
        return capture(template, line, null);
    }

    /**
     * Matches {@code line} against the template token, each placeholder taking the shortest text up
     * to the next literal; appends the texts behind placeholders to {@code out} when it is not
     * null.
     */
    static boolean capture(String template, String line, List<String> out) {
        int t = 0;
        int l = 0;
        int tn = template.length();
        int ln = line.length();
        int added = 0;
        while (t < tn) {
            int end = template.charAt(t) == '<' ? placeholderEnd(template, t) : -1;
            if (end < 0) {
                if (l >= ln || template.charAt(t) != line.charAt(l)) {
                    return rollback(out, added);
                }
                t++;
                l++;
                continue;
            }
            t = end;
            int literalEnd = t;
            while (literalEnd < tn
                    && !(template.charAt(literalEnd) == '<'
                            && placeholderEnd(template, literalEnd) > 0)) {
                literalEnd++;
            }
            int valueEnd;
            if (literalEnd == t) {
                valueEnd =
                        t == tn ? ln : l + Math.min(1, ln - l); // adjacent placeholders: give one
                // char to the first
            } else {
                valueEnd = line.indexOf(template.substring(t, literalEnd), l);
                if (valueEnd < 0) {
                    return rollback(out, added);
                }
                if (literalEnd == tn) {
                    // the literal ends the template, so it must end the line too
                    valueEnd = ln - (literalEnd - t);
                    if (valueEnd < l
                            || !line.startsWith(template.substring(t, literalEnd), valueEnd)) {
                        return rollback(out, added);
                    }
                }
            }
            if (out != null) {
                out.add(line.substring(l, valueEnd));
                added++;
            }
            l = valueEnd;
        }
        return l == ln || rollback(out, added);
    }

    private static boolean rollback(List<String> out, int added) {
        for (int i = 0; out != null && i < added; i++) {
            out.remove(out.size() - 1);
        }
        return false;
    }

    /**
     * The token generalised to cover {@code other} too: same pieces kept, differing word pieces
     * become {@code <*>}.
     */
    static String generalise(String template, String other) {
        if (template.equals(other) || template.equals(WILDCARD)) {
            return template;
        }
        if (isWildcard(template) && isWildcard(other)) {
            return WILDCARD;
        }
        List<String> a = pieces(template);
        List<String> b = pieces(other);
        if (a.size() != b.size() || a.size() < 2) {
            return framedWildcard(template, other);
        }
        StringBuilder out = new StringBuilder(template.length());
        boolean literalWord = false;
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean word = isWordPiece(x);
            if (word != isWordPiece(y) || (!word && !x.equals(y))) {
                return framedWildcard(
                        template, other); // different punctuation: a different shape of token
            }
            if (x.equals(y) && !isWildcard(x)) {
                out.append(x);
                literalWord |= word;
            } else if (x.equals(y)) {
                out.append(x);
            } else {
                out.append(WILDCARD);
            }
        }
        return literalWord ? out.toString() : framedWildcard(template, other);
    }

    /**
     * {@code <*>} inside the punctuation both tokens start and end with: {@code "[a]," + "[b]," ->
     * "[<*>],"}.
     */
    private static String framedWildcard(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int head = 0;
        while (head < n && a.charAt(head) == b.charAt(head) && isFrame(a.charAt(head))) {
            head++;
        }
        int tail = 0;
        while (tail < n - head
                && a.charAt(a.length() - 1 - tail) == b.charAt(b.length() - 1 - tail)
                && isFrame(a.charAt(a.length() - 1 - tail))) {
            tail++;
        }
        if (head == 0 && tail == 0) {
            return WILDCARD;
        }
        return a.substring(0, head) + WILDCARD + a.substring(a.length() - tail);
    }

    private static boolean isFrame(char c) {
        return !isWordChar(c) && c != '<' && c != '>' && c != '*';
    }

    /**
     * Prefix-tree key: values route together, {@code key=value} tokens by their key, masked tokens
     * by their literal head.
     */
    static String routeKey(String token) {
        if (isWildcard(token)) {
            return WILDCARD;
        }
        int eq = token.indexOf('=');
        if (eq > 0) {
            return token.substring(0, eq + 1);
        }
        int lt = token.indexOf('<');
        return lt < 0 ? token : token.substring(0, lt) + WILDCARD;
    }

    /** Word runs (letters, digits, '_', or a whole placeholder) and single other characters. */
    static List<String> pieces(String token) {
        List<String> out = new ArrayList<>();
        int n = token.length();
        int i = 0;
        while (i < n) {
            char c = token.charAt(i);
            if (c == '<') {
                int end = placeholderEnd(token, i);
                if (end > 0) {
                    out.add(token.substring(i, end));
                    i = end;
                    continue;
                }
            }
            if (isWordChar(c)) {
                int start = i;
                while (i < n && isWordChar(token.charAt(i))) {
                    i++;
                }
                out.add(token.substring(start, i));
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    private static boolean isWordPiece(String piece) {
        return isWordChar(piece.charAt(0)) || (piece.length() > 2 && piece.charAt(0) == '<');
    }

    static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /**
     * End index of a placeholder starting at {@code from} ({@code <NAME>} or {@code <*>}), or -1.
     */
    static int placeholderEnd(String s, int from) {
        int n = s.length();
        int i = from + 1;
        while (i < n && i - from <= 33) {
            char c = s.charAt(i);
            if (c == '>') {
                return i > from + 1 ? i + 1 : -1;
            }
            if (!(c == '*'
                    || c == '_'
                    || (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9'))) {
                return -1;
            }
            i++;
        }
        return -1;
    }
}
