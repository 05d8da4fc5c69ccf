/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.opensearch.action.get.GetResponse;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.job.AiopsJobParameter;
import org.opensearch.aiops.job.AiopsJobParser;
import org.opensearch.aiops.settings.AiopsSettings;
import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.store.TemplateService;
import org.opensearch.aiops.transport.info.InfoAction;
import org.opensearch.aiops.transport.info.InfoRequest;
import org.opensearch.aiops.transport.info.InfoResponse;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.jobscheduler.spi.schedule.IntervalSchedule;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;

/**
 * The plugin loaded into a test-framework node: its actions answer and its job documents fit their
 * strict mapping.
 */
public class AiopsPluginSingleNodeTests extends OpenSearchSingleNodeTestCase {

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(AiopsPlugin.class);
    }

    /**
     * No template sync during a test: the 1 s default flushed parsed templates into their index at
     * any moment, also after the framework's clean-up, which then failed the test with "leaves
     * index .plugins-aiops-templates" now and then.
     */
    @Override
    protected Settings nodeSettings() {
        return Settings.builder()
                .put(super.nodeSettings())
                .put(AiopsSettings.TEMPLATES_SYNC_INTERVAL.getKey(), "1h")
                .build();
    }

    public void testInfoAction() throws Exception {
        InfoResponse response = client().execute(InfoAction.INSTANCE, new InfoRequest()).get();
        Map<String, Object> info =
                XContentHelper.convertToMap(
                        JsonXContent.jsonXContent,
                        response.toXContent(JsonXContent.contentBuilder(), ToXContent.EMPTY_PARAMS)
                                .toString(),
                        false);
        assertEquals("aiops", info.get("name"));
        @SuppressWarnings("unchecked")
        Map<String, Object> engine = (Map<String, Object>) info.get("engine");
        assertEquals("0.31.1", engine.get("djl_version"));
        assertTrue(
                engine.toString(),
                ((Map<?, ?>) engine.get("engines"))
                        .keySet()
                        .containsAll(List.of("PyTorch", "OnnxRuntime")));
    }

    public void testJobDocumentFitsMappingAndParsesBack() throws Exception {
        createIndex(
                AiopsIndices.JOBS,
                client().admin()
                        .indices()
                        .prepareCreate(AiopsIndices.JOBS)
                        .setMapping(AiopsIndices.mapping(AiopsIndices.JOBS)));
        java.time.Instant now = java.time.Instant.ofEpochMilli(System.currentTimeMillis());
        AiopsJobParameter job =
                new AiopsJobParameter(
                        "host-cpu realtime",
                        "detector_realtime",
                        "d1",
                        new IntervalSchedule(now, 1, java.time.temporal.ChronoUnit.MINUTES),
                        true,
                        now,
                        now,
                        60L);
        client().prepareIndex(AiopsIndices.JOBS)
                .setId("j1")
                .setSource(job.toXContent(JsonXContent.contentBuilder(), ToXContent.EMPTY_PARAMS))
                .get();
        GetResponse stored = client().prepareGet(AiopsIndices.JOBS, "j1").get();
        try (XContentParser parser =
                JsonXContent.jsonXContent.createParser(
                        NamedXContentRegistry.EMPTY,
                        DeprecationHandler.THROW_UNSUPPORTED_OPERATION,
                        stored.getSourceAsString())) {
            assertEquals(job, AiopsJobParser.parse(parser));
        }
    }

    /**
     * A setting marked Dynamic must reach the component on a running node, through the cluster
     * settings API.
     */
    public void testTemplatesMaxTotalIsAppliedLive() {
        TemplateService templates = getInstanceFromNode(TemplateService.class);
        templates.parse("single-node-a", DrainConfig.defaults(), "first line");
        templates.parse("single-node-b", DrainConfig.defaults(), "another kind of line");
        try {
            client().admin()
                    .cluster()
                    .prepareUpdateSettings()
                    .setTransientSettings(
                            Settings.builder().put(AiopsSettings.TEMPLATES_MAX_TOTAL.getKey(), 1))
                    .get();
            assertEquals(1, templates.stats().get("max_total_templates"));
            assertEquals(
                    "lowering the cap evicts at once",
                    List.of("single-node-b"),
                    templates.namespaceNames());
        } finally {
            client().admin()
                    .cluster()
                    .prepareUpdateSettings()
                    .setTransientSettings(
                            Settings.builder().putNull(AiopsSettings.TEMPLATES_MAX_TOTAL.getKey()))
                    .get();
        }
        assertEquals(
                AiopsSettings.TEMPLATES_MAX_TOTAL.getDefault(Settings.EMPTY),
                templates.stats().get("max_total_templates"));
    }
}
