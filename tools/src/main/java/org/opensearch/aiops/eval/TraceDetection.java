/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.opensearch.aiops.context.CodeContextText;
import org.opensearch.aiops.context.PcaProjection;
import org.opensearch.aiops.detector.Contribution;
import org.opensearch.aiops.detector.DetectorScore;
import org.opensearch.aiops.detector.ThresholdSpec;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.CallEvents;
import org.opensearch.aiops.detector.input.SpanInput;
import org.opensearch.aiops.detector.trace.TraceGraphModel;
import org.opensearch.aiops.detector.trace.TraceGraphParams;
import org.opensearch.aiops.detector.trace.TraceRollup;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.aiops.engine.SentenceEmbedder;
import org.opensearch.aiops.engine.TraceGraphNetwork;
import org.opensearch.aiops.importer.InjectedFault;
import org.opensearch.aiops.importer.LogRow;

import me.tongfei.progressbar.ProgressBar;

/**
 * Issue 12's evaluation of the {@code trace_graph} detector on a Nezha day: call events built by
 * the plugin's own code from Jaeger documents, enriched as the ingest processors and joins would
 * (code context with its PCA projection, the callee's log templates, both instances' KPIs of the
 * minute), a model trained on normal data only, the day scored in minute chunks in time order with
 * the threshold as it stands after each chunk, and P/R/F1 per event, trace and (pod, minute)
 * window.
 */
public final class TraceDetection {

    /** Scoring chunk: a scoring job's interval. */
    static final long CHUNK_MILLIS = 60_000;

    /** {@code --pre}: the stretch before each injection taken as normal training data. */
    static final long PRE_MILLIS = 60_000;

    public record Options(
            Path data, List<Path> normal, boolean pre, double rename, long seed, Path out) {}

    /** A day's call events and the code-context text of each event's callee span. */
    /**
     * A day's events; per event key, the code-context texts of the call (the callee's, then its
     * inner spans' in start order) and the spans the call ran in its instance (for the logs join).
     */
    private record DayEvents(
            List<CallEvent> events,
            Map<String, List<String>> texts,
            Map<String, List<String>> spansOfCall) {}

    private final Options options;
    private final DjlEngine engine;
    private final SentenceEmbedder embedder;
    private final PrintStream out;
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private long phaseStart = System.nanoTime();

    public TraceDetection(
            Options options, DjlEngine engine, SentenceEmbedder embedder, PrintStream out) {
        this.options = options;
        this.engine = engine;
        this.embedder = embedder;
        this.out = out;
    }

