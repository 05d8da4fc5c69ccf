/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.opensearch.action.support.PlainActionFuture;
import org.opensearch.aiops.AiopsPlugin;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.index.reindex.ReindexModulePlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.test.OpenSearchSingleNodeTestCase;
import org.opensearch.threadpool.ThreadPool;

/**
 * Models in the checkpoints index: split into 1 MB chunks, put back together, an incomplete set
 * ignored, deleted.
 */
public class ModelCheckpointsSingleNodeTests extends OpenSearchSingleNodeTestCase {

    @Override
    protected Collection<Class<? extends Plugin>> getPlugins() {
        return List.of(AiopsPlugin.class, ReindexModulePlugin.class);
    }

    private ModelCheckpoints checkpoints() {
        return new ModelCheckpoints(
                new SystemIndexAccess(
                        client(),
                        getInstanceFromNode(ClusterService.class),
                        getInstanceFromNode(ThreadPool.class)));
    }

    /**
     * Saving and loading wait for the cluster, so they run on the training pool, as in the plugin.
     */
    private <T> T onTrainingPool(Callable<T> work) throws Exception {
        return getInstanceFromNode(ThreadPool.class)
                .executor(DetectorPlatform.TRAIN_THREAD_POOL)
                .submit(work)
                .get();
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public void testChunkedRoundTripSubsetAndIncompleteSets() throws Exception {
        ModelCheckpoints checkpoints = checkpoints();
        byte[] large = bytes(ModelCheckpoints.CHUNK_BYTES * 2 + 12_345, 1); // three chunks
        byte[] small = bytes(100, 2);
        byte[] empty = new byte[0];
        List<ModelCheckpoints.Checkpoint> saved =
                List.of(
                        new ModelCheckpoints.Checkpoint(
                                "host=a", Map.of("host", "a"), "aiops-model/metric_knn", large),
                        new ModelCheckpoints.Checkpoint(
                                "host=b", Map.of("host", "b"), "aiops-model/metric_knn", small),
                        new ModelCheckpoints.Checkpoint(
                                "host=c", Map.of(), "aiops-model/metric_knn", empty));
        onTrainingPool(
                () -> {
                    checkpoints.save("d1", saved, 1_000);
                    return null;
                });
        List<ModelCheckpoints.Checkpoint> loaded =
                onTrainingPool(() -> checkpoints.load("d1", null));
        assertEquals(3, loaded.size());
        for (ModelCheckpoints.Checkpoint expected : saved) {
            ModelCheckpoints.Checkpoint actual =
                    loaded.stream()
                            .filter(c -> c.entityKey().equals(expected.entityKey()))
                            .findFirst()
                            .orElseThrow();
            assertArrayEquals(expected.entityKey(), expected.bytes(), actual.bytes());
            assertEquals(expected.entity(), actual.entity());
            assertEquals(expected.format(), actual.format());
        }
        assertEquals(
                List.of("host=b"),
                onTrainingPool(() -> checkpoints.load("d1", List.of("host=b"))).stream()
                        .map(c -> c.entityKey())
                        .toList());
        assertTrue(
                "another detector's models are apart",
                onTrainingPool(() -> checkpoints.load("d2", null)).isEmpty());

        // a training cut off while writing leaves a partial set: it is not a model
        client().prepareDelete(AiopsIndices.CHECKPOINTS, ModelCheckpoints.id("d1", "host=a", 1))
                .setRefreshPolicy("true")
                .get();
        List<String> complete =
                onTrainingPool(() -> checkpoints.load("d1", null)).stream()
                        .map(c -> c.entityKey())
                        .sorted()
                        .toList();
        assertEquals(List.of("host=b", "host=c"), complete);

        PlainActionFuture<Long> deleted = PlainActionFuture.newFuture();
        checkpoints.deleteAll("d1", deleted);
        assertEquals(
                Long.valueOf(2 + 1 + 1),
                deleted.get()); // two chunks left of host=a, one each of b and c
        assertTrue(onTrainingPool(() -> checkpoints.load("d1", null)).isEmpty());
        assertFalse(Arrays.equals(large, small));
    }
}
