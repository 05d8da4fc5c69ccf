/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Objects;

import org.opensearch.aiops.detector.RunSummary;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;

/** What a history run scored and found, with the detector's id. */
public final class RunDetectorResponse extends ActionResponse implements StatusToXContentObject {

    private final String id;
    private final RunSummary summary;

    public RunDetectorResponse(String id, RunSummary summary) {
        this.id = id;
        this.summary = summary;
    }

    public RunDetectorResponse(StreamInput in) throws IOException {
        super(in);
        this.id = in.readString();
        this.summary = new RunSummary(in);
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(id);
        summary.writeTo(out);
    }

    @Override
    public RestStatus status() {
        return RestStatus.OK;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject();
        summary.toXContent(builder, params);
        return builder.field("_id", id).endObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunDetectorResponse other
                && id.equals(other.id)
                && summary.equals(other.summary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, summary);
    }
}
