/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.opensearch.aiops.eval.BulkPipelineBenchmark;
import org.opensearch.aiops.eval.LoghubDataset;
import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.DrainParser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops bench parse}: single-thread parse throughput with the default config over the
 * Loghub-2k contents replicated to at least {@code --lines} lines (one parser per system, as
 * namespaces would be), after warm-up rounds.
 */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        description = "Lines per second of the log_template parser, one thread")
public final class BenchParseCommand implements Callable<Integer> {
    @Option(
            names = "--input",
            defaultValue = "${sys:aiops.root}/../shared/datasets/loghub-2k",
            description = "Loghub-2k folder (default: ${DEFAULT-VALUE})")
    Path input;

    @Option(
            names = "--lines",
            defaultValue = "1000000",
            description = "lines per measured round (default: ${DEFAULT-VALUE})")
    int lines;

    @Option(
            names = "--rounds",
            defaultValue = "5",
            description = "measured rounds; the best is reported (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(
            names = "--warmup",
            defaultValue = "3",
            description = "warm-up rounds (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--url",
            description =
                    "a node with the plugin: also measure _bulk docs/s with the processor as default pipeline over without (./aiops starts one)")
    String url;

    @Override
    public Integer call() throws Exception {
        List<LoghubDataset> datasets = LoghubDataset.loadAll(input, false);
        if (datasets.isEmpty()) {
            System.err.println("no datasets under " + input);
            return 2;
        }
        int total = datasets.stream().mapToInt(d -> d.contents().size()).sum();
        int copies = Math.max(1, (lines + total - 1) / total);
        double best = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            List<DrainParser> parsers = new ArrayList<>();
            for (LoghubDataset d : datasets) {
                parsers.add(new DrainParser(d.system(), DrainConfig.defaults()));
            }
            long checksum = 0;
            long start = System.nanoTime();
            for (int c = 0; c < copies; c++) {
                for (int s = 0; s < datasets.size(); s++) {
                    DrainParser parser = parsers.get(s);
                    for (String line : datasets.get(s).contents()) {
                        checksum += parser.parse(line).parameters().size();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = (double) copies * total / seconds;
            String phase = round < warmup ? "warmup" : "round";
            System.err.printf(
                    Locale.ROOT,
                    "%s %d: %.0f lines/s (%d lines, checksum %d)%n",
                    phase,
                    round,
                    rate,
                    copies * total,
                    checksum);
            if (round >= warmup) {
                best = Math.max(best, rate);
            }
        }
        System.out.printf(Locale.ROOT, "parse lines/s/thread=%.0f%n", best);
        if (url != null) {
            BulkPipelineBenchmark.Result bulk =
                    new BulkPipelineBenchmark(url).run(datasets, 2000, 5, 4);
            System.out.printf(
                    Locale.ROOT,
                    "bulk docs/s plain=%.0f log_template=%.0f same_shape_set_pipeline=%.0f (ratio %.2f)%nbulk ratio=%.2f%n",
                    bulk.plainDocsPerSecond(),
                    bulk.pipelineDocsPerSecond(),
                    bulk.sameShapeDocsPerSecond(),
                    bulk.sameShapeRatio(),
                    bulk.ratio());
        }
        return 0;
    }
}
