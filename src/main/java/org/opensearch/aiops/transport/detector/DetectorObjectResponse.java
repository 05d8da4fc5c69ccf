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
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * A response that is one typed object of the detector platform, sent and printed as that object: a
 * profile, a validation, a detector's top results.
 */
public final class DetectorObjectResponse<T extends Writeable & ToXContentObject>
        extends ActionResponse implements StatusToXContentObject {

    private final T object;

    public DetectorObjectResponse(T object) {
        this.object = object;
    }

    public DetectorObjectResponse(StreamInput in, Writeable.Reader<T> reader) throws IOException {
        super(in);
        this.object = reader.read(in);
    }

    public T object() {
        return object;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        object.writeTo(out);
    }

    @Override
    public RestStatus status() {
        return RestStatus.OK;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return object.toXContent(builder, params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorObjectResponse<?> other && object.equals(other.object);
    }

    @Override
    public int hashCode() {
        return Objects.hash(object);
    }
}
