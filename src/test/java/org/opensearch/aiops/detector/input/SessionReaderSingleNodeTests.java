/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;

/**
 * Log documents with the log_template output on a test node, read back as sessions across two
 * real-time runs.
 */
public class SessionReaderSingleNodeTests extends OpenSearchSingleNodeTestCase {

    private static final String INDEX = "app-logs";
    private static final long MINUTE = 60_000;
    private static final long T0 = 1_764_979_200_000L; // 2025-12-06T00:00:00Z

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(AiopsPlugin.class);
    }

    public void testSessionsCarryOverBetweenRunsAndCloseAtTheEnd() throws Exception {
        createIndex(
                INDEX,
                client().admin()
                        .indices()
                        .prepareCreate(INDEX)
                        .setMapping(
                                "{\"properties\": {\"@timestamp\": {\"type\": \"date\"}, \"message\": {\"type\": \"text\"}, \"trace_id\": {\"type\": \"keyword\"},"
                                        + " \"service\": {\"type\": \"keyword\"}, \"log_template\": {\"properties\": {\"id\": {\"type\": \"keyword\"}}}}}"));
        BulkRequestBuilder bulk =
                client().prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        add(bulk, "1", 0, "t1", "A");
        add(bulk, "2", 1, "t2", "A");
        add(bulk, "3", 2, "t1", "B");
        add(
                bulk, "4", 2, "t1",
                "C"); // same timestamp as 3: search_after on _shard_doc keeps both across pages
        add(bulk, "5", 9, "t3", "A");
        add(bulk, "6", 12, "t3", "B"); // second run: t3 continues
        add(bulk, "7", 13, null, "B"); // no trace id: counted
        add(bulk, "8", 14, "t4", null); // no template: counted
        add(bulk, "9", 30, "t5", "A"); // after both ranges
        BulkResponse indexed = bulk.get();
        assertFalse(indexed.buildFailureMessage(), indexed.hasFailures());

        SequenceInput input =
                new SequenceInput(
                        List.of("app-*"),
                        "@timestamp",
                        "log_template.id",
                        "trace_id",
                        null,
                        null,
                        null,
                        null,
                        List.of("service"),
                        TimeValue.timeValueMinutes(5),
                        10_000,
                        null);
        SessionReader reader = new SessionReader(client(), 2);
        SessionBuilder builder = new SessionBuilder(input);

        // run 1, real time: t1 and t2 are idle for 5 minutes at 10 min, t3 is not
        SessionReader.Result first = read(reader, input, builder, T0, T0 + 10 * MINUTE, false);
        assertEquals(
                List.of("t1 [A, B, C] [1, 3, 4]", "t2 [A] [2]"),
                first.sessions().stream().map(SessionReaderSingleNodeTests::describe).toList());
        assertEquals(Map.of("service", "checkout"), first.sessions().get(0).entity());
        assertEquals(1, builder.openSessions());

        // run 2, end of a historical range: everything still open closes
        SessionReader.Result second =
                read(reader, input, builder, T0 + 10 * MINUTE, T0 + 20 * MINUTE, true);
        assertEquals(
                List.of("t3 [A, B] [5, 6]"),
                second.sessions().stream().map(SessionReaderSingleNodeTests::describe).toList());
        assertEquals(new SessionCounts(8, 6, 1, 1, 0, 0, 3), second.counts());
        assertEquals(INDEX, second.sessions().get(0).documents().get(0).index());
    }

    private static SessionReader.Result read(
            SessionReader reader,
            SequenceInput input,
            SessionBuilder builder,
            long from,
            long to,
            boolean closeAtEnd)
            throws Exception {
        CompletableFuture<SessionReader.Result> future = new CompletableFuture<>();
        reader.read(
                input,
                builder,
                new TimeRange(from, to),
                closeAtEnd,
                ActionListener.wrap(future::complete, future::completeExceptionally));
        return future.get(30, TimeUnit.SECONDS);
    }

    private void add(
            BulkRequestBuilder bulk, String id, int minute, String traceId, String templateId) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("@timestamp", T0 + minute * MINUTE);
        doc.put("message", "line " + id);
        doc.put("service", "checkout");
        if (traceId != null) {
            doc.put("trace_id", traceId);
        }
        if (templateId != null) {
            doc.put("log_template", Map.of("id", templateId, "template", "template " + templateId));
        }
        bulk.add(client().prepareIndex(INDEX).setId(id).setSource(doc));
    }

    private static String describe(TemplateSession s) {
        return s.key()
                + " "
                + s.templateIds()
                + " "
                + s.documents().stream().map(DocumentRef::id).toList();
    }
}
