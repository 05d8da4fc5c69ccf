/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.time.Instant;

import org.opensearch.test.OpenSearchTestCase;

public class PodKpisTests extends OpenSearchTestCase {

    private static long millis(String time) {
        return Instant.parse(time).toEpochMilli();
    }

    public void testLatestSampleAtOrBeforeTheMinuteEndWithinTwoMinutes() {
        PodKpis kpis = new PodKpis();
        float[] a = {1, 2, 3, 4};
        float[] b = {5, 6, 7, 8};
        // added out of order on purpose
        kpis.add("p-1-x", millis("2023-01-29T08:42:09Z"), b);
        kpis.add("p-1-x", millis("2023-01-29T08:41:09Z"), a);
        assertNull(kpis.of("p-1-x", millis("2023-01-29T08:40:30Z"))); // nothing before 08:41:00
        assertSame(a, kpis.of("p-1-x", millis("2023-01-29T08:41:30Z")));
        assertSame(b, kpis.of("p-1-x", millis("2023-01-29T08:42:00Z")));
        assertSame(b, kpis.of("p-1-x", millis("2023-01-29T08:43:59Z"))); // end 08:44:00, 111 s old
        assertNull(kpis.of("p-1-x", millis("2023-01-29T08:44:00Z"))); // end 08:45:00, 171 s old
        assertNull(kpis.of("other-1-x", millis("2023-01-29T08:42:00Z")));
    }

    public void testASampleAtTheMinuteEndAndOneExactlyTwoMinutesOldCount() {
        PodKpis kpis = new PodKpis();
        float[] a = {1, 2, 3, 4};
        kpis.add("p-1-x", millis("2023-01-29T08:43:00Z"), a);
        assertSame(a, kpis.of("p-1-x", millis("2023-01-29T08:42:10Z")));
        assertSame(a, kpis.of("p-1-x", millis("2023-01-29T08:44:59Z"))); // end 08:45:00
        assertNull(kpis.of("p-1-x", millis("2023-01-29T08:45:00Z")));
    }
}
