/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.opensearch.test.OpenSearchTestCase;

public class SampleBufferTests extends OpenSearchTestCase {

    private static MetricDocument doc(int second) {
        return new MetricDocument(Instant.ofEpochSecond(second), "h", 1, "c", Map.of(), null, null);
    }

    public void testFullBufferDropsTheOldest() throws Exception {
        SampleBuffer buffer = new SampleBuffer(2);
        buffer.add(doc(1));
        buffer.add(doc(2));
        buffer.add(doc(3));
        assertEquals(1, buffer.dropped());
        List<MetricDocument> batch = buffer.take(10, 0);
        assertEquals(List.of(doc(2), doc(3)), batch);
        buffer.close();
        assertEquals(List.of(), buffer.take(10, 10_000));
        assertTrue(buffer.isClosed());
    }

    public void testRetriesThenGivesUp() throws Exception {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));
        AtomicInteger calls = new AtomicInteger();
        List<Integer> retried = new ArrayList<>();
        policy.run(
                "x",
                () -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IllegalStateException("busy");
                    }
                },
                (attempt, e) -> retried.add(attempt));
        assertEquals(3, calls.get());
        assertEquals(List.of(1, 2), retried);

        RetryPolicy.ExhaustedException e =
                expectThrows(
                        RetryPolicy.ExhaustedException.class,
                        () ->
                                policy.run(
                                        "_bulk",
                                        () -> {
                                            throw new IllegalStateException("down");
                                        },
                                        (attempt, ex) -> {}));
        assertEquals("_bulk failed after 3 attempts: down", e.getMessage());
    }
}
