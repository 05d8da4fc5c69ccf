/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * A training's progress while it runs and its outcome once done. {@code node} is the ephemeral id
 * of the node that runs it: a training whose node has left or restarted (a new ephemeral id) is
 * over, whatever the stored state says. Fields that do not apply yet are null.
 */
public record TrainingProgress(
        double progress,
        long startedTime,
        String node,
        Long etaMs,
        Integer entitiesDone,
        Integer entitiesTotal,
        Long finishedTime,
        Long documents,
        Long skippedDocuments,
        Integer entitiesTrained,
        Integer entitiesWithoutEnoughData)
        implements Writeable, ToXContentObject {

    public static TrainingProgress started(long now, String node) {
        return new TrainingProgress(0, now, node, null, null, null, null, null, null, null, null);
    }

    public TrainingProgress running(double fraction, long now, int done, int total) {
        Long eta = fraction <= 0 ? null : (long) ((now - startedTime) * (1 - fraction) / fraction);
        return new TrainingProgress(
                Math.round(fraction * 1000) / 10.0,
                startedTime,
                node,
                eta,
                done,
                total,
                null,
                null,
                null,
                null,
                null);
    }

    public TrainingProgress finished(
            long now, long documents, long skipped, int trained, int withoutEnoughData) {
        return new TrainingProgress(
                100.0,
                startedTime,
                node,
                null,
                null,
                null,
                now,
                documents,
                skipped,
                trained,
                withoutEnoughData);
    }

    static TrainingProgress fromStored(StoredValues v) {
        return new TrainingProgress(
                v.doubleValue("progress") == null ? 0 : v.doubleValue("progress"),
                v.longValue("started_time", 0),
                v.string("node"),
                v.longValue("eta_ms"),
                v.intValue("entities_done"),
                v.intValue("entities_total"),
                v.longValue("finished_time"),
                v.longValue("documents"),
                v.longValue("skipped_documents"),
                v.intValue("entities_trained"),
                v.intValue("entities_without_enough_data"));
    }

    public TrainingProgress(StreamInput in) throws IOException {
        this(
                in.readDouble(),
                in.readLong(),
                in.readOptionalString(),
                in.readOptionalLong(),
                in.readOptionalVInt(),
                in.readOptionalVInt(),
                in.readOptionalLong(),
                in.readOptionalLong(),
                in.readOptionalLong(),
                in.readOptionalVInt(),
                in.readOptionalVInt());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeDouble(progress);
        out.writeLong(startedTime);
        out.writeOptionalString(node);
        out.writeOptionalLong(etaMs);
        out.writeOptionalVInt(entitiesDone);
        out.writeOptionalVInt(entitiesTotal);
        out.writeOptionalLong(finishedTime);
        out.writeOptionalLong(documents);
        out.writeOptionalLong(skippedDocuments);
        out.writeOptionalVInt(entitiesTrained);
        out.writeOptionalVInt(entitiesWithoutEnoughData);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject().field("progress", progress).field("started_time", startedTime);
        optional(builder, "node", node);
        if (finishedTime == null) {
            builder.field("eta_ms", etaMs); // null until progress is known, as the panel expects
        }
        optional(builder, "entities_done", entitiesDone);
        optional(builder, "entities_total", entitiesTotal);
        if (finishedTime != null) {
            builder.field("finished_time", finishedTime)
                    .field("duration_ms", finishedTime - startedTime);
        }
        optional(builder, "documents", documents);
        optional(builder, "skipped_documents", skippedDocuments);
        optional(builder, "entities_trained", entitiesTrained);
        optional(builder, "entities_without_enough_data", entitiesWithoutEnoughData);
        return builder.endObject();
    }

    static void optional(XContentBuilder builder, String field, Object value) throws IOException {
        if (value != null) {
            builder.field(field, value);
        }
    }
}
