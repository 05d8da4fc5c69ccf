/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.io.IOException;

import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentBuilder;

/**
 * What building call events found, so a run can report why spans gave no event instead of dropping
 * them silently.
 *
 * @param spans span documents read (the parent margin included)
 * @param marginSpans distinct spans before the range's start, read only as possible parents
 * @param events call events built
 * @param roots spans in the range without a parent (no event: see {@link CallEvents})
 * @param sameInstance spans in the range whose parent ran in the same instance (no event)
 * @param orphans spans in the range whose parent was not read (outside the range and margin, or not
 *     yet indexed)
 * @param duplicates span documents whose (trace id, span id) was read before (the first one is
 *     kept)
 * @param invalid documents without a trace id, span id or start time
 * @param withoutInstance spans in the range whose process has none of the instance tags (their
 *     service stands in)
 */
public record SpanCounts(
        long spans,
        long marginSpans,
        long events,
        long roots,
        long sameInstance,
        long orphans,
        long duplicates,
        long invalid,
        long withoutInstance)
        implements ToXContentObject {

    /** As a run reports it (e.g. under {@code last_run}). */
    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("spans", spans)
                .field("margin_spans", marginSpans)
                .field("events", events)
                .field("roots", roots)
                .field("same_instance", sameInstance)
                .field("orphans", orphans)
                .field("duplicates", duplicates)
                .field("invalid", invalid)
                .field("without_instance", withoutInstance)
                .endObject();
    }
}
