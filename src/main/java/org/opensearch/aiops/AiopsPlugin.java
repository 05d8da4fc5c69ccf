/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.util.SetOnce;
import org.opensearch.action.ActionRequest;
import org.opensearch.aiops.context.CodeContextService;
import org.opensearch.aiops.context.CodeContextStore;
import org.opensearch.aiops.context.MlCommonsEmbedder;
import org.opensearch.aiops.context.ProjectionStore;
import org.opensearch.aiops.detector.DetectorJobs;
import org.opensearch.aiops.detector.DetectorPlatform;
import org.opensearch.aiops.detector.DetectorType;
import org.opensearch.aiops.detector.DetectorTypes;
import org.opensearch.aiops.detector.metric.MetricDetectorType;
import org.opensearch.aiops.detector.trace.TraceGraphType;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.aiops.engine.EngineSelfCheck;
import org.opensearch.aiops.engine.SentenceEmbedder;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.aiops.ingest.CodeContextProcessor;
import org.opensearch.aiops.ingest.CodeContextProcessorFactory;
import org.opensearch.aiops.ingest.LogTemplateProcessor;
import org.opensearch.aiops.ingest.LogTemplateProcessorFactory;
import org.opensearch.aiops.job.AiopsJobParser;
import org.opensearch.aiops.job.AiopsJobRunner;
import org.opensearch.aiops.rest.RestAiopsInfoAction;
import org.opensearch.aiops.rest.RestDeleteTemplatesAction;
import org.opensearch.aiops.rest.RestDetectorAction;
import org.opensearch.aiops.rest.RestEmbedAction;
import org.opensearch.aiops.rest.RestEngineCheckAction;
import org.opensearch.aiops.rest.RestFitPcaAction;
import org.opensearch.aiops.rest.RestGetTemplatesAction;
import org.opensearch.aiops.rest.RestJaegerSetupAction;
import org.opensearch.aiops.rest.RestParseTemplatesAction;
import org.opensearch.aiops.rest.RestTemplateNodesAction;
import org.opensearch.aiops.settings.AiopsSettings;
import org.opensearch.aiops.template.store.TemplateService;
import org.opensearch.aiops.template.store.TemplateStore;
import org.opensearch.aiops.template.store.TemplateSync;
import org.opensearch.aiops.transport.detector.*;
import org.opensearch.aiops.transport.embed.EmbedAction;
import org.opensearch.aiops.transport.embed.TransportEmbedAction;
import org.opensearch.aiops.transport.engine.EngineCheckAction;
import org.opensearch.aiops.transport.engine.TransportEngineCheckAction;
import org.opensearch.aiops.transport.info.InfoAction;
import org.opensearch.aiops.transport.info.TransportInfoAction;
import org.opensearch.aiops.transport.jaeger.JaegerSetupAction;
import org.opensearch.aiops.transport.jaeger.TransportJaegerSetupAction;
import org.opensearch.aiops.transport.pca.FitPcaAction;
import org.opensearch.aiops.transport.pca.TransportFitPcaAction;
import org.opensearch.aiops.transport.template.DeleteTemplatesAction;
import org.opensearch.aiops.transport.template.ListTemplatesAction;
import org.opensearch.aiops.transport.template.ParseTemplatesAction;
import org.opensearch.aiops.transport.template.TemplateNodesAction;
import org.opensearch.aiops.transport.template.TransportDeleteTemplatesAction;
import org.opensearch.aiops.transport.template.TransportListTemplatesAction;
import org.opensearch.aiops.transport.template.TransportParseTemplatesAction;
import org.opensearch.aiops.transport.template.TransportTemplateNodesAction;
import org.opensearch.cluster.metadata.IndexNameExpressionResolver;
import org.opensearch.cluster.node.DiscoveryNodes;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.ClusterSettings;
import org.opensearch.common.settings.IndexScopedSettings;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.settings.SettingsFilter;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.env.Environment;
import org.opensearch.env.NodeEnvironment;
import org.opensearch.indices.SystemIndexDescriptor;
import org.opensearch.ingest.Processor;
import org.opensearch.jobscheduler.spi.JobSchedulerExtension;
import org.opensearch.jobscheduler.spi.ScheduledJobParser;
import org.opensearch.jobscheduler.spi.ScheduledJobRunner;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.IngestPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SystemIndexPlugin;
import org.opensearch.repositories.RepositoriesService;
import org.opensearch.rest.RestController;
import org.opensearch.rest.RestHandler;
import org.opensearch.script.ScriptService;
import org.opensearch.threadpool.ExecutorBuilder;
import org.opensearch.threadpool.FixedExecutorBuilder;
import org.opensearch.threadpool.ThreadPool;
import org.opensearch.transport.client.Client;
import org.opensearch.watcher.ResourceWatcherService;

/**
 * Wiring only: settings, components, actions, REST handlers, processors, jobs and system indices.
 */
