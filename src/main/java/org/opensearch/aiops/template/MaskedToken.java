package org.opensearch.aiops.template;

/**
 * One whitespace token after masking: its template text (e.g. {@code uid=<NUM>} or {@code <*>}) and the original
 * substrings its mask tokens stand for, in order ({@code null} when it has none or is a whole-token variable).
 */
record MaskedToken(String text, String[] parameters, boolean variable) {
    static final String WILDCARD = "<*>";

    /** Whether a template token stands for a value as a whole: {@code <*>} or a bare mask token like {@code <IP>}. */
    static boolean isWildcard(String token) {
        int n = token.length();
        if (n < 3 || token.charAt(0) != '<' || token.charAt(n - 1) != '>') {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = token.charAt(i);
            if (!(c == '*' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
