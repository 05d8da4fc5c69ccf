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
 * The node's model memory: loaded models, their bytes, what running trainings reserved, the budget
 * and evictions so far.
 */
public record ModelMemory(
        int models, long memoryBytes, long reservedBytes, long maxMemoryBytes, long evictions)
        implements Writeable, ToXContentObject {

    public ModelMemory(StreamInput in) throws IOException {
        this(in.readVInt(), in.readVLong(), in.readVLong(), in.readVLong(), in.readVLong());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVInt(models);
        out.writeVLong(memoryBytes);
        out.writeVLong(reservedBytes);
        out.writeVLong(maxMemoryBytes);
        out.writeVLong(evictions);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("models", models)
                .field("memory_bytes", memoryBytes)
                .field("reserved_bytes", reservedBytes)
                .field("max_memory_bytes", maxMemoryBytes)
                .field("evictions", evictions)
                .endObject();
    }
}
