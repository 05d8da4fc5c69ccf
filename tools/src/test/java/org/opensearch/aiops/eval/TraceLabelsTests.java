/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.time.Instant;
import java.util.List;

import org.opensearch.aiops.eval.TraceLabels.WindowLabel;
import org.opensearch.aiops.importer.InjectedFault;
import org.opensearch.test.OpenSearchTestCase;

public class TraceLabelsTests extends OpenSearchTestCase {

    private static final Instant INJECT = Instant.parse("2023-01-29T08:43:40Z");
    private static final TraceLabels LABELS =
            new TraceLabels(
                    List.of(new InjectedFault("2023-01-29", 0, INJECT, "ts-a-1-x", "return")));

    private static long micros(String time) {
        return Instant.parse(time).toEpochMilli() * 1000;
    }

    private static long millis(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    public void testEventsOfTheInjectedPodInTheThreeMinutesAfterInjection() {
        assertNotNull(LABELS.eventFault("ts-a-1-x", "ts-b-2-y", micros("2023-01-29T08:43:40Z")));
        assertNotNull(LABELS.eventFault("ts-b-2-y", "ts-a-1-x", micros("2023-01-29T08:46:39Z")));
        assertEquals(
                "return",
                LABELS.eventFault("ts-b-2-y", "ts-a-1-x", micros("2023-01-29T08:45:00Z")).type());
        // 180 s later is outside: [inject, inject + 180 s)
        assertNull(LABELS.eventFault("ts-a-1-x", "ts-b-2-y", micros("2023-01-29T08:46:40Z")));
        assertNull(LABELS.eventFault("ts-a-1-x", "ts-b-2-y", micros("2023-01-29T08:43:39.999Z")));
        assertNull(LABELS.eventFault("ts-c-3-z", "ts-b-2-y", micros("2023-01-29T08:44:00Z")));
    }

    public void testWindowsNeedThirtySecondsOfOverlapAndOneToTwentyNineAreExcluded() {
        // fault covers [08:43:40, 08:46:40)
        assertEquals(WindowLabel.NORMAL, LABELS.window("ts-a-1-x", millis("2023-01-29T08:42:00Z")));
        assertEquals(
                WindowLabel.EXCLUDED,
                LABELS.window("ts-a-1-x", millis("2023-01-29T08:43:00Z"))); // 20 s
        assertEquals(
                WindowLabel.ANOMALOUS, LABELS.window("ts-a-1-x", millis("2023-01-29T08:44:00Z")));
        assertEquals(
                WindowLabel.ANOMALOUS,
                LABELS.window("ts-a-1-x", millis("2023-01-29T08:46:00Z"))); // 40 s
        assertEquals(WindowLabel.NORMAL, LABELS.window("ts-a-1-x", millis("2023-01-29T08:47:00Z")));
        assertEquals(WindowLabel.NORMAL, LABELS.window("ts-b-2-y", millis("2023-01-29T08:44:00Z")));
    }

    public void testExactlyThirtySecondsCounts() {
        TraceLabels labels =
                new TraceLabels(
                        List.of(
                                new InjectedFault(
                                        "d",
                                        0,
                                        Instant.parse("2023-01-29T08:43:30Z"),
                                        "p-1-x",
                                        "cpu_contention")));
        assertEquals(WindowLabel.ANOMALOUS, labels.window("p-1-x", millis("2023-01-29T08:43:00Z")));
        // [08:43:30, 08:46:30): the 08:46 minute overlaps by exactly 30 s
        assertEquals(WindowLabel.ANOMALOUS, labels.window("p-1-x", millis("2023-01-29T08:46:00Z")));
    }

    public void testAnAnomalousFaultWinsOverAnExcludingOne() {
        TraceLabels labels =
                new TraceLabels(
                        List.of(
                                new InjectedFault(
                                        "d",
                                        0,
                                        Instant.parse("2023-01-29T08:40:50Z"),
                                        "p-1-x",
                                        "return"),
                                new InjectedFault(
                                        "d",
                                        1,
                                        Instant.parse("2023-01-29T08:43:10Z"),
                                        "p-1-x",
                                        "return")));
        // first fault ends 08:43:50 (50 s in 08:43), second starts 08:43:10 (50 s): anomalous
        assertEquals(WindowLabel.ANOMALOUS, labels.window("p-1-x", millis("2023-01-29T08:43:00Z")));
        // 08:40: first fault overlaps 10 s only
        assertEquals(WindowLabel.EXCLUDED, labels.window("p-1-x", millis("2023-01-29T08:40:00Z")));
    }
}
