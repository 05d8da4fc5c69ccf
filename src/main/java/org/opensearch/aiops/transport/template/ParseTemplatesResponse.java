/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import java.io.IOException;
import java.util.List;

import org.opensearch.aiops.template.ParseResult;
import org.opensearch.aiops.template.TemplateChange;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

public final class ParseTemplatesResponse extends ActionResponse implements ToXContentObject {

    private final String namespace;
    private final List<ParseResult> results;

    public ParseTemplatesResponse(String namespace, List<ParseResult> results) {
        this.namespace = namespace;
        this.results = results;
    }

    public ParseTemplatesResponse(StreamInput in) throws IOException {
        super(in);
        this.namespace = in.readString();
        this.results =
                in.readList(
                        input ->
                                new ParseResult(
                                        input.readString(),
                                        input.readString(),
                                        input.readStringList(),
                                        input.readEnum(TemplateChange.class)));
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeString(namespace);
        out.writeCollection(
                results,
                (output, result) -> {
                    output.writeString(result.id());
                    output.writeString(result.template());
                    output.writeStringCollection(result.parameters());
                    output.writeEnum(result.change());
                });
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        builder.startObject().field("namespace", namespace).startArray("results");
        for (ParseResult result : results) {
            builder.startObject()
                    .field("id", result.id())
                    .field("template", result.template())
                    .field("parameters", result.parameters())
                    .field("change", result.change().toString())
                    .endObject();
        }
        return builder.endArray().endObject();
    }
}
