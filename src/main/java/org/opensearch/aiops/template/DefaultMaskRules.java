/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.List;

/**
 * The masking rules used when none are configured. Each regex is matched inside one
 * whitespace-separated token; quantifiers are bounded or possessive (where that does not change the
 * match), so no rule backtracks more than linearly on long tokens. Each rule has a literal it
 * cannot match without ('@', ':', '-', '.', '/', a digit), so {@link RequiredChars} lets most
 * tokens skip most rules. At one position the first rule in this order wins, so the specific shapes
 * come before plain numbers.
 */
public final class DefaultMaskRules {
    private static final String NOT_ALNUM_BEFORE = "(?<![A-Za-z0-9])";
    private static final String NOT_ALNUM_AFTER = "(?![A-Za-z0-9])";
    private static final String HEX4 = "[0-9A-Fa-f]{1,4}+";

    public static final MaskRule URL =
            new MaskRule("(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,15}+://\\S+", "URL");
    public static final MaskRule EMAIL =
            new MaskRule(
                    "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]{1,63}+(?:\\.[A-Za-z0-9-]{1,63}+)+",
                    "EMAIL");
    public static final MaskRule UUID =
            new MaskRule(
                    NOT_ALNUM_BEFORE
                            + "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
                            + NOT_ALNUM_AFTER,
                    "UUID");

    /** ISO-8601 date, with optional time and zone when written as one token. */
    public static final MaskRule DATE =
            new MaskRule(
                    NOT_ALNUM_BEFORE
                            + "\\d{4}-\\d{2}-\\d{2}(?:[T_]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
                            + NOT_ALNUM_AFTER,
                    "TS");

    /** Clock time 12:34:56(.789). */
    public static final MaskRule TIME =
            new MaskRule(
                    NOT_ALNUM_BEFORE + "\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?" + NOT_ALNUM_AFTER,
                    "TS");

    /** IPv6, full or compressed, optionally in brackets with a port. */
    public static final MaskRule IPV6 =
            new MaskRule(
                    "(?<![0-9A-Fa-f:])\\[?(?:(?:"
                            + HEX4
                            + ":){7}"
                            + HEX4
                            + "|(?:"
                            + HEX4
                            + "(?::"
                            + HEX4
                            + "){0,6})?::(?:"
                            + HEX4
                            + "(?::"
                            + HEX4
                            + "){0,6})?)"
                            + "(?:\\](?::\\d{1,5})?)?(?![0-9A-Fa-f:])",
                    "IP");

    /**
     * IPv4; a port after it is masked as a number, so {@code 10.0.0.1:22} gives {@code <IP>:<NUM>}.
     */
    public static final MaskRule IPV4 =
            new MaskRule("(?<![0-9.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![0-9])", "IP");

    public static final MaskRule HEX_PREFIXED =
            new MaskRule(NOT_ALNUM_BEFORE + "0[xX][0-9A-Fa-f]++" + NOT_ALNUM_AFTER, "HEX");

    /** Absolute paths of at least two segments (a single "/word" is too often a constant). */
    public static final MaskRule PATH =
            new MaskRule("(?<![A-Za-z0-9.:/])(?:/[A-Za-z0-9._~%+@-]++){2,}/?", "PATH");

    /** Integers, decimals, versions and numbers with a short unit (12ms, 3.5KB). */
    public static final MaskRule NUMBER =
            new MaskRule(
                    "(?<![A-Za-z0-9.])[-+]?\\d+(?:\\.\\d+)*(?:[A-Za-z]{1,3})?" + NOT_ALNUM_AFTER,
                    "NUM");

    /**
     * Hex ids of six or more characters with at least one digit (after NUMBER, so plain numbers
     * stay NUM).
     */
    public static final MaskRule HEX_ID =
            new MaskRule(
                    NOT_ALNUM_BEFORE + "(?=[A-Fa-f]*\\d)[0-9A-Fa-f]{6,}+" + NOT_ALNUM_AFTER, "HEX");

    public static final List<MaskRule> RULES =
            List.of(URL, EMAIL, UUID, DATE, TIME, IPV6, IPV4, HEX_PREFIXED, PATH, NUMBER, HEX_ID);

    private DefaultMaskRules() {}
}
