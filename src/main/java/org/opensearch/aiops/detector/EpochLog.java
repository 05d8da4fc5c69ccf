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

/** One epoch of a neural model's training, for the profile: wall time and losses. */
public record EpochLog(double seconds, double loss, double validationLoss)
        implements Writeable, ToXContentObject {

    static EpochLog fromStored(StoredValues v) {
        return new EpochLog(
                orNaN(v.doubleValue("seconds")),
                orNaN(v.doubleValue("loss")),
                orNaN(v.doubleValue("validation_loss")));
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    public EpochLog(StreamInput in) throws IOException {
        this(in.readDouble(), in.readDouble(), in.readDouble());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeDouble(seconds);
        out.writeDouble(loss);
        out.writeDouble(validationLoss);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("seconds", seconds)
                .field("loss", loss)
                .field("validation_loss", validationLoss)
                .endObject();
    }
}
