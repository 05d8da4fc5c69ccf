/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.aiops.engine.SentenceEmbedder;
import org.opensearch.aiops.eval.TraceDetection;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops eval trace}: the {@code trace_graph} detector on a Nezha TrainTicket day, trained
 * on fault-free data only (issue 12's evaluation); see {@link TraceDetection}.
 */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description =
                "P/R/F1 of the trace_graph detector per event, trace and (pod, minute) window on a"
                        + " Nezha day")
public final class EvalTraceCommand implements Callable<Integer> {

    @Option(
            names = "--data",
            required = true,
            description =
                    "the scored day, e.g. ../shared/datasets/nezha-trainticket/rca_data/2023-01-29")
    Path data;

    @Option(
            names = "--normal",
            required = true,
            split = ",",
            description = "fault-free day folders the model trains on (construct_data/<day>)")
    List<Path> normal;

    @Option(
            names = "--pre",
            description =
                    "also train on the 60 s before each injection of the scored day (not within"
                            + " 180 s after any injection); those spans are not scored")
    boolean pre;

    @Option(
            names = "--rename",
            defaultValue = "0",
            description =
                    "share of the scored data's pods renamed (new instance suffix, same service)"
                            + " (default: ${DEFAULT-VALUE})")
    double rename;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "seed of --rename's choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--out",
            description =
                    "write one CSV row per scored event: trace_id,span_id,src_pod,dst_pod,start_us,score,is_anomaly, then for diagnosis callee_operation, raw (the reconstruction error) and share_<group> (each attribute group's share of it)")
    Path out;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "PyTorch and ONNX intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        DjlEngine engine = CliEngine.open(threads);
        Path models =
                Path.of(System.getProperty("aiops.root", "."), "target", "models")
                        .resolve(SentenceEmbedder.MODEL_NAME);
        try (SentenceEmbedder embedder = new SentenceEmbedder(engine, models)) {
            new TraceDetection(
                            new TraceDetection.Options(data, normal, pre, rename, seed, out),
                            engine,
                            embedder,
                            System.out)
                    .run();
        }
        return 0;
    }
}
