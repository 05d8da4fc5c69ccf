package org.opensearch.aiops.detector.input;

/**
 * What building call events found, so a run can report why spans gave no event instead of dropping them silently.
 *
 * @param spans             span documents read (the parent margin included)
 * @param marginSpans       of these, spans before the range's start, read only as possible parents
 * @param events            call events built
 * @param roots             spans in the range without a parent (no event: see {@link CallEvents})
 * @param sameInstance      spans in the range whose parent ran in the same instance (no event)
 * @param orphans           spans in the range whose parent was not read (outside the range and margin, or not yet indexed)
 * @param duplicates        span documents whose (trace id, span id) was read before (the first one is kept)
 * @param invalid           documents without a trace id, span id or start time
 * @param withoutInstance   spans in the range whose process has none of the instance tags (their service stands in)
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
    long withoutInstance
) {}