    public void run() throws Exception {
        phaseStart = System.nanoTime();
        // Read
        List<NezhaTraceDay> normalDays = new ArrayList<>();
        for (Path p : options.normal()) {
            normalDays.add(NezhaTraceDay.read(p));
        }
        NezhaTraceDay day = NezhaTraceDay.read(options.data());
        if (day.faults().isEmpty()) {
            throw new IllegalArgumentException(
                    "[data] " + options.data() + " has no fault list: nothing to evaluate");
        }
        phase("read CSVs");

        // Templates: normal logs first, then the scored day, each in time order.
        SpanTemplates templates = new SpanTemplates();
        List<LogRow> normalLogs = new ArrayList<>();
        normalDays.forEach(d -> normalLogs.addAll(d.logs()));
        normalLogs.sort(Comparator.comparingLong(LogRow::timeNanos));
        templates.parse(normalLogs);
        templates.parse(day.logs());
        phase("parse templates");

        // Events, as the plugin builds them from Jaeger documents.
        List<CallEvent> normalEvents = new ArrayList<>();
        Map<String, List<String>> texts = new HashMap<>();
        for (NezhaTraceDay d : normalDays) {
            DayEvents e = events(d);
            texts.putAll(e.texts());
            for (CallEvent event : e.events()) {
                normalEvents.add(enrich(event, d, templates, e.spansOfCall()));
            }
            out.printf(
                    Locale.ROOT,
                    "normal data: %s spans=%d duplicate_spans=%d log_lines=%d events=%d"
                            + " kpi_pods=%d (%s)%n",
                    d.path(),
                    d.spans().size(),
                    d.duplicateSpans(),
                    d.logs().size(),
                    e.events().size(),
                    d.kpis().pods(),
                    d.kpis().pods() == 0 ? "no metric folder: KPIs null" : "KPIs joined");
        }
        DayEvents dayEvents = events(day);
        texts.putAll(dayEvents.texts());
        List<CallEvent> all = new ArrayList<>(dayEvents.events().size());
        for (CallEvent event : dayEvents.events()) {
            all.add(enrich(event, day, templates, dayEvents.spansOfCall()));
        }
        phase("build and enrich events");

        // Training set: normal folders, plus with --pre the minute before each injection that no
        // earlier fault reaches; those spans leave the scored set.
        List<CallEvent> pre = options.pre() ? preInjection(all, day.faults()) : List.of();
        List<CallEvent> training = new ArrayList<>(normalEvents);
        training.addAll(pre);
        training.sort(EVENT_ORDER);
        Set<String> trainingKeys = new HashSet<>();
        training.forEach(e -> trainingKeys.add(key(e)));
        List<CallEvent> scored = new ArrayList<>();
        for (CallEvent e : all) {
            if (trainingKeys.contains(key(e)) == false) {
                scored.add(e);
            }
        }
        if (training.size() < 2) {
            throw new IllegalArgumentException(
                    "only " + training.size() + " normal call events: give more --normal data");
        }

        // Code contexts: embed each distinct text once, fit the PCA on the normal ones.
        Set<String> normalTexts = new LinkedHashSet<>();
        training.forEach(e -> normalTexts.addAll(texts.get(key(e))));
        Set<String> scoredTexts = new LinkedHashSet<>();
        scored.forEach(e -> scoredTexts.addAll(texts.get(key(e))));
        CodeContextVectors vectors = new CodeContextVectors(embedder);
        PcaProjection pca = vectors.fit(normalTexts);
        vectors.embed(scoredTexts);
        training.replaceAll(e -> withContexts(e, texts.get(key(e)), vectors));
        scored.replaceAll(e -> withContexts(e, texts.get(key(e)), vectors));
        phase("embed code contexts and fit PCA");
        long newTexts = scoredTexts.stream().filter(t -> normalTexts.contains(t) == false).count();
        out.printf(
                Locale.ROOT,
                "code contexts: distinct=%d (normal %d, scored %d, of which unseen in normal %d),"
                        + " embedded in %.1f s; PCA on %d normal texts: %d dims, %.3f of the"
                        + " variance (the model keeps the first 12)%n",
                vectors.distinctTexts(),
                normalTexts.size(),
                scoredTexts.size(),
                newTexts,
                vectors.embedSeconds(),
                pca.samples(),
                pca.components().length,
                pca.explainedVariance());
        out.printf(
                Locale.ROOT,
                "templates: %d log lines parsed (normal first, then the scored day), %d templates"
                        + " (per-service Drain, default config)%n",
                templates.lines(),
                templates.templates());
        out.printf(
                Locale.ROOT,
                "training data: %d events (%d from %s%s), %s .. %s, with KPIs: %d, with"
                        + " templates: %d%n",
                training.size(),
                normalEvents.size(),
                options.normal(),
                options.pre()
                        ? ", "
                                + pre.size()
                                + " from --pre (the 60 s before each injection of the"
                                + " scored day not within 180 s after an injection; left out of"
                                + " the scored set)"
                        : "; --pre not given",
                Instant.ofEpochMilli(training.get(0).startMillis()),
                Instant.ofEpochMilli(training.get(training.size() - 1).startMillis()),
                training.stream().filter(e -> e.sourceKpis() != null).count(),
                training.stream().filter(e -> e.templates().isEmpty() == false).count());

        // Train.
        TraceGraphModel model =
                TraceGraphModel.train(engine, TraceGraphParams.DEFAULTS, training, p -> {});
        phase("train");
        TraceGraphNetwork.TrainingLog log = model.trainingLog();
        out.printf(
                Locale.ROOT,
                "training: params=%s epochs=%d best_epoch=%d seconds/epoch=%s%n  loss=%s%n"
                        + "  validation_loss=%s%n  threshold after training=%.4f%n",
                TraceGraphParams.DEFAULTS,
                log.seconds().length,
                log.best(),
                format(log.seconds(), "%.2f"),
                format(log.loss(), "%.4f"),
                format(log.validationLoss(), "%.4f"),
                model.threshold(ThresholdSpec.DEFAULT));

        // Renaming (scored data only) and labels.
        PodRenaming renaming = PodRenaming.NONE;
        if (options.rename() > 0) {
            Set<String> pods = new HashSet<>();
            scored.forEach(
                    e -> {
                        pods.add(e.sourceInstance());
                        pods.add(e.destinationInstance());
                    });
            renaming = PodRenaming.choose(pods, options.rename(), options.seed());
            PodRenaming r = renaming;
            scored.replaceAll(e -> renamed(e, r));
            out.printf(
                    Locale.ROOT,
                    "rename: %d of %d pods in the scored data (seed %d): %s%n",
                    renaming.renamed().size(),
                    pods.size(),
                    options.seed(),
                    renaming.renamed());
        }
        List<InjectedFault> faults = new ArrayList<>();
        for (InjectedFault f : day.faults()) {
            faults.add(
                    new InjectedFault(
                            f.day(), f.index(), f.injectTime(), renaming.apply(f.pod()), f.type()));
        }
        TraceLabels labels = new TraceLabels(faults);

        // Score in minute chunks, in time order.
        int n = scored.size();
        double[] scores = new double[n];
        boolean[] predicted = new boolean[n];
        DetectorScore[] details = new DetectorScore[n];
        long scoreStart = System.nanoTime();
        try (ProgressBar bar = new ProgressBar("scoring events", n)) {
            for (int from = 0; from < n; ) {
                long minute = Math.floorDiv(scored.get(from).startMillis(), CHUNK_MILLIS);
                int to = from;
                while (to < n
                        && Math.floorDiv(scored.get(to).startMillis(), CHUNK_MILLIS) == minute) {
                    to++;
                }
                List<DetectorScore> chunk = model.scoreAll(scored.subList(from, to));
                double threshold = model.threshold(ThresholdSpec.DEFAULT);
                for (int i = from; i < to; i++) {
                    details[i] = chunk.get(i - from);
                    scores[i] = details[i].alarmScore();
                    predicted[i] = scores[i] > threshold;
                }
                bar.stepBy(to - from);
                from = to;
            }
        }
        double scoreSeconds = (System.nanoTime() - scoreStart) / 1e9;
        phase("score");
        out.printf(
                Locale.ROOT,
                "scored: %s events=%d (from %d spans, %d duplicate rows dropped) seconds=%.1f"
                        + " events/s=%.0f threshold at the end=%.4f%n",
                options.data(),
                n,
                day.spans().size(),
                day.duplicateSpans(),
                scoreSeconds,
                n / Math.max(scoreSeconds, 1e-9),
                model.threshold(ThresholdSpec.DEFAULT));

        out.println(drivers(model, scored, details, predicted));
        report(scored, scores, predicted, labels);
        if (options.out() != null) {
            writeEvents(options.out(), model, scored, scores, predicted, details);
            out.println("events written to " + options.out());
        }
        phase("metrics and output");
        StringBuilder t = new StringBuilder("timings (s):");
        timings.forEach((k, v) -> t.append(String.format(Locale.ROOT, " %s=%.1f", k, v)));
        out.println(t);
    }

