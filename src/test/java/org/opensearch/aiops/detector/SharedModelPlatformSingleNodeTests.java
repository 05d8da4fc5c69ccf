/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.PlainActionFuture;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.index.reindex.ReindexModulePlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;
import org.opensearch.threadpool.ThreadPool;

/**
 * The platform's shared-model path on a test-framework node, with a minimal sequences type: one
 * model trained on the sessions of the training range, checkpointed, and a history run that writes
 * one session result per session, the unseen template named with its position.
 */
public class SharedModelPlatformSingleNodeTests extends OpenSearchSingleNodeTestCase {

    private static final long START = 1_700_000_000_000L;
    private static final long SPLIT = START + 3_600_000L;

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(AiopsPlugin.class, ReindexModulePlugin.class);
    }

    private void indexSessions(String index) {
        client().admin()
                .indices()
                .prepareCreate(index)
                .setMapping(
                        "@timestamp",
                        "type=date",
                        "session_id",
                        "type=keyword",
                        "log_template.id",
                        "type=keyword")
                .get();
        BulkRequestBuilder bulk =
                client().prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        long t = START;
        for (int s = 0; s < 30; s++) {
            long base = s < 20 ? START + s * 60_000L : SPLIT + (s - 20) * 60_000L;
            List<String> templates =
                    s == 27
                            ? List.of("open", "disk-full", "close")
                            : List.of("open", "write", "close");
            for (int i = 0; i < templates.size(); i++) {
                bulk.add(
                        client().prepareIndex(index)
                                .setSource(
                                        "@timestamp", base + i * 1_000L,
                                        "session_id", "s" + s,
                                        "log_template", Map.of("id", templates.get(i))));
            }
        }
        assertFalse(bulk.get().hasFailures());
    }

    public void testSharedModelTrainsOnceAndScoresSessions() throws Exception {
        indexSessions("logs-shared");
        DetectorTypes types = new DetectorTypes(List.of(new TemplateVocabularyType()));
        DetectorPlatform platform =
                DetectorPlatform.create(
                        client(),
                        getInstanceFromNode(ClusterService.class),
                        getInstanceFromNode(ThreadPool.class),
                        xContentRegistry(),
                        new SystemIndexAccess(
                                client(),
                                getInstanceFromNode(ClusterService.class),
                                getInstanceFromNode(ThreadPool.class)),
                        Settings.EMPTY,
                        types);
        DetectorService service = platform.service();
        Detector detector;
        try (XContentParser parser =
                DetectorFixtures.parser(
                        "{\"name\":\"sessions\",\"type\":\"test_vocabulary\",\"source\":{\"indices\":[\"logs-shared\"],"
                                + "\"session_field\":\"session_id\"},\"training\":{\"from\":"
                                + START
                                + ",\"to\":"
                                + SPLIT
                                + "},\"params\":{\"min_sessions\":5}}")) {
            detector = Detector.parse(parser, types);
        }
        PlainActionFuture<DetectorValidation> validation = PlainActionFuture.newFuture();
        service.validate(detector, validation);
        assertTrue(validation.get().issues().toString(), validation.get().valid());
        assertEquals(60, validation.get().training().documents());

        PlainActionFuture<DetectorService.View> created = PlainActionFuture.newFuture();
        service.create(detector, created);
        String id = created.get().id();
        PlainActionFuture<DetectorState> training = PlainActionFuture.newFuture();
        service.train(id, training);
        assertEquals(DetectorState.TRAINING, training.get());
        assertBusy(
                () -> assertEquals(DetectorState.TRAINED, profile(service, id).status().state()));
        DetectorStatus trained = profile(service, id).status();
        assertEquals("one shared model", 1, trained.model().entities());
        assertEquals(Long.valueOf(60), trained.training().documents());

        PlainActionFuture<RunSummary> run = PlainActionFuture.newFuture();
        service.run(id, new TimeRange(SPLIT, SPLIT + 3_600_000L), run);
        assertEquals("ten sessions scored", 10, run.get().windows());
        assertEquals(1, run.get().anomalies());

        SearchResponse anomalies =
                client().prepareSearch(AiopsIndices.RESULTS + "*")
                        .setQuery(
                                QueryBuilders.boolQuery()
                                        .filter(QueryBuilders.termQuery("detector_id", id))
                                        .filter(QueryBuilders.termQuery("is_anomaly", true)))
                        .get();
        assertEquals(1, anomalies.getHits().getTotalHits().value());
        Map<String, Object> result = anomalies.getHits().getHits()[0].getSourceAsMap();
        assertEquals("session", result.get("unit"));
        assertEquals("s27", result.get("session"));
        Map<?, ?> contribution = (Map<?, ?>) ((List<?>) result.get("contributions")).get(0);
        assertEquals("template", contribution.get("kind"));
        assertEquals("disk-full", contribution.get("template"));
        assertEquals(1, ((Number) contribution.get("position")).intValue());
        assertEquals(3, ((List<?>) result.get("documents")).size());

        // a second run over the same range replaces the results instead of adding to them
        PlainActionFuture<RunSummary> again = PlainActionFuture.newFuture();
        service.run(id, new TimeRange(SPLIT, SPLIT + 3_600_000L), again);
        again.get();
        client().admin().indices().prepareRefresh(AiopsIndices.RESULTS + "*").get();
        assertEquals(
                10,
                client().prepareSearch(AiopsIndices.RESULTS + "*")
                        .setQuery(QueryBuilders.termQuery("detector_id", id))
                        .get()
                        .getHits()
                        .getTotalHits()
                        .value());

        PlainActionFuture<Long> deleted = PlainActionFuture.newFuture();
        service.delete(id, deleted);
        assertEquals("the one checkpoint", Long.valueOf(1), deleted.get());
    }

    private static DetectorProfile profile(DetectorService service, String id) throws Exception {
        PlainActionFuture<DetectorProfile> profile = PlainActionFuture.newFuture();
        service.profile(id, profile);
        return profile.get();
    }
}
