package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.Objects;

import org.opensearch.aiops.detector.TopResults;
import org.opensearch.common.xcontent.StatusToXContentObject;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.XContentBuilder;

/** A detector's top entities in a range. */
public final class TopResultsResponse extends ActionResponse implements StatusToXContentObject {

    private final TopResults results;

    public TopResultsResponse(TopResults results) {
        this.results = results;
    }

    public TopResultsResponse(StreamInput in) throws IOException {
        super(in);
        this.results = new TopResults(in);
    }

    public TopResults results() {
        return results;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        results.writeTo(out);
    }

    @Override
    public RestStatus status() {
        return RestStatus.OK;
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return results.toXContent(builder, params);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopResultsResponse other && results.equals(other.results);
    }

    @Override
    public int hashCode() {
        return Objects.hash(results);
    }
}