    private void report(
            List<CallEvent> scored, double[] scores, boolean[] predicted, TraceLabels labels) {
        int n = scored.size();
        boolean[] truth = new boolean[n];
        Map<String, TraceEvaluation.Counts> byType = new TreeMap<>();
        for (InjectedFault f : labels.faults()) {
            byType.putIfAbsent(f.type(), TraceEvaluation.NONE);
        }
        for (int i = 0; i < n; i++) {
            CallEvent e = scored.get(i);
            InjectedFault f =
                    labels.eventFault(e.sourceInstance(), e.destinationInstance(), e.startMicros());
            truth[i] = f != null;
            if (f != null) {
                byType.put(f.type(), byType.get(f.type()).plus(true, predicted[i]));
            }
        }
        TraceEvaluation.Counts events = TraceEvaluation.counts(truth, predicted);
        double auprc = TraceEvaluation.averagePrecision(scores, truth);

        List<TraceRollup.TraceResult> traces = TraceRollup.traces(scored, scores, predicted);
        List<TraceRollup.TraceResult> traceTruth = TraceRollup.traces(scored, scores, truth);
        TraceEvaluation.Counts traceCounts = TraceEvaluation.NONE;
        for (int i = 0; i < traces.size(); i++) {
            traceCounts = traceCounts.plus(traceTruth.get(i).anomaly(), traces.get(i).anomaly());
        }

        TraceEvaluation.Counts windowCounts = TraceEvaluation.NONE;
        int excluded = 0;
        for (TraceRollup.WindowResult w : TraceRollup.windows(scored, scores, predicted)) {
            TraceLabels.WindowLabel label = labels.window(w.instance(), w.startMillis());
            if (label == TraceLabels.WindowLabel.EXCLUDED) {
                excluded++;
            } else {
                windowCounts =
                        windowCounts.plus(label == TraceLabels.WindowLabel.ANOMALOUS, w.anomaly());
            }
        }
        out.printf(
                Locale.ROOT,
                "units: events=%d (anomalous %d, flagged %d) traces=%d (anomalous %d, flagged %d)"
                        + " windows=%d (anomalous %d, flagged %d; %d excluded: 1-29 s overlap)%n",
                events.total(),
                events.positives(),
                events.tp() + events.fp(),
                traceCounts.total(),
                traceCounts.positives(),
                traceCounts.tp() + traceCounts.fp(),
                windowCounts.total(),
                windowCounts.positives(),
                windowCounts.tp() + windowCounts.fp(),
                excluded);
        out.printf(
                Locale.ROOT,
                "EVENT P=%.3f R=%.3f F1=%.3f AUPRC=%.3f%n",
                events.precision(),
                events.recall(),
                events.f1(),
                auprc);
        out.printf(
                Locale.ROOT,
                "TRACE P=%.3f R=%.3f F1=%.3f%n",
                traceCounts.precision(),
                traceCounts.recall(),
                traceCounts.f1());
        out.printf(
                Locale.ROOT,
                "WINDOW P=%.3f R=%.3f F1=%.3f%n",
                windowCounts.precision(),
                windowCounts.recall(),
                windowCounts.f1());
        StringBuilder types = new StringBuilder("recall by fault type:");
        byType.forEach(
                (type, c) ->
                        types.append(
                                String.format(
                                        Locale.ROOT,
                                        " %s=%.3f (%d/%d events)",
                                        type,
                                        c.recall(),
                                        c.tp(),
                                        c.positives())));
        out.println(types);
        RootCauseEvaluation.Result rootCause =
                RootCauseEvaluation.of(scored, predicted, labels.faults());
        out.printf(
                Locale.ROOT,
                "ROOT CAUSE top-3=%d/%d mean rank=%.1f (pods ranked by _root_cause over each fault's"
                        + " 180 s)%n",
                rootCause.top3(),
                rootCause.faults(),
                rootCause.meanRank());
        out.printf(
                Locale.ROOT,
                "flag-all EVENT F1=%.3f TRACE F1=%.3f WINDOW F1=%.3f%n",
                events.flagAllF1(),
                traceCounts.flagAllF1(),
                windowCounts.flagAllF1());
        out.printf(
                Locale.ROOT,
                "trace F1 event=%.3f trace=%.3f window=%.3f%n",
                events.f1(),
                traceCounts.f1(),
                windowCounts.f1());
    }

