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
 * What session building found since the builder was made (it lives across real-time runs), so
 * documents that joined no session are reported rather than dropped silently.
 *
 * @param documents log documents offered
 * @param events (document, session) pairs added: a line naming two blocks adds two
 * @param missingTemplate documents without a template id (the {@code log_template} processor did
 *     not run, or failed)
 * @param missingSession documents without a session key (no session field, or no pattern match)
 * @param late documents every window of which had closed already
 * @param full sessions closed because they reached {@code max_session_events}
 * @param sessions sessions closed (the full ones included)
 */
public record SessionCounts(
        long documents,
        long events,
        long missingTemplate,
        long missingSession,
        long late,
        long full,
        long sessions)
        implements ToXContentObject {

    /** As a run reports it (e.g. under {@code last_run}). */
    @Override
    public XContentBuilder toXContent(XContentBuilder builder, Params params) throws IOException {
        return builder.startObject()
                .field("documents", documents)
                .field("events", events)
                .field("missing_template", missingTemplate)
                .field("missing_session", missingSession)
                .field("late", late)
                .field("full", full)
                .field("sessions", sessions)
                .endObject();
    }
}
