/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.settings;

import java.util.List;

import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Setting.Property;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.unit.ByteSizeValue;

/** Every {@code plugins.aiops.*} setting, in one place. */
public final class AiopsSettings {

    public static final String PREFIX = "plugins.aiops.";

    /**
     * Intra-op threads DJL engines may use (PyTorch and ONNX Runtime); one keeps search threads
     * free on small nodes.
     */
    public static final Setting<Integer> ENGINE_INTRA_OP_THREADS =
            Setting.intSetting(PREFIX + "engine.intra_op_threads", 1, 1, Property.NodeScope);

    /** Inter-op threads DJL engines may use. */
    public static final Setting<Integer> ENGINE_INTER_OP_THREADS =
            Setting.intSetting(PREFIX + "engine.inter_op_threads", 1, 1, Property.NodeScope);

    /**
     * Threads of the pool that runs training and inference, off the transport and search threads.
     */
    public static final Setting<Integer> ENGINE_POOL_SIZE =
            Setting.intSetting(PREFIX + "engine.pool_size", 2, 1, 64, Property.NodeScope);

    /** Largest number of texts one embedding request may carry. */
    public static final Setting<Integer> EMBED_MAX_TEXTS =
            Setting.intSetting(
                    PREFIX + "embed.max_texts",
                    256,
                    1,
                    10_000,
                    Property.NodeScope,
                    Property.Dynamic);

    /**
     * How often each node flushes its template activity and reads other nodes' templates (the sync
     * delay bound is about twice this plus 1 s).
     */
    public static final Setting<TimeValue> TEMPLATES_SYNC_INTERVAL =
            Setting.positiveTimeSetting(
                    PREFIX + "templates.sync_interval",
                    TimeValue.timeValueSeconds(1),
                    Property.NodeScope);

    /**
     * Templates all namespaces of a node may hold in memory together; beyond it, least recently
     * used namespaces leave memory.
     */
    public static final Setting<Integer> TEMPLATES_MAX_TOTAL =
            Setting.intSetting(
                    PREFIX + "templates.max_total",
                    100_000,
                    1,
                    Property.NodeScope,
                    Property.Dynamic);

    /** Code-context embeddings kept in memory per node (about 1.6 KB each). */
    public static final Setting<Integer> CODE_CONTEXT_CACHE_SIZE =
            Setting.intSetting(PREFIX + "code_context.cache_size", 10_000, 1, Property.NodeScope);

    /**
     * Heap all loaded detector models of a node may use together; training that would exceed it is
     * refused (429).
     */
    public static final Setting<ByteSizeValue> MODELS_MAX_MEMORY =
            Setting.memorySizeSetting(
                    PREFIX + "models.max_memory", "10%", Property.NodeScope, Property.Dynamic);

    /**
     * The one detector pool of earlier versions, now split into {@link #DETECTOR_TRAIN_POOL_SIZE}
     * and {@link #DETECTOR_SCORE_POOL_SIZE}. Still accepted, so a node whose configuration sets it
     * starts; it has no effect and logs a deprecation warning.
     */
    public static final Setting<Integer> DETECTOR_POOL_SIZE =
            Setting.intSetting(
                    PREFIX + "detector.pool_size",
                    2,
                    1,
                    64,
                    Property.NodeScope,
                    Property.Deprecated);

    /**
     * Threads that train detectors (pool {@code aiops_train}): one by default, so a training leaves
     * a core to the node.
     */
    public static final Setting<Integer> DETECTOR_TRAIN_POOL_SIZE =
            Setting.intSetting(PREFIX + "detector.train_pool_size", 1, 1, 64, Property.NodeScope);

    /**
     * Threads that score detectors, for real-time jobs and history runs (pool {@code aiops_score}).
     */
    public static final Setting<Integer> DETECTOR_SCORE_POOL_SIZE =
            Setting.intSetting(PREFIX + "detector.score_pool_size", 2, 1, 64, Property.NodeScope);

    /** Documents read per page when a detector reads its source indices. */
    public static final Setting<Integer> DETECTOR_PAGE_SIZE =
            Setting.intSetting(
                    PREFIX + "detector.page_size",
                    5_000,
                    10,
                    10_000,
                    Property.NodeScope,
                    Property.Dynamic);

    public static List<Setting<?>> all() {
        return List.of(
                ENGINE_INTRA_OP_THREADS,
                ENGINE_INTER_OP_THREADS,
                ENGINE_POOL_SIZE,
                EMBED_MAX_TEXTS,
                TEMPLATES_SYNC_INTERVAL,
                TEMPLATES_MAX_TOTAL,
                CODE_CONTEXT_CACHE_SIZE,
                MODELS_MAX_MEMORY,
                DETECTOR_POOL_SIZE,
                DETECTOR_TRAIN_POOL_SIZE,
                DETECTOR_SCORE_POOL_SIZE,
                DETECTOR_PAGE_SIZE);
    }

    private AiopsSettings() {}
}
