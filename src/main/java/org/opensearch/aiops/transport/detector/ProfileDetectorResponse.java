package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Objects;

import org.opensearch.aiops.detector.DetectorProfile;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;

/** A detector's profile. */
public final class ProfileDetectorResponse extends ActionResponse implements StatusToXContentObject {

    private final DetectorProfile profile;

    public ProfileDetectorResponse(DetectorProfile profile) {
        this.profile = profile;
    }

    public ProfileDetectorResponse(StreamInput in) throws IOException {
        super(in);
        this.profile = new DetectorProfile(in);
    }

    public DetectorProfile profile() {
        return profile;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        profile.writeTo(out);
    }

    @Override
    public RestStatus status() {
        return RestStatus.OK;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return profile.toXContent(builder, params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileDetectorResponse other && profile.equals(other.profile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile);
    }
}
