/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.template;

import java.io.IOException;
import java.util.List;

import org.opensearch.aiops.template.store.StoredTemplate;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

public final class ListTemplatesResponse extends ActionResponse implements ToXContentObject {

    private final List<StoredTemplate> templates;
    private final boolean single;

    public ListTemplatesResponse(List<StoredTemplate> templates, boolean single) {
        this.templates = templates;
        this.single = single;
    }

    public ListTemplatesResponse(StreamInput in) throws IOException {
        super(in);
        this.templates = in.readList(StoredTemplate::new);
        this.single = in.readBoolean();
    }

    @Override
    public void writeTo(StreamOutput out) throws IOException {
        out.writeList(templates);
        out.writeBoolean(single);
    }

    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        if (single) {
            return templates.get(0).toXContent(builder, params);
        }
        builder.startObject().startArray("templates");
        for (StoredTemplate template : templates) {
            template.toXContent(builder, params);
        }
        return builder.endArray().endObject();
    }
}
