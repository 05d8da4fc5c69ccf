/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.Set;

import org.opensearch.aiops.config.ConfigParser;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.QueryBuilder;

/**
 * The normal data a detector learns from: a time range and/or a query, and at most {@code
 * maxSamples} points.
 *
 * @param range null for all time up to the training's start
 * @param query null when the range alone selects the data
 */
public record TrainingSpec(TimeRange range, QueryBuilder query, int maxSamples)
        implements Writeable, ToXContentObject {

    public static final int DEFAULT_MAX_SAMPLES = 100_000;
    public static final int MAX_MAX_SAMPLES = 10_000_000;
    static final Set<String> FIELDS = Set.of("from", "to", "query", "max_samples");

    public static TrainingSpec parse(XContentParser parser, String path) throws IOException {
        ConfigParser in = ConfigParser.start(parser, path);
        Long from = null;
        Long to = null;
        QueryBuilder query = null;
        int maxSamples = DEFAULT_MAX_SAMPLES;
        for (String field = in.nextField(FIELDS); field != null; field = in.nextField(FIELDS)) {
            switch (field) {
                case "from" -> from = in.instant(field);
                case "to" -> to = in.instant(field);
                case "query" -> query = in.query(field);
                case "max_samples" -> maxSamples = in.integer(field, 1, MAX_MAX_SAMPLES);
                default -> throw new AssertionError(field);
            }
        }
        TimeRange range = from != null || to != null ? TimeRange.of(from, to, path) : null;
        if (range == null && query == null) {
            throw new IllegalArgumentException(
                    "["
                            + path
                            + "] needs a time range (["
                            + path
                            + ".from], ["
                            + path
                            + ".to]) and/or a ["
                            + path
                            + ".query] selecting normal data");
        }
        return new TrainingSpec(range, query, maxSamples);
    }

    public TrainingSpec(StreamInput in) throws IOException {
        this(
                in.readOptionalWriteable(TimeRange::new),
                in.readOptionalNamedWriteable(QueryBuilder.class),
                in.readVInt());
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
