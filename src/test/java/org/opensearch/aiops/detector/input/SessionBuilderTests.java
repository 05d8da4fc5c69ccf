/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.DrainParser;
import org.opensearch.aiops.template.ParseResult;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.test.OpenSearchTestCase;

public class SessionBuilderTests extends OpenSearchTestCase {

    private static final Path HDFS =
            InputTestSupport.DATASETS.resolve("loghub-2k/HDFS/HDFS_2k.log");
    private static final long MINUTE = 60_000;

    public void testSessionFieldGroupsInterleavedRequests() {
        SessionBuilder builder = new SessionBuilder(keyed("trace_id", null, List.of()));
        builder.add(ref(1), 1_000, log("A", "trace_id", "t1"));
        builder.add(ref(2), 2_000, log("B", "trace_id", "t2"));
        builder.add(ref(3), 3_000, log("C", "trace_id", "t1"));
        builder.add(
                ref(4),
                4_000,
                log("D", "trace_id", List.of("t2", "t3"))); // an array field: both sessions
        List<TemplateSession> sessions = builder.closeAll();
        assertEquals(
                List.of("t1", "t2", "t3"), sessions.stream().map(TemplateSession::key).toList());
        TemplateSession t1 = sessions.get(0);
        assertEquals(List.of("A", "C"), t1.templateIds());
        assertArrayEquals(new long[] {1_000, 3_000}, t1.times());
        assertEquals(List.of(ref(1), ref(3)), t1.documents());
        assertEquals(Map.of(), t1.entity());
        assertEquals(List.of("B", "D"), sessions.get(1).templateIds());
        assertEquals(List.of("D"), sessions.get(2).templateIds());
        assertEquals(new SessionCounts(4, 5, 0, 0, 0, 0, 3), builder.counts());
        assertEquals(0, builder.openSessions());
    }

    public void testPatternPutsALineNamingTwoBlocksInBoth() {
        SessionBuilder builder = new SessionBuilder(keyed(null, "blk_-?\\d+", List.of()));
        builder.add(
                ref(1), 1_000, log("receive", "message", "Receiving block blk_1 src: /10.0.0.1"));
        builder.add(
                ref(2),
                2_000,
                log("delete", "message", "ask 10.0.0.1:50010 to delete blk_1 blk_-2"));
        builder.add(
                ref(3),
                3_000,
                log(
                        "deleting",
                        "message",
                        "Deleting block blk_-2 file /data/blk_-2")); // one block, named twice
        builder.add(ref(4), 4_000, log("other", "message", "no block here"));
        List<TemplateSession> sessions = builder.closeAll();
        assertEquals(
                List.of("blk_1", "blk_-2"), sessions.stream().map(TemplateSession::key).toList());
        assertEquals(List.of("receive", "delete"), sessions.get(0).templateIds());
        assertEquals(List.of("delete", "deleting"), sessions.get(1).templateIds());
        assertEquals(List.of(ref(2), ref(3)), sessions.get(1).documents());
        assertEquals("the line without a block is counted", 1, builder.counts().missingSession());
        assertEquals(4, builder.counts().events());
    }

    public void testPatternGroupOverParameters() {
        // log_template parameters: the number mask keeps only the digits of blk_-123, so match the
        // digits there
        SequenceInput input =
                new SequenceInput(
                        List.of("l"),
                        "@timestamp",
                        "log_template.id",
                        null,
                        "^(-?\\d{9,})$",
                        "log_template.parameters",
                        null,
                        null,
                        List.of(),
                        TimeValue.timeValueMinutes(10),
                        10_000,
                        null);
        SessionBuilder builder = new SessionBuilder(input);
        Map<String, Object> doc = new HashMap<>();
        doc.put(
                "log_template",
                Map.of("id", "T1", "parameters", List.of("081109", "148", "-6952295868487656571")));
        builder.add(ref(1), 0, doc);
        assertEquals(
                List.of("-6952295868487656571"),
                builder.closeAll().stream().map(TemplateSession::key).toList());
    }

