/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.importer.InjectedFault;
import org.opensearch.test.OpenSearchTestCase;

public class RootCauseEvaluationTests extends OpenSearchTestCase {

    private static CallEvent call(String source, String destination, long seconds) {
        return new CallEvent(
                "t",
                "s",
                "p",
                source,
                source,
                destination,
                destination,
                "op",
                "c",
                seconds * 1_000_000,
                2,
                1,
                false,
                Map.of(),
                null,
                List.of(),
                null,
                null);
    }

    public void testFaultyLeafRanksAboveTheBusyHub() {
        List<CallEvent> events = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // the gateway calls cart: mostly normal
            events.add(call("gw", "cart", 10 + i));
            flags.add(i < 2);
        }
        for (int i = 0; i < 6; i++) { // the gateway calls pay: the faulty leaf
            events.add(call("gw", "pay", 20 + i));
            flags.add(i < 5);
        }
        boolean[] predicted = new boolean[flags.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = flags.get(i);
        }
        RootCauseEvaluation.Result hit =
                RootCauseEvaluation.of(
                        events,
                        predicted,
                        List.of(
                                new InjectedFault(
                                        "d", 0, Instant.ofEpochSecond(5), "pay", "return")));
        assertEquals(1, hit.top3());
        assertEquals(1, hit.faults());
        assertEquals(1.0, hit.meanRank(), 0);
        RootCauseEvaluation.Result outside =
                RootCauseEvaluation.of(
                        events,
                        predicted,
                        List.of(
                                new InjectedFault(
                                        "d", 0, Instant.ofEpochSecond(500), "pay", "return")));
        assertEquals("no calls in the fault's 180 s: not counted", 0, outside.faults());
    }
}
