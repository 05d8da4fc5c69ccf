/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template.store;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/** One document of the templates index, as REST shows it and the sync reads it. */
public record StoredTemplate(
        String id,
        String namespace,
        String template,
        long count,
        long firstSeen,
        long lastSeen,
        String example,
        String updatedBy,
        long updateTime)
        implements ToXContentObject, Writeable {

    public static final String NAMESPACE = "namespace";
    public static final String TEMPLATE_ID = "template_id";
    public static final String TEMPLATE = "template";
    public static final String COUNT = "count";
    public static final String FIRST_SEEN = "first_seen";
    public static final String LAST_SEEN = "last_seen";
    public static final String EXAMPLE = "example";
    public static final String UPDATED_BY = "updated_by";
    public static final String UPDATE_TIME = "update_time";

    public static StoredTemplate fromSource(Map<String, Object> source) {
        return new StoredTemplate(
                (String) source.get(TEMPLATE_ID),
                (String) source.get(NAMESPACE),
                (String) source.get(TEMPLATE),
                number(source, COUNT),
                number(source, FIRST_SEEN),
                number(source, LAST_SEEN),
                (String) source.get(EXAMPLE),
                (String) source.get(UPDATED_BY),
                number(source, UPDATE_TIME));
    }

    public StoredTemplate(StreamInput in) throws IOException {
        this(
                in.readString(),
                in.readString(),
                in.readString(),
                in.readVLong(),
                in.readLong(),
                in.readLong(),
                in.readOptionalString(),
                in.readOptionalString(),
                in.readLong());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(id);
        out.writeString(namespace);
        out.writeString(template);
        out.writeVLong(count);
        out.writeLong(firstSeen);
        out.writeLong(lastSeen);
        out.writeOptionalString(example);
        out.writeOptionalString(updatedBy);
        out.writeLong(updateTime);
    }

    /** The document written to the index. */
    Map<String, Object> toSource() {
        return Map.of(
                TEMPLATE_ID, id,
                NAMESPACE, namespace,
                TEMPLATE, template,
                COUNT, count,
                FIRST_SEEN, firstSeen,
                LAST_SEEN, lastSeen,
                EXAMPLE, example == null ? "" : example,
                UPDATED_BY, updatedBy,
                UPDATE_TIME, updateTime);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("id", id)
                .field(NAMESPACE, namespace)
                .field(TEMPLATE, template)
                .field(COUNT, count)
                .field(FIRST_SEEN, Instant.ofEpochMilli(firstSeen).toString())
                .field(LAST_SEEN, Instant.ofEpochMilli(lastSeen).toString())
                .field(EXAMPLE, example)
                .endObject();
    }

    private static long number(Map<String, Object> source, String field) {
        Object value = source.get(field);
        return value instanceof Number n
                ? n.longValue()
                : value == null ? 0L : Long.parseLong(value.toString());
    }
}
