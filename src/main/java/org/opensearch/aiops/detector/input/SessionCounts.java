package org.opensearch.aiops.detector.input;

/**
 * What session building found since the builder was made (it lives across real-time runs), so documents that joined
 * no session are reported rather than dropped silently.
 *
 * @param documents        log documents offered
 * @param events           (document, session) pairs added: a line naming two blocks adds two
 * @param missingTemplate  documents without a template id (the {@code log_template} processor did not run, or failed)
 * @param missingSession   documents without a session key (no session field, or no pattern match)
 * @param late             documents every window of which had closed already
 * @param sessions         sessions closed
 */
public record SessionCounts(long documents, long events, long missingTemplate, long missingSession, long late, long sessions) {}
