/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/** The highest scores of a detector in a range, one bucket per entity, highest first. */
public record TopResults(String id, long from, long to, List<EntityBucket> buckets)
        implements Writeable, ToXContentObject {

    /**
     * One entity: its key, entity fields (from its top result), highest score, anomaly count and
     * top result documents (each its source with {@code _id}).
     */
    public record EntityBucket(
            String entityKey,
            Map<String, Object> entity,
            double maxScore,
            long anomalies,
            List<Map<String, Object>> top)
            implements Writeable {

        public EntityBucket(StreamInput in) throws IOException {
            this(
                    in.readString(),
                    in.readMap(),
                    in.readDouble(),
                    in.readVLong(),
                    in.readList(StreamInput::readMap));
        }

        @Override
        public void writeTo(StreamOutput out) throws IOException {
            out.writeString(entityKey);
            out.writeMap(entity);
            out.writeDouble(maxScore);
            out.writeVLong(anomalies);
            out.writeCollection(top, StreamOutput::writeMap);
        }
    }

    public TopResults(StreamInput in) throws IOException {
        this(in.readString(), in.readLong(), in.readLong(), in.readList(EntityBucket::new));
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(id);
        out.writeLong(from);
        out.writeLong(to);
        out.writeList(buckets);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject()
                .field("_id", id)
                .field("from", from)
                .field("to", to)
                .startArray("buckets");
        for (EntityBucket bucket : buckets) {
            builder.startObject()
                    .field("entity_key", bucket.entityKey())
                    .field("max_score", bucket.maxScore())
                    .field("anomalies", bucket.anomalies());
            if (bucket.entity().isEmpty() == false) {
                builder.field("entity", bucket.entity());
            }
            builder.field("top", bucket.top()).endObject();
        }
        return builder.endArray().endObject();
    }
}
