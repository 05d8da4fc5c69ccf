/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.SpanCodeContext;
import org.opensearch.test.OpenSearchTestCase;

public class TraceEventFeaturesTests extends OpenSearchTestCase {

    private static CallEvent event(
            String source, String destination, SpanCodeContext context, List<String> templates) {
        return new CallEvent(
                "t",
                "s",
                "p",
                source,
                "order",
                destination,
                "payment",
                "pay",
                "client pay",
                1_000_000,
                3_000,
                1_000,
                true,
                Map.of(),
                context,
                templates,
                null,
                null);
    }

    private static int at(TraceEventFeatures.Group group) {
        return group.offset();
    }

    public void testDurationsStatusAndMissingContext() {
        float[] a = TraceEventFeatures.of(event("o-1", "p-1", null, List.of()), 1f);
        assertEquals(TraceEventFeatures.WIDTH, a.length);
        int d = at(TraceEventFeatures.Group.DURATIONS);
        assertEquals(Math.log1p(3.0), a[d], 1e-6);
        assertEquals(Math.log1p(1.0), a[d + 1], 1e-6);
        assertEquals(Math.log1p(2.0), a[d + 2], 1e-6);
        assertEquals(1f, a[at(TraceEventFeatures.Group.STATUS)], 0f);
        int c = at(TraceEventFeatures.Group.CODE_CONTEXT);
        for (int i = 0; i <= TraceEventFeatures.CODE_DIMS; i++) {
            assertEquals("no context: zeros and flag 0", 0f, a[c + i], 0f);
        }
    }

    public void testReducedContextIsCopiedAndFlagged() {
        float[] reduced = new float[20];
        for (int i = 0; i < reduced.length; i++) {
            reduced[i] = i + 1;
        }
        float[] a =
                TraceEventFeatures.of(
                        event(
                                "o-1",
                                "p-1",
                                new SpanCodeContext("x", "h", null, reduced),
                                List.of()),
                        1f);
        int c = at(TraceEventFeatures.Group.CODE_CONTEXT);
        for (int i = 0; i < TraceEventFeatures.CODE_DIMS; i++) {
            assertEquals(i + 1f, a[c + i], 0f);
        }
        assertEquals(1f, a[c + TraceEventFeatures.CODE_DIMS], 0f);
    }

    public void testInstanceNamesDoNotChangeTheVector() {
        SpanCodeContext context = new SpanCodeContext("Pay.pay()", "abc", null, null);
        assertArrayEquals(
                TraceEventFeatures.of(
                        event("order-5b6-x1", "payment-77-a", context, List.of("t1")), 1f),
                TraceEventFeatures.of(
                        event("order-9f0-y2", "payment-12-b", context, List.of("t1")), 1f),
                0f);
    }

    public void testTemplatesCountOnceEachAndLinesByLog() {
        float[] once = TraceEventFeatures.of(event("o", "p", null, List.of("t1")), 1f);
        float[] twice = TraceEventFeatures.of(event("o", "p", null, List.of("t1", "t1")), 1f);
        int t = at(TraceEventFeatures.Group.TEMPLATES);
        int last = t + TraceEventFeatures.Group.TEMPLATES.width - 1;
        for (int i = t; i < last; i++) {
            assertEquals(once[i], twice[i], 0f);
        }
        assertEquals(Math.log1p(1), once[last], 1e-6);
        assertEquals(Math.log1p(2), twice[last], 1e-6);
        float[] other =
                TraceEventFeatures.of(
                        event("o", "p", null, List.of("a completely different template")), 1f);
        assertFalse(java.util.Arrays.equals(once, other));
    }
}