    /**
     * What the flagged events have in common: the share flagged among events with and without KPIs,
     * and the mean share of the reconstruction error per input group over flagged events.
     */
    private static String drivers(
            TraceGraphModel model,
            List<CallEvent> events,
            DetectorScore[] details,
            boolean[] predicted) {
        long withKpis = 0, withKpisFlagged = 0, flagged = 0;
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            CallEvent e = events.get(i);
            boolean kpis = e.sourceKpis() != null || e.destinationKpis() != null;
            withKpis += kpis ? 1 : 0;
            if (predicted[i] == false) {
                continue;
            }
            flagged++;
            withKpisFlagged += kpis ? 1 : 0;
            for (Contribution c : model.contributions(e, details[i])) {
                if (c.kind() == Contribution.Kind.FIELD) {
                    shares.merge(c.name(), c.weight(), Double::sum);
                }
            }
        }
        StringBuilder s =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "flagged: %d/%d events with KPIs, %d/%d without; mean error share"
                                        + " over flagged events (groups >= 5 %% of an event):",
                                withKpisFlagged,
                                withKpis,
                                flagged - withKpisFlagged,
                                events.size() - withKpis));
        long f = flagged;
        shares.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(
                        x ->
                                s.append(
                                        String.format(
                                                Locale.ROOT,
                                                " %s=%.3f",
                                                x.getKey(),
                                                x.getValue() / Math.max(f, 1))));
        return s.toString();
    }

    /** The day's call events, with the code-context text of each event's callee span. */
    private static DayEvents events(NezhaTraceDay day) {
        CodeContextText contextText = new CodeContextText("code.parameters", "code.return");
        CallEvents builder = new CallEvents(SpanInput.defaults());
        Map<String, String> bySpan = new HashMap<>();
        Map<String, Long> startOf = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        for (Map<String, Object> doc : day.jaegerDocuments()) {
            builder.add(doc);
            // Every span gets a context, as through the code_context pipeline (the operation name
            // when the span names no code).
            String text = contextText.of(doc).text();
            String spanKey = doc.get("traceID") + "\u0000" + doc.get("spanID");
            bySpan.put(spanKey, canonical.computeIfAbsent(text, t -> t));
            startOf.put(spanKey, ((Number) doc.get("startTime")).longValue());
        }
        CallEvents.Result read = builder.build(Long.MIN_VALUE);
        Map<String, List<String>> spansOfCall = new HashMap<>();
        read.calleeOf()
                .forEach(
                        (span, callee) ->
                                spansOfCall
                                        .computeIfAbsent(callee, k -> new ArrayList<>())
                                        .add(span));
        Map<String, List<String>> texts = new HashMap<>();
        for (CallEvent e : read.events()) {
            List<String> spans = spansOfCall.getOrDefault(key(e), new ArrayList<>(List.of(key(e))));
            spans.sort(
                    Comparator.comparingLong((String k) -> startOf.get(k)).thenComparing(k -> k));
            spans.remove(key(e));
            spans.add(0, key(e));
            spansOfCall.put(key(e), spans);
            texts.put(key(e), spans.stream().map(bySpan::get).toList());
        }
        return new DayEvents(read.events(), texts, spansOfCall);
    }

    /** The event with the contexts of its call: the callee's first, then its inner spans'. */
    private static CallEvent withContexts(
            CallEvent e, List<String> texts, CodeContextVectors vectors) {
        return e.withCodeContext(vectors.context(texts.get(0)))
                .withInnerContexts(
                        texts.subList(1, texts.size()).stream().map(vectors::context).toList());
    }

    private static CallEvent enrich(
            CallEvent e,
            NezhaTraceDay day,
            SpanTemplates templates,
            Map<String, List<String>> spansOfCall) {
        return e.withTemplates(templates.of(spansOfCall.getOrDefault(key(e), List.of(key(e)))))
                .withKpis(
                        day.kpis().of(e.sourceInstance(), e.startMillis()),
                        day.kpis().of(e.destinationInstance(), e.startMillis()));
    }

    /**
     * Events starting in [inject - 60 s, inject) of some fault and not within 180 s after any
     * injection.
     */
    static List<CallEvent> preInjection(List<CallEvent> events, List<InjectedFault> faults) {
        List<CallEvent> pre = new ArrayList<>();
        for (CallEvent e : events) {
            long t = e.startMillis();
            boolean before = false, during = false;
            for (InjectedFault f : faults) {
                long inject = f.injectTime().toEpochMilli();
                before |= t >= inject - PRE_MILLIS && t < inject;
                during |= t >= inject && t < inject + TraceLabels.FAULT_MILLIS;
            }
            if (before && during == false) {
                pre.add(e);
            }
        }
        return pre;
    }

    /** The event with its instances renamed (services unchanged). */
    static CallEvent renamed(CallEvent e, PodRenaming renaming) {
        return e.withInstances(
                renaming.apply(e.sourceInstance()), renaming.apply(e.destinationInstance()));
    }

    private static void writeEvents(
            Path file,
            TraceGraphModel model,
            List<CallEvent> events,
            double[] scores,
            boolean[] predicted,
            DetectorScore[] details)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "trace_id,span_id,src_pod,dst_pod,start_us,score,is_anomaly,callee_operation,raw,"
                            + String.join(
                                    ",",
                                    model.groupNames().stream().map(g -> "share_" + g).toList())
                            + "\n");
            for (int i = 0; i < events.size(); i++) {
                CallEvent e = events.get(i);
                w.write(
                        String.format(
                                Locale.ROOT,
                                "%s,%s,%s,%s,%d,%.6f,%b",
                                e.traceId(),
                                e.spanId(),
                                e.sourceInstance(),
                                e.destinationInstance(),
                                e.startMicros(),
                                scores[i],
                                predicted[i]));
                // Diagnostics: the callee operation, the raw error and its share per group.
                StringBuilder more = new StringBuilder();
                more.append(',')
                        .append(
                                (e.destinationService() + ":" + e.operation())
                                        .replaceAll("[,\\s]", "_"));
                more.append(String.format(Locale.ROOT, ",%.6g", details[i].raw()));
                for (double share : details[i].contributions()) {
                    more.append(String.format(Locale.ROOT, ",%.4f", share));
                }
                w.write(more.append('\n').toString());
            }
        }
    }

    static final Comparator<CallEvent> EVENT_ORDER =
            Comparator.comparingLong(CallEvent::startMicros)
                    .thenComparing(CallEvent::traceId)
                    .thenComparing(CallEvent::spanId);

    private static String key(CallEvent e) {
        return e.traceId() + '\u0000' + e.spanId();
    }

    private void phase(String name) {
        long now = System.nanoTime();
        timings.put(name.replace(' ', '_'), (now - phaseStart) / 1e9);
        phaseStart = now;
    }

    private static String format(double[] values, String pattern) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, pattern, values[i]));
        }
        return s.append(']').toString();
    }
}
