/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.core.action.ActionListener;
import org.opensearch.search.SearchHit;
import org.opensearch.transport.client.Client;

/**
 * Reads the log documents of a time range [from, to) in time order, asynchronously, into a {@link
 * SessionBuilder} the caller keeps, and returns the sessions that closed. Sessions are closed as
 * the read moves on (idle ones, ended windows), which bounds memory on long historical ranges; at
 * the end, {@code closeAtEnd} closes the rest (history), else sessions still open stay in the
 * builder for the next run (real time).
 */
public final class SessionReader {

    /**
     * The sessions closed by this read, oldest first, and the builder's counts after it (cumulative
     * over its reads).
     */
    public record Result(List<TemplateSession> sessions, SessionCounts counts) {}

    private final PitPageReader pages;

    /** {@code pageSize}: documents per search request, 1 to 10,000. */
    public SessionReader(Client client, int pageSize) {
        this.pages = new PitPageReader(client, pageSize);
    }

    public void read(
            SequenceInput input,
            SessionBuilder builder,
            TimeRange range,
            boolean closeAtEnd,
            ActionListener<Result> listener) {
        List<TemplateSession> sessions = new ArrayList<>();
        pages.read(
                input.indices(),
                input.timeField(),
                input.filter(),
                includes(input),
                range,
                hits -> {
                    long last = Long.MIN_VALUE;
                    for (SearchHit hit : hits) {
                        long time = PitPageReader.timeMillis(hit, input.timeField());
                        Map<String, Object> source = hit.getSourceAsMap();
                        builder.add(
                                new DocumentRef(hit.getIndex(), hit.getId()),
                                time,
                                source == null ? Map.of() : source);
                        last = Math.max(last, time);
                    }
                    sessions.addAll(builder.closeIdle(last));
                },
                ActionListener.wrap(
                        v -> {
                            sessions.addAll(
                                    closeAtEnd
                                            ? builder.closeAll()
                                            : builder.closeIdle(range.to()));
                            listener.onResponse(
                                    new Result(List.copyOf(sessions), builder.counts()));
                        },
                        listener::onFailure));
    }

    private static String[] includes(SequenceInput input) {
        List<String> fields = new ArrayList<>(input.entityFields());
        fields.add(input.templateField());
        if (input.sessionField() != null) {
            fields.add(input.sessionField());
        }
        if (input.sessionPatternField() != null) {
            fields.add(input.sessionPatternField());
        }
        return fields.toArray(new String[0]);
    }
}
