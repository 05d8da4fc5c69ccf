/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.io.StringReader;
import java.util.List;

import org.opensearch.aiops.io.CsvReader;
import org.opensearch.test.OpenSearchTestCase;

public class ParsingAccuracyTests extends OpenSearchTestCase {

    public void testHandMadeExample() {
        // truth: A = lines 0,1,2; B = lines 3,4; C = line 5
        List<String> truthGroups = List.of("A", "A", "A", "B", "B", "C");
        List<String> truthTemplates =
                List.of(
                        "open <*>",
                        "open <*>",
                        "open <*>",
                        "close <*> now",
                        "close <*> now",
                        "idle");
        // parsed: {0,1,2} right; {3} and {4} split B; {5} right
        List<String> parsedGroups = List.of("p1", "p1", "p1", "p2", "p3", "p4");
        List<String> parsedTemplates =
                List.of(
                        "open <NUM>",
                        "open <NUM>",
                        "open <NUM>",
                        "close 7 now",
                        "close <IP> <*> now",
                        "idle");
        ParsingAccuracy a =
                ParsingAccuracy.of(parsedGroups, truthGroups, parsedTemplates, truthTemplates);
        assertEquals(4.0 / 6, a.ga(), 1e-9);
        // PA: lines 0-2 ("open <*>"), line 4 ("close <*> now" after collapsing <IP> <*>), line 5
        assertEquals(5.0 / 6, a.pa(), 1e-9);
        double precision = 2.0 / 4;
        double recall = 2.0 / 3;
        assertEquals(2 * precision * recall / (precision + recall), a.fga(), 1e-9);
        assertEquals(4, a.parsedGroups());
        assertEquals(3, a.trueGroups());
    }

    public void testMergedGroupsAreAllWrong() {
        ParsingAccuracy a =
                ParsingAccuracy.of(
                        List.of("x", "x", "y"),
                        List.of("A", "B", "C"),
                        List.of("t", "t", "u"),
                        List.of("t", "v", "u"));
        assertEquals(1.0 / 3, a.ga(), 1e-9);
        assertEquals(2.0 / 3, a.pa(), 1e-9);
    }

    public void testNormaliseTemplate() {
        assertEquals("a <*> b <*>", ParsingAccuracy.normaliseTemplate("a  <IP> <*>  b <NUM>"));
        assertEquals("blk_<*>", ParsingAccuracy.normaliseTemplate("blk_<NUM>"));
        assertEquals("<*>:<*>", ParsingAccuracy.normaliseTemplate("<*>:<*>"));
    }

    public void testCsvReaderHandlesQuotes() throws Exception {
        CsvReader in =
                new CsvReader(
                        new StringReader("a,b,c\r\n1,\"x, \"\"y\"\"\",\"multi\nline\"\n,,\n"));
        assertEquals(List.of("a", "b", "c"), in.next());
        assertEquals(List.of("1", "x, \"y\"", "multi\nline"), in.next());
        assertEquals(List.of("", "", ""), in.next());
        assertNull(in.next());
    }
}
