/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.Arrays;
import java.util.List;

import org.opensearch.test.OpenSearchTestCase;

public class MaskerTests extends OpenSearchTestCase {
    private final Masker masker = new Masker(DefaultMaskRules.RULES);

    private void assertMasked(String token, String text, String... parameters) {
        MaskedToken m = masker.mask(token);
        assertEquals(token, text, m.text());
        assertEquals(
                token,
                List.of(parameters),
                m.parameters() == null ? List.of() : Arrays.asList(m.parameters()));
    }

    public void testDefaultMasks() {
        assertMasked("10.0.0.1", "<IP>", "10.0.0.1");
        assertMasked("/10.250.19.102:50010", "/<IP>:<NUM>", "10.250.19.102", "50010");
        assertMasked("fe80::1ff:fe23:4567:890a", "<IP>", "fe80::1ff:fe23:4567:890a");
        assertMasked("[2001:db8::1]:8080", "<IP>", "[2001:db8::1]:8080");
        assertMasked(
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                "<IP>",
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334");
        assertMasked("[instance:", "[instance:");
        assertMasked(
                "b8a5c5e2-0f1c-4b5e-9a3e-2f6d0c1b7a90]",
                "<UUID>]",
                "b8a5c5e2-0f1c-4b5e-9a3e-2f6d0c1b7a90");
        assertMasked("0x7f3a9c", "<HEX>", "0x7f3a9c");
        assertMasked("deadbeef42", "<HEX>", "deadbeef42");
        assertMasked("/var/log/messages", "<PATH>", "/var/log/messages");
        assertMasked("https://example.com/a?b=1", "<URL>", "https://example.com/a?b=1");
        assertMasked("<jane.doe@example.org>", "<<EMAIL>>", "jane.doe@example.org");
        assertMasked("2015-10-18T18:01:47.978Z", "<TS>", "2015-10-18T18:01:47.978Z");
        assertMasked("2016-09-28", "<TS>", "2016-09-28");
        assertMasked("18:01:47,123", "<TS>", "18:01:47,123");
        assertMasked("12345", "<NUM>", "12345");
        assertMasked("-3.25", "<NUM>", "-3.25");
        assertMasked("12ms", "<NUM>", "12ms");
        assertMasked("uid=0", "uid=<NUM>", "0");
        assertMasked("blk_-1608999687919862906", "blk_<NUM>", "-1608999687919862906");
        assertMasked("(size:", "(size:");
        assertMasked("node-D1", "<*>", "node-D1");
        assertMasked("terminating", "terminating");
    }

    public void testCachedShapesGiveTheOriginalParameters() {
        assertMasked("port=8080", "port=<NUM>", "8080");
        assertMasked("port=9191", "port=<NUM>", "9191");
        assertMasked("0x10", "<HEX>", "0x10");
        assertMasked("1x10", "<*>", "1x10");
    }

    public void testDigitBlindRegexes() {
        for (MaskRule rule : DefaultMaskRules.RULES) {
            assertTrue(rule.regex(), Masker.digitBlind(rule.regex()));
        }
        assertFalse(Masker.digitBlind("[1-5]+"));
        assertFalse(Masker.digitBlind("(a)\\1"));
        assertTrue(Masker.digitBlind("\\d{1,3}[0-9a-f]+0"));
    }

    public void testCustomRulesWithoutShortcuts() {
        Masker custom =
                new Masker(
                        List.of(
                                new MaskRule("(?<=user)\\w+", "USER"),
                                new MaskRule("(?i)id[0-5]", "ID")));
        assertEquals("user<USER>", custom.mask("useralice").text());
        assertEquals("<ID>", custom.mask("ID3").text());
        assertEquals("<*>", custom.mask("ID7").text());
        Masker lookbehind = new Masker(List.of(new MaskRule("(?<=ab)c|x", "C")));
        assertEquals("ab<C>", lookbehind.mask("abc").text());
    }

    public void testRequiredChars() {
        long[] email = RequiredChars.of(DefaultMaskRules.EMAIL.regex());
        long[] present = new long[3];
        RequiredChars.add(present, 'a');
        assertFalse(RequiredChars.satisfied(email, present));
        RequiredChars.add(present, '@');
        RequiredChars.add(present, '.');
        assertTrue(RequiredChars.satisfied(email, present));
        assertTrue(
                "alternation keeps only the common part",
                RequiredChars.satisfied(RequiredChars.of("a:|b:"), colonOnly()));
        assertTrue(
                "inline flags give up",
                RequiredChars.satisfied(RequiredChars.of("(?i)x:"), new long[3]));
        assertTrue(
                "optional atoms require nothing",
                RequiredChars.satisfied(RequiredChars.of("x?y*z{0,2}"), new long[3]));
    }

    private static long[] colonOnly() {
        long[] set = new long[3];
        RequiredChars.add(set, ':');
        return set;
    }

    /**
     * Functional only: speed is for {@code ./aiops bench parse}; a backtracking regex would hit the
     * suite timeout.
     */
    public void testLongTokensDoNotBacktrack() {
        for (String token : new String[] {"a", "1.", "a@", "f:"}) {
            String line = token.repeat(Masker.MAX_MASKED_TOKEN_LENGTH / token.length());
            assertNotNull(line, masker.mask(line).text());
        }
        assertEquals("<*>", masker.mask("7".repeat(10_000)).text());
    }
}
