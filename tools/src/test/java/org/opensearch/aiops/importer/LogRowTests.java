/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

import java.util.Map;

import org.opensearch.test.OpenSearchTestCase;

public class LogRowTests extends OpenSearchTestCase {

    private static final String PREFIX =
            "2023-01-29T08:42:22.383150913Z,1674981742383150913,33.33.33.116,ts-travel-service-64469b5b48-25zj6,server,"
                    + "ffc8ca7e4c8f06c75142c880d5595d96,439bc949a9eeb0cc,";

    public void testQuotedJsonRecord() {
        LogRow row =
                LogRow.parse(
                        PREFIX
                                + "\"{\"\"log\"\":\"\"16:42:22.382 INFO  t.s.TravelServiceImpl#532 TraceID: x SpanID: y [getRoute][a, b]\\n\"\",\"\"stream\"\":\"\"stdout\"\"}\"");
        assertEquals(
                "16:42:22.382 INFO  t.s.TravelServiceImpl#532 TraceID: x SpanID: y [getRoute][a, b]",
                row.message());
        assertEquals("ts-travel-service-64469b5b48-25zj6", row.pod());
        assertEquals("33.33.33.116", row.node());
        assertEquals("server", row.container());
        assertEquals("ffc8ca7e4c8f06c75142c880d5595d96", row.traceId());
        assertEquals("439bc949a9eeb0cc", row.spanId());
        assertEquals(1674981742383150913L, row.timeNanos());
        Map<String, Object> doc = row.document();
        assertEquals("2023-01-29T08:42:22.383150913Z", doc.get("@timestamp"));
        assertEquals("ts-travel-service", doc.get("service"));
        assertEquals("439bc949a9eeb0cc", doc.get("span_id"));
    }

    public void testUnquotedCommasStayInTheLastField() {
        LogRow row = LogRow.parse(PREFIX + "plain text, with, commas");
        assertEquals("plain text, with, commas", row.message());
        assertEquals("439bc949a9eeb0cc", row.spanId());
    }

    public void testTextAfterTheClosingQuoteIsIgnored() {
        // The shape of a broken row in rca_data/2023-01-29/log/10_06_log.csv.gz: another record's
        // tail glued on.
        LogRow row =
                LogRow.parse(
                        PREFIX
                                + "\"{\"\"log\"\":\"\"first\\n\"\"}\"ulate distance][x]\\n\"\",\"\"stream\"\":\"\"stdout\"\"}\"");
        assertEquals("first", row.message());
    }

    public void testTimeFromTimestampColumnNotOverflowedNanos() {
        String line =
                "2023-01-29T09:33:14.716,-6795364578871345152,33.33.33.116,ts-travel-service-64469b5b48-25zj6,server,fe6b,ef8f,text";
        assertEquals("2023-01-29T09:33:14.716Z", LogRow.parse(line).document().get("@timestamp"));
        IllegalArgumentException e =
                expectThrows(
                        IllegalArgumentException.class,
                        () -> LogRow.parse("yesterday" + line.substring(23)));
        assertTrue(e.getMessage(), e.getMessage().contains("[Timestamp]"));
    }

    public void testTooFewFields() {
        IllegalArgumentException e =
                expectThrows(IllegalArgumentException.class, () -> LogRow.parse("a,b,c"));
        assertTrue(e.getMessage(), e.getMessage().contains("expected 8"));
    }

    public void testIdIsHashOfTheRow() {
        String line = PREFIX + "text";
        assertEquals(LogRow.parse(line).id(), LogRow.parse(line).id());
        assertEquals(32, LogRow.parse(line).id().length());
        assertNotEquals(LogRow.parse(line).id(), LogRow.parse(line + "!").id());
    }
}
