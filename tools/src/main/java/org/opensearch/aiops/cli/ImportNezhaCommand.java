/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.opensearch.aiops.importer.ImportSummary;
import org.opensearch.aiops.importer.NezhaDataset;
import org.opensearch.aiops.importer.NezhaFolder;
import org.opensearch.aiops.importer.NezhaImporter;
import org.opensearch.aiops.io.HttpNodeClient;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops import nezha}: the Nezha TrainTicket data (spans with code context, logs, pod
 * metrics, injected faults) into a running node; idempotent. Exit code 1 if the node refused any
 * document.
 */
@Command(
        name = "nezha",
        mixinStandardHelpOptions = true,
        description = "Load Nezha's TrainTicket traces, logs, metrics and fault list into a node")
public final class ImportNezhaCommand implements Callable<Integer> {
    @Option(
            names = "--input",
            defaultValue = "${sys:aiops.root}/../shared/datasets/nezha-trainticket",
            description = "dataset folder (default: ${DEFAULT-VALUE})")
    Path input;

    @Option(
            names = "--url",
            defaultValue = "http://127.0.0.1:9200",
            description = "the node (default: ${DEFAULT-VALUE})")
    String url;

    @Option(
            names = "--days",
            split = ",",
            paramLabel = "YYYY-MM-DD",
            description = "only these days (comma-separated; default: all)")
    List<String> days = new ArrayList<>();

    @Option(
            names = "--limit-files",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "per day folder, only the first N time slices (trace + log file) and N metric files; 0 = all")
    int limitFiles;

    @Option(
            names = "--batch-size",
            defaultValue = "2000",
            description = "documents per _bulk request (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        ImportSummary summary;
        try {
            summary = importAll();
        } catch (IllegalArgumentException | ConnectException e) {
            System.err.println("import nezha: " + e.getMessage());
            return 2;
        }
        System.out.println(summary.line());
        if (summary.errors() > 0) {
            System.err.println(
                    "the node refused " + summary.errors() + " documents; first reasons:");
            summary.firstErrors().forEach(reason -> System.err.println("  " + reason));
            return 1;
        }
        return 0;
    }

    private ImportSummary importAll() throws IOException, InterruptedException {
        List<NezhaFolder> folders = new NezhaDataset(input.normalize()).select(days, limitFiles);
        NezhaImporter importer = new NezhaImporter(new HttpNodeClient(url), batchSize);
        int total = folders.stream().mapToInt(NezhaFolder::fileCount).sum();
        // A fixed width: asking the terminal for its width loads a native library and warns on
        // recent JDKs.
        try (ProgressBar progress =
                new ProgressBarBuilder()
                        .setTaskName("import")
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" files", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err, 140))
                        .build()) {
            return importer.run(
                    folders,
                    file -> {
                        progress.step();
                        progress.setExtraMessage(importer.counts());
                    });
        }
    }
}
