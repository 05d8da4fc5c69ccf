/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

/**
 * The ASCII characters a regex cannot match without (its mandatory literals, and "some digit" for a
 * mandatory {@code \d}), read from the regex syntax. Conservative: any construct it does not fully
 * understand contributes nothing, and inline flags (case-insensitivity) make it give up, so a token
 * lacking a required character can safely skip the rule. This lets a one-pass scan of a token rule
 * out most masks before any regex runs.
 */
final class RequiredChars {
    /** Bits 0-127: ASCII characters; {@link #DIGIT}: at least one of 0-9. */
    static final int DIGIT = 128;

    private final String regex;
    private int pos;

    private RequiredChars(String regex) {
        this.regex = regex;
    }

    /**
     * Three words of a 129-bit set: ASCII characters plus {@link #DIGIT}; all zero if nothing is
     * known.
     */
    static long[] of(String regex) {
        try {
            RequiredChars parser = new RequiredChars(regex);
            long[] required = parser.alternation();
            return parser.pos == regex.length() ? required : new long[3];
        } catch (GiveUp | RuntimeException e) {
            return new long[3];
        }
    }

    /** Whether every required character is present. */
    static boolean satisfied(long[] required, long[] present) {
        return (required[0] & ~present[0]) == 0
                && (required[1] & ~present[1]) == 0
                && (required[2] & ~present[2]) == 0;
    }

    static void add(long[] set, int bit) {
        set[bit >> 6] |= 1L << (bit & 63);
    }

    private static final class GiveUp extends Exception {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    /** Branches separated by '|': only what every branch requires. */
    private long[] alternation() throws GiveUp {
        long[] result = sequence();
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            long[] branch = sequence();
            for (int i = 0; i < 3; i++) {
                result[i] &= branch[i];
            }
        }
        return result;
    }

    private long[] sequence() throws GiveUp {
        long[] result = new long[3];
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            long[] atom = atom();
            if (!optionalQuantifier()) {
                for (int i = 0; i < 3; i++) {
                    result[i] |= atom[i];
                }
            }
        }
        return result;
    }

    private long[] atom() throws GiveUp {
        long[] set = new long[3];
        char c = regex.charAt(pos++);
        switch (c) {
            case '\\' -> escape(set);
            case '[' -> skipClass();
            case '(' -> {
                boolean keep = groupOpening();
                long[] inner = alternation();
                if (pos >= regex.length() || regex.charAt(pos) != ')') {
                    throw new GiveUp();
                }
                pos++;
                if (keep) {
                    return inner;
                }
            }
            case '.', '^', '$' -> {}
            case '*', '+', '?', '{', ')' -> throw new GiveUp();
            default -> {
                if (c < 128) {
                    add(set, c);
                }
            }
        }
        return set;
    }

    private void escape(long[] set) throws GiveUp {
        if (pos >= regex.length()) {
            throw new GiveUp();
        }
        char e = regex.charAt(pos++);
        if (e == 'd') {
            add(set, DIGIT);
        } else if (e == 'p'
                || e == 'P'
                || e == 'x'
                || e == 'u'
                || e == 'c'
                || e == 'k'
                || e == 'Q'
                || e == 'N'
                || Character.isDigit(e)) {
            throw new GiveUp(); // escapes with arguments: rare in masks, not worth reading
        } else if (!Character.isLetter(e) && e < 128) {
            add(set, e);
        }
    }

    /**
     * Reads what follows '(' ; returns whether the group's content counts (false for lookarounds).
     */
    private boolean groupOpening() throws GiveUp {
        if (pos >= regex.length() || regex.charAt(pos) != '?') {
            return true;
        }
        pos++;
        char k = regex.charAt(pos++);
        if (k == ':' || k == '>') {
            return true;
        }
        if (k == '=' || k == '!') {
            return false;
        }
        if (k == '<') {
            char n = regex.charAt(pos);
            if (n == '=' || n == '!') {
                pos++;
                return false;
            }
            int end = regex.indexOf('>', pos);
            if (end < 0) {
                throw new GiveUp();
            }
            pos = end + 1;
            return true;
        }
        throw new GiveUp(); // inline flags such as (?i) change what literals match
    }

    private void skipClass() throws GiveUp {
        int depth = 1;
        if (pos < regex.length() && regex.charAt(pos) == '^') {
            pos++;
        }
        if (pos < regex.length() && regex.charAt(pos) == ']') {
            pos++; // a leading ']' is literal
        }
        while (pos < regex.length()) {
            char c = regex.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return;
            }
        }
        throw new GiveUp();
    }

    /** Consumes a quantifier after an atom; true if it allows zero occurrences. */
    private boolean optionalQuantifier() throws GiveUp {
        if (pos >= regex.length()) {
            return false;
        }
        char q = regex.charAt(pos);
        boolean optional;
        if (q == '?' || q == '*') {
            pos++;
            optional = true;
        } else if (q == '+') {
            pos++;
            optional = false;
        } else if (q == '{') {
            int end = regex.indexOf('}', pos);
            if (end < 0) {
                throw new GiveUp();
            }
            String min = regex.substring(pos + 1, end).split(",", -1)[0].trim();
            optional = min.isEmpty() || Integer.parseInt(min) == 0;
            pos = end + 1;
        } else {
            return false;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++;
        }
        return optional;
    }
}
