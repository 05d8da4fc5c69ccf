package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.Set;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilder;

/**
 * The normal data a detector learns from: a time range and/or a query, and at most {@code maxSamples} points.
 *
 * @param range null for all time up to the training's start
 * @param query null when the range alone selects the data
 */
public record TrainingSpec(TimeRange range, QueryBuilder query, int maxSamples) implements Writeable, ToXContentObject {

    public static final int DEFAULT_MAX_SAMPLES = 100_000;
    public static final int MAX_MAX_SAMPLES = 10_000_000;
    static final Set<String> FIELDS = Set.of("from", "to", "query", "max_samples");

    public static TrainingSpec parse(XContentParser parser, String path) throws IOException {
        Long[] bounds = new Long[2];
        QueryBuilder[] query = new QueryBuilder[1];
        int[] maxSamples = { DEFAULT_MAX_SAMPLES };
        ConfigObject.read(parser, path, FIELDS, (field, value) -> {
            switch (field) {
                case "from" -> bounds[0] = value.time();
                case "to" -> bounds[1] = value.time();
                case "query" -> query[0] = value.query();
                case "max_samples" -> maxSamples[0] = value.intIn(1, MAX_MAX_SAMPLES);
                default -> throw new IllegalStateException(field);
            }
        });
        TimeRange range = bounds[0] != null || bounds[1] != null ? TimeRange.of(bounds[0], bounds[1], path) : null;
        if (range == null && query[0] == null) {
            throw new IllegalArgumentException(
                "[" + path + "] needs a time range ([" + path + ".from], [" + path + ".to]) and/or a [" + path + ".query] selecting normal data"
            );
        }
        return new TrainingSpec(range, query[0], maxSamples[0]);
    }

    public TrainingSpec(StreamInput in) throws IOException {
        this(in.readOptionalWriteable(TimeRange::new), in.readOptionalNamedWriteable(QueryBuilder.class), in.readVInt());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeOptionalWriteable(range);
        out.writeOptionalNamedWriteable(query);
        out.writeVInt(maxSamples);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        if (range != null) {
            range.toXContent(builder, params);
        }
        if (query != null) {
            builder.field("query", query);
        }
        builder.field("max_samples", maxSamples);
        return builder.endObject();
    }
}
