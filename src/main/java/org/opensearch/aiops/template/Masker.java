package org.opensearch.aiops.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the mask rules to one token with a single compiled alternation, so a token is scanned once whatever the
 * number of rules; the earliest match wins, and among matches at one position the first rule. A token that still
 * holds a digit outside its masks becomes {@code <*>}: in logs, digit-bearing words are nearly always values.
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
            return hasDigit(token) ? variable(token) : new MaskedToken(token, null, false);
        }
        Matcher m = pattern.matcher(token);
        if (!m.find()) {
            return hasDigit(token) ? variable(token) : new MaskedToken(token, null, false);
        }
        StringBuilder text = new StringBuilder(token.length());
        List<String> parameters = new ArrayList<>(2);
        int last = 0;
        do {
            if (m.end() == m.start()) {
                continue; // an empty match masks nothing
            }
            if (hasDigit(token, last, m.start())) {
                return variable(token);
            }
            text.append(token, last, m.start()).append(maskTokens[matchedRule(m)]);
            parameters.add(token.substring(m.start(), m.end()));
            last = m.end();
        } while (m.find());
        if (hasDigit(token, last, token.length())) {
            return variable(token);
        }
        text.append(token, last, token.length());
        return new MaskedToken(text.toString(), parameters.isEmpty() ? null : parameters.toArray(NO_PARAMETERS), false);
    }

    private int matchedRule(Matcher m) {
        for (int i = 0; i < groupNames.length; i++) {
            if (m.start(groupNames[i]) >= 0) {
                return i;
            }
        }
        throw new IllegalStateException("match without a rule group");
    }

    private static MaskedToken variable(String token) {
        return new MaskedToken(MaskedToken.WILDCARD, null, true);
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
