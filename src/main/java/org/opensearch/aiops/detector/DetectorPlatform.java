/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.detector.input.MetricReader;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.aiops.settings.AiopsSettings;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.threadpool.FixedExecutorBuilder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;

/**
 * The detector platform's parts, wired once per node: the service behind the endpoints, the results
 * reader and the types.
 */
public record DetectorPlatform(
        DetectorTypes types, DetectorService service, DetectorResults results) {

    /** Trainings run here, apart from requests and scoring. */
    public static final String TRAIN_THREAD_POOL = "aiops_train";

    /** Real-time job runs and history runs score here. */
    public static final String SCORE_THREAD_POOL = "aiops_score";

    /** The two bounded pools; a full queue refuses work with 429. */
    public static List<FixedExecutorBuilder> executorBuilders(Settings settings) {
        return List.of(
                new FixedExecutorBuilder(
                        settings,
                        TRAIN_THREAD_POOL,
                        AiopsSettings.DETECTOR_TRAIN_POOL_SIZE.get(settings),
                        10,
                        "plugins.aiops.train_pool"),
                new FixedExecutorBuilder(
                        settings,
                        SCORE_THREAD_POOL,
                        AiopsSettings.DETECTOR_SCORE_POOL_SIZE.get(settings),
                        100,
                        "plugins.aiops.score_pool"));
    }

    public static DetectorPlatform create(
            Client client,
            ClusterService clusterService,
            ThreadPool threadPool,
            NamedXContentRegistry xContentRegistry,
            SystemIndexAccess systemIndices,
            Settings settings,
            DetectorTypes types) {
        ModelCache cache = new ModelCache(AiopsSettings.MODELS_MAX_MEMORY.get(settings));
        clusterService
                .getClusterSettings()
                .addSettingsUpdateConsumer(AiopsSettings.MODELS_MAX_MEMORY, cache::setBudget);
        ModelCheckpoints checkpoints = new ModelCheckpoints(systemIndices);
        DetectorStore store = new DetectorStore(systemIndices, types, xContentRegistry);
        MetricReader reader =
                new MetricReader(client, AiopsSettings.DETECTOR_PAGE_SIZE.get(settings));
        clusterService
                .getClusterSettings()
                .addSettingsUpdateConsumer(AiopsSettings.DETECTOR_PAGE_SIZE, reader::setPageSize);
        LongSupplier clock = threadPool::absoluteTimeInMillis;
        int pageSize = AiopsSettings.DETECTOR_PAGE_SIZE.get(settings);
        Function<DetectorInput, UnitInput<?>> units =
                input -> UnitInput.of(input, client, pageSize);
        DetectorTrainer trainer =
                new DetectorTrainer(
                        store,
                        reader,
                        checkpoints,
                        cache,
                        types,
                        clock,
                        threadPool.executor(TRAIN_THREAD_POOL),
                        () -> clusterService.localNode().getEphemeralId(),
                        units);
        DetectorService service =
                new DetectorService(
                        client,
                        types,
                        store,
                        new DetectorValidator(client),
                        trainer,
                        new DetectorScorer(
                                store,
                                reader,
                                checkpoints,
                                cache,
                                types,
                                new ResultIndex(client, clusterService),
                                clock,
                                units),
                        new DetectorJobs(systemIndices),
                        checkpoints,
                        cache,
                        clock,
                        threadPool.executor(SCORE_THREAD_POOL),
                        () -> clusterService.state().nodes());
        return new DetectorPlatform(types, service, new DetectorResults(client, store));
    }
}
