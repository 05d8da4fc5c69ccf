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
import org.opensearch.core.xcontent.ToXContentFragment;
import org.opensearch.core.xcontent.XContentBuilder;

/** One scoring run: when, the range, what it read and what it found. */
public record RunSummary(
        long time,
        long from,
        long to,
        long documents,
        long skippedDocuments,
        int entities,
        int entitiesWithoutModel,
        int windows,
        int anomalies)
        implements Writeable, ToXContentFragment {

    static RunSummary fromStored(StoredValues v) {
        return new RunSummary(
                v.longValue("time", 0),
                v.longValue("from", 0),
                v.longValue("to", 0),
                v.longValue("documents", 0),
                v.longValue("skipped_documents", 0),
                (int) v.longValue("entities", 0),
                (int) v.longValue("entities_without_model", 0),
                (int) v.longValue("windows", 0),
                (int) v.longValue("anomalies", 0));
    }

    public RunSummary(StreamInput in) throws IOException {
        this(
                in.readLong(),
                in.readLong(),
                in.readLong(),
                in.readVLong(),
                in.readVLong(),
                in.readVInt(),
                in.readVInt(),
                in.readVInt(),
                in.readVInt());
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeLong(time);
        out.writeLong(from);
        out.writeLong(to);
        out.writeVLong(documents);
        out.writeVLong(skippedDocuments);
        out.writeVInt(entities);
        out.writeVInt(entitiesWithoutModel);
        out.writeVInt(windows);
        out.writeVInt(anomalies);
    }

    /**
     * The fields without an enclosing object (the run response adds the detector id beside them).
     */
    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.field("time", time)
                .field("from", from)
                .field("to", to)
                .field("documents", documents)
                .field("skipped_documents", skippedDocuments)
                .field("entities", entities)
                .field("entities_without_model", entitiesWithoutModel)
                .field("windows", windows)
                .field("anomalies", anomalies);
    }
}
