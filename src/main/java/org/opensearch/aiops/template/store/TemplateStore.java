/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.admin.indices.refresh.RefreshResponse;
import org.opensearch.action.bulk.BulkItemResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.delete.DeleteRequest;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.action.get.MultiGetItemResponse;
import org.opensearch.action.get.MultiGetRequest;
import org.opensearch.action.get.MultiGetResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.aiops.template.DrainParser;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.query.BoolQueryBuilder;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.search.sort.SortOrder;
import org.opensearch.transport.client.Client;

/**
 * The templates system index: flushes node activity into it (optimistic concurrency, so counts from
 * several nodes add up), reads back what any node wrote (the sync), and serves the REST reads and
 * deletes.
 */
public final class TemplateStore {

    private static final Logger LOG = LogManager.getLogger(TemplateStore.class);
    public static final String INDEX = AiopsIndices.TEMPLATES;
    private static final int PAGE = 500;

    private final SystemIndexAccess access;
    private final Client client;
    private final Supplier<String> localNodeId;
    private final LongSupplier clock;

    public TemplateStore(
            SystemIndexAccess access, Supplier<String> localNodeId, LongSupplier clock) {
        this.access = access;
        this.client = access.client();
        this.localNodeId = localNodeId;
        this.clock = clock;
    }

    /**
     * Merges activity into the stored documents: counts add, first/last seen widen, the template
     * text generalises. The listener gets the items that could not be written (version conflicts)
     * for a later retry; a failure of the whole flush goes to onFailure and the caller retries the
     * whole batch.
     */
    void flush(List<TemplateActivity> batch, ActionListener<List<TemplateActivity>> listener) {
        if (batch.isEmpty()) {
            listener.onResponse(List.of());
            return;
        }
        access.ensure(
                INDEX,
                ActionListener.wrap(
                        ignored -> {
                            MultiGetRequest get = new MultiGetRequest();
                            batch.forEach(entry -> get.add(INDEX, entry.id));
                            access.<MultiGetResponse>run(
                                    l -> client.multiGet(get, l),
                                    ActionListener.wrap(
                                            stored -> {
                                                BulkRequest bulk = new BulkRequest();
                                                String node = localNodeId.get();
                                                long now = clock.getAsLong();
                                                MultiGetItemResponse[] items =
                                                        stored.getResponses();
                                                for (int i = 0; i < batch.size(); i++) {
                                                    bulk.add(
                                                            merged(
                                                                    batch.get(i),
                                                                    items[i],
                                                                    node,
                                                                    now));
                                                }
                                                access.<BulkResponse>run(
                                                        l -> client.bulk(bulk, l),
                                                        ActionListener.wrap(
                                                                response -> {
                                                                    List<TemplateActivity> failed =
                                                                            new ArrayList<>();
                                                                    BulkItemResponse[] results =
                                                                            response.getItems();
                                                                    for (int i = 0;
                                                                            i < results.length;
                                                                            i++) {
                                                                        if (results[i].isFailed()) {
                                                                            failed.add(
                                                                                    batch.get(i));
                                                                            if (results[i]
                                                                                            .getFailure()
                                                                                            .getStatus()
                                                                                    != RestStatus
                                                                                            .CONFLICT) {
                                                                                LOG.warn(
                                                                                        "template [{}] could not be stored: {}",
                                                                                        batch.get(i)
                                                                                                .id,
                                                                                        results[i]
                                                                                                .getFailureMessage());
                                                                            }
                                                                        }
                                                                    }
                                                                    listener.onResponse(failed);
                                                                },
                                                                listener::onFailure));
                                            },
                                            listener::onFailure));
                        },
                        listener::onFailure));
    }

    private static IndexRequest merged(
            TemplateActivity activity, MultiGetItemResponse stored, String node, long now) {
        IndexRequest request = new IndexRequest(INDEX).id(activity.id);
        boolean exists = stored.isFailed() == false && stored.getResponse().isExists();
        StoredTemplate doc;
        if (exists) {
            StoredTemplate previous =
                    StoredTemplate.fromSource(stored.getResponse().getSourceAsMap());
            doc =
                    new StoredTemplate(
                            activity.id,
                            activity.namespace,
                            DrainParser.generalise(activity.template, previous.template()),
                            previous.count() + activity.countDelta,
                            Math.min(previous.firstSeen(), activity.firstSeen),
                            Math.max(previous.lastSeen(), activity.lastSeen),
                            previous.example() == null || previous.example().isEmpty()
                                    ? activity.example
                                    : previous.example(),
                            node,
                            now);
            request.setIfSeqNo(stored.getResponse().getSeqNo())
                    .setIfPrimaryTerm(stored.getResponse().getPrimaryTerm());
        } else {
            doc =
                    new StoredTemplate(
                            activity.id,
                            activity.namespace,
                            activity.template,
                            activity.countDelta,
                            activity.firstSeen,
                            activity.lastSeen,
                            activity.example,
                            node,
                            now);
            request.opType(DocWriteRequest.OpType.CREATE);
        }
        return request.source(doc.toSource(), XContentType.JSON);
    }

    /**
     * Reads every template written at or after {@code sinceMillis}, oldest first, page by page; the
     * listener gets the newest update time seen (the next watermark), or {@code sinceMillis} if
     * there was nothing.
     */
    void pull(long sinceMillis, Consumer<StoredTemplate> consumer, ActionListener<Long> listener) {
        if (access.exists(INDEX) == false) {
            listener.onResponse(sinceMillis);
            return;
        }
        pullPage(sinceMillis, null, sinceMillis, consumer, listener);
    }

