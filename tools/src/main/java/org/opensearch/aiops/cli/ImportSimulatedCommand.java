/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.net.ConnectException;
import java.util.concurrent.Callable;

import org.opensearch.aiops.importer.NezhaIndices;
import org.opensearch.aiops.importer.SimulatedTraces;
import org.opensearch.aiops.io.BulkWriter;
import org.opensearch.aiops.io.HttpNodeClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops import simulated}: Jaeger spans of a small simulated shop ({@link
 * SimulatedTraces}) ending now, the last minutes with a fault in one pod's code path; needs no
 * dataset. Prints the time ranges on its last line for scripts.
 */
@Command(
        name = "simulated",
        mixinStandardHelpOptions = true,
        description =
                "Write spans of a simulated microservice shop, with one code-path fault, into a node")
public final class ImportSimulatedCommand implements Callable<Integer> {

    @Option(
            names = "--url",
            defaultValue = "http://127.0.0.1:9200",
            description = "the node (default: ${DEFAULT-VALUE})")
    String url;

    @Option(
            names = "--minutes",
            defaultValue = "8",
            description = "minutes of traces ending now (default: ${DEFAULT-VALUE})")
    int minutes;

    @Option(
            names = "--fault-minutes",
            defaultValue = "2",
            description =
                    "the last minutes before the end have the fault (default: ${DEFAULT-VALUE})")
    int faultMinutes;

    @Option(
            names = "--end-lag",
            defaultValue = "60",
            description = "seconds before now the traces end (default: ${DEFAULT-VALUE})")
    int endLagSeconds;

    @Option(
            names = "--per-second",
            defaultValue = "5",
            description = "traces per second (default: ${DEFAULT-VALUE})")
    int perSecond;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (minutes < 2
                || faultMinutes < 1
                || faultMinutes >= minutes
                || perSecond < 1
                || perSecond > 1000) {
            System.err.println(
                    "import simulated: need --minutes ≥ 2, 1 ≤ --fault-minutes < --minutes, 1 ≤ --per-second ≤ 1000");
            return 2;
        }
        long end = System.currentTimeMillis() - endLagSeconds * 1000L;
        long from = end - minutes * 60_000L;
        long faultFrom = end - faultMinutes * 60_000L;
        HttpNodeClient node = new HttpNodeClient(url);
        try {
            NezhaIndices.ensure(node);
        } catch (ConnectException e) {
            System.err.println("import simulated: " + e.getMessage());
            return 2;
        }
        BulkWriter writer = new BulkWriter(node, 2000);
        long[] spans = {0};
        new SimulatedTraces(seed)
                .generate(
                        from,
                        end,
                        faultFrom,
                        end,
                        perSecond,
                        s -> {
                            writer.index(
                                    s.span().index(),
                                    s.span().id(),
                                    s.span().document(s.contexts()),
                                    null);
                            spans[0]++;
                        });
        writer.flush();
        NezhaIndices.refresh(node);
        if (writer.failed() > 0) {
            System.err.println(
                    "the node refused " + writer.failed() + " spans: " + writer.firstReasons());
            return 1;
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "simulated spans=%d from=%d fault_from=%d to=%d faulty_pod=%s%n",
                spans[0],
                from,
                faultFrom,
                end,
                SimulatedTraces.FAULTY_POD);
        return 0;
    }
}
