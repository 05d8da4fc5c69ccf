package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.Set;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/** How a score becomes an anomaly: above mean + n·σ of the training scores (default n = 3) or above a quantile of them. */
public record ThresholdSpec(String type, double value) implements Writeable, ToXContentObject {

    public static final ThresholdSpec DEFAULT = new ThresholdSpec("sigma", 3);
    static final Set<String> FIELDS = Set.of("type", "value");

    public static ThresholdSpec parse(XContentParser parser, String path) throws IOException {
        String[] type = { "sigma" };
        Double[] value = new Double[1];
        ConfigObject.read(parser, path, FIELDS, (field, v) -> {
            if (field.equals("type")) {
                type[0] = v.string();
            } else {
                value[0] = v.number();
            }
        });
        String valueName = ConfigObject.name(path, "value");
        switch (type[0]) {
            case "sigma" -> {
                double n = value[0] == null ? 3 : value[0];
                if (n <= 0 || n > 20) {
                    throw new IllegalArgumentException("[" + valueName + "] for a sigma threshold must be in (0, 20], got [" + n + "]");
                }
                return new ThresholdSpec(type[0], n);
            }
            case "quantile" -> {
                double q = value[0] == null ? 0.99 : value[0];
                if (q <= 0 || q >= 1) {
                    throw new IllegalArgumentException("[" + valueName + "] for a quantile threshold must be in (0, 1), got [" + q + "]");
                }
                return new ThresholdSpec(type[0], q);
            }
            default -> throw new IllegalArgumentException(
                "[" + ConfigObject.name(path, "type") + "] must be one of [sigma, quantile], got [" + type[0] + "]"
            );
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
