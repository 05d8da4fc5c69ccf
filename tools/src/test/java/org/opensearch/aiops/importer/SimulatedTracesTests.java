/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.context.CodeContextText;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.CallEvents;
import org.opensearch.aiops.detector.input.SpanInput;
import org.opensearch.test.OpenSearchTestCase;

/** The simulated shop read back through the plugin's own span code. */
public class SimulatedTracesTests extends OpenSearchTestCase {

    private static List<Map<String, Object>> documents(long seed) throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        new SimulatedTraces(seed)
                .generate(
                        0,
                        60_000,
                        40_000,
                        60_000,
                        5,
                        s -> docs.add(s.span().document(s.contexts())));
        return docs;
    }

    public void testEveryCrossPodCallIsAnEventAndOnlyTheFaultyPodsCodePathChanges()
            throws Exception {
        List<Map<String, Object>> docs = documents(1);
        CallEvents.Result result = CallEvents.of(docs, SpanInput.defaults(), 0);
        assertEquals(
                "frontend → order → user, stock, payment",
                docs.size() / 5 * 4,
                result.events().size());
        assertEquals(0, result.counts().orphans());
        CodeContextText text = new CodeContextText("code.parameters", "code.return");
        for (Map<String, Object> doc : docs) {
            long startMillis = ((Number) doc.get("startTimeMillis")).longValue();
            String context = text.of(doc).text();
            String pod = doc.toString().contains(SimulatedTraces.FAULTY_POD) ? "payment" : "other";
            boolean refused = context.contains("handleRefusedPayment");
            assertEquals(
                    "at " + startMillis + " " + context,
                    pod.equals("payment") && startMillis >= 40_000,
                    refused);
        }
        for (CallEvent event : result.events()) {
            assertNotEquals(event.sourceInstance(), event.destinationInstance());
        }
    }

    public void testSameSeedSameSpans() throws Exception {
        assertEquals(documents(7), documents(7));
        assertNotEquals(documents(7), documents(8));
    }
}