    public void testSlidingTimeWindowsPerEntity() {
        SequenceInput input =
                new SequenceInput(
                        List.of("bgl"),
                        "@timestamp",
                        "log_template.id",
                        null,
                        null,
                        null,
                        TimeValue.timeValueSeconds(60),
                        TimeValue.timeValueSeconds(30),
                        List.of("node"),
                        null,
                        10_000,
                        null);
        SessionBuilder builder = new SessionBuilder(input);
        builder.add(ref(1), 10_000, log("A", "node", "n1"));
        builder.add(ref(2), 40_000, log("B", "node", "n1"));
        builder.add(ref(3), 45_000, log("X", "node", "n2"));
        builder.add(ref(4), 70_000, log("C", "node", "n1"));
        // windows [-30 s, 30 s) and [0, 60 s) have ended at 60 s
        List<TemplateSession> ended = builder.closeIdle(60_000);
        assertEquals(
                List.of(
                        "1969-12-31T23:59:30Z n1 [A]",
                        "1970-01-01T00:00:00Z n1 [A, B]",
                        "1970-01-01T00:00:00Z n2 [X]"),
                ended.stream().map(SessionBuilderTests::describe).toList());
        builder.add(ref(5), 20_000, log("late", "node", "n1")); // both its windows have closed
        assertEquals(1, builder.counts().late());
        List<TemplateSession> rest = builder.closeAll();
        assertEquals(
                List.of(
                        "1970-01-01T00:00:30Z n1 [B, C]",
                        "1970-01-01T00:00:30Z n2 [X]",
                        "1970-01-01T00:01:00Z n1 [C]"),
                rest.stream().map(SessionBuilderTests::describe).toList());
        assertEquals(Map.of("node", "n1"), rest.get(0).entity());
    }

    public void testTimeoutClosesIdleSessionsAndSplitsAGap() {
        SessionBuilder builder = new SessionBuilder(keyed("request_id", null, List.of()));
        builder.add(ref(1), 0, log("A", "request_id", "r1"));
        builder.add(ref(2), MINUTE, log("B", "request_id", "r1"));
        builder.add(ref(3), 5 * MINUTE, log("A", "request_id", "r2"));
        builder.add(
                ref(4),
                20 * MINUTE,
                log("C", "request_id", "r1")); // 19 min after B: a new session of r1
        assertEquals(2, builder.openSessions());
        List<TemplateSession> idle =
                builder.closeIdle(16 * MINUTE); // r2 idle since 5 min; the new r1 is not
        assertEquals(
                List.of("r1 [A, B]", "r2 [A]"),
                idle.stream().map(s -> s.key() + " " + s.templateIds()).toList());
        assertEquals(1, builder.openSessions());
        assertEquals(List.of(), builder.closeIdle(29 * MINUTE));
        assertEquals(List.of("C"), builder.closeIdle(30 * MINUTE).get(0).templateIds());
        assertEquals(3, builder.counts().sessions());
    }

    public void testOutOfOrderEventsAreSortedTiesKeepArrivalOrder() {
        SessionBuilder builder = new SessionBuilder(keyed("trace_id", null, List.of()));
        builder.add(ref(1), 3_000, log("C", "trace_id", "t"));
        builder.add(ref(2), 1_000, log("A", "trace_id", "t"));
        builder.add(ref(3), 2_000, log("B1", "trace_id", "t"));
        builder.add(ref(4), 2_000, log("B2", "trace_id", "t"));
        TemplateSession session = builder.closeAll().get(0);
        assertEquals(List.of("A", "B1", "B2", "C"), session.templateIds());
        assertEquals(List.of(ref(2), ref(3), ref(4), ref(1)), session.documents());
        assertEquals(1_000, session.start());
        assertEquals(3_000, session.end());
    }

    public void testMissingTemplateOrKeyIsCountedAndEntitiesSeparate() {
        SessionBuilder builder = new SessionBuilder(keyed("trace_id", null, List.of("host")));
        builder.add(ref(1), 1, Map.of("trace_id", "t", "host", "h1")); // the processor did not run
        builder.add(ref(2), 2, log("A", "host", "h1")); // no trace id
        builder.add(ref(3), 3, withFields(log("A", "trace_id", "t"), "host", "h1"));
        builder.add(ref(4), 4, withFields(log("B", "trace_id", "t"), "host", "h2"));
        builder.add(ref(5), 5, log("C", "trace_id", "t")); // no host
        List<TemplateSession> sessions = builder.closeAll();
        assertEquals(
                List.of(Map.of("host", "h1"), Map.of("host", "h2"), Map.of("host", "_missing")),
                sessions.stream().map(TemplateSession::entity).toList());
        assertEquals(new SessionCounts(5, 3, 1, 1, 0, 0, 3), builder.counts());
    }

