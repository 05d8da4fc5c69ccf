/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.DetectorSource;
import org.opensearch.aiops.detector.input.DocumentRef;
import org.opensearch.aiops.detector.input.SequenceInput;
import org.opensearch.aiops.detector.input.SessionBuilder;
import org.opensearch.aiops.detector.input.SessionReader;
import org.opensearch.aiops.detector.input.TemplateSession;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.transport.client.Client;

/**
 * Sessions of template ids as units. A range's sessions are closed at its end, so a real-time run
 * scores the sessions seen so far and a later run, reading back over them, scores them again whole
 * (same result id: the result is replaced).
 */
final class SessionUnits implements UnitInput<TemplateSession> {

    /** Result documents name at most this many log lines (the query finds them all). */
    static final int MAX_DOCUMENTS = 1_000;

    private final SessionReader reader;

    SessionUnits(Client client, int pageSize) {
        this.reader = new SessionReader(client, pageSize);
    }

    @Override
    public Units<TemplateSession> read(DetectorSource source, TimeRange range, QueryBuilder query) {
        SequenceInput input = ((SequenceInput) source).withQuery(query);
        SessionReader.Result read =
                PoolCalls.await(l -> reader.read(input, new SessionBuilder(input), range, true, l));
        return new Units<>(read.sessions(), read.counts().documents());
    }

    @Override
    public String key(TemplateSession session) {
        return entityKey(session) + '\u0000' + session.key();
    }

    @Override
    public String entityKey(TemplateSession session) {
        if (session.entity().isEmpty()) {
            return "_all";
        }
        StringBuilder key = new StringBuilder();
        for (Map.Entry<String, String> field : new TreeMap<>(session.entity()).entrySet()) {
            key.append(key.length() == 0 ? "" : ",")
                    .append(field.getKey())
                    .append('=')
                    .append(field.getValue());
        }
        return key.toString();
    }

    @Override
    public DetectorResult result(
            String detectorId,
            Detector detector,
            TemplateSession session,
            DetectorScore score,
            List<Contribution> contributions,
            double threshold,
            long now) {
        List<DocumentRef> documents =
                session.documents().subList(0, Math.min(MAX_DOCUMENTS, session.size()));
        QueryBuilder query =
                QueryBuilders.idsQuery()
                        .addIds(documents.stream().map(DocumentRef::id).toArray(String[]::new));
        return new DetectorResult(
                detectorId,
                detector,
                ResultUnit.SESSION,
                Map.copyOf(session.entity()),
                entityKey(session),
                null,
                null,
                session.key(),
                session.start(),
                session.end(),
                now,
                score,
                threshold,
                contributions,
                documents,
                query);
    }
}
