/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import org.opensearch.test.OpenSearchTestCase;

public class TraceGraphStateTests extends OpenSearchTestCase {

    public void testNewInstanceStartsFromItsServiceMeanMemory() {
        TraceGraphState state = new TraceGraphState(2);
        state.node("order-a", "order").memory = new float[] {1, 3};
        state.node("order-b", "order").memory = new float[] {3, 5};
        state.node("stock-a", "stock").memory = new float[] {100, 100};
        assertArrayEquals(new float[] {2, 4}, state.node("order-moved", "order").memory, 0f);
        assertArrayEquals(new float[] {0, 0}, state.node("payment-a", "payment").memory, 0f);
    }

    public void testPairTimeIsSecondsSinceThePairsLastCallAndADayWhenNever() {
        TraceGraphState state = new TraceGraphState(1);
        assertEquals(86_400, state.sincePairCall("a", "b", 1_000_000), 0);
        assertEquals(2.5, state.sincePairCall("a", "b", 3_500_000), 1e-9);
        assertEquals(86_400, state.sincePairCall("b", "a", 3_600_000), 0); // direction matters
        assertEquals(0, state.sincePairCall("a", "b", 3_000_000), 0); // clock skew: never negative
    }

    public void testNodesAreBoundedLeastRecentlySeenFirst() {
        TraceGraphState state = new TraceGraphState(1);
        for (int i = 0; i < TraceGraphState.MAX_NODES + 10; i++) {
            state.node("pod-" + i, "svc-" + i);
        }
        assertEquals(TraceGraphState.MAX_NODES, state.nodeCount());
    }

    public void testWriteReadKeepsMemoryServicesAndPairs() throws Exception {
        TraceGraphState state = new TraceGraphState(2);
        state.node("order-a", "order").memory = new float[] {1, 3};
        state.sincePairCall("gw", "order-a", 5_000_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            state.write(out);
        }
        TraceGraphState read =
                TraceGraphState.read(
                        new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(new float[] {1, 3}, read.node("order-a", "order").memory, 0f);
        assertArrayEquals(new float[] {1, 3}, read.node("order-b", "order").memory, 0f);
        assertEquals(1.0, read.sincePairCall("gw", "order-a", 6_000_000), 1e-9);
    }
}
