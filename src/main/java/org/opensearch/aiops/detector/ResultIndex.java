/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.opensearch.ResourceAlreadyExistsException;
import org.opensearch.action.admin.indices.alias.Alias;
import org.opensearch.action.admin.indices.create.CreateIndexRequest;
import org.opensearch.action.admin.indices.mapping.put.PutMappingRequest;
import org.opensearch.action.admin.indices.template.put.PutComposableIndexTemplateAction;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.support.IndicesOptions;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.cluster.metadata.ComposableIndexTemplate;
import org.opensearch.cluster.metadata.IndexAbstraction;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.metadata.MappingMetadata;
import org.opensearch.cluster.metadata.Template;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.compress.CompressedXContent;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.transport.client.Client;

/**
 * Result indices: an index template for {@code aiops-results*} carries the mapping, and each result
 * index name is an alias whose write index is {@code <name>-000001}, so that the results can be
 * rolled over like any time-based index. Waits for the cluster: scoring calls it on its pool.
 */
public final class ResultIndex {

    static final String TEMPLATE = "aiops-results";

    /**
     * Raised when the mapping changes, so that a cluster with an older template gets the new one.
     */
    static final long TEMPLATE_VERSION = 3L;

    private static final Set<String> FIELDS = topLevelFields();

    private final Client client;
    private final ClusterService clusterService;

    /** Indices (by UUID) whose mapping has every field of the current one. */
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    public ResultIndex(Client client, ClusterService clusterService) {
        this.client = client;
        this.clusterService = clusterService;
    }

    /** Creates the template and the alias with its first index unless they exist. */
    public void ensure(String alias) {
        ComposableIndexTemplate existing =
                clusterService.state().metadata().templatesV2().get(TEMPLATE);
        if (existing == null
                || existing.version() == null
                || existing.version() < TEMPLATE_VERSION) {
            try {
                Template template =
                        new Template(
                                Settings.builder()
                                        .put("index.number_of_shards", 1)
                                        .put("index.auto_expand_replicas", "0-1")
                                        .build(),
                                new CompressedXContent(AiopsIndices.mapping(AiopsIndices.RESULTS)),
                                null);
                ComposableIndexTemplate composable =
                        new ComposableIndexTemplate(
                                List.of(AiopsIndices.RESULTS + "*"),
                                template,
                                null,
                                100L,
                                TEMPLATE_VERSION,
                                Map.of("managed_by", "aiops"));
                client.execute(
                                PutComposableIndexTemplateAction.INSTANCE,
                                new PutComposableIndexTemplateAction.Request(TEMPLATE)
                                        .indexTemplate(composable)
                                        .create(false))
                        .actionGet();
                if (existing != null) {
                    putMapping(AiopsIndices.RESULTS + "*");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (clusterService.state().metadata().hasAlias(alias)
                || clusterService.state().metadata().hasIndex(alias)) {
            if (lacksFields(alias)) {
                putMapping(alias);
            }
            return;
        }
        try {
            client.admin()
                    .indices()
                    .create(
                            new CreateIndexRequest(alias + "-000001")
                                    .alias(new Alias(alias).writeIndex(true)))
                    .actionGet();
        } catch (ResourceAlreadyExistsException e) {
            // created by a concurrent run
        }
    }

    /**
     * Whether an index behind {@code alias} lacks a top-level field of the current mapping (made
     * from an older template, e.g. before the template upgrade above could add it). Reads the local
     * cluster state only, and each index's mapping once: results are written at every run.
     */
    private boolean lacksFields(String alias) {
        IndexAbstraction behind = clusterService.state().metadata().getIndicesLookup().get(alias);
        if (behind == null) {
            return false;
        }
        for (IndexMetadata index : behind.getIndices()) {
            String uuid = index.getIndexUUID();
            if (checked.contains(uuid)) {
                continue;
            }
            MappingMetadata mapping = index.mapping();
            Object properties = mapping == null ? null : mapping.sourceAsMap().get("properties");
            if (properties instanceof Map<?, ?> actual
                    && actual.keySet().containsAll(FIELDS) == false) {
                return true; // checked again after the mapping is put
            }
            checked.add(uuid);
        }
        return false;
    }

    /** The top-level fields of the results mapping resource. */
    @SuppressWarnings("unchecked")
    private static Set<String> topLevelFields() {
        Map<String, Object> mapping =
                XContentHelper.convertToMap(
                        MediaTypeRegistry.JSON.xContent(),
                        AiopsIndices.mapping(AiopsIndices.RESULTS),
                        false);
        return Set.copyOf(
                ((Map<String, Object>) mapping.getOrDefault("properties", Map.of())).keySet());
    }

    /**
     * Result indices created from an older template lack the fields added since (e.g. {@code
     * call.*}, which {@code _root_cause} aggregates on); mapping changes only add fields, so the
     * new mapping is put on them too.
     */
    private void putMapping(String indices) {
        client.admin()
                .indices()
                .putMapping(
                        new PutMappingRequest(indices)
                                .indicesOptions(IndicesOptions.lenientExpandOpen())
                                .source(
                                        AiopsIndices.mapping(AiopsIndices.RESULTS),
                                        MediaTypeRegistry.JSON))
                .actionGet();
    }

    /**
     * Writes result documents; ids are deterministic so that scoring a range again replaces its
     * results.
     */
    public void write(String alias, List<DetectorResult> results, List<String> ids)
            throws IOException {
        if (results.isEmpty()) {
            return;
        }
        ensure(alias);
        for (int start = 0; start < results.size(); start += 2_000) {
            BulkRequest bulk =
                    new BulkRequest().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
            for (int i = start; i < Math.min(results.size(), start + 2_000); i++) {
                bulk.add(
                        new IndexRequest(alias)
                                .id(ids.get(i))
                                .source(
                                        results.get(i)
                                                .toXContent(
                                                        XContentFactory.jsonBuilder(),
                                                        ToXContent.EMPTY_PARAMS)));
            }
            BulkResponse response = client.bulk(bulk).actionGet();
            if (response.hasFailures()) {
                throw new IllegalStateException(
                        "writing results to ["
                                + alias
                                + "] failed: "
                                + response.buildFailureMessage());
            }
        }
    }
}
