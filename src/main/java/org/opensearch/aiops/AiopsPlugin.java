package org.opensearch.aiops;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.opensearch.action.ActionRequest;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.aiops.engine.EngineSelfCheck;
import org.opensearch.aiops.engine.SentenceEmbedder;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.job.AiopsJobParser;
import org.opensearch.aiops.job.AiopsJobRunner;
import org.opensearch.aiops.rest.RestAiopsInfoAction;
import org.opensearch.aiops.rest.RestEmbedAction;
import org.opensearch.aiops.rest.RestEngineCheckAction;
import org.opensearch.aiops.settings.AiopsSettings;
import org.opensearch.aiops.transport.embed.EmbedAction;
import org.opensearch.aiops.transport.embed.TransportEmbedAction;
import org.opensearch.aiops.transport.engine.EngineCheckAction;
import org.opensearch.aiops.transport.engine.TransportEngineCheckAction;
import org.opensearch.aiops.transport.info.InfoAction;
import org.opensearch.aiops.transport.info.TransportInfoAction;
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

/** Wiring only: settings, components, actions, REST handlers, processors, jobs and system indices. */
public class AiopsPlugin extends Plugin implements ActionPlugin, IngestPlugin, SystemIndexPlugin, JobSchedulerExtension {

    public static final String NAME = "aiops";
    /** Training and inference run here, never on transport or search threads. */
    public static final String ENGINE_THREAD_POOL = "aiops_engine";
    public static final String JOB_TYPE = "aiops";
    /** Ingest processors this plugin registers (filled by the processor issues). */
    public static final List<String> PROCESSORS = List.of();
    /** Detector types of the detector registry (filled by the detector issues). */
    public static final List<String> DETECTOR_TYPES = List.of();

    static {
        DjlEngine.optOutOfTracking();
    }

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
        Supplier<RepositoriesService> repositoriesServiceSupplier
    ) {
        Settings settings = environment.settings();
        DjlEngine engine = new DjlEngine(environment.dataFiles()[0], settings);
        SentenceEmbedder embedder = new SentenceEmbedder(
            engine,
            environment.pluginsDir().resolve(NAME).resolve("models").resolve(SentenceEmbedder.MODEL_NAME)
        );
        AiopsJobRunner.getInstance().setExecutor(threadPool.executor(ENGINE_THREAD_POOL));
        return List.of(engine, embedder, new EngineSelfCheck(engine, embedder));
    }

    @Override
    public List<Setting<?>> getSettings() {
        return AiopsSettings.all();
    }

    @Override
    public List<ExecutorBuilder<?>> getExecutorBuilders(Settings settings) {
        return List.of(
            new FixedExecutorBuilder(settings, ENGINE_THREAD_POOL, AiopsSettings.ENGINE_POOL_SIZE.get(settings), 100, "plugins.aiops.engine_pool")
        );
    }

    @Override
    public List<ActionHandler<? extends ActionRequest, ? extends ActionResponse>> getActions() {
        return List.of(
            new ActionHandler<>(InfoAction.INSTANCE, TransportInfoAction.class),
            new ActionHandler<>(EngineCheckAction.INSTANCE, TransportEngineCheckAction.class),
            new ActionHandler<>(EmbedAction.INSTANCE, TransportEmbedAction.class)
        );
    }

    @Override
    public List<RestHandler> getRestHandlers(
        Settings settings,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster
    ) {
        return List.of(new RestAiopsInfoAction(), new RestEngineCheckAction(), new RestEmbedAction(settings, clusterSettings));
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