    private void pullPage(
            long since,
            Object[] after,
            long newest,
            Consumer<StoredTemplate> consumer,
            ActionListener<Long> listener) {
        SearchSourceBuilder source =
                new SearchSourceBuilder()
                        .query(QueryBuilders.rangeQuery(StoredTemplate.UPDATE_TIME).gte(since))
                        .sort(StoredTemplate.UPDATE_TIME, SortOrder.ASC)
                        .sort(StoredTemplate.TEMPLATE_ID, SortOrder.ASC)
                        .size(PAGE);
        if (after != null) {
            source.searchAfter(after);
        }
        access.<SearchResponse>run(
                l -> client.search(new SearchRequest(INDEX).source(source), l),
                ActionListener.wrap(
                        response -> {
                            SearchHit[] hits = response.getHits().getHits();
                            long latest = newest;
                            for (SearchHit hit : hits) {
                                StoredTemplate template =
                                        StoredTemplate.fromSource(hit.getSourceAsMap());
                                consumer.accept(template);
                                latest = Math.max(latest, template.updateTime());
                            }
                            if (hits.length < PAGE) {
                                listener.onResponse(latest);
                            } else {
                                pullPage(
                                        since,
                                        hits[hits.length - 1].getSortValues(),
                                        latest,
                                        consumer,
                                        listener);
                            }
                        },
                        listener::onFailure));
    }

    /** Templates of one namespace (or all when null), sorted by {@code sort} descending. */
    public void list(
            String namespace,
            String sort,
            int from,
            int size,
            ActionListener<List<StoredTemplate>> listener) {
        if (access.exists(INDEX) == false) {
            listener.onResponse(List.of());
            return;
        }
        BoolQueryBuilder query = QueryBuilders.boolQuery();
        if (namespace != null) {
            query.filter(QueryBuilders.termQuery(StoredTemplate.NAMESPACE, namespace));
        }
        SearchSourceBuilder source =
                new SearchSourceBuilder()
                        .query(query)
                        .sort(sort, SortOrder.DESC)
                        .sort(StoredTemplate.TEMPLATE_ID, SortOrder.ASC)
                        .from(from)
                        .size(size);
        access.<SearchResponse>run(
                l -> client.search(new SearchRequest(INDEX).source(source), l),
                ActionListener.wrap(
                        response -> {
                            List<StoredTemplate> templates = new ArrayList<>();
                            for (SearchHit hit : response.getHits().getHits()) {
                                templates.add(StoredTemplate.fromSource(hit.getSourceAsMap()));
                            }
                            listener.onResponse(templates);
                        },
                        listener::onFailure));
    }

    /** One template by id, or null. */
    public void get(String id, ActionListener<StoredTemplate> listener) {
        if (access.exists(INDEX) == false) {
            listener.onResponse(null);
            return;
        }
        access.<GetResponse>run(
                l -> client.get(new GetRequest(INDEX, id), l),
                ActionListener.wrap(
                        response ->
                                listener.onResponse(
                                        response.isExists()
                                                ? StoredTemplate.fromSource(
                                                        response.getSourceAsMap())
                                                : null),
                        listener::onFailure));
    }

    /** Deletes every stored template of a namespace; the listener gets how many. */
    public void deleteNamespace(String namespace, ActionListener<Long> listener) {
        if (access.exists(INDEX) == false) {
            listener.onResponse(0L);
            return;
        }
        deletePage(namespace, 0L, listener);
    }

    private void deletePage(String namespace, long deleted, ActionListener<Long> listener) {
        SearchSourceBuilder source =
                new SearchSourceBuilder()
                        .query(QueryBuilders.termQuery(StoredTemplate.NAMESPACE, namespace))
                        .fetchSource(false)
                        .size(PAGE);
        access.<SearchResponse>run(
                l -> client.search(new SearchRequest(INDEX).source(source), l),
                ActionListener.wrap(
                        response -> {
                            SearchHit[] hits = response.getHits().getHits();
                            if (hits.length == 0) {
                                listener.onResponse(deleted);
                                return;
                            }
                            BulkRequest bulk =
                                    new BulkRequest()
                                            .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
                            for (SearchHit hit : hits) {
                                bulk.add(new DeleteRequest(INDEX, hit.getId()));
                            }
                            access.<BulkResponse>run(
                                    l -> client.bulk(bulk, l),
                                    ActionListener.wrap(
                                            result -> {
                                                if (result.hasFailures()) {
                                                    listener.onFailure(
                                                            new IllegalStateException(
                                                                    "deleting templates of ["
                                                                            + namespace
                                                                            + "] failed: "
                                                                            + result
                                                                                    .buildFailureMessage()));
                                                } else {
                                                    deletePage(
                                                            namespace,
                                                            deleted + hits.length,
                                                            listener);
                                                }
                                            },
                                            listener::onFailure));
                        },
                        listener::onFailure));
    }

    /** Makes stored templates visible to searches now (tests and the REST list after a flush). */
    void refresh(ActionListener<Void> listener) {
        if (access.exists(INDEX) == false) {
            listener.onResponse(null);
            return;
        }
        access.<RefreshResponse>run(
                l -> client.admin().indices().prepareRefresh(INDEX).execute(l),
                ActionListener.map(listener, r -> null));
    }
}
