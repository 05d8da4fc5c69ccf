package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Objects;

import org.opensearch.aiops.detector.DetectorValidation;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;

/** What _validate found. */
public final class ValidateDetectorResponse extends ActionResponse implements StatusToXContentObject {

    private final DetectorValidation validation;

    public ValidateDetectorResponse(DetectorValidation validation) {
        this.validation = validation;
    }

    public ValidateDetectorResponse(StreamInput in) throws IOException {
        super(in);
        this.validation = new DetectorValidation(in);
    }

    public DetectorValidation validation() {
        return validation;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        validation.writeTo(out);
    }

    @Override
    public RestStatus status() {
        return RestStatus.OK;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return validation.toXContent(builder, params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValidateDetectorResponse other && validation.equals(other.validation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(validation);
    }
}
