/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.test.OpenSearchTestCase;

public class CodePathMemoryTests extends OpenSearchTestCase {

    private static CallEvent call(String operation, List<String> templates) {
        return new CallEvent(
                "t", "s", "p", "o-1", "order", "b-1", "basic", operation, "c", 0, 2, 1, false,
                Map.of(), null, templates, null, null);
    }

    public void testJaccard() {
        assertEquals(1f, CodePathMemory.jaccard(List.of(), List.of()), 0f);
        assertEquals(0f, CodePathMemory.jaccard(List.of(1), List.of()), 0f);
        assertEquals(0.5f, CodePathMemory.jaccard(List.of(1, 2), List.of(1, 2, 3, 4)), 1e-6f);
    }

    public void testNewOrMissingStepsAreLessFamiliarThanAKnownPath() {
        CodePathMemory memory = new CodePathMemory();
        for (int i = 0; i < 3; i++) {
            memory.add(call("query", List.of("a", "b", "c", "d")));
        }
        memory.add(call("query", List.of("a", "b", "x")));
        assertEquals(1f, memory.familiarity(call("query", List.of("a", "b", "c", "d")), true), 0f);
        assertEquals(
                "a path seen once is compared with the others when leaving it out",
                0.4f,
                memory.familiarity(call("query", List.of("a", "b", "x")), true),
                1e-6f);
        assertEquals(1f, memory.familiarity(call("query", List.of("a", "b", "x")), false), 0f);
        assertEquals(
                "an error line added",
                0.8f,
                memory.familiarity(call("query", List.of("a", "b", "c", "d", "err")), false),
                1e-6f);
        assertEquals(
                "returned early: nothing logged",
                0f,
                memory.familiarity(call("query", List.of()), false),
                0f);
        assertEquals(
                CodePathMemory.UNKNOWN_OPERATION,
                memory.familiarity(call("other", List.of("a")), false),
                0f);
    }
}
