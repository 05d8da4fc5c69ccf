/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the mask rules to one token. At each position the rules are tried in order and the first
 * that matches there wins. Three things keep this cheap: rules whose required characters ({@link
 * RequiredChars}) are missing from the token are skipped; a table of the rules that can start at a
 * (previous, current) character pair, probed once from the regexes, skips most positions; and
 * results are cached by the token's digit shape (1-9 read as 1), which is exact when no rule tells
 * those digits apart ({@link #digitBlind}). Left-over word runs that hold a digit become {@code
 * <*>}: in logs, digit-bearing words are nearly always values. Not thread-safe (one per parser).
 */
final class Masker {
    /**
     * Tokens longer than this are values as a whole (base64, dumps) and are neither regex-masked
     * nor cached: bounds the time and the template memory that pathological input can take.
     */
    static final int MAX_MASKED_TOKEN_LENGTH = 512;

    /**
     * Token shapes repeat (constant words, numbers of one width), so masking is cached by shape.
     */
    private static final int CACHE_LIMIT = 50_000;

    private static final int[] NO_SPANS = new int[0];

    private final Matcher[] matchers;
    private final String[] maskTokens;
    private final StartTable starts;
    private final long[] present = new long[3];
    private final Map<String, Plan> cache = new HashMap<>();
    private final boolean digitBlind;

    /** Masked text of a token shape and the [start, end) spans of its parameters. */
    private record Plan(String text, int[] spans) {}

    Masker(List<MaskRule> rules) {
        starts = StartTable.of(rules);
        matchers = new Matcher[rules.size()];
        maskTokens = new String[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            matchers[r] =
                    starts.patterns[r]
                            .matcher("")
                            .useTransparentBounds(true)
                            .useAnchoringBounds(false);
            maskTokens[r] = rules.get(r).token();
        }
        digitBlind = rules.stream().allMatch(r -> digitBlind(r.regex()));
    }

    /**
     * Whether a regex treats the digits 1-9 alike (and 0 alike or apart): no digit in its text
     * except quantifier bounds, {@code 0-9} ranges and a literal 0. Then a token and its shape
     * match at the same places.
     */
    static boolean digitBlind(String regex) {
        String rest = regex.replaceAll("\\{[0-9]*(,[0-9]*)?\\}", "").replace("0-9", "");
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Which rules can match at a position, given the character there and the one before (ASCII
     * only; anything else tries every rule). Probed once per rule list from the regexes themselves,
     * then shared by all parsers.
     */
    private static final class StartTable {
        private static final int TOKEN_START = 128;
        private static final Map<List<MaskRule>, StartTable> SHARED = new ConcurrentHashMap<>();

        final Pattern[] patterns;
        final long[][] required;

        /**
         * {@code allowed[previous * 128 + c]}: bit set of rules (by index) that may match there;
         * beyond 64 rules, all.
         */
        final long[] allowed = new long[129 * 128];

        private StartTable(List<MaskRule> rules) {
            patterns = new Pattern[rules.size()];
            required = new long[rules.size()][];
            for (int r = 0; r < rules.size(); r++) {
                patterns[r] = Pattern.compile(rules.get(r).regex());
                required[r] = RequiredChars.of(rules.get(r).regex());
                // a positive lookbehind may need more than the one previous character the probe
                // shows
                boolean probeable =
                        r < 64 && !rules.get(r).regex().contains("(?<=") && probe(patterns[r], r);
                if (!probeable) {
                    // a rule that needs more context than one character (or the 65th rule): no
                    // shortcut
                    for (int i = 0; i < allowed.length; i++) {
                        allowed[i] |= r < 64 ? 1L << r : -1L;
                    }
                }
            }
        }

        static StartTable of(List<MaskRule> rules) {
            return SHARED.computeIfAbsent(List.copyOf(rules), StartTable::new);
        }

        private boolean probe(Pattern pattern, int r) {
            boolean any = false;
            char[] text = new char[2];
            Matcher m = pattern.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
            for (int previous = 0; previous <= TOKEN_START; previous++) {
                for (char c = 0; c < 128; c++) {
                    text[0] = (char) previous;
                    text[1] = c;
                    int from = previous == TOKEN_START ? 1 : 0;
                    m.reset(new String(text, from, 2 - from)).region(1 - from, 2 - from);
                    if (m.lookingAt() || m.hitEnd()) {
                        allowed[previous * 128 + c] |= 1L << r;
                        any |= previous == TOKEN_START;
                    }
                }
            }
            return any;
        }

        /** Rules that may match at {@code i}, as a bit set (-1: all). */
        long at(String token, int i) {
            char c = token.charAt(i);
            int previous = i == 0 ? TOKEN_START : token.charAt(i - 1);
            return c < 128 && previous <= TOKEN_START ? allowed[previous * 128 + c] : -1L;
        }
    }

    MaskedToken mask(String token) {
        if (token.length() > MAX_MASKED_TOKEN_LENGTH) {
            return new MaskedToken(TemplateToken.WILDCARD, new String[] {token});
        }
        String key = digitBlind ? shape(token) : (hasDigit(token) ? null : token);
        Plan plan = key == null ? null : cache.get(key);
        if (plan == null) {
            plan = plan(token);
            if (key != null) {
                if (cache.size() >= CACHE_LIMIT) {
                    cache.clear();
                }
                cache.put(key, plan);
            }
        }
        if (plan.spans.length == 0) {
            return new MaskedToken(plan.text, null);
        }
        String[] parameters = new String[plan.spans.length / 2];
        for (int p = 0; p < parameters.length; p++) {
            parameters[p] = token.substring(plan.spans[2 * p], plan.spans[2 * p + 1]);
        }
        return new MaskedToken(plan.text, parameters);
    }

    /** The token with digits 1-9 as 1; the token itself when it has none. */
    private static String shape(String token) {
        int n = token.length();
        int i = 0;
        while (i < n && !(token.charAt(i) >= '1' && token.charAt(i) <= '9')) {
            i++;
        }
        if (i == n) {
            return token;
        }
        char[] chars = token.toCharArray();
        for (; i < n; i++) {
            if (chars[i] >= '1' && chars[i] <= '9') {
                chars[i] = '1';
            }
        }
        return new String(chars);
    }

    private Plan plan(String token) {
        int n = token.length();
        if (matchers.length == 0) {
            return hasDigit(token)
                    ? new Plan(TemplateToken.WILDCARD, new int[] {0, n})
                    : new Plan(token, NO_SPANS);
        }
        long gate = applicableRules(token);
        StringBuilder text = new StringBuilder(n);
        IntList spans = new IntList();
        long reset = 0;
        int last = 0;
        int i = 0;
        while (gate != 0 && i < n) {
            long candidates = starts.at(token, i) & gate;
            int end = -1;
            int rule = -1;
            for (int r = 0; candidates != 0 && r < matchers.length; r++) {
                if (r < 64 && (candidates & (1L << r)) == 0) {
                    continue;
                }
                Matcher m = matchers[r];
                if (r >= 64 || (reset & (1L << r)) == 0) {
                    m.reset(token);
                    reset |= r < 64 ? 1L << r : 0;
                }
                m.region(i, n);
                if (m.lookingAt() && m.end() > i) {
                    end = m.end();
                    rule = r;
                    break;
                }
            }
            if (rule < 0) {
                i++;
                continue;
            }
            appendGap(token, last, i, text, spans);
            text.append(maskTokens[rule]);
            spans.add(i, end);
            last = i = end;
        }
        if (spans.size == 0 && !hasDigit(token)) {
            return new Plan(token, NO_SPANS);
        }
        appendGap(token, last, n, text, spans);
        return new Plan(text.toString(), spans.toArray());
    }

    /** Growable int pairs, to keep boxing off the masking path. */
    private static final class IntList {
        int[] values = new int[8];
        int size;

        void add(int a, int b) {
            if (size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = a;
            values[size++] = b;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /**
     * Rules (as a bit set; -1 beyond 64 rules) whose required characters all occur in the token.
     */
    private long applicableRules(String token) {
        present[0] = present[1] = present[2] = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 128) {
                RequiredChars.add(present, c);
                if (c >= '0' && c <= '9') {
                    RequiredChars.add(present, RequiredChars.DIGIT);
                }
            }
        }
        if (matchers.length > 64) {
            return -1L;
        }
        long gate = 0;
        for (int r = 0; r < matchers.length; r++) {
            if (RequiredChars.satisfied(starts.required[r], present)) {
                gate |= 1L << r;
            }
        }
        return gate;
    }

    /**
     * Copies unmasked text, turning each run of word characters (with '.' and '-') that holds a
     * digit into {@code <*>}.
     */
    private static void appendGap(
            String token, int from, int to, StringBuilder text, IntList spans) {
        int i = from;
        while (i < to) {
            if (!isRunChar(token.charAt(i))) {
                text.append(token.charAt(i++));
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < to && isRunChar(token.charAt(i))) {
                char c = token.charAt(i++);
                digit |= c >= '0' && c <= '9';
            }
            if (digit) {
                text.append(TemplateToken.WILDCARD);
                spans.add(start, i);
            } else {
                text.append(token, start, i);
            }
        }
    }

    private static boolean isRunChar(char c) {
        return c == '.' || c == '-' || TemplateToken.isWordChar(c);
    }

    static boolean hasDigit(String s) {
        return hasDigit(s, 0, s.length());
    }

    private static boolean hasDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= '9' && c >= '0') {
                return true;
            }
        }
        return false;
    }
}
