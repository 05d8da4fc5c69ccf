/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import org.opensearch.aiops.eval.SpanEmbeddingBenchmark;
import org.opensearch.aiops.io.HttpNodeClient;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops bench embed}: code-context embedding costs on real spans. Imports one Nezha slice
 * into the node first when it holds no {@code jaeger-span-*} documents yet.
 */
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        description =
                "Cold and cached code-context embedding rates, and the _bulk ratio with code_context")
public final class BenchEmbedCommand implements Callable<Integer> {

    @Option(
            names = "--url",
            required = true,
            description = "a node with the plugin (./aiops bench embed starts one)")
    String url;

    @Option(
            names = "--input",
            defaultValue = "${sys:aiops.root}/../shared/datasets/nezha-trainticket",
            description =
                    "Nezha dataset, imported when the node has no spans (default: ${DEFAULT-VALUE})")
    String input;

    @Option(
            names = "--spans",
            defaultValue = "10000",
            description = "spans read back from the node (default: ${DEFAULT-VALUE})")
    int spans;

    @Option(
            names = "--texts",
            defaultValue = "300",
            description = "distinct texts embedded cold (default: ${DEFAULT-VALUE})")
    int texts;

    @Override
    public Integer call() throws Exception {
        HttpNodeClient node = new HttpNodeClient(url);
        if (node.send("GET", "/jaeger-span-*/_count", null).body().matches(".*\"count\":0[,}].*")
                || node.exists("/jaeger-span-*") == false) {
            int imported =
                    new CommandLine(new ImportNezhaCommand())
                            .execute(
                                    "--url",
                                    url,
                                    "--input",
                                    input,
                                    "--limit-files",
                                    "1",
                                    "--days",
                                    "2023-01-29");
            if (imported != 0) {
                return imported;
            }
        }
        SpanEmbeddingBenchmark.Result result = new SpanEmbeddingBenchmark(node).run(spans, texts);
        System.out.printf(
                Locale.ROOT,
                "spans=%d distinct_contexts=%d%n",
                result.spans(),
                result.distinctContexts());
        System.out.printf(Locale.ROOT, "embed cold texts/s=%.0f%n", result.coldTextsPerSecond());
        System.out.printf(
                Locale.ROOT, "embed cached spans/s=%.0f%n", result.cachedSpansPerSecond());
        System.out.printf(Locale.ROOT, "bulk ratio=%.2f%n", result.bulkRatio());
        return 0;
    }
}
