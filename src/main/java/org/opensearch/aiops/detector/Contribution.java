/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.Locale;

import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * What drove a score, and by how much: a feature field (metric detectors), a call edge, a log
 * template or a code context. Written as {@code {"kind": "field", "field": "cpu", "weight": 0.8}}:
 * the name sits under its kind's key.
 *
 * @param position where in a session the template stood, or -1
 */
public record Contribution(Kind kind, String name, double weight, int position)
        implements ToXContentObject {

    public enum Kind {
        FIELD,
        EDGE,
        TEMPLATE,
        CODE_CONTEXT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Contribution field(String name, double weight) {
        return new Contribution(Kind.FIELD, name, weight, -1);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject()
                .field("kind", kind.label())
                .field(kind.label(), name)
                .field("weight", weight);
        if (position >= 0) {
            builder.field("position", position);
        }
        return builder.endObject();
    }
}
