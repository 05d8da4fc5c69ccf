/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.opensearch.aiops.detector.DetectorScore;
import org.opensearch.aiops.detector.EpochLog;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.CallEvents;
import org.opensearch.aiops.detector.input.SpanInput;
import org.opensearch.aiops.detector.trace.TraceGraphModel;
import org.opensearch.aiops.detector.trace.TraceGraphParams;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.aiops.importer.SimulatedTraces;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./aiops bench trace}: trace_graph's training seconds per epoch, scoring events/s and model
 * memory, in the JVM on the engine a node uses, over call events of the simulated shop ({@link
 * SimulatedTraces}, built by the plugin's own span code), so no dataset is needed.
 */
@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        description = "trace_graph: seconds per training epoch, scoring events/s, model memory")
public final class BenchTraceCommand implements Callable<Integer> {

    @Option(
            names = "--events",
            defaultValue = "50000",
            description = "training events (default: ${DEFAULT-VALUE})")
    int events;

    @Option(
            names = "--score-events",
            defaultValue = "20000",
            description = "events scored in the measured pass (default: ${DEFAULT-VALUE})")
    int scoreEvents;

    @Option(
            names = "--epochs",
            defaultValue = "3",
            description = "epochs timed (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        // The shop makes 4 call events per trace; 25 traces a second.
        List<CallEvent> all = simulated((events + scoreEvents) / 4 + 1);
        List<CallEvent> training = all.subList(0, Math.min(events, all.size()));
        List<CallEvent> scored =
                all.subList(training.size(), Math.min(all.size(), training.size() + scoreEvents));
        DjlEngine engine = CliEngine.open(threads);
        TraceGraphParams d = TraceGraphParams.DEFAULTS;
        TraceGraphParams params =
                new TraceGraphParams(
                        epochs,
                        epochs,
                        d.batch(),
                        d.learningRate(),
                        d.memory(),
                        d.embedding(),
                        d.alpha(),
                        d.beta(),
                        d.theta(),
                        d.validation(),
                        Math.max(d.maxTrainingEvents(), events),
                        d.seed(),
                        d.lateSpanWait());
        long start = System.nanoTime();
        TraceGraphModel model = TraceGraphModel.train(engine, params, training, null);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        List<EpochLog> log = model.epochs();
        double epochSeconds =
                log.stream().mapToDouble(EpochLog::seconds).average().orElse(Double.NaN);
        start = System.nanoTime();
        List<DetectorScore> scores = model.scoreAll(scored);
        double scoreSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "trace_graph events=%d (training %.0f %%, validation %.0f %%) epochs=%d batch=%d threads=%d%n",
                training.size(),
                100 * (1 - params.validation()),
                100 * params.validation(),
                log.size(),
                params.batch(),
                threads);
        System.out.printf(
                Locale.ROOT,
                "epoch seconds=%s%n",
                log.stream().map(e -> String.format(Locale.ROOT, "%.2f", e.seconds())).toList());
        System.out.printf(
                Locale.ROOT,
                "training seconds=%.1f (epochs, then replaying the training events and scoring the validation ones)%n",
                trainSeconds);
        System.out.printf(
                Locale.ROOT,
                "model memory_bytes=%d checkpoint_bytes=%d nodes=%d%n",
                model.ramBytes(),
                model.toBytes().length,
                model.nodes());
        System.out.printf(
                Locale.ROOT,
                "trace bench: seconds/epoch=%.2f on %d events, scoring events/s=%.0f (%d events)%n",
                epochSeconds,
                training.size(),
                scores.size() / scoreSeconds,
                scores.size());
        return 0;
    }

    private static List<CallEvent> simulated(int traces) throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        long from = 1_700_000_000_000L;
        long to = from + traces * 40L; // 25 traces a second
        new SimulatedTraces(11)
                .generate(from, to, to, to, 25, s -> docs.add(s.span().document(s.contexts())));
        return CallEvents.of(docs, SpanInput.defaults(), Long.MIN_VALUE).events();
    }
}
