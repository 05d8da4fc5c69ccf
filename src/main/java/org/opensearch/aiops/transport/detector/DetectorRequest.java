package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Map;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;

/** A detector endpoint's request: the detector id (when the path has one), the JSON body and the URL parameters. */
public final class DetectorRequest extends ActionRequest {

    private final String id;
    private final Map<String, Object> body;
    private final Map<String, String> params;

    public DetectorRequest(String id, Map<String, Object> body, Map<String, String> params) {
        this.id = id;
        this.body = body == null ? Map.of() : body;
        this.params = params == null ? Map.of() : params;
    }

    public DetectorRequest(StreamInput in) throws IOException {
        super(in);
        this.id = in.readOptionalString();
        this.body = in.readMap();
        this.params = in.readMap(StreamInput::readString, StreamInput::readString);
    }

    public String id() {
        return id;
    }

    public Map<String, Object> body() {
        return body;
    }

    public Map<String, String> params() {
        return params;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeOptionalString(id);
        out.writeMap(body);
        out.writeMap(params, StreamOutput::writeString, StreamOutput::writeString);
    }

    @Override
    public ActionRequestValidationException validate() {
        return null; // each operation validates its own body and names the field
    }
}
