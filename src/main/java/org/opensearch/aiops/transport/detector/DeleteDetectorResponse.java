/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Objects;

import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;

/** A deleted detector and how many checkpoint documents went with it. */
public final class DeleteDetectorResponse extends ActionResponse implements StatusToXContentObject {

    private final String id;
    private final long checkpointsDeleted;

    public DeleteDetectorResponse(String id, long checkpointsDeleted) {
        this.id = id;
        this.checkpointsDeleted = checkpointsDeleted;
    }

    public DeleteDetectorResponse(StreamInput in) throws IOException {
        super(in);
        this.id = in.readString();
        this.checkpointsDeleted = in.readVLong();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(id);
        out.writeVLong(checkpointsDeleted);
    }

    @Override
    public RestStatus status() {
        return RestStatus.OK;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("_id", id)
                .field("result", "deleted")
                .field("checkpoints_deleted", checkpointsDeleted)
                .endObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeleteDetectorResponse other
                && id.equals(other.id)
                && checkpointsDeleted == other.checkpointsDeleted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, checkpointsDeleted);
    }
}
