/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.Map;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * A detector's state document in {@code .plugins-aiops-detector-state}: its lifecycle state and
 * what training and the last run left. Immutable; each change makes a new status. Parts that do not
 * apply yet are null.
 */
public record DetectorStatus(
        DetectorState state,
        String error,
        TrainingProgress training,
        ModelSummary model,
        Double threshold,
        ScoreSummary trainingScores,
        Long stepMs,
        RunSummary lastRun,
        Long realtimeFrom)
        implements Writeable, ToXContentFragment {

    public static final DetectorStatus CREATED =
            new DetectorStatus(
                    DetectorState.CREATED, null, null, null, null, null, null, null, null);

    public DetectorStatus withState(DetectorState newState) {
        return new DetectorStatus(
                newState,
                error,
                training,
                model,
                threshold,
                trainingScores,
                stepMs,
                lastRun,
                realtimeFrom);
    }

    public DetectorStatus failed(String reason) {
        return new DetectorStatus(
                DetectorState.FAILED,
                reason,
                training,
                model,
                threshold,
                trainingScores,
                stepMs,
                lastRun,
                realtimeFrom);
    }

    /** This status with {@code reason} as its last error, in whatever state it is. */
    public DetectorStatus withError(String reason) {
        return new DetectorStatus(
                state,
                reason,
                training,
                model,
                threshold,
                trainingScores,
                stepMs,
                lastRun,
                realtimeFrom);
    }

    public DetectorStatus training(TrainingProgress progress) {
        return new DetectorStatus(
                state,
                null,
                progress,
                model,
                threshold,
                trainingScores,
                stepMs,
                lastRun,
                realtimeFrom);
    }

    public DetectorStatus trained(
            TrainingProgress progress,
            ModelSummary newModel,
            double newThreshold,
            ScoreSummary scores,
            long step) {
        return new DetectorStatus(
                DetectorState.TRAINED,
                null,
                progress,
                newModel,
                newThreshold,
                scores,
                step,
                lastRun,
                realtimeFrom);
    }

    public DetectorStatus withLastRun(RunSummary run) {
        return new DetectorStatus(
                state,
                error,
                training,
                model,
                threshold,
                trainingScores,
                stepMs,
                run,
                realtimeFrom);
    }

    public DetectorStatus running(long from) {
        return new DetectorStatus(
                DetectorState.RUNNING,
                error,
                training,
                model,
                threshold,
                trainingScores,
                stepMs,
                lastRun,
                from);
    }

    /** A stored state document; malformed parts read as absent. */
    public static DetectorStatus fromSource(Map<String, Object> source) {
        StoredValues v = new StoredValues(source);
        StoredValues training = v.object("training");
        StoredValues model = v.object("model");
        StoredValues scores = v.object("training_scores");
        StoredValues run = v.object("last_run");
        return new DetectorStatus(
                DetectorState.fromLabel(v.string("state")),
                v.string("error"),
                training == null ? null : TrainingProgress.fromStored(training),
                model == null ? null : ModelSummary.fromStored(model),
                v.doubleValue("threshold"),
                scores == null ? null : ScoreSummary.fromStored(scores),
                v.longValue("step_ms"),
                run == null ? null : RunSummary.fromStored(run),
                v.longValue("realtime_from"));
    }

    public DetectorStatus(StreamInput in) throws IOException {
        this(
                in.readEnum(DetectorState.class),
                in.readOptionalString(),
                in.readOptionalWriteable(TrainingProgress::new),
                in.readOptionalWriteable(ModelSummary::new),
                in.readOptionalDouble(),
                in.readOptionalWriteable(ScoreSummary::new),
                in.readOptionalLong(),
                in.readOptionalWriteable(RunSummary::new),
                in.readOptionalLong());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeEnum(state);
        out.writeOptionalString(error);
        out.writeOptionalWriteable(training);
        out.writeOptionalWriteable(model);
        out.writeOptionalDouble(threshold);
        out.writeOptionalWriteable(trainingScores);
        out.writeOptionalLong(stepMs);
        out.writeOptionalWriteable(lastRun);
        out.writeOptionalLong(realtimeFrom);
    }

    /**
     * The status's fields (the profile puts them beside the detector's id and name; the store
     * beside its own).
     */
    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.field("state", state.label());
        TrainingProgress.optional(builder, "error", error);
        TrainingProgress.optional(builder, "training", training);
        TrainingProgress.optional(builder, "model", model);
        TrainingProgress.optional(builder, "threshold", threshold);
        TrainingProgress.optional(builder, "training_scores", trainingScores);
        TrainingProgress.optional(builder, "step_ms", stepMs);
        if (lastRun != null) {
            builder.startObject("last_run");
            lastRun.toXContent(builder, params);
            builder.endObject();
        }
        TrainingProgress.optional(builder, "realtime_from", realtimeFrom);
        return builder;
    }
}
