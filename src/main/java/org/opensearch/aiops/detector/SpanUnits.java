/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.config.TimeRange;
import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.CallEvents;
import org.opensearch.aiops.detector.input.DetectorSource;
import org.opensearch.aiops.detector.input.PodKpiReader;
import org.opensearch.aiops.detector.input.SpanEventReader;
import org.opensearch.aiops.detector.input.SpanInput;
import org.opensearch.aiops.detector.input.SpanLogReader;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.transport.client.Client;

/**
 * Call events as units. Results name both instances as the entity, grouped by the service pair (pod
 * names change when containers move; services do not).
 */
final class SpanUnits implements UnitInput<CallEvent> {

    private final SpanEventReader reader;
    private final SpanLogReader logs;
    private final PodKpiReader kpis;

    SpanUnits(Client client, int pageSize) {
        this.reader = new SpanEventReader(client, pageSize);
        this.logs = new SpanLogReader(client, pageSize);
        this.kpis = new PodKpiReader(client, pageSize);
    }

    @Override
    public Units<CallEvent> read(DetectorSource source, TimeRange range, QueryBuilder query) {
        SpanInput input = ((SpanInput) source).withQuery(query);
        CallEvents.Result read = PoolCalls.await(l -> reader.read(input, range, l));
        // Each join returns the events unchanged when the input does not configure it.
        List<CallEvent> withLogs = PoolCalls.await(l -> logs.join(input, range, read, l));
        List<CallEvent> events = PoolCalls.await(l -> kpis.join(input.kpis(), withLogs, l));
        return new Units<>(events, read.counts().spans());
    }

    @Override
    public String key(CallEvent event) {
        return CallEvents.key(event.traceId(), event.spanId());
    }

    @Override
    public String entityKey(CallEvent event) {
        return event.sourceService() + "->" + event.destinationService();
    }

    @Override
    public DetectorResult result(
            String detectorId,
            Detector detector,
            CallEvent event,
            DetectorScore score,
            List<Contribution> contributions,
            double threshold,
            long now) {
        return new DetectorResult(
                detectorId,
                detector,
                ResultUnit.EVENT,
                entity(event),
                entityKey(event),
                event.traceId(),
                event.spanId(),
                null,
                event.startMillis(),
                event.startMillis() + event.calleeDurationMicros() / 1000,
                now,
                score,
                threshold,
                contributions,
                List.of(),
                QueryBuilders.boolQuery()
                        .filter(QueryBuilders.termQuery("traceID", event.traceId()))
                        .filter(QueryBuilders.termQuery("spanID", event.spanId())));
    }

    /** Both instances and services, and the callee's operation when the span names one. */
    static Map<String, Object> entity(CallEvent event) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("source", event.sourceInstance());
        entity.put("source_service", event.sourceService());
        entity.put("destination", event.destinationInstance());
        entity.put("destination_service", event.destinationService());
        if (event.operation() != null) {
            entity.put("operation", event.operation());
        }
        return entity;
    }
}
