/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.opensearch.aiops.detector.Contribution;
import org.opensearch.aiops.detector.DetectorScore;
import org.opensearch.aiops.detector.EpochLog;
import org.opensearch.aiops.detector.ScoreSummary;
import org.opensearch.aiops.detector.SharedModel;
import org.opensearch.aiops.detector.ThresholdSpec;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.SpanCodeContext;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.aiops.engine.TraceGraphNetwork;

/**
 * A trained trace graph: the network, its scalers, the graph state it has reached, and the
 * distribution of normal scores. Scoring advances the state (node memory, pair times) and adds
 * every event scored normal to the normal-score statistics, so the μ + nσ threshold follows the
 * system (the paper's history database); {@link #toBytes} keeps all of it.
 *
 * <p>An event's raw score is its mean squared reconstruction error; its score is raw / (raw + r), r
 * being μ + 3σ of the validation events' raw scores at training, so scores stay in [0, 1) and
 * comparable over the model's life.
 */
public final class TraceGraphModel implements SharedModel<CallEvent> {

    private static final int VERSION = 4;
    private static final int TIME_DIMS = 8;
    private static final int QUANTILE_SAMPLE = 2_000;

    private final TraceGraphNetwork network;
    private final TraceGraphLayout layout;
    private final TraceGraphState state;
    private final int batch;
    private final double reference;
    private final float[] validationScores; // sorted raw scores, for quantile thresholds
    private final ScoreSummary trainingScores;
    private final NormalScores normal;
    private final CodePathMemory paths;
    private final InstanceExceedances instances;

    private TraceGraphModel(
            TraceGraphNetwork network,
            TraceGraphLayout layout,
            TraceGraphState state,
            int batch,
            double reference,
            float[] validationScores,
            ScoreSummary trainingScores,
            NormalScores normal,
            CodePathMemory paths,
            InstanceExceedances instances) {
        this.network = network;
        this.layout = layout;
        this.state = state;
        this.batch = batch;
        this.reference = reference;
        this.validationScores = validationScores;
        this.trainingScores = trainingScores;
        this.normal = normal;
        this.paths = paths;
        this.instances = instances;
    }

    /** Trains on normal call events in time order (the latest {@code maxTrainingEvents} kept). */
    public static TraceGraphModel train(
            DjlEngine engine,
            TraceGraphParams params,
            List<CallEvent> events,
            DoubleConsumer progress)
            throws Exception {
        List<CallEvent> kept =
                events.size() > params.maxTrainingEvents()
                        ? events.subList(events.size() - params.maxTrainingEvents(), events.size())
                        : events;
        float[][] raw = new float[kept.size()][];
        List<float[]> kpiRows = new ArrayList<>();
        CodePathMemory paths = new CodePathMemory();
        kept.forEach(paths::add);
        int k = 0;
        for (int i = 0; i < raw.length; i++) {
            CallEvent e = kept.get(i);
            raw[i] = TraceEventFeatures.of(e, paths.familiarity(e, true));
            kpiRows.add(TraceGraphLayout.logKpis(e.sourceKpis()));
            kpiRows.add(TraceGraphLayout.logKpis(e.destinationKpis()));
            k = Math.max(k, e.sourceKpis() == null ? 0 : e.sourceKpis().length);
            k = Math.max(k, e.destinationKpis() == null ? 0 : e.destinationKpis().length);
        }
        boolean kpisKnown = k > 0;
        k = Math.max(1, k);
        TraceGraphLayout layout =
                new TraceGraphLayout(
                        params.embedding(),
                        k,
                        kpisKnown,
                        FeatureScaler.fit(Arrays.asList(raw), TraceEventFeatures.WIDTH),
                        FeatureScaler.fit(kpiRows, k));
        int validation =
                Math.max(
                        Math.min(params.batch(), kept.size() / 2),
                        (int) Math.round(kept.size() * params.validation()));
        int split = kept.size() - validation;
        TraceGraphState state = new TraceGraphState(params.memory());
        TraceGraphStream training =
                stream(kept.subList(0, split), raw, 0, params.batch(), state, layout, true);
        TraceGraphStream validating =
                stream(
                        kept.subList(split, kept.size()),
                        raw,
                        split,
                        params.batch(),
                        state,
                        layout,
                        false);
        TraceGraphNetwork.Dims dims =
                new TraceGraphNetwork.Dims(
                        TraceEventFeatures.WIDTH,
                        k,
                        params.memory(),
                        params.embedding(),
                        TIME_DIMS,
                        TraceGraphStream.SERVICE_BUCKETS);
        TraceGraphNetwork.Schedule schedule =
                new TraceGraphNetwork.Schedule(
                        params.epochs(),
                        params.patience(),
                        (float) params.learningRate(),
                        (float) params.alpha(),
                        (float) params.beta(),
                        (float) params.theta(),
                        params.seed());
        TraceGraphNetwork network =
                TraceGraphNetwork.train(engine, dims, schedule, training, validating, progress);
        // The kept parameters' scores: replay the training events to rebuild the state they
        // leave, then score the validation events, which the parameters never trained on.
        training.reset(); // clears the state
        network.run(training);
        network.run(validating);
        float[] scores = validating.errors().clone();
        Arrays.sort(scores);
        NormalScores normal = NormalScores.of(scores);
        double reference = Math.max(1e-9, normal.threshold(3));
        return new TraceGraphModel(
                network,
                layout,
                state,
                params.batch(),
                reference,
                sample(scores),
                summary(scores, reference),
                normal,
                paths,
                new InstanceExceedances(0, 0));
    }

