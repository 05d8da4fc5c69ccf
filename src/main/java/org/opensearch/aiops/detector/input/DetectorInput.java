/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.io.IOException;
import java.util.Locale;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.xcontent.XContentParser;

/**
 * What a detector type reads: numeric rows per entity, call events between service instances, or
 * template-id sessions.
 */
public enum DetectorInput {
    /** Numeric fields of time-stamped documents, one series per entity. */
    METRIC,
    /** Call events read from Jaeger span indices: a span whose parent ran in another instance. */
    SPANS,
    /** Template ids of the {@code log_template} output, grouped into sessions. */
    SEQUENCES;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a detector's {@code source} object for this input. */
    public DetectorSource parseSource(XContentParser parser, String path) throws IOException {
        return switch (this) {
            case METRIC -> MetricSource.parse(parser, path);
            case SPANS -> SpanInput.parse(parser, path);
            case SEQUENCES -> SequenceInput.parse(parser, path);
        };
    }

    public DetectorSource readSource(StreamInput in) throws IOException {
        return switch (this) {
            case METRIC -> new MetricSource(in);
            case SPANS -> new SpanInput(in);
            case SEQUENCES -> new SequenceInput(in);
        };
    }
}