    public void testAFullSessionClosesAndItsKeyStartsAnother() throws Exception {
        SequenceInput input =
                InputTestSupport.parse(
                        "{\"indices\": \"logs\", \"session_field\": \"job\", \"max_session_events\": 3}",
                        SequenceInput::parse);
        SessionBuilder builder = new SessionBuilder(input);
        for (int i = 0; i < 5; i++) {
            builder.add(ref(i), i * 1_000L, log("T" + i, "job", "nightly"));
        }
        assertEquals(1, builder.openSessions());
        List<TemplateSession> sessions = builder.closeAll();
        assertEquals(
                List.of(List.of("T0", "T1", "T2"), List.of("T3", "T4")),
                sessions.stream().map(TemplateSession::templateIds).toList());
        assertEquals(
                "{\"documents\":5,\"events\":5,\"missing_template\":0,\"missing_session\":0,\"late\":0,\"full\":1,\"sessions\":2}",
                InputTestSupport.toJson(builder.counts()));
    }

    /**
     * Real HDFS lines through the project's Drain parser, grouped by block id as DeepLog's
     * preprocessing does.
     */
    public void testHdfsBlockSessionsFromRealLines() throws Exception {
        assumeTrue("the shared datasets are not at " + HDFS, Files.isRegularFile(HDFS));
        List<String> lines = Files.readAllLines(HDFS);
        DrainParser parser = new DrainParser("hdfs", DrainConfig.defaults());
        // DeepLog groups a whole file by block: a timeout longer than the file's three days keeps
        // that grouping (with 10
        // minutes, one block whose two lines are hours apart becomes two sessions)
        SequenceInput byBlock =
                new SequenceInput(
                        List.of("hdfs"),
                        "@timestamp",
                        "log_template.id",
                        null,
                        "blk_-?\\d+",
                        "message",
                        null,
                        null,
                        List.of(),
                        TimeValue.timeValueDays(7),
                        10_000,
                        null);
        SessionBuilder builder = new SessionBuilder(byBlock);
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyMMdd HHmmss", Locale.ROOT);
        Map<String, String> templateOfLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            ParseResult parsed = parser.parse(line);
            Map<String, Object> doc = new HashMap<>();
            doc.put("message", line);
            doc.put(
                    "log_template",
                    Map.of(
                            "id",
                            parsed.id(),
                            "template",
                            parsed.template(),
                            "parameters",
                            parsed.parameters()));
            long time =
                    LocalDateTime.parse(line.substring(0, 13), stamp)
                            .toInstant(ZoneOffset.UTC)
                            .toEpochMilli();
            builder.add(ref(i), time, doc);
            templateOfLine.put("l" + i, parsed.id());
        }
        List<TemplateSession> sessions = builder.closeAll();
        // counted independently with awk over the file: 2,200 distinct blocks; 2,206 (line, block)
        // pairs, since three
        // "BLOCK* ask ... to delete" lines name 100, 100 and 9 blocks; six blocks appear on two
        // lines
        assertEquals(2_200, sessions.size());
        assertEquals(new SessionCounts(2_000, 2_206, 0, 0, 0, 0, 2_200), builder.counts());
        assertEquals(6, sessions.stream().filter(s -> s.size() == 2).count());
        TemplateSession deleted =
                sessions.stream()
                        .filter(s -> s.key().equals("blk_-8775602795571523802"))
                        .findFirst()
                        .orElseThrow();
        // lines 430 and 443 (1-based): "Deleting block blk_-8775602795571523802 file
        // .../blk_-8775602795571523802"
        assertEquals(List.of(ref(429), ref(442)), deleted.documents());
        assertEquals(deleted.templateIds().get(0), deleted.templateIds().get(1));
        for (TemplateSession session : sessions) {
            for (int i = 0; i < session.size(); i++) {
                assertEquals(
                        templateOfLine.get(session.documents().get(i).id()),
                        session.templateIds().get(i));
            }
        }
        long inDeleteLine =
                sessions.stream().filter(s -> s.documents().contains(ref(1578))).count();
        assertEquals("line 1579 names 100 blocks", 100, inDeleteLine);
    }

    private static SequenceInput keyed(String field, String pattern, List<String> entityFields) {
        return new SequenceInput(
                List.of("logs"),
                "@timestamp",
                "log_template.id",
                field,
                pattern,
                pattern == null ? null : "message",
                null,
                null,
                entityFields,
                TimeValue.timeValueMinutes(10),
                10_000,
                null);
    }

    private static Map<String, Object> log(String templateId, String field, Object value) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("log_template", Map.of("id", templateId));
        doc.put(field, value);
        return doc;
    }

    private static Map<String, Object> withFields(
            Map<String, Object> doc, String field, Object value) {
        doc.put(field, value);
        return doc;
    }

    private static DocumentRef ref(int line) {
        return new DocumentRef("logs", "l" + line);
    }

    private static String describe(TemplateSession s) {
        return s.key() + " " + String.join(",", s.entity().values()) + " " + s.templateIds();
    }
}
