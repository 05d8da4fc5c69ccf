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
import org.opensearch.action.ValidateActions;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/**
 * A question about a detector's results in [from, to) (epoch ms) answered with {@code size} rows:
 * its top entities ({@code _top}), or a trace detector's root-cause ranking of pods and services
 * ({@code _root_cause}).
 */
public final class DetectorRangeRequest extends ActionRequest {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 1000;

    private final String id;
    private final long from;
    private final long to;
    private final int size;

    public DetectorRangeRequest(String id, long from, long to, int size) {
        this.id = id;
        this.from = from;
        this.to = to;
        this.size = size;
    }

    public DetectorRangeRequest(StreamInput in) throws IOException {
        super(in);
        this.id = in.readString();
        this.from = in.readLong();
        this.to = in.readLong();
        this.size = in.readVInt();
    }

    public String id() {
        return id;
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    public int size() {
        return size;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeString(id);
        out.writeLong(from);
        out.writeLong(to);
        out.writeVInt(size);
    }

    @Override
    public ActionRequestValidationException validate() {
        ActionRequestValidationException errors = DetectorRequests.requireId(id, null);
        if (from >= to) {
            errors =
                    ValidateActions.addValidationError(
                            "[from] must be before [to]: the range is empty", errors);
        }
        if (size < 1 || size > MAX_SIZE) {
            errors =
                    ValidateActions.addValidationError(
                            "[size] must be an integer in [1, "
                                    + MAX_SIZE
                                    + "], got ["
                                    + size
                                    + "]",
                            errors);
        }
        return errors;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectorRangeRequest other
                && id.equals(other.id)
                && from == other.from
                && to == other.to
                && size == other.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, from, to, size);
    }
}
