/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.test.OpenSearchTestCase;

/** The entity an event result names: both pods, both services and the callee's operation. */
public class SpanUnitsTests extends OpenSearchTestCase {

    private static CallEvent event(String operation) {
        return new CallEvent(
                "t1",
                "s2",
                "s1",
                "gateway-1",
                "gateway",
                "payment-1",
                "payment",
                operation,
                "POST /pay",
                1_700_000_000_000_000L,
                3_000,
                2_000,
                false,
                Map.of(),
                null,
                List.of(),
                null,
                null);
    }

    public void testEntityNamesBothEndsAndTheOperation() {
        assertEquals(
                Map.of(
                        "source", "gateway-1",
                        "source_service", "gateway",
                        "destination", "payment-1",
                        "destination_service", "payment",
                        "operation", "PaymentService.pay"),
                SpanUnits.entity(event("PaymentService.pay")));
    }

    public void testSpanWithoutOperationNamesNone() {
        assertFalse(SpanUnits.entity(event(null)).containsKey("operation"));
    }
}
