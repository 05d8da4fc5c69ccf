package org.opensearch.aiops.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the mask rules to one token with a single compiled alternation, so a token is scanned once whatever the
 * number of rules; the earliest match wins, and among matches at one position the first rule. Left-over word runs
 * that hold a digit become {@code <*>}: in logs, digit-bearing words are nearly always values.
 * Not thread-safe (one per parser).
 */
final class Masker {
    /** Tokens longer than this are not regex-masked: bounds the cost of pathological input. */
    static final int MAX_MASKED_TOKEN_LENGTH = 512;
    /** Digit-free tokens repeat (they are mostly constant words), so their masking is cached. */
    private static final int CACHE_LIMIT = 50_000;
    private static final String[] NO_PARAMETERS = new String[0];

    private final Pattern pattern;
    private final String[] groupNames;
    private final String[] maskTokens;
    private final Map<String, MaskedToken> wordCache = new HashMap<>();

    Masker(List<MaskRule> rules) {
        groupNames = new String[rules.size()];
        maskTokens = new String[rules.size()];
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            groupNames[i] = "m" + i;
            maskTokens[i] = rules.get(i).token();
            if (i > 0) {
                regex.append('|');
            }
            regex.append("(?<").append(groupNames[i]).append('>').append(rules.get(i).regex()).append(')');
        }
        pattern = rules.isEmpty() ? null : Pattern.compile(regex.toString());
    }

    MaskedToken mask(String token) {
        if (!hasDigit(token)) {
            MaskedToken cached = wordCache.get(token);
            if (cached == null) {
                cached = maskUncached(token);
                if (wordCache.size() >= CACHE_LIMIT) {
                    wordCache.clear();
                }
                wordCache.put(token, cached);
            }
            return cached;
        }
        return maskUncached(token);
    }

    private MaskedToken maskUncached(String token) {
        if (pattern == null || token.length() > MAX_MASKED_TOKEN_LENGTH) {
            return hasDigit(token) ? new MaskedToken(TemplateToken.WILDCARD, new String[] { token }) : new MaskedToken(token, null);
        }
        Matcher m = pattern.matcher(token);
        StringBuilder text = null;
        List<String> parameters = null;
        int last = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue; // an empty match masks nothing
            }
            if (text == null) {
                text = new StringBuilder(token.length());
                parameters = new ArrayList<>(2);
            }
            appendGap(token, last, m.start(), text, parameters);
            text.append(maskTokens[matchedRule(m)]);
            parameters.add(token.substring(m.start(), m.end()));
            last = m.end();
        }
        if (text == null) {
            if (!hasDigit(token)) {
                return new MaskedToken(token, null);
            }
            text = new StringBuilder(token.length());
            parameters = new ArrayList<>(2);
        }
        appendGap(token, last, token.length(), text, parameters);
        return new MaskedToken(text.toString(), parameters.toArray(NO_PARAMETERS));
    }

    /** Copies unmasked text, turning each run of word characters (with '.' and '-') that holds a digit into {@code <*>}. */
    private static void appendGap(String token, int from, int to, StringBuilder text, List<String> parameters) {
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
                parameters.add(token.substring(start, i));
            } else {
                text.append(token, start, i);
            }
        }
    }

    private static boolean isRunChar(char c) {
        return c == '.' || c == '-' || TemplateToken.isWordChar(c);
    }

    private int matchedRule(Matcher m) {
        for (int i = 0; i < groupNames.length; i++) {
            if (m.start(groupNames[i]) >= 0) {
                return i;
            }
        }
        throw new IllegalStateException("match without a rule group");
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
