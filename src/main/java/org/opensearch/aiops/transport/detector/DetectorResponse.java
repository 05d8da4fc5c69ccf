/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Objects;

import org.opensearch.aiops.detector.Detector;
import org.opensearch.aiops.detector.DetectorState;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * A detector's configuration and state: {@code {"_id", "detector", "state"}}; 201 when it was just
 * created.
 */
public final class DetectorResponse extends ActionResponse implements StatusToXContentObject {

    private final String id;
    private final Detector detector;
    private final DetectorState state;
    private final boolean created;

    public DetectorResponse(String id, Detector detector, DetectorState state, boolean created) {
        this.id = id;
        this.detector = detector;
        this.state = state;
        this.created = created;
    }

    public DetectorResponse(StreamInput in) throws IOException {
        super(in);
        this.id = in.readString();
        this.detector = new Detector(in);
        this.state = in.readEnum(DetectorState.class);
        this.created = in.readBoolean();
    }

    public String id() {
        return id;
    }

    public Detector detector() {
        return detector;
    }

    public DetectorState state() {
        return state;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(id);
        detector.writeTo(out);
        out.writeEnum(state);
        out.writeBoolean(created);
    }

    @Override
    public RestStatus status() {
        return created ? RestStatus.CREATED : RestStatus.OK;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("_id", id)
                .field("detector", detector, params)
                .field("state", state.label())
                .endObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorResponse other
                && id.equals(other.id)
                && detector.equals(other.detector)
                && state == other.state
                && created == other.created;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, detector, state, created);
    }
}
