/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.Optional;

import org.opensearch.test.OpenSearchTestCase;

public class CodeContextTests extends OpenSearchTestCase {

    public void testClassLineMethodFromSampleLine() {
        String line =
                "16:42:22.382 INFO  t.s.TravelServiceImpl#532 TraceID: ffc8ca7e4c8f06c75142c880d5595d96 SpanID: 439bc949a9eeb0cc "
                        + "[getRouteByRouteId][Get Route By Id][Route is: Route(id=f3d4d4ef, stations=[shanghai, suzhou])]";
        assertEquals(
                Optional.of(new CodeContext("t.s.TravelServiceImpl", "getRouteByRouteId", 532)),
                CodeContext.parse(line));
    }

    public void testWithoutMethodBracket() {
        String line =
                "16:43:08.356 INFO  c.s.ContactsServiceImpl#31 TraceID: 5d0bbaa5c74d96842aabc39c7b39d067 SpanID: 235ae8f8f73e3fb3 "
                        + "FIND CONTACTS BY ID: 415d1665-fbb2-4ec9-83f5-5ebe51dc1825";
        assertEquals(
                Optional.of(new CodeContext("c.s.ContactsServiceImpl", null, 31)),
                CodeContext.parse(line));
    }

    public void testLinesWithoutContext() {
        assertEquals(Optional.empty(), CodeContext.parse("Started Application in 12.3 seconds"));
        assertEquals(Optional.empty(), CodeContext.parse("java.lang.NullPointerException: null"));
        assertEquals(Optional.empty(), CodeContext.parse(""));
    }
}