    private static TraceGraphStream stream(
            List<CallEvent> events,
            float[][] raw,
            int offset,
            int batch,
            TraceGraphState state,
            TraceGraphLayout layout,
            boolean resetClears) {
        float[][] attributes = Arrays.copyOfRange(raw, offset, offset + events.size());
        return new TraceGraphStream(events, attributes, batch, state, layout, resetClears);
    }

    /**
     * Scores events in time order, advancing the graph state; events scored normal join the
     * normal-score statistics the sigma threshold is computed from.
     */
    public synchronized List<DetectorScore> scoreAll(List<CallEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        float[][] raw = new float[events.size()][];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = TraceEventFeatures.of(events.get(i), paths.familiarity(events.get(i), false));
        }
        TraceGraphStream stream = new TraceGraphStream(events, raw, batch, state, layout, false);
        try {
            network.run(stream);
        } catch (Exception e) {
            throw new IllegalStateException("trace graph scoring failed: " + e.getMessage(), e);
        }
        double rawThreshold = rawThreshold(ThresholdSpec.DEFAULT);
        double threshold = normalise(rawThreshold);
        List<DetectorScore> scores = new ArrayList<>(events.size());
        for (int i = 0; i < raw.length; i++) {
            CallEvent event = events.get(i);
            double error = stream.errors()[i];
            double score = normalise(error);
            boolean exceeds = error > rawThreshold;
            instances.count(exceeds);
            // A call's exceedance is evidence against its callee, whose code ran (its code context
            // and templates): counted on the caller too, a caller of one faulty service would
            // turn significant and lift all its calls.
            instances.add(event.destinationInstance(), event.startMicros(), exceeds);
            double p =
                    Math.min(
                            instances.pValue(event.sourceInstance(), event.startMicros()),
                            instances.pValue(event.destinationInstance(), event.startMicros()));
            double alarm = Math.max(score, instanceAlarm(p, threshold));
            float[] groups = stream.groupErrors()[i];
            double total = 0;
            for (float g : groups) {
                total += g;
            }
            double[] shares = new double[groups.length];
            for (int g = 0; g < groups.length; g++) {
                shares[g] = total > 0 ? groups[g] / total : 0;
            }
            scores.add(new DetectorScore(score, alarm, error, shares, null));
            if (error <= rawThreshold) {
                normal.add(error);
                paths.add(events.get(i));
            }
        }
        return scores;
    }

    /** Graph memory, pair times and the normal-score statistics change with every scored event. */
    @Override
    public boolean stateful() {
        return true;
    }

    @Override
    public DetectorScore score(CallEvent unit) {
        return scoreAll(List.of(unit)).get(0);
    }

    /**
     * The attribute groups that drove the score (largest share first, those of at least 5 %), the
     * edge, the callee's code context (or that it had none) and the templates it logged.
     */
    @Override
    public List<Contribution> contributions(CallEvent event, DetectorScore score) {
        List<String> groups = layout.groups();
        double[] shares = score.contributions();
        List<Contribution> out = new ArrayList<>();
        Integer[] order = new Integer[shares.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(shares[b], shares[a]));
        for (int g : order) {
            if (shares[g] >= 0.05) {
                out.add(Contribution.field(groups.get(g), shares[g]));
            }
        }
        out.add(
                new Contribution(
                        Contribution.Kind.EDGE,
                        event.sourceInstance() + " -> " + event.destinationInstance(),
                        score.score(),
                        -1));
        double codeShare = shares[groups.indexOf(TraceEventFeatures.Group.CODE_CONTEXT.label())];
        List<SpanCodeContext> contexts = event.codeContexts();
        if (contexts.isEmpty()) {
            out.add(Contribution.field("code_context_missing", 0));
        } else {
            List<String> texts =
                    new ArrayList<>(
                            new LinkedHashSet<>(
                                    contexts.stream()
                                            .map(c -> c.text() == null ? c.hash() : c.text())
                                            .toList()));
            for (int i = 0; i < Math.min(3, texts.size()); i++) {
                out.add(
                        new Contribution(
                                Contribution.Kind.CODE_CONTEXT,
                                texts.get(i),
                                codeShare / Math.min(3, texts.size()),
                                i));
            }
        }
        double templateShare = shares[groups.indexOf(TraceEventFeatures.Group.TEMPLATES.label())];
        List<String> templates = List.copyOf(new LinkedHashSet<>(event.templates()));
        for (int i = 0; i < Math.min(5, templates.size()); i++) {
            out.add(
                    new Contribution(
                            Contribution.Kind.TEMPLATE,
                            templates.get(i),
                            templateShare / templates.size(),
                            i));
        }
        return out;
    }

    /**
     * The alarm an instance's p-value gives its calls: the threshold exactly at p = α, above it for
     * smaller p (1 - (1 - t)^(log p / log α)), below it for larger p.
     */
    static double instanceAlarm(double p, double threshold) {
        if (p >= 1) {
            return 0;
        }
        double strength = Math.log(Math.max(p, 1e-300)) / Math.log(InstanceExceedances.ALPHA);
        return 1 - Math.pow(1 - threshold, strength);
    }

    private double normalise(double raw) {
        return raw / (raw + reference);
    }

    private synchronized double rawThreshold(ThresholdSpec spec) {
        if (spec.type().equals("quantile")) {
            if (validationScores.length == 0) {
                return reference;
            }
            int at =
                    (int)
                            Math.min(
                                    validationScores.length - 1,
                                    Math.floor(spec.value() * validationScores.length));
            return validationScores[at];
        }
        return normal.threshold(spec.value());
    }

    @Override
    public double threshold(ThresholdSpec spec) {
        return normalise(rawThreshold(spec));
    }

    @Override
    public ScoreSummary trainingScores() {
        return trainingScores;
    }

    /** Epochs, losses and seconds per epoch of the training that made this model. */
    public TraceGraphNetwork.TrainingLog trainingLog() {
        return network.log();
    }

    @Override
    public List<EpochLog> epochs() {
        TraceGraphNetwork.TrainingLog log = network.log();
        List<EpochLog> epochs = new ArrayList<>();
        for (int i = 0; i < log.seconds().length; i++) {
            epochs.add(new EpochLog(log.seconds()[i], log.loss()[i], log.validationLoss()[i]));
        }
        return epochs;
    }

    /** Names of the attribute groups, in the order of {@link DetectorScore#contributions()}. */
    public List<String> groupNames() {
        return layout.groups();
    }

    /** Instances whose memory the model holds. */
    public int nodes() {
        return state.nodeCount();
    }

    @Override
    public long ramBytes() {
        long parameters = network.parameterBytes();
        long nodes = (long) state.nodeCount() * (state.width() * 4L + 96);
        return parameters + nodes + validationScores.length * 4L + 4096;
    }

    @Override
    public synchronized byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            TraceGraphNetwork.Dims d = network.dims();
            out.writeInt(d.memory());
            out.writeInt(d.embedding());
            out.writeInt(d.kpis());
            out.writeBoolean(layout.kpisKnown());
            out.writeInt(batch);
            layout.attributes().write(out);
            layout.kpiScaler().write(out);
            state.write(out);
            paths.write(out);
            out.writeDouble(reference);
            out.writeInt(validationScores.length);
            for (float s : validationScores) {
                out.writeFloat(s);
            }
            writeSummary(out, trainingScores);
            out.writeLong(normal.count());
            out.writeDouble(normal.mean());
            out.writeDouble(normal.m2());
            out.writeLong(instances.total());
            out.writeLong(instances.exceeded());
            TraceGraphNetwork.TrainingLog log = network.log();
            out.writeInt(log.seconds().length);
            for (int i = 0; i < log.seconds().length; i++) {
                out.writeDouble(log.seconds()[i]);
                out.writeDouble(log.loss()[i]);
                out.writeDouble(log.validationLoss()[i]);
            }
            out.writeInt(log.best());
            byte[] parameters = network.parameters();
            out.writeInt(parameters.length);
            out.write(parameters);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** A model from {@link #toBytes}. */
    public static TraceGraphModel read(byte[] bytes, DjlEngine engine) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "unknown trace_graph model version ["
                                + version
                                + "]: retrain the detector");
            }
            int memory = in.readInt();
            int embedding = in.readInt();
            int kpis = in.readInt();
            boolean kpisKnown = in.readBoolean();
            int batch = in.readInt();
            TraceGraphLayout layout =
                    new TraceGraphLayout(
                            embedding,
                            kpis,
                            kpisKnown,
                            FeatureScaler.read(in),
                            FeatureScaler.read(in));
            TraceGraphState state = TraceGraphState.read(in);
            CodePathMemory paths = CodePathMemory.read(in);
            double reference = in.readDouble();
            float[] sample = new float[in.readInt()];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = in.readFloat();
            }
            ScoreSummary summary = readSummary(in);
            NormalScores normal = new NormalScores(in.readLong(), in.readDouble(), in.readDouble());
            InstanceExceedances instances = new InstanceExceedances(in.readLong(), in.readLong());
            int epochs = in.readInt();
            double[] seconds = new double[epochs];
            double[] loss = new double[epochs];
            double[] validation = new double[epochs];
            for (int i = 0; i < epochs; i++) {
                seconds[i] = in.readDouble();
                loss[i] = in.readDouble();
                validation[i] = in.readDouble();
            }
            int best = in.readInt();
            byte[] parameters = in.readNBytes(in.readInt());
            TraceGraphNetwork.Dims dims =
                    new TraceGraphNetwork.Dims(
                            TraceEventFeatures.WIDTH,
                            kpis,
                            memory,
                            embedding,
                            TIME_DIMS,
                            TraceGraphStream.SERVICE_BUCKETS);
            TraceGraphNetwork network =
                    TraceGraphNetwork.load(
                            engine,
                            dims,
                            parameters,
                            new TraceGraphNetwork.TrainingLog(seconds, loss, validation, best));
            return new TraceGraphModel(
                    network, layout, state, batch, reference, sample, summary, normal, paths,
                    instances);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt trace_graph model: " + e.getMessage(), e);
        }
    }

    private static float[] sample(float[] sorted) {
        if (sorted.length <= QUANTILE_SAMPLE) {
            return sorted;
        }
        float[] sample = new float[QUANTILE_SAMPLE];
        for (int i = 0; i < QUANTILE_SAMPLE; i++) {
            sample[i] = sorted[(int) ((long) i * sorted.length / QUANTILE_SAMPLE)];
        }
        return sample;
    }

    private static ScoreSummary summary(float[] sortedRaw, double reference) {
        int n = sortedRaw.length;
        if (n == 0) {
            return new ScoreSummary(0, 0, 0, 0, 0, 0, null);
        }
        double[] s = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            s[i] = sortedRaw[i] / (sortedRaw[i] + reference);
            sum += s[i];
        }
        double mean = sum / n;
        double m2 = 0;
        for (double v : s) {
            m2 += (v - mean) * (v - mean);
        }
        return new ScoreSummary(
                n,
                mean,
                n > 1 ? Math.sqrt(m2 / (n - 1)) : 0,
                s[n / 2],
                s[Math.min(n - 1, (int) (0.99 * n))],
                s[n - 1],
                null);
    }

    private static void writeSummary(DataOutputStream out, ScoreSummary s) throws IOException {
        out.writeLong(s.count());
        out.writeDouble(s.mean());
        out.writeDouble(s.std());
        out.writeDouble(s.p50());
        out.writeDouble(s.p99());
        out.writeDouble(s.max());
    }

    private static ScoreSummary readSummary(DataInputStream in) throws IOException {
        return new ScoreSummary(
                in.readLong(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                null);
    }
}
