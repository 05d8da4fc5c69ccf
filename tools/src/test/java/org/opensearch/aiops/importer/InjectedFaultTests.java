/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class InjectedFaultTests extends OpenSearchTestCase {

    private static final String LIST =
            "{\"09\": [{\"inject_time\": \"2023-01-29 09:03:53\", \"inject_timestamp\": \"1674954273\","
                    + " \"inject_pod\": \"ts-basic-service-5dc8d4f9fd-46997\", \"inject_type\": \"return\"}],"
                    + " \"08\": [{\"inject_time\": \"2023-01-29 08:43:04\", \"inject_timestamp\": \"1674953044\","
                    + " \"inject_pod\": \"ts-contacts-service-866bd68c97-xcqfx\", \"inject_type\": \"cpu_contention\"}]}";

    public void testInjectTimeIsUtc() {
        assertEquals(
                Instant.parse("2023-01-29T08:43:04Z"),
                InjectedFault.parseInjectTime("2023-01-29 08:43:04"));
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () -> InjectedFault.parseInjectTime("1674953044"));
        assertTrue(e.getMessage(), e.getMessage().contains("[inject_time]"));
    }

    public void testListInHourOrderWithStableIds() {
        List<InjectedFault> faults = InjectedFault.parseList("2023-01-29", LIST);
        assertEquals(2, faults.size());
        assertEquals("2023-01-29-0", faults.get(0).id());
        assertEquals("2023-01-29-1", faults.get(1).id());
        Map<String, Object> doc = faults.get(0).document();
        assertEquals("2023-01-29T08:43:04Z", doc.get("@timestamp"));
        assertEquals("ts-contacts-service", doc.get("service"));
        assertEquals("ts-contacts-service-866bd68c97-xcqfx", doc.get("pod"));
        assertEquals("cpu_contention", doc.get("fault_type"));
        assertEquals("2023-01-29", doc.get("day"));
        assertEquals(faults, InjectedFault.parseList("2023-01-29", LIST));
    }

    public void testMissingFieldIsNamed() {
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () ->
                                InjectedFault.parseList(
                                        "2023-01-29",
                                        "{\"08\": [{\"inject_time\": \"2023-01-29 08:43:04\", \"inject_type\": \"return\"}]}"));
        assertTrue(e.getMessage(), e.getMessage().contains("[inject_pod]"));
    }
}
