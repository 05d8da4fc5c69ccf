/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template.store;

import static org.opensearch.test.hamcrest.OpenSearchAssertions.assertAcked;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.transport.template.TemplateNodesAction;
import org.opensearch.aiops.transport.template.TemplateNodesRequest;
import org.opensearch.aiops.transport.template.TemplateNodesResponse;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.common.bytes.BytesArray;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchIntegTestCase;

/**
 * Three ingest nodes share templates: a line first seen on one node gives the same template id on
 * the others once they have synchronised (bound: two sync intervals plus the index refresh, here 2
 * x 200 ms + 1 s), and a full cluster restart keeps every id.
 */
@OpenSearchIntegTestCase.ClusterScope(
        scope = OpenSearchIntegTestCase.Scope.TEST,
        numDataNodes = 3,
        numClientNodes = 0,
        supportsDedicatedMasters = false)
public class TemplateSyncClusterTests extends OpenSearchIntegTestCase {

    private static final String PIPELINE = "logs";
    private static final String INDEX = "app-logs";

    /** Documented bound with the interval below, plus headroom for a loaded 2-core CI machine. */
    private static final long SYNC_BOUND_SECONDS = 15;

    @Override
    protected Collection<Class<? extends Plugin>> nodePlugins() {
        return List.of(AiopsPlugin.class);
    }

    @Override
    protected Settings nodeSettings(int nodeOrdinal) {
        return Settings.builder()
                .put(super.nodeSettings(nodeOrdinal))
                .put("plugins.aiops.templates.sync_interval", "200ms")
                .build();
    }

    public void testSameTemplateIdOnEveryNodeAndAfterRestart() throws Exception {
        String pipeline =
                "{\"processors\":[{\"log_template\":{\"field\":\"message\",\"namespace\":\"workers\"}}]}";
        assertAcked(
                client().admin()
                        .cluster()
                        .preparePutPipeline(PIPELINE, new BytesArray(pipeline), XContentType.JSON)
                        .get());
        String[] nodes = internalCluster().getNodeNames();

        // Two user names on the first node: two templates (a word position becomes a variable at
        // its third value).
        String alpha =
                (String) ingest(nodes[0], "1", "Worker finished task for user alpha ok").get("id");
        String beta =
                (String) ingest(nodes[0], "2", "Worker finished task for user beta ok").get("id");
        assertNotEquals(alpha, beta);

        awaitTemplatesOnAllNodes("workers", 2);
        // The third value arrives on another node: only with the first node's templates can it
        // generalise them.
        Map<String, Object> gamma = ingest(nodes[1], "3", "Worker finished task for user gamma ok");
        assertEquals("updated", gamma.get("change"));
        String id = (String) gamma.get("id");
        assertEquals(
                "the merged template keeps the smaller of the first node's ids",
                alpha.compareTo(beta) < 0 ? alpha : beta,
                id);

        // The generalised template reaches the third node too: its line matches without a change.
        assertBusy(
                () -> {
                    Map<String, Object> delta =
                            dryRunOn(nodes[2], "Worker finished task for user delta ok");
                    assertEquals(id, delta.get("id"));
                    assertEquals("none", delta.get("change"));
                },
                SYNC_BOUND_SECONDS,
                TimeUnit.SECONDS);

        internalCluster().fullRestart();
        ensureGreen();
        awaitTemplatesOnAllNodes("workers", 1);
        for (String node : internalCluster().getNodeNames()) {
            Map<String, Object> after =
                    ingest(node, "after-" + node, "Worker finished task for user epsilon ok");
            assertEquals("template id must survive a full restart on " + node, id, after.get("id"));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ingest(String node, String docId, String line) {
        client(node)
                .prepareIndex(INDEX)
                .setId(docId)
                .setPipeline(PIPELINE)
                .setSource(Map.of("message", line))
                .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE)
                .get();
        Map<String, Object> source = client(node).prepareGet(INDEX, docId).get().getSourceAsMap();
        return (Map<String, Object>) source.get("log_template");
    }

    /** What a node's own parser state says of a line, without learning from it. */
    private Map<String, Object> dryRunOn(String node, String line) {
        TemplateService service = internalCluster().getInstance(TemplateService.class, node);
        var result =
                service.dryRun(
                                "workers",
                                org.opensearch.aiops.template.DrainConfig.defaults(),
                                List.of(line))
                        .get(0);
        return Map.of("id", result.id(), "change", result.change().toString());
    }

    private void awaitTemplatesOnAllNodes(String namespace, int atLeast) throws Exception {
        assertBusy(
                () -> {
                    TemplateNodesResponse stats =
                            client().execute(
                                            TemplateNodesAction.INSTANCE,
                                            new TemplateNodesRequest(
                                                    TemplateNodesAction.Operation.STATS, null))
                                    .get();
                    assertEquals(3, stats.getNodes().size());
                    for (TemplateNodesResponse.NodeResponse node : stats.getNodes()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> byNamespace =
                                (Map<String, Object>) node.stats().get("by_namespace");
                        assertTrue(
                                node.getNode().getName()
                                        + " has no ["
                                        + namespace
                                        + "] yet: "
                                        + node.stats(),
                                byNamespace.containsKey(namespace));
                        @SuppressWarnings("unchecked")
                        int templates =
                                (Integer)
                                        ((Map<String, Object>) byNamespace.get(namespace))
                                                .get("templates");
                        assertTrue(templates >= atLeast);
                    }
                },
                SYNC_BOUND_SECONDS,
                TimeUnit.SECONDS);
    }
}
