/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.opensearch.action.admin.indices.alias.Alias;
import org.opensearch.action.admin.indices.create.CreateIndexRequest;
import org.opensearch.action.admin.indices.mapping.get.GetMappingsRequest;
import org.opensearch.action.admin.indices.template.put.PutComposableIndexTemplateAction;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.cluster.metadata.ComposableIndexTemplate;
import org.opensearch.cluster.metadata.Template;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.compress.CompressedXContent;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;

/**
 * Result indices made by an older template get the fields added since when the template is
 * upgraded.
 */
public class ResultIndexSingleNodeTests extends OpenSearchSingleNodeTestCase {

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(AiopsPlugin.class);
    }

    public void testUpgradedTemplateAddsNewFieldsToExistingResultIndices() throws Exception {
        String oldMapping =
                "{\"dynamic\":false,\"properties\":{\"detector_id\":{\"type\":\"keyword\"}}}";
        client().execute(
                        PutComposableIndexTemplateAction.INSTANCE,
                        new PutComposableIndexTemplateAction.Request(ResultIndex.TEMPLATE)
                                .indexTemplate(
                                        new ComposableIndexTemplate(
                                                List.of("aiops-results*"),
                                                new Template(
                                                        null,
                                                        new CompressedXContent(oldMapping),
                                                        null),
                                                null,
                                                100L,
                                                ResultIndex.TEMPLATE_VERSION - 1,
                                                null)))
                .actionGet();
        String alias = "aiops-results-upgrade";
        client().admin()
                .indices()
                .create(
                        new CreateIndexRequest(alias + "-000001")
                                .alias(new Alias(alias).writeIndex(true)))
                .actionGet();
        assertNull(callMapping(alias));

        new ResultIndex(client(), getInstanceFromNode(ClusterService.class)).ensure(alias);

        assertNotNull("the old index now maps call.*", callMapping(alias));
    }

    @SuppressWarnings("unchecked")
    private Object callMapping(String alias) {
        Map<String, Object> mapping =
                client().admin()
                        .indices()
                        .getMappings(new GetMappingsRequest().indices(alias))
                        .actionGet()
                        .mappings()
                        .values()
                        .iterator()
                        .next()
                        .sourceAsMap();
        return ((Map<String, Object>) mapping.get("properties")).get("call");
    }

    /** The template is current but the index was made before (the upgrade above came too late). */
    public void testCurrentTemplateStillAddsMissingFieldsToAnOlderIndex() throws Exception {
        String alias = "aiops-results-behind";
        client().admin()
                .indices()
                .create(
                        // a name outside the template's pattern: made without it, as before it
                        new CreateIndexRequest("old-results-000001")
                                .mapping(
                                        "{\"dynamic\":false,\"properties\":{\"detector_id\":{\"type\":\"keyword\"}}}")
                                .alias(new Alias(alias).writeIndex(true)))
                .actionGet();
        ResultIndex results = new ResultIndex(client(), getInstanceFromNode(ClusterService.class));
        results.ensure("aiops-results-other"); // installs the current template
        assertNull(callMapping(alias));
        results.ensure(alias);
        assertNotNull("the index made before the template now maps call.*", callMapping(alias));
    }
}
