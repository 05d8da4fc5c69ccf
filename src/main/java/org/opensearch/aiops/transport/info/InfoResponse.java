/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.info;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

public final class InfoResponse extends ActionResponse implements ToXContentObject {

    private final String name;
    private final String version;
    private final List<String> processors;
    private final List<String> detectorTypes;
    private final Map<String, Object> engine;
    private final Map<String, Object> codeContext;

    public InfoResponse(
            String name,
            String version,
            List<String> processors,
            List<String> detectorTypes,
            Map<String, Object> engine,
            Map<String, Object> codeContext) {
        this.name = name;
        this.version = version;
        this.processors = processors;
        this.detectorTypes = detectorTypes;
        this.engine = engine;
        this.codeContext = codeContext;
    }

    public InfoResponse(StreamInput in) throws IOException {
        super(in);
        this.name = in.readString();
        this.version = in.readString();
        this.processors = in.readStringList();
        this.detectorTypes = in.readStringList();
        this.engine = in.readMap();
        this.codeContext = in.readMap();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(name);
        out.writeString(version);
        out.writeStringCollection(processors);
        out.writeStringCollection(detectorTypes);
        out.writeMap(engine);
        out.writeMap(codeContext);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("name", name)
                .field("version", version)
                .field("processors", processors)
                .field("detector_types", detectorTypes)
                .field("engine", engine)
                .field("code_context", codeContext)
                .endObject();
    }
}