public class AiopsPlugin extends Plugin
        implements ActionPlugin, IngestPlugin, SystemIndexPlugin, JobSchedulerExtension {

    public static final String NAME = "aiops";

    /** Training and inference run here, never on transport or search threads. */
    public static final String ENGINE_THREAD_POOL = "aiops_engine";

    public static final String JOB_TYPE = "aiops";

    /** Ingest processors this plugin registers. */
    public static final List<String> PROCESSORS =
            List.of(LogTemplateProcessor.TYPE, CodeContextProcessor.TYPE);

    static {
        DjlEngine.optOutOfTracking();
    }

    /**
     * Created in createComponents, which runs after the ingest service asked for the processor
     * factories.
     */
    private final SetOnce<TemplateService> templateService = new SetOnce<>();

    private final SetOnce<TemplateSync> templateSync = new SetOnce<>();
    private final SetOnce<CodeContextService> codeContextService = new SetOnce<>();
    private final SetOnce<SentenceEmbedder> sentenceEmbedder = new SetOnce<>();
    private final SetOnce<DetectorTypes> detectorTypes = new SetOnce<>();

    public static String version() {
        String version = AiopsPlugin.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    @Override
    public Collection<Object> createComponents(
            Client client,
            ClusterService clusterService,
            ThreadPool threadPool,
            ResourceWatcherService resourceWatcherService,
            ScriptService scriptService,
            NamedXContentRegistry xContentRegistry,
            Environment environment,
            NodeEnvironment nodeEnvironment,
            NamedWriteableRegistry namedWriteableRegistry,
            IndexNameExpressionResolver indexNameExpressionResolver,
            Supplier<RepositoriesService> repositoriesServiceSupplier) {
        Settings settings = environment.settings();
        DjlEngine engine = new DjlEngine(environment.dataFiles()[0], settings);
        SentenceEmbedder embedder =
                new SentenceEmbedder(
                        engine,
                        environment
                                .pluginsDir()
                                .resolve(NAME)
                                .resolve("models")
                                .resolve(SentenceEmbedder.MODEL_NAME));
        sentenceEmbedder.set(embedder);
        AiopsJobRunner.getInstance()
                .setExecutor(threadPool.executor(DetectorPlatform.SCORE_THREAD_POOL));

        TemplateService templates =
                new TemplateService(
                        threadPool::absoluteTimeInMillis,
                        AiopsSettings.TEMPLATES_MAX_TOTAL.get(settings));
        clusterService
                .getClusterSettings()
                .addSettingsUpdateConsumer(
                        AiopsSettings.TEMPLATES_MAX_TOTAL, templates::setMaxTotalTemplates);
        SystemIndexAccess systemIndices = new SystemIndexAccess(client, clusterService, threadPool);
        TemplateStore store =
                new TemplateStore(
                        systemIndices,
                        () -> clusterService.localNode().getId(),
                        threadPool::absoluteTimeInMillis);
        TemplateSync sync = new TemplateSync(templates, store, clusterService, threadPool);
        sync.start(AiopsSettings.TEMPLATES_SYNC_INTERVAL.get(settings));
        templateService.set(templates);
        templateSync.set(sync);

        ProjectionStore projections =
                new ProjectionStore(systemIndices, threadPool::relativeTimeInMillis);
        CodeContextService codeContexts =
                new CodeContextService(
                        embedder,
                        new MlCommonsEmbedder(client),
                        new CodeContextStore(systemIndices),
                        projections,
                        AiopsSettings.CODE_CONTEXT_CACHE_SIZE.get(settings));
        codeContextService.set(codeContexts);

        List<DetectorType<?>> typeList = new ArrayList<>(MetricDetectorType.all(engine));
        typeList.add(new TraceGraphType(engine));
        DetectorTypes types = new DetectorTypes(typeList);
        detectorTypes.set(types);
        DetectorPlatform detectors =
                DetectorPlatform.create(
                        client,
                        clusterService,
                        threadPool,
                        xContentRegistry,
                        systemIndices,
                        settings,
                        types);
        AiopsJobRunner.getInstance()
                .register(
                        DetectorJobs.KIND,
                        job -> detectors.service().runScheduled(job.getTargetId()));
        return List.of(
                engine,
                embedder,
                new EngineSelfCheck(engine, embedder),
                templates,
                store,
                sync,
                codeContexts,
                projections,
                types,
                detectors.service(),
                detectors.results());
    }

    /**
     * Detector params travel between nodes by their type's name; the readers need no node service.
     */
    @Override
    public List<NamedWriteableRegistry.Entry> getNamedWriteables() {
        List<NamedWriteableRegistry.Entry> entries =
                new ArrayList<>(MetricDetectorType.namedWriteables());
        entries.addAll(TraceGraphType.namedWriteables());
        return entries;
    }

    @Override
    public List<Setting<?>> getSettings() {
        return AiopsSettings.all();
    }

    @Override
    public List<ExecutorBuilder<?>> getExecutorBuilders(Settings settings) {
        List<ExecutorBuilder<?>> builders =
                new ArrayList<>(DetectorPlatform.executorBuilders(settings));
        builders.add(
                new FixedExecutorBuilder(
                        settings,
                        ENGINE_THREAD_POOL,
                        AiopsSettings.ENGINE_POOL_SIZE.get(settings),
                        100,
                        "plugins.aiops.engine_pool"));
        return builders;
    }

    @Override
    public List<ActionHandler<? extends ActionRequest, ? extends ActionResponse>> getActions() {
        return List.of(
                new ActionHandler<>(InfoAction.INSTANCE, TransportInfoAction.class),
                new ActionHandler<>(EngineCheckAction.INSTANCE, TransportEngineCheckAction.class),
                new ActionHandler<>(EmbedAction.INSTANCE, TransportEmbedAction.class),
                new ActionHandler<>(
                        ListTemplatesAction.INSTANCE, TransportListTemplatesAction.class),
                new ActionHandler<>(
                        ParseTemplatesAction.INSTANCE, TransportParseTemplatesAction.class),
                new ActionHandler<>(
                        DeleteTemplatesAction.INSTANCE, TransportDeleteTemplatesAction.class),
                new ActionHandler<>(
                        TemplateNodesAction.INSTANCE, TransportTemplateNodesAction.class),
                new ActionHandler<>(JaegerSetupAction.INSTANCE, TransportJaegerSetupAction.class),
                new ActionHandler<>(FitPcaAction.INSTANCE, TransportFitPcaAction.class),
                new ActionHandler<>(DetectorActions.CREATE, TransportCreateDetectorAction.class),
                new ActionHandler<>(DetectorActions.GET, TransportGetDetectorAction.class),
                new ActionHandler<>(DetectorActions.UPDATE, TransportUpdateDetectorAction.class),
                new ActionHandler<>(DetectorActions.DELETE, TransportDeleteDetectorAction.class),
                new ActionHandler<>(DetectorActions.SEARCH, TransportSearchDetectorsAction.class),
                new ActionHandler<>(
                        DetectorActions.VALIDATE, TransportValidateDetectorAction.class),
                new ActionHandler<>(DetectorActions.TRAIN, TransportTrainDetectorAction.class),
                new ActionHandler<>(DetectorActions.PROFILE, TransportProfileDetectorAction.class),
                new ActionHandler<>(DetectorActions.START, TransportStartDetectorAction.class),
                new ActionHandler<>(DetectorActions.STOP, TransportStopDetectorAction.class),
                new ActionHandler<>(DetectorActions.RUN, TransportRunDetectorAction.class),
                new ActionHandler<>(
                        DetectorActions.RESULTS_SEARCH, TransportSearchResultsAction.class),
                new ActionHandler<>(DetectorActions.RESULTS_TOP, TransportTopResultsAction.class),
                new ActionHandler<>(
                        DetectorActions.RESULTS_ROOT_CAUSE, TransportRootCauseAction.class));
    }

    @Override
    public List<RestHandler> getRestHandlers(
            Settings settings,
            RestController restController,
            ClusterSettings clusterSettings,
            IndexScopedSettings indexScopedSettings,
            SettingsFilter settingsFilter,
            IndexNameExpressionResolver indexNameExpressionResolver,
            Supplier<DiscoveryNodes> nodesInCluster) {
        List<RestHandler> handlers = new ArrayList<>(RestDetectorAction.all(detectorTypes.get()));
        handlers.addAll(
                List.of(
                        new RestAiopsInfoAction(),
                        new RestEngineCheckAction(),
                        new RestEmbedAction(settings, clusterSettings),
                        new RestGetTemplatesAction(),
                        new RestParseTemplatesAction(),
                        new RestDeleteTemplatesAction(),
                        new RestTemplateNodesAction(),
                        new RestJaegerSetupAction(),
                        new RestFitPcaAction()));
        return handlers;
    }

    @Override
    public Map<String, Processor.Factory> getProcessors(Processor.Parameters parameters) {
        return Map.of(
                LogTemplateProcessor.TYPE,
                new LogTemplateProcessorFactory(templateService::get),
                CodeContextProcessor.TYPE,
                new CodeContextProcessorFactory(codeContextService::get));
    }

    @Override
    public void close() {
        TemplateSync sync = templateSync.get();
        if (sync != null) {
            sync.close();
        }
        SentenceEmbedder embedder = sentenceEmbedder.get();
        if (embedder != null) {
            embedder.close(); // the ONNX session and tokenizer hold native memory
        }
    }

    @Override
    public Collection<SystemIndexDescriptor> getSystemIndexDescriptors(Settings settings) {
        return AiopsIndices.systemIndexDescriptors();
    }

    @Override
    public String getJobType() {
        return JOB_TYPE;
    }

    @Override
    public String getJobIndex() {
        return AiopsIndices.JOBS;
    }

    @Override
    public ScheduledJobRunner getJobRunner() {
        return AiopsJobRunner.getInstance();
    }

    @Override
    public ScheduledJobParser getJobParser() {
        return new AiopsJobParser();
    }
}
