/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class DrainConfigTests extends OpenSearchTestCase {

    public void testDefaults() {
        DrainConfig c = DrainConfig.defaults();
        assertEquals(0.4, c.similarityThreshold(), 0);
        assertEquals(4, c.depth());
        assertEquals(100, c.maxChildren());
        assertEquals(10_000, c.maxTemplates());
        assertTrue(c.extractParameters());
        assertEquals(DefaultMaskRules.RULES, c.masking());
        assertEquals(c.masking(), DrainConfig.fromMap(Map.of()).masking());
    }

    public void testFromMapReadsEveryOption() {
        Map<String, Object> options = new HashMap<>();
        options.put("similarity_threshold", 0.6);
        options.put("depth", 5);
        options.put("max_children", 50);
        options.put("max_templates", 123);
        options.put("masking", List.of(Map.of("regex", "\\d+", "mask", "NUM")));
        options.put("extract_parameters", false);
        DrainConfig c = DrainConfig.fromMap(options);
        assertEquals(0.6, c.similarityThreshold(), 0);
        assertEquals(5, c.depth());
        assertEquals(50, c.maxChildren());
        assertEquals(123, c.maxTemplates());
        assertEquals(List.of(new MaskRule("\\d+", "NUM")), c.masking());
        assertFalse(c.extractParameters());
    }

    public void testErrorsNameTheOption() {
        assertError(
                Map.of("similarity_threshold", 1.5),
                "[similarity_threshold] must be between 0 and 1");
        assertError(
                Map.of("similarity_threshold", "high"), "[similarity_threshold] must be a number");
        assertError(Map.of("depth", 2), "[depth]");
        assertError(Map.of("depth", 4.5), "[depth] must be an integer");
        assertError(Map.of("max_children", 0), "[max_children]");
        assertError(Map.of("max_templates", -1), "[max_templates]");
        assertError(Map.of("extract_parameters", "yes"), "[extract_parameters] must be a boolean");
        assertError(Map.of("masking", "x"), "[masking] must be a list");
        assertError(Map.of("masking", List.of("x")), "[masking][0] must be an object");
        List<Object> rules =
                List.of(
                        Map.of("regex", "a", "mask", "A"),
                        Map.of("regex", "b", "mask", "B"),
                        Map.of("regex", "(unclosed", "mask", "C"));
        assertError(Map.of("masking", rules), "[masking][2].regex is not a valid regex: ");
        assertError(
                Map.of("masking", List.of(Map.of("regex", "a", "mask", "has space"))),
                "[masking][0].mask");
        assertError(Map.of("masking", List.of(Map.of("mask", "A"))), "[masking][0].regex");
        assertError(
                Map.of("masking", List.of(Map.of("regex", "a", "mask", "A", "flags", "i"))),
                "[masking][0] has unknown field [flags]");
        assertError(Map.of("similarity", 0.5), "unknown option [similarity]");
    }

    private static void assertError(Map<String, Object> options, String expected) {
        IllegalArgumentException e =
                expectThrows(IllegalArgumentException.class, () -> DrainConfig.fromMap(options));
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }
}
