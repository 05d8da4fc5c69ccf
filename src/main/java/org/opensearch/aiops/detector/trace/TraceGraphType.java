/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.io.IOException;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.opensearch.aiops.detector.Detector;
import org.opensearch.aiops.detector.DetectorParams;
import org.opensearch.aiops.detector.DetectorScore;
import org.opensearch.aiops.detector.ResultUnit;
import org.opensearch.aiops.detector.SharedDetectorType;
import org.opensearch.aiops.detector.SharedModel;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.DetectorInput;
import org.opensearch.aiops.engine.DjlEngine;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.XContentParser;

/**
 * {@code trace_graph}: one model over the call events of Jaeger spans (see {@link
 * TraceGraphModel}); scores every event, and rolls events up into traces and (instance, minute)
 * windows.
 */
public final class TraceGraphType implements SharedDetectorType<TraceGraphParams, CallEvent> {

    private final DjlEngine engine;

    public TraceGraphType(DjlEngine engine) {
        this.engine = engine;
    }

    /** The params reader, for the node's registry of named writeables. */
    public static List<NamedWriteableRegistry.Entry> namedWriteables() {
        return List.of(
                new NamedWriteableRegistry.Entry(
                        DetectorParams.class, TraceGraphParams.TYPE, TraceGraphParams::new));
    }

    @Override
    public String name() {
        return TraceGraphParams.TYPE;
    }

    @Override
    public DetectorInput input() {
        return DetectorInput.SPANS;
    }

    @Override
    public ResultUnit unit() {
        return ResultUnit.EVENT;
    }

    @Override
    public Class<TraceGraphParams> paramsClass() {
        return TraceGraphParams.class;
    }

    @Override
    public TraceGraphParams parseParams(XContentParser parser) throws IOException {
        return TraceGraphParams.parse(parser);
    }

    @Override
    public TraceGraphParams defaultParams() {
        return TraceGraphParams.DEFAULTS;
    }

    @Override
    public Writeable.Reader<TraceGraphParams> paramsReader() {
        return TraceGraphParams::new;
    }

    /** Two batches: one to train on, one to validate on. */
    @Override
    public int minTrainingUnits(TraceGraphParams params) {
        return 2 * params.batch();
    }

    /** Events' attribute vectors, the graph state and the network's per-batch tensors. */
    @Override
    public long estimateTrainingBytes(TraceGraphParams params, long units) {
        long events = Math.min(units, params.maxTrainingEvents());
        return events * (TraceEventFeatures.WIDTH * 4L + 600) + 64L * 1024 * 1024;
    }

    @Override
    public SharedModel<CallEvent> train(
            TraceGraphParams params, List<CallEvent> units, DoubleConsumer progress) {
        try {
            return TraceGraphModel.train(engine, params, units, progress);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("trace_graph training failed: " + e.getMessage(), e);
        }
    }

    /**
     * One result per trace (its highest event score, anomalous when any event is) and per instance
     * minute (the events that start in it and touch the instance), as {@link TraceRollup} makes
     * them.
     */
    @Override
    public List<KeyedResult> rollUp(
            String detectorId,
            Detector detector,
            List<CallEvent> units,
            List<DetectorScore> scores,
            double threshold,
            long now) {
        double[] score = new double[units.size()];
        boolean[] anomalous = new boolean[units.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = scores.get(i).alarmScore();
            anomalous[i] = score[i] > threshold;
        }
        return TraceResults.of(detectorId, detector, units, score, anomalous, threshold, now);
    }

    @Override
    public long settleMillis(TraceGraphParams params) {
        return params.lateSpanWait().millis();
    }

    @Override
    public SharedModel<CallEvent> read(byte[] bytes) {
        return TraceGraphModel.read(bytes, engine);
    }
}
