package org.opensearch.aiops.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.opensearch.Version;
import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionType;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.cluster.ClusterName;
import org.opensearch.cluster.ClusterState;
import org.opensearch.cluster.metadata.IndexMetadata;
import org.opensearch.cluster.metadata.Metadata;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.index.get.GetResult;
import org.opensearch.test.ClusterServiceUtils;
import org.opensearch.test.OpenSearchTestCase;
import org.opensearch.test.client.NoOpClient;
import org.opensearch.threadpool.TestThreadPool;
import org.opensearch.threadpool.ThreadPool;

/**
 * Reading a projection never waits on the caller's thread (the code_context processor calls it on ingest threads):
 * the index read is only started, and its listener answers later. Before, the first document blocked up to 10 s.
 */
public class ProjectionStoreTests extends OpenSearchTestCase {

    private ThreadPool threadPool;
    private ClusterService clusterService;
    /** Index reads the store started, each answered by the test when it chooses. */
    private final List<ActionListener<GetResponse>> reads = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000);
    private ProjectionStore store;

    @Override
    public void setUp() throws Exception {
        super.setUp();
        threadPool = new TestThreadPool(getTestName());
        IndexMetadata index = IndexMetadata.builder(ProjectionStore.INDEX).settings(settings(Version.CURRENT)).numberOfShards(1).numberOfReplicas(0).build();
        ClusterState state = ClusterState.builder(new ClusterName("test")).metadata(Metadata.builder().put(index, false)).build();
        clusterService = ClusterServiceUtils.createClusterService(state, threadPool);
        NoOpClient client = new NoOpClient(threadPool) {
            @Override
            @SuppressWarnings("unchecked")
            protected <Request extends ActionRequest, Response extends ActionResponse> void doExecute(
                ActionType<Response> action,
                Request request,
                ActionListener<Response> listener
            ) {
                assertTrue(request.toString(), request instanceof GetRequest);
                reads.add((ActionListener<GetResponse>) listener);
            }
        };
        store = new ProjectionStore(new SystemIndexAccess(client, clusterService, threadPool), clock::get);
    }

    @Override
    public void tearDown() throws Exception {
        clusterService.close();
        terminate(threadPool);
        super.tearDown();
    }

    public void testFirstReadAnswersLaterAndConcurrentReadsShareOneIndexRead() throws Exception {
        AtomicReference<PcaProjection> first = new AtomicReference<>();
        AtomicReference<PcaProjection> second = new AtomicReference<>();
        store.get("spans", ActionListener.wrap(first::set, e -> fail(e.toString())));
        store.get("spans", ActionListener.wrap(second::set, e -> fail(e.toString())));
        assertNull("the caller must not wait for the index", first.get());
        assertEquals("one index read for both documents", 1, reads.size());

        PcaProjection projection = projection();
        reads.get(0).onResponse(found(projection));
        assertNotNull(first.get());
        assertArrayEquals(projection.mean(), second.get().mean(), 0f);

        AtomicReference<PcaProjection> cached = new AtomicReference<>();
        store.get("spans", ActionListener.wrap(cached::set, e -> fail(e.toString())));
        assertNotNull("in memory now: answered at once", cached.get());
        assertEquals(1, reads.size());
    }

    /** A refit on another node reaches this one: an old cached projection is used while a fresh one is read. */
    public void testOldProjectionIsReadAgainInTheBackground() throws Exception {
        store.preload("spans");
        assertEquals("a pipeline naming the projection starts reading it", 1, reads.size());
        reads.get(0).onResponse(found(projection()));

        clock.addAndGet(ProjectionStore.REFRESH_MILLIS);
        AtomicReference<PcaProjection> stale = new AtomicReference<>();
        store.get("spans", ActionListener.wrap(stale::set, e -> fail(e.toString())));
        assertNotNull("the cached one answers at once", stale.get());
        assertEquals(2, reads.size());
        PcaProjection refit = projection();
        reads.get(1).onResponse(found(refit));

        AtomicReference<PcaProjection> fresh = new AtomicReference<>();
        store.get("spans", ActionListener.wrap(fresh::set, e -> fail(e.toString())));
        assertArrayEquals(refit.mean(), fresh.get().mean(), 0f);
    }

    public void testMissingProjectionFailsNamingIt() {
        AtomicReference<Exception> failure = new AtomicReference<>();
        store.get("nope", ActionListener.wrap(p -> fail("unexpected " + p), failure::set));
        reads.get(0).onResponse(new GetResponse(new GetResult(ProjectionStore.INDEX, "nope", -2, 0, -1, false, null, null, null)));
        assertTrue(failure.get() instanceof IllegalArgumentException);
        assertTrue(failure.get().getMessage(), failure.get().getMessage().contains("pca projection [nope] not found"));
    }

    private static PcaProjection projection() {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            vectors.add(new float[] { randomFloat(), randomFloat(), randomFloat(), randomFloat() });
        }
        return PcaProjection.fit("spans", vectors, 0.9);
    }

    private static GetResponse found(PcaProjection projection) throws Exception {
        Map<String, Object> source = projection.toSource();
        BytesReference bytes = BytesReference.bytes(XContentFactory.jsonBuilder().map(source));
        return new GetResponse(new GetResult(ProjectionStore.INDEX, projection.name(), 0, 1, 1, true, bytes, null, null));
    }
}
