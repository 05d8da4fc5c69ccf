/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.List;

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
        int window,
        List<EpochLog> epochs)
        implements Writeable, ToXContentObject {

    public ModelSummary {
        epochs = List.copyOf(epochs);
    }

    /** A summary of models trained without epochs (the window-comparing metric models). */
    public ModelSummary(
            int entities,
            long memoryBytesPerEntity,
            long maxMemoryBytesPerEntity,
            long checkpointBytes,
            int window) {
        this(
                entities,
                memoryBytesPerEntity,
                maxMemoryBytesPerEntity,
                checkpointBytes,
                window,
                List.of());
    }

    static ModelSummary fromStored(StoredValues v) {
        return new ModelSummary(
                v.intValue("entities") == null ? 0 : v.intValue("entities"),
                v.longValue("memory_bytes_per_entity", 0),
                v.longValue("max_memory_bytes_per_entity", 0),
                v.longValue("checkpoint_bytes", 0),
                v.intValue("window") == null ? 0 : v.intValue("window"),
                v.objects("epochs").stream().map(EpochLog::fromStored).toList());
    }

    public ModelSummary(StreamInput in) throws IOException {
        this(
                in.readVInt(),
                in.readVLong(),
                in.readVLong(),
                in.readVLong(),
                in.readVInt(),
                in.readList(EpochLog::new));
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVInt(entities);
        out.writeVLong(memoryBytesPerEntity);
        out.writeVLong(maxMemoryBytesPerEntity);
        out.writeVLong(checkpointBytes);
        out.writeVInt(window);
        out.writeList(epochs);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject()
                .field("entities", entities)
                .field("memory_bytes_per_entity", memoryBytesPerEntity)
                .field("max_memory_bytes_per_entity", maxMemoryBytesPerEntity)
                .field("checkpoint_bytes", checkpointBytes)
                .field("window", window)
                .startArray("epochs");
        for (EpochLog epoch : epochs) {
            epoch.toXContent(builder, params);
        }
        return builder.endArray().endObject();
    }
}
