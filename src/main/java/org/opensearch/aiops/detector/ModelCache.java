/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.opensearch.OpenSearchStatusException;
import org.opensearch.core.common.unit.ByteSizeValue;
import org.opensearch.core.rest.RestStatus;

/**
 * The node's loaded detector models within one memory budget ({@code
 * plugins.aiops.models.max_memory}): least recently used models leave memory first (they are
 * reloaded from checkpoints when needed again), and training reserves its estimated memory up
 * front, so that work the budget cannot hold is refused with 429 rather than running out of heap.
 */
public final class ModelCache {

    private final LinkedHashMap<String, TrainedModel> models = new LinkedHashMap<>(16, 0.75f, true);
    private long used;
    private long reserved;
    private long budget;
    private long evictions;

    public ModelCache(ByteSizeValue budget) {
        this.budget = budget.getBytes();
    }

    public synchronized void setBudget(ByteSizeValue budget) {
        this.budget = budget.getBytes();
        evictUntilFree(0);
    }

    public static String key(String detectorId, String entityKey) {
        return detectorId + '\u0000' + entityKey;
    }

    public synchronized TrainedModel get(String detectorId, String entityKey) {
        return models.get(key(detectorId, entityKey));
    }

    /**
     * Keeps the model when it fits the budget after evicting older ones; a model larger than the
     * budget is refused.
     */
    public synchronized void put(String detectorId, String entityKey, TrainedModel model) {
        long size = model.ramBytes();
        if (size > budget - reserved) {
            throw refused(
                    "a model of " + new ByteSizeValue(size) + " for entity [" + entityKey + "]",
                    size);
        }
        TrainedModel previous = models.remove(key(detectorId, entityKey));
        if (previous != null) {
            used -= previous.ramBytes();
        }
        evictUntilFree(size);
        models.put(key(detectorId, entityKey), model);
        used += size;
    }

    /** Drops every model of the detector (retrained or deleted). */
    public synchronized void invalidate(String detectorId) {
        Iterator<Map.Entry<String, TrainedModel>> it = models.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, TrainedModel> entry = it.next();
            if (entry.getKey().startsWith(detectorId + '\u0000')) {
                used -= entry.getValue().ramBytes();
                it.remove();
            }
        }
    }

    /** Fails with 429 when work of this size could not get a reservation now. */
    public synchronized void checkFits(long bytes, String what) {
        if (bytes > budget - reserved) {
            throw refused(what, bytes);
        }
    }

    /** Reserves memory for work about to run (training); close the reservation when done. */
    public synchronized Reservation reserve(long bytes, String what) {
        if (bytes > budget - reserved) {
            throw refused(what, bytes);
        }
        evictUntilFree(bytes);
        reserved += bytes;
        return new Reservation(bytes);
    }

    private OpenSearchStatusException refused(String what, long bytes) {
        return new OpenSearchStatusException(
                what
                        + " needs about "
                        + new ByteSizeValue(bytes)
                        + " of model memory, but plugins.aiops.models.max_memory is "
                        + new ByteSizeValue(budget)
                        + " with "
                        + new ByteSizeValue(reserved)
                        + " reserved by running training; "
                        + "lower [training.max_samples], train fewer entities at once or raise the setting",
                RestStatus.TOO_MANY_REQUESTS);
    }

    private void evictUntilFree(long needed) {
        Iterator<Map.Entry<String, TrainedModel>> it = models.entrySet().iterator();
        while (used + reserved + needed > budget && it.hasNext()) {
            used -= it.next().getValue().ramBytes();
            it.remove();
            evictions++;
        }
    }

    public synchronized ModelMemory stats() {
        return new ModelMemory(models.size(), used, reserved, budget, evictions);
    }

    /** Memory held for running work. */
    public final class Reservation implements AutoCloseable {
        private final long bytes;
        private boolean released;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            synchronized (ModelCache.this) {
                if (released == false) {
                    reserved -= bytes;
                    released = true;
                }
            }
        }
    }
}
