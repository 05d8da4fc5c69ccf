/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.opensearch.action.ActionRequest;
import org.opensearch.action.ActionRequestValidationException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.search.builder.SearchSourceBuilder;

/**
 * A search: over the detector configurations ({@code detectorIds} empty), or over results,
 * restricted to {@code detectorIds} when given.
 */
public final class SearchDetectorsRequest extends ActionRequest {

    private final List<String> detectorIds;
    private final SearchSourceBuilder source;

    public SearchDetectorsRequest(List<String> detectorIds, SearchSourceBuilder source) {
        this.detectorIds = List.copyOf(detectorIds);
        this.source = source;
    }

    public SearchDetectorsRequest(StreamInput in) throws IOException {
        super(in);
        this.detectorIds = in.readStringList();
        this.source = new SearchSourceBuilder(in);
    }

    public List<String> detectorIds() {
        return detectorIds;
    }

    public SearchSourceBuilder source() {
        return source;
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        super.writeTo(out);
        out.writeStringCollection(detectorIds);
        source.writeTo(out);
    }

    @Override
    public ActionRequestValidationException validate() {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchDetectorsRequest other
                && detectorIds.equals(other.detectorIds)
                && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(detectorIds, source);
    }
}
