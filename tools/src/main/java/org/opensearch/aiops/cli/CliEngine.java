/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.nio.file.Path;

import org.opensearch.aiops.engine.DjlEngine;

/**
 * The neural engine of the command line: DJL on the cache that {@code ./aiops} fills from Maven
 * artifacts as for a node ({@code -Daiops.djl.cache}, default {@code .aiops/djl_cache}), offline,
 * so nothing downloads at run time.
 */
final class CliEngine {

    private CliEngine() {}

    /**
     * @param threads PyTorch intra-op threads
     */
    static DjlEngine open(int threads) {
        String dir =
                System.getProperty(
                        "aiops.djl.cache",
                        System.getProperty("aiops.root", ".") + "/.aiops/djl_cache");
        DjlEngine.optOutOfTracking();
        DjlEngine engine = DjlEngine.forCache(Path.of(dir), threads, 1);
        if (engine.pytorchCacheReady() == false) {
            throw new IllegalStateException(
                    "no PyTorch natives in the DJL cache "
                            + dir
                            + "; ./aiops fills it (prefill_djl_cache) before eval and bench");
        }
        return engine;
    }
}
