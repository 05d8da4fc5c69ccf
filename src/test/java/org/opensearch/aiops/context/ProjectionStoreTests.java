/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.opensearch.action.get.GetRequest;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.test.OpenSearchTestCase;

/**
 * Reading a projection never waits on the caller's thread (the code_context processor calls it on
 * ingest threads): the index read is only started, and its listener answers later. Before, the
 * first document blocked up to 10 s.
 */
public class ProjectionStoreTests extends OpenSearchTestCase {

    /** Index reads the store started, each answered by the test when it chooses. */
    private final List<ActionListener<ActionResponse>> reads = new ArrayList<>();

    private final AtomicLong clock = new AtomicLong(1_000);
    private ProjectionsIndexFixture fixture;
    private ProjectionStore store;

    @Override
    public void setUp() throws Exception {
        super.setUp();
        fixture = new ProjectionsIndexFixture(getTestName());
        store =
                new ProjectionStore(
                        fixture.access(
                                (action, request, listener) -> {
                                    assertTrue(request.toString(), request instanceof GetRequest);
                                    reads.add(listener);
                                }),
                        clock::get);
    }

    @Override
    public void tearDown() throws Exception {
        fixture.close();
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
        reads.get(0).onResponse(ProjectionsIndexFixture.found(projection));
        assertNotNull(first.get());
        assertArrayEquals(projection.mean(), second.get().mean(), 0f);

        AtomicReference<PcaProjection> cached = new AtomicReference<>();
        store.get("spans", ActionListener.wrap(cached::set, e -> fail(e.toString())));
        assertNotNull("in memory now: answered at once", cached.get());
        assertEquals(1, reads.size());
    }

    /**
     * A refit on another node reaches this one: an old cached projection is used while a fresh one
     * is read.
     */
    public void testOldProjectionIsReadAgainInTheBackground() throws Exception {
        store.preload("spans");
        assertEquals("a pipeline naming the projection starts reading it", 1, reads.size());
        reads.get(0).onResponse(ProjectionsIndexFixture.found(projection()));

        clock.addAndGet(ProjectionStore.REFRESH_MILLIS);
        AtomicReference<PcaProjection> stale = new AtomicReference<>();
        store.get("spans", ActionListener.wrap(stale::set, e -> fail(e.toString())));
        assertNotNull("the cached one answers at once", stale.get());
        assertEquals(2, reads.size());
        PcaProjection refit = projection();
        reads.get(1).onResponse(ProjectionsIndexFixture.found(refit));

        AtomicReference<PcaProjection> fresh = new AtomicReference<>();
        store.get("spans", ActionListener.wrap(fresh::set, e -> fail(e.toString())));
        assertArrayEquals(refit.mean(), fresh.get().mean(), 0f);
    }

    public void testMissingProjectionFailsNamingIt() {
        AtomicReference<Exception> failure = new AtomicReference<>();
        store.get("nope", ActionListener.wrap(p -> fail("unexpected " + p), failure::set));
        reads.get(0).onResponse(ProjectionsIndexFixture.notFound("nope"));
        assertTrue(failure.get() instanceof IllegalArgumentException);
        assertTrue(
                failure.get().getMessage(),
                failure.get().getMessage().contains("pca projection [nope] not found"));
    }

    private static PcaProjection projection() {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            vectors.add(new float[] {randomFloat(), randomFloat(), randomFloat(), randomFloat()});
        }
        return PcaProjection.fit("spans", vectors, 0.9);
    }
}
