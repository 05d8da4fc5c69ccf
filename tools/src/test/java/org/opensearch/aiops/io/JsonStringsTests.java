/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class JsonStringsTests extends OpenSearchTestCase {

    public void testEscaping() {
        assertEquals("\"a\\\"b\\\\c\\u000a\"", JsonStrings.quote("a\"b\\c\n"));
    }

    public void testWriteNested() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "x");
        map.put("n", 1L);
        map.put("d", 2.5);
        map.put("b", true);
        map.put("l", List.of(Map.of("k", "v")));
        map.put("z", null);
        assertEquals(
                "{\"s\":\"x\",\"n\":1,\"d\":2.5,\"b\":true,\"l\":[{\"k\":\"v\"}],\"z\":null}",
                JsonStrings.write(map));
    }
}
