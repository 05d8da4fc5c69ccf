package org.opensearch.aiops.detector.input;

import java.util.Map;

import org.opensearch.core.action.ActionListener;
import org.opensearch.search.SearchHit;
import org.opensearch.transport.client.Client;

/**
 * Reads the call events of a time range [from, to) from Jaeger span indices, asynchronously. Spans up to
 * {@code parent_margin} before {@code from} are read as well, only so the first spans of the range find their parents.
 * A span whose parent is indexed later (spans are written when they end, parents after their children) is an orphan
 * of this read: a real-time caller reads with a lag long enough for late parents.
 */
public final class SpanEventReader {

    /** Spans one read may hold in memory (every span waits for its parent); a larger range is refused, not risked. */
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

    public void read(SpanInput input, long fromMillis, long toMillis, ActionListener<CallEvents.Result> listener) {
        if (fromMillis >= toMillis) {
            listener.onFailure(new IllegalArgumentException("time range is empty: [from] " + fromMillis + " must be before [to] " + toMillis));
            return;
        }
        CallEvents events = new CallEvents(input);
        pages.read(
            input.indices(),
            input.timeField(),
            input.filter(),
            null,
            fromMillis - input.parentMargin().millis(),
            toMillis,
            hits -> {
                if (events.read() + hits.length > maxSpans) {
                    throw new IllegalArgumentException(
                        "the range [" + fromMillis + ", " + toMillis + ") holds more than " + maxSpans + " spans: read it in parts"
                    );
                }
                for (SearchHit hit : hits) {
                    Map<String, Object> source = hit.getSourceAsMap();
                    events.add(source == null ? Map.of() : source);
                }
            },
            ActionListener.wrap(v -> listener.onResponse(events.build(fromMillis * 1000)), listener::onFailure)
        );
    }
}
