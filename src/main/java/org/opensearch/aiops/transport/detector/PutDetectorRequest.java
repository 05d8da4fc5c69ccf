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
import org.opensearch.aiops.detector.Detector;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/**
 * A parsed configuration to create (no id) or to put over an existing detector (its id); also what
 * _validate checks.
 */
public final class PutDetectorRequest extends ActionRequest {

    private final String id;
    private final Detector detector;

    public PutDetectorRequest(String id, Detector detector) {
        this.id = id;
        this.detector = detector;
    }

    public PutDetectorRequest(StreamInput in) throws IOException {
        super(in);
        this.id = in.readOptionalString();
        this.detector = new Detector(in);
    }

    public String id() {
        return id;
    }

    public Detector detector() {
        return detector;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeOptionalString(id);
        detector.writeTo(out);
    }

    @Override
    public ActionRequestValidationException validate() {
        return null; // the configuration was validated when it was parsed
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PutDetectorRequest other
                && Objects.equals(id, other.id)
                && detector.equals(other.detector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, detector);
    }
}
