/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;

import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * What {@code _profile} shows: the detector's status (training progress, model, threshold, last
 * run), its job, and the node's model memory.
 *
 * @param jobInterval the job's interval, or null without a job
 */
public record DetectorProfile(
        String id,
        String name,
        String type,
        DetectorStatus status,
        Boolean jobEnabled,
        TimeValue jobInterval,
        ModelMemory modelMemory)
        implements Writeable, ToXContentObject {

    public DetectorProfile(StreamInput in) throws IOException {
        this(
                in.readString(),
                in.readString(),
                in.readString(),
                new DetectorStatus(in),
                in.readOptionalBoolean(),
                in.readOptionalTimeValue(),
                new ModelMemory(in));
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(id);
        out.writeString(name);
        out.writeString(type);
        status.writeTo(out);
        out.writeOptionalBoolean(jobEnabled);
        out.writeOptionalTimeValue(jobInterval);
        modelMemory.writeTo(out);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject().field("_id", id).field("name", name).field("type", type);
        status.toXContent(builder, params);
        if (jobEnabled == null) {
            builder.nullField("job");
        } else {
            builder.startObject("job")
                    .field("enabled", jobEnabled)
                    .field("interval", jobInterval.getStringRep())
                    .endObject();
        }
        builder.field("model_memory", modelMemory);
        return builder.endObject();
    }
}
