package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Map;

import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/** A detector endpoint's answer: its HTTP status and JSON body. */
public final class DetectorResponse extends ActionResponse implements StatusToXContentObject {

    private final RestStatus status;
    private final Map<String, Object> body;

    public DetectorResponse(RestStatus status, Map<String, Object> body) {
        this.status = status;
        this.body = body;
    }

    public DetectorResponse(StreamInput in) throws IOException {
        super(in);
        this.status = RestStatus.readFrom(in);
        this.body = in.readMap();
    }

    public Map<String, Object> body() {
        return body;
    }

    @Override
    public RestStatus status() {
        return status;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        RestStatus.writeTo(out, status);
        out.writeMap(body);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.map(body);
    }
}
