/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Objects;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.aiops.config.TimeRange;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** Score a detector over a range of history now. */
public final class RunDetectorRequest extends ActionRequest {

    private final String id;
    private final TimeRange range;

    public RunDetectorRequest(String id, TimeRange range) {
        this.id = id;
        this.range = range;
    }

    public RunDetectorRequest(StreamInput in) throws IOException {
        super(in);
        this.id = in.readString();
        this.range = new TimeRange(in);
    }

    public String id() {
        return id;
    }

    public TimeRange range() {
        return range;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeString(id);
        range.writeTo(out);
    }

    @Override
    public ActionRequestValidationException validate() {
        return DetectorRequests.requireId(id, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunDetectorRequest other
                && id.equals(other.id)
                && range.equals(other.range);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, range);
    }
}
