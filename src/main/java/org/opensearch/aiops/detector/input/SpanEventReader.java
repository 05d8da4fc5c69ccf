/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.Map;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.core.action.ActionListener;
import org.opensearch.search.SearchHit;
import org.opensearch.transport.client.Client;

/**
 * Reads the call events of a time range [from, to) from Jaeger span indices, asynchronously. Spans
 * up to {@code parent_margin} before {@code from} are read as well, only so the first spans of the
 * range find their parents. A span whose parent is indexed later (spans are written when they end,
 * parents after their children) is an orphan of this read: a real-time caller reads with a lag long
 * enough for late parents.
 */
public final class SpanEventReader {

    /**
     * Spans one read may hold in memory (every span waits for its parent); a larger range is
     * refused, not risked.
     */
    public static final long DEFAULT_MAX_SPANS = 5_000_000;

    private final PitPageReader pages;
    private final long maxSpans;

    /** {@code pageSize}: documents per search request, 1 to 10,000. */
    public SpanEventReader(Client client, int pageSize) {
        this(client, pageSize, DEFAULT_MAX_SPANS);
    }

    public SpanEventReader(Client client, int pageSize, long maxSpans) {
        this.pages = new PitPageReader(client, pageSize);
        this.maxSpans = maxSpans;
    }

    /** The call events of the spans starting in {@code range}. */
    public void read(SpanInput input, TimeRange range, ActionListener<CallEvents.Result> listener) {
        CallEvents events = new CallEvents(input);
        pages.read(
                input.indices(),
                input.timeField(),
                input.filter(),
                null,
                new TimeRange(range.from() - input.parentMargin().millis(), range.to()),
                hits -> {
                    if (events.read() + hits.length > maxSpans) {
                        throw new IllegalArgumentException(
                                "the range ["
                                        + range.from()
                                        + ", "
                                        + range.to()
                                        + ") holds more than "
                                        + maxSpans
                                        + " spans: read it in parts");
                    }
                    for (SearchHit hit : hits) {
                        Map<String, Object> source = hit.getSourceAsMap();
                        events.add(source == null ? Map.of() : source);
                    }
                },
                ActionListener.wrap(
                        v -> listener.onResponse(events.build(range.from() * 1000)),
                        listener::onFailure));
    }
}
