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
 * What a training produced: models, their memory and checkpoint sizes, and the rows one score
 * needs.
 */
public record ModelSummary(
        int entities,
        long memoryBytesPerEntity,
        long maxMemoryBytesPerEntity,
        long checkpointBytes,
        int window)
        implements Writeable, ToXContentObject {

    static ModelSummary fromStored(StoredValues v) {
        return new ModelSummary(
                v.intValue("entities") == null ? 0 : v.intValue("entities"),
                v.longValue("memory_bytes_per_entity", 0),
                v.longValue("max_memory_bytes_per_entity", 0),
                v.longValue("checkpoint_bytes", 0),
                v.intValue("window") == null ? 0 : v.intValue("window"));
    }

    public ModelSummary(StreamInput in) throws IOException {
        this(in.readVInt(), in.readVLong(), in.readVLong(), in.readVLong(), in.readVInt());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVInt(entities);
        out.writeVLong(memoryBytesPerEntity);
        out.writeVLong(maxMemoryBytesPerEntity);
        out.writeVLong(checkpointBytes);
        out.writeVInt(window);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("entities", entities)
                .field("memory_bytes_per_entity", memoryBytesPerEntity)
                .field("max_memory_bytes_per_entity", maxMemoryBytesPerEntity)
                .field("checkpoint_bytes", checkpointBytes)
                .field("window", window)
                .endObject();
    }
}
