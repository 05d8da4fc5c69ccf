/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.importer.PodNames;
import org.opensearch.test.OpenSearchTestCase;

public class PodRenamingTests extends OpenSearchTestCase {

    public void testRenamesTheShareKeepingServiceAndHash() {
        List<String> pods = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pods.add("ts-svc" + i + "-5b67c48447-mv5hb");
        }
        PodRenaming r = PodRenaming.choose(pods, 0.2, 42);
        assertEquals(2, r.renamed().size());
        for (Map.Entry<String, String> e : r.renamed().entrySet()) {
            assertNotEquals(e.getKey(), e.getValue());
            assertEquals(PodNames.service(e.getKey()), PodNames.service(e.getValue()));
            assertTrue(
                    e.getValue(),
                    e.getValue()
                            .startsWith(e.getKey().substring(0, e.getKey().lastIndexOf('-') + 1)));
            assertEquals(e.getValue(), r.apply(e.getKey()));
        }
        assertEquals(r.renamed(), PodRenaming.choose(pods, 0.2, 42).renamed());
        String kept =
                pods.stream().filter(p -> r.renamed().containsKey(p) == false).findFirst().get();
        assertEquals(kept, r.apply(kept));
    }

    public void testShareMustBeAFraction() {
        expectThrows(
                IllegalArgumentException.class, () -> PodRenaming.choose(List.of("a-b-c"), 1.5, 1));
    }
}
