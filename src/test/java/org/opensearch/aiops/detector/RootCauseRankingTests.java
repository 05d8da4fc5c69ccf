/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.List;

import org.opensearch.aiops.detector.RootCauseRanking.Counts;
import org.opensearch.aiops.detector.RootCauseRanking.Suspect;
import org.opensearch.test.OpenSearchTestCase;

/** The ranking function on counts with a known answer. */
public class RootCauseRankingTests extends OpenSearchTestCase {

    /**
     * 20 anomalous events: the gateway is in all of them but in 200 events; the faulty payment pod
     * is in 18 of its 20; cart is in 2 anomalous of 80.
     */
    public void testFaultyPodOutranksBusyHub() {
        List<Counts> counts =
                List.of(
                        new Counts("gateway-1", "gateway", 20, 200),
                        new Counts("cart-1", "cart", 2, 80),
                        new Counts("payment-1", "payment", 18, 20),
                        new Counts("quiet-1", "quiet", 0, 50));
        List<Suspect> ranked = RootCauseRanking.rank(counts, 20, 10);
        assertEquals(
                "the pod with no anomalous event is left out",
                List.of("payment-1", "gateway-1", "cart-1"),
                ranked.stream().map(Suspect::name).toList());
        Suspect payment = ranked.get(0);
        assertEquals("payment", payment.service());
        assertEquals(0.9, payment.share(), 1e-9);
        assertEquals(0.9, payment.rate(), 1e-9);
        assertEquals(0.81, payment.score(), 1e-9);
        Suspect gateway = ranked.get(1);
        assertEquals(1.0, gateway.share(), 1e-9);
        assertEquals(0.1, gateway.rate(), 1e-9);
        assertEquals(0.1, gateway.score(), 1e-9);
    }

    public void testTiesGoToMoreAnomalousEventsAndSizeLimits() {
        // share*rate: a = 2/4 * 2/2 = 0.5, b = 4/4 * 4/8 = 0.5
        List<Counts> counts = List.of(new Counts("a", null, 2, 2), new Counts("b", null, 4, 8));
        assertEquals(
                List.of("b", "a"),
                RootCauseRanking.rank(counts, 4, 10).stream().map(Suspect::name).toList());
        assertEquals(1, RootCauseRanking.rank(counts, 4, 1).size());
    }

    public void testNoAnomaliesRankNothing() {
        assertEquals(List.of(), RootCauseRanking.rank(List.of(new Counts("a", "s", 0, 5)), 0, 10));
    }
}
