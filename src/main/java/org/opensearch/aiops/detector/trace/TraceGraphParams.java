/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.io.IOException;
import java.util.Set;

import org.opensearch.aiops.config.ConfigParser;
import org.opensearch.aiops.detector.DetectorParams;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * Parameters of a {@code trace_graph} detector; every one has a default (the paper's where it gives
 * one: batch 200, learning rate 1e-3, α 0.3, β 0.7, θ in [0.1, 0.3]).
 *
 * @param epochs most training epochs (early stopping on the validation split ends sooner)
 * @param patience epochs without a better validation loss before training stops
 * @param batch call events per batch (the graph's time step)
 * @param learningRate Adam's learning rate
 * @param memory node memory width
 * @param embedding node embedding width (even: two attention heads)
 * @param alpha weight of the link-prediction loss
 * @param beta weight of the reconstruction loss
 * @param theta standard deviation of the attribute perturbation ε of the second negative sampler
 * @param validation share of the training events (the latest) that choose the epoch and set the
 *     threshold
 * @param maxTrainingEvents training events kept (the latest)
 * @param seed random seed (initialisation, negatives)
 * @param lateSpanWait how long the real-time job waits before scoring a span: Jaeger writes a span
 *     when it ends, so a parent is indexed after its children
 */
public record TraceGraphParams(
        int epochs,
        int patience,
        int batch,
        double learningRate,
        int memory,
        int embedding,
        double alpha,
        double beta,
        double theta,
        double validation,
        int maxTrainingEvents,
        long seed,
        TimeValue lateSpanWait)
        implements DetectorParams {

    public static final String TYPE = "trace_graph";

    private static final Set<String> FIELDS =
            Set.of(
                    "epochs",
                    "patience",
                    "batch",
                    "learning_rate",
                    "memory",
                    "embedding",
                    "alpha",
                    "beta",
                    "theta",
                    "validation",
                    "max_training_events",
                    "seed",
                    "late_span_wait");

    public static final TraceGraphParams DEFAULTS =
            new TraceGraphParams(
                    30,
                    3,
                    200,
                    1e-3,
                    32,
                    32,
                    0.3,
                    0.7,
                    0.2,
                    0.2,
                    200_000,
                    7,
                    TimeValue.timeValueSeconds(30));

    public TraceGraphParams {
        check("learning_rate", learningRate > 0 && learningRate <= 1, "in (0, 1]", learningRate);
        check("alpha", alpha >= 0 && alpha <= 1, "in [0, 1]", alpha);
        check("beta", beta > 0 && beta <= 1, "in (0, 1]", beta);
        check("theta", theta >= 0 && theta <= 1, "in [0, 1]", theta);
        check("validation", validation > 0 && validation < 0.9, "in (0, 0.9)", validation);
        check("embedding", embedding % 2 == 0, "even (two attention heads)", embedding);
    }

    private static void check(String field, boolean ok, String expected, Object value) {
        if (ok == false) {
            throw new IllegalArgumentException(
                    "[params." + field + "] must be " + expected + ", got [" + value + "]");
        }
    }

    /** Parses the {@code params} object the parser stands on (or starts). */
    public static TraceGraphParams parse(XContentParser parser) throws IOException {
        ConfigParser in = ConfigParser.start(parser, "params");
        TraceGraphParams d = DEFAULTS;
        int epochs = d.epochs, patience = d.patience, batch = d.batch, memory = d.memory;
        int embedding = d.embedding, maxTrainingEvents = d.maxTrainingEvents;
        double learningRate = d.learningRate, alpha = d.alpha, beta = d.beta, theta = d.theta;
        double validation = d.validation;
        long seed = d.seed;
        TimeValue lateSpanWait = d.lateSpanWait;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            switch (field) {
                case "epochs" -> epochs = in.integer(field, 1, 1000);
                case "patience" -> patience = in.integer(field, 1, 100);
                case "batch" -> batch = in.integer(field, 10, 2000);
                case "learning_rate" -> learningRate = in.number(field);
                case "memory" -> memory = in.integer(field, 4, 256);
                case "embedding" -> embedding = in.integer(field, 4, 256);
                case "alpha" -> alpha = in.number(field);
                case "beta" -> beta = in.number(field);
                case "theta" -> theta = in.number(field);
                case "validation" -> validation = in.number(field);
                case "max_training_events" ->
                        maxTrainingEvents = in.integer(field, 1_000, 10_000_000);
                case "seed" -> seed = in.integer(field, 0, Integer.MAX_VALUE);
                case "late_span_wait" ->
                        lateSpanWait =
                                in.duration(field, TimeValue.ZERO, TimeValue.timeValueMinutes(30));
                default -> throw new AssertionError(field);
            }
        }
        return new TraceGraphParams(
                epochs,
                patience,
                batch,
                learningRate,
                memory,
                embedding,
                alpha,
                beta,
                theta,
                validation,
                maxTrainingEvents,
                seed,
                lateSpanWait);
    }

    public TraceGraphParams(StreamInput in) throws IOException {
        this(
                in.readVInt(),
                in.readVInt(),
                in.readVInt(),
                in.readDouble(),
                in.readVInt(),
                in.readVInt(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readVInt(),
                in.readVLong(),
                in.readTimeValue());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVInt(epochs);
        out.writeVInt(patience);
        out.writeVInt(batch);
        out.writeDouble(learningRate);
        out.writeVInt(memory);
        out.writeVInt(embedding);
        out.writeDouble(alpha);
        out.writeDouble(beta);
        out.writeDouble(theta);
        out.writeDouble(validation);
        out.writeVInt(maxTrainingEvents);
        out.writeVLong(seed);
        out.writeTimeValue(lateSpanWait);
    }

    @Override
    public String getWriteableName() {
        return TYPE;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("epochs", epochs)
                .field("patience", patience)
                .field("batch", batch)
                .field("learning_rate", learningRate)
                .field("memory", memory)
                .field("embedding", embedding)
                .field("alpha", alpha)
                .field("beta", beta)
                .field("theta", theta)
                .field("validation", validation)
                .field("max_training_events", maxTrainingEvents)
                .field("seed", seed)
                .field("late_span_wait", lateSpanWait.getStringRep())
                .endObject();
    }
}
