/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.index;

import java.util.function.Consumer;

import org.opensearch.ResourceAlreadyExistsException;
import org.opensearch.action.admin.indices.create.CreateIndexRequest;
import org.opensearch.action.admin.indices.create.CreateIndexResponse;
import org.opensearch.action.support.ContextPreservingActionListener;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.action.ActionListener;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

/**
 * How the plugin reaches its system indices: as itself (not the user whose request triggered it),
 * created on demand.
 */
public final class SystemIndexAccess {

    private final Client client;
    private final ClusterService clusterService;
    private final ThreadPool threadPool;

    public SystemIndexAccess(Client client, ClusterService clusterService, ThreadPool threadPool) {
        this.client = client;
        this.clusterService = clusterService;
        this.threadPool = threadPool;
    }

    public Client client() {
        return client;
    }

    public boolean exists(String index) {
        return clusterService.state().metadata().hasIndex(index);
    }

    /**
     * Creates the index with its JSON mapping (one shard, a replica where there is a node for it)
     * unless it exists.
     */
    public void ensure(String index, ActionListener<Void> listener) {
        if (exists(index)) {
            listener.onResponse(null);
            return;
        }
        CreateIndexRequest create =
                new CreateIndexRequest(index)
                        .mapping(AiopsIndices.mapping(index))
                        .settings(
                                Settings.builder()
                                        .put("index.number_of_shards", 1)
                                        .put("index.auto_expand_replicas", "0-1")
                                        .put("index.hidden", true));
        this.<CreateIndexResponse>run(
                l -> client.admin().indices().create(create, l),
                ActionListener.wrap(
                        r -> listener.onResponse(null),
                        e -> {
                            if (e instanceof ResourceAlreadyExistsException) {
                                listener.onResponse(null);
                            } else {
                                listener.onFailure(e);
                            }
                        }));
    }

    /**
     * Runs a client call with a stashed thread context; the listener runs in the caller's restored
     * context.
     */
    public <T> void run(Consumer<ActionListener<T>> call, ActionListener<T> listener) {
        ThreadContext context = threadPool.getThreadContext();
        ActionListener<T> restoring =
                new ContextPreservingActionListener<>(
                        context.newRestorableContext(false), listener);
        try (ThreadContext.StoredContext ignored = context.stashContext()) {
            call.accept(restoring);
        }
    }
}
