/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.importer.InjectedFault;
import org.opensearch.test.OpenSearchTestCase;

public class TraceDetectionTests extends OpenSearchTestCase {

    private static CallEvent at(long seconds) {
        return new CallEvent(
                "t" + seconds,
                "s",
                "p",
                "a-1-x",
                "a",
                "b-1-y",
                "b",
                "op",
                "cop",
                seconds * 1_000_000,
                10,
                5,
                false,
                Map.of(),
                null,
                List.of(),
                null,
                null);
    }

    private static InjectedFault fault(long seconds) {
        return new InjectedFault("d", 0, Instant.ofEpochSecond(seconds), "b-1-y", "return");
    }

    public void testPreTakesTheMinuteBeforeEachInjectionThatNoEarlierFaultReaches() {
        List<InjectedFault> faults = List.of(fault(1000), fault(1100));
        List<CallEvent> events =
                List.of(
                        at(900), at(940), at(999), at(1000), at(1050), at(1179), at(1180),
                        at(1300));
        // 940, 999: before the first; 1050 is before the second but in the first's 180 s;
        // 1180 is after both faults' stretches but before none
        assertEquals(List.of(at(940), at(999)), TraceDetection.preInjection(events, faults));
    }

    public void testRenamingKeepsServicesAndEverythingElse() {
        PodRenaming r = PodRenaming.choose(List.of("a-1-x"), 1.0, 3);
        CallEvent e = TraceDetection.renamed(at(5), r);
        assertEquals(r.apply("a-1-x"), e.sourceInstance());
        assertNotEquals("a-1-x", e.sourceInstance());
        assertEquals("a", e.sourceService());
        assertEquals("b-1-y", e.destinationInstance());
        assertEquals(at(5).startMicros(), e.startMicros());
    }
}
