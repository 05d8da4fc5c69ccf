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
 * Count, mean, std and a few quantiles of a model's training scores, for the profile. {@code
 * entityKey} names the entity whose distribution it is when each entity has its own (the first
 * stands for them), else null.
 */
public record ScoreSummary(
        long count, double mean, double std, double p50, double p99, double max, String entityKey)
        implements Writeable, ToXContentObject {

    public ScoreSummary withEntityKey(String key) {
        return new ScoreSummary(count, mean, std, p50, p99, max, key);
    }

    static ScoreSummary fromStored(StoredValues v) {
        return new ScoreSummary(
                v.longValue("count", 0),
                orZero(v.doubleValue("mean")),
                orZero(v.doubleValue("std")),
                orZero(v.doubleValue("p50")),
                orZero(v.doubleValue("p99")),
                orZero(v.doubleValue("max")),
                v.string("entity_key"));
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    public ScoreSummary(StreamInput in) throws IOException {
        this(
                in.readVLong(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readOptionalString());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeVLong(count);
        out.writeDouble(mean);
        out.writeDouble(std);
        out.writeDouble(p50);
        out.writeDouble(p99);
        out.writeDouble(max);
        out.writeOptionalString(entityKey);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject()
                .field("count", count)
                .field("mean", mean)
                .field("std", std)
                .field("p50", p50)
                .field("p99", p99)
                .field("max", max);
        TrainingProgress.optional(builder, "entity_key", entityKey);
        return builder.endObject();
    }
}
