/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.opensearch.aiops.settings.AiopsSettings;
import org.opensearch.common.settings.Settings;
import org.opensearch.secure_sm.AccessController;

import ai.djl.engine.Engine;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * The one accessor through which this plugin touches DJL. DJL, PyTorch and ONNX Runtime belong to
 * ML Commons (which this plugin extends): a second copy of libtorch in the process aborts the JVM.
 * Every call therefore runs with ML Commons' system properties and with ML Commons' classloader as
 * the thread context classloader, exactly as ML Commons does for its own models.
 */
public final class DjlEngine {

    public static final String PYTORCH = "PyTorch";
    public static final String ONNX_RUNTIME = "OnnxRuntime";

    /**
     * The PyTorch build ML Commons 3.6 uses; the node scripts pre-fill it into the cache for
     * offline machines.
     */
    public static final String PYTORCH_VERSION = "2.5.1";

    /** ML Commons 3.6's DJL; its JNI library is cached under this version's name. */
    public static final String DJL_VERSION = "0.31.1";

    private static final Map<String, String> NATIVE_LIBRARY_OF =
            Map.of(PYTORCH, "libtorch_cpu.so", ONNX_RUNTIME, "libonnxruntime.so");

    private final Path cacheDir;
    private final int intraOpThreads;
    private final int interOpThreads;

    /**
     * DJL phones home the first time its Engine class initialises; the security agent denies that
     * connection when our plugin is on the stack and DJL's Engine stays broken for ML Commons too.
     * Must run before any DJL class loads.
     */
    public static void optOutOfTracking() {
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    /**
     * @param dataPath the node's first {@code path.data}; ML Commons keeps its DJL cache under
     *     {@code ml_cache} there.
     */
    public DjlEngine(Path dataPath, Settings settings) {
        this(
                dataPath.resolve("ml_cache"),
                AiopsSettings.ENGINE_INTRA_OP_THREADS.get(settings),
                AiopsSettings.ENGINE_INTER_OP_THREADS.get(settings));
    }

    private DjlEngine(Path cacheDir, int intraOpThreads, int interOpThreads) {
        this.cacheDir = cacheDir.toAbsolutePath();
        this.intraOpThreads = intraOpThreads;
        this.interOpThreads = interOpThreads;
    }

    /**
     * An engine outside a node (the command line, unit tests) on a DJL cache filled the way {@code
     * ./aiops node start} fills a node's (see {@code prefill_djl_cache} in the {@code aiops}
     * script); DJL is kept offline, so nothing downloads.
     */
    public static DjlEngine forCache(Path cacheDir, int intraOpThreads, int interOpThreads) {
        System.setProperty("ai.djl.offline", "true");
        return new DjlEngine(cacheDir, intraOpThreads, interOpThreads);
    }

    /** True when the PyTorch natives this engine needs are in its cache. */
    public boolean pytorchCacheReady() {
        return Files.isRegularFile(pytorchCacheDir().resolve(djlLibraryName()));
    }

    private static String djlLibraryName() {
        return DJL_VERSION + "-libdjl_torch.so";
    }

    /**
     * Runs {@code work} with ML Commons' DJL environment and classloader; restores the caller's
     * classloader after.
     */
    public <T> T call(Callable<T> work) throws Exception {
        applyProperties();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ai.djl.Model.class.getClassLoader());
        try {
            // Privileged: callers run with core on the stack (REST, ingest threads), whose domain
            // may not read the cache.
            return AccessController.doPrivilegedChecked(work::call);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The training configuration both neural models use: Adam at a fixed learning rate with
     * gradients clipped at 1, and an L2 loss (the trace network computes its own joint loss).
     */
    static DefaultTrainingConfig adamL2(float learningRate) {
        return new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(
                        Optimizer.adam()
                                .optLearningRateTracker(Tracker.fixed(learningRate))
                                .optClipGrad(1f)
                                .build());
    }

    public int intraOpThreads() {
        return intraOpThreads;
    }

    public int interOpThreads() {
        return interOpThreads;
    }

    /**
     * Which engines DJL can offer and which native runtimes are already in this process, whoever
     * loaded them (ML Commons or us). Reading the process maps does not load anything, so the info
     * endpoint stays cheap.
     */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        List<String> maps = processMaps();
        Map<String, Object> engines = new LinkedHashMap<>();
        for (String name : List.of(PYTORCH, ONNX_RUNTIME)) {
            String library = NATIVE_LIBRARY_OF.get(name);
            boolean loaded = maps.stream().anyMatch(line -> line.endsWith("/" + library));
            engines.put(name, Map.of("native_library", library, "loaded", loaded));
        }
        status.put("djl_version", djlVersion());
        status.put("classloader", "opensearch-ml");
        status.put("cache_dir", cacheDir.toString());
        status.put("pytorch_cache_ready", Files.isDirectory(pytorchCacheDir()));
        status.put("engines", engines);
        maps.stream()
                .filter(line -> line.startsWith("error: "))
                .findFirst()
                .ifPresent(error -> status.put("native_detection_error", error));
        return status;
    }

    private String djlVersion() {
        try {
            return call(Engine::getDjlVersion);
        } catch (Exception | LinkageError e) {
            return "unavailable: " + e;
        }
    }

    private Path pytorchCacheDir() {
        return cacheDir.resolve("pytorch").resolve(PYTORCH_VERSION + "-cpu-precxx11-linux-x86_64");
    }

    /**
     * Lines of /proc/self/maps; a failure to read it is reported in the status instead of guessing.
     */
    private static List<String> processMaps() {
        try {
            return AccessController.doPrivilegedChecked(
                    () -> Files.readAllLines(Path.of("/proc/self/maps")));
        } catch (IOException | RuntimeException e) {
            return List.of("error: " + e);
        }
    }

    // The same values ML Commons sets before it loads a model; setting them again is idempotent.
    private void applyProperties() {
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("DJL_CACHE_DIR", cacheDir.toString());
        System.setProperty("java.library.path", cacheDir.toString());
        System.setProperty("PYTORCH_VERSION", PYTORCH_VERSION);
        System.setProperty("PYTORCH_PRECXX11", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", intraOpThreads);
        setIfAbsent("ai.djl.pytorch.num_interop_threads", interOpThreads);
    }

    private static void setIfAbsent(String key, int value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, Integer.toString(value));
        }
    }
}
