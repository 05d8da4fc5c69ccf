/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.io.Closeable;
import java.util.concurrent.TimeUnit;

import org.opensearch.Version;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionType;
import org.opensearch.action.get.GetResponse;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.cluster.ClusterName;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.metadata.Metadata;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.index.get.GetResult;
import org.opensearch.test.client.NoOpClient;
import org.opensearch.threadpool.TestThreadPool;
import org.opensearch.threadpool.ThreadPool;

/**
 * For tests that answer the projection store's index reads themselves: a thread pool and a cluster
 * that has the projections index (close both with {@link #close}), a client that hands each call to
 * the test, and answers.
 */
public final class ProjectionsIndexFixture implements Closeable {

    public final ThreadPool threadPool;
    public final ClusterService clusterService;

    public ProjectionsIndexFixture(String name) {
        threadPool = new TestThreadPool(name);
        clusterService = clusterService(threadPool);
    }

    /** Access to system indices through a client whose every call goes to {@code calls}. */
    public SystemIndexAccess access(Calls calls) {
        return new SystemIndexAccess(client(threadPool, calls), clusterService, threadPool);
    }

    @Override
    public void close() {
        clusterService.close();
        ThreadPool.terminate(threadPool, 10, TimeUnit.SECONDS);
    }

    private static ClusterService clusterService(ThreadPool threadPool) {
        IndexMetadata index =
                IndexMetadata.builder(ProjectionStore.INDEX)
                        .settings(
                                Settings.builder()
                                        .put(
                                                IndexMetadata.SETTING_VERSION_CREATED,
                                                Version.CURRENT))
                        .numberOfShards(1)
                        .numberOfReplicas(0)
                        .build();
        ClusterState state =
                ClusterState.builder(new ClusterName("test"))
                        .metadata(Metadata.builder().put(index, false))
                        .build();
        return org.opensearch.test.ClusterServiceUtils.createClusterService(state, threadPool);
    }

    /** What a test's client does with each call; it answers the listener now, later, or never. */
    public interface Calls {
        void handle(
                ActionType<?> action,
                ActionRequest request,
                ActionListener<ActionResponse> listener);
    }

    /** A client whose every call goes to {@code calls}. */
    private static NoOpClient client(ThreadPool threadPool, Calls calls) {
        return new NoOpClient(threadPool) {
            @Override
            @SuppressWarnings("unchecked")
            protected <Request extends ActionRequest, Response extends ActionResponse>
                    void doExecute(
                            ActionType<Response> action,
                            Request request,
                            ActionListener<Response> listener) {
                calls.handle(action, request, (ActionListener<ActionResponse>) listener);
            }
        };
    }

    public static GetResponse found(PcaProjection projection) throws Exception {
        BytesReference source =
                BytesReference.bytes(XContentFactory.jsonBuilder().map(projection.toSource()));
        return new GetResponse(
                new GetResult(
                        ProjectionStore.INDEX,
                        projection.name(),
                        0,
                        1,
                        1,
                        true,
                        source,
                        null,
                        null));
    }

    public static GetResponse notFound(String name) {
        return new GetResponse(
                new GetResult(ProjectionStore.INDEX, name, -2, 0, -1, false, null, null, null));
    }
}
