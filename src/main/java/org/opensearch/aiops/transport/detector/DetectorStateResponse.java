/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Objects;

import org.opensearch.aiops.detector.DetectorState;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * The state a lifecycle call (train, start, stop) left the detector in: {@code {"_id", "state"}}.
 */
public final class DetectorStateResponse extends ActionResponse implements StatusToXContentObject {

    private final String id;
    private final DetectorState state;

    public DetectorStateResponse(String id, DetectorState state) {
        this.id = id;
        this.state = state;
    }

    public DetectorStateResponse(StreamInput in) throws IOException {
        super(in);
        this.id = in.readString();
        this.state = in.readEnum(DetectorState.class);
    }

    public DetectorState state() {
        return state;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(id);
        out.writeEnum(state);
    }

    @Override
    public RestStatus status() {
        return RestStatus.OK;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject().field("_id", id).field("state", state.label()).endObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorStateResponse other
                && id.equals(other.id)
                && state == other.state;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state);
    }
}
