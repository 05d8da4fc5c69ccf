/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.Set;

import org.opensearch.aiops.config.ConfigParser;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/**
 * How a score becomes an anomaly: above mean + n·σ of the training scores (default n = 3) or above
 * a quantile of them.
 */
public record ThresholdSpec(String type, double value) implements Writeable, ToXContentObject {

    public static final ThresholdSpec DEFAULT = new ThresholdSpec("sigma", 3);
    static final Set<String> FIELDS = Set.of("type", "value");

    public static ThresholdSpec parse(XContentParser parser, String path) throws IOException {
        ConfigParser in = ConfigParser.start(parser, path);
        String type = "sigma";
        Double value = null;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            if (field.equals("type")) {
                type = in.string(field);
            } else {
                value = in.number(field);
            }
        }
        String valueName = in.name("value");
        switch (type) {
            case "sigma" -> {
                double n = value == null ? 3 : value;
                if (n <= 0 || n > 20) {
                    throw new IllegalArgumentException(
                            "["
                                    + valueName
                                    + "] for a sigma threshold must be in (0, 20], got ["
                                    + n
                                    + "]");
                }
                return new ThresholdSpec(type, n);
            }
            case "quantile" -> {
                double q = value == null ? 0.99 : value;
                if (q <= 0 || q >= 1) {
                    throw new IllegalArgumentException(
                            "["
                                    + valueName
                                    + "] for a quantile threshold must be in (0, 1), got ["
                                    + q
                                    + "]");
                }
                return new ThresholdSpec(type, q);
            }
            default ->
                    throw new IllegalArgumentException(
                            "["
                                    + in.name("type")
                                    + "] must be one of [sigma, quantile], got ["
                                    + type
                                    + "]");
        }
    }

    public ThresholdSpec(StreamInput in) throws IOException {
        this(in.readString(), in.readDouble());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(type);
        out.writeDouble(value);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject().field("type", type).field("value", value).endObject();
    }
}
