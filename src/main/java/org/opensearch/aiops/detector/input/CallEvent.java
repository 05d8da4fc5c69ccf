/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One call between two service instances: a span whose parent ran in another instance is a call
 * from the parent's instance (the caller, source) to the span's own (the callee, destination).
 * Times are microseconds since the epoch.
 *
 * @param spanId the callee's span (the child), the event's drill-down id with {@code traceId}
 * @param parentSpanId the caller's span
 * @param operation the callee span's operation
 * @param callerOperation the caller span's operation (for a client span, usually the route it
 *     called)
 * @param callerDurationMicros the parent span's duration: the call as the caller saw it (network
 *     and queueing included)
 * @param calleeDurationMicros the span's own duration: the work as the callee saw it
 * @param error the callee span reports an error (see {@link JaegerSpan#error()})
 * @param tags the configured tags of the callee span that it has, as strings
 * @param codeContext the callee's {@code code_context} output, or null when it has none
 * @param templates the log templates the callee emitted inside the span, in log order (empty when
 *     its logs are not joined or it logged nothing)
 * @param sourceKpis the caller instance's KPIs in the minute of the call, in the order the input
 *     configures them, or null when unknown (a KPI its sample lacks is NaN; see {@link
 *     PodKpiReader})
 * @param destinationKpis the callee instance's KPIs in the minute of the call, or null when unknown
 * @param innerContexts the {@code code_context} outputs of the spans the callee ran inside its own
 *     instance (its descendants down to the next call to another instance), in start order: tracers
 *     and log-correlated spans often name the code on these inner spans, not on the callee's server
 *     span
 */
public record CallEvent(
        String traceId,
        String spanId,
        String parentSpanId,
        String sourceInstance,
        String sourceService,
        String destinationInstance,
        String destinationService,
        String operation,
        String callerOperation,
        long startMicros,
        long callerDurationMicros,
        long calleeDurationMicros,
        boolean error,
        Map<String, String> tags,
        SpanCodeContext codeContext,
        List<String> templates,
        float[] sourceKpis,
        float[] destinationKpis,
        List<SpanCodeContext> innerContexts) {

    public CallEvent {
        tags = Map.copyOf(tags);
        templates = List.copyOf(templates);
        innerContexts = List.copyOf(innerContexts);
    }

    /** An event without inner code contexts. */
    public CallEvent(
            String traceId,
            String spanId,
            String parentSpanId,
            String sourceInstance,
            String sourceService,
            String destinationInstance,
            String destinationService,
            String operation,
            String callerOperation,
            long startMicros,
            long callerDurationMicros,
            long calleeDurationMicros,
            boolean error,
            Map<String, String> tags,
            SpanCodeContext codeContext,
            List<String> templates,
            float[] sourceKpis,
            float[] destinationKpis) {
        this(
                traceId,
                spanId,
                parentSpanId,
                sourceInstance,
                sourceService,
                destinationInstance,
                destinationService,
                operation,
                callerOperation,
                startMicros,
                callerDurationMicros,
                calleeDurationMicros,
                error,
                tags,
                codeContext,
                templates,
                sourceKpis,
                destinationKpis,
                List.of());
    }

    /** This event with the code contexts of the spans its callee ran in its own instance. */
    public CallEvent withInnerContexts(List<SpanCodeContext> contexts) {
        return copy(
                sourceInstance,
                destinationInstance,
                codeContext,
                templates,
                sourceKpis,
                destinationKpis,
                contexts);
    }

    /** The callee's own code context, then its inner spans' (those that have one). */
    public List<SpanCodeContext> codeContexts() {
        if (codeContext == null) {
            return innerContexts;
        }
        List<SpanCodeContext> all = new java.util.ArrayList<>(innerContexts.size() + 1);
        all.add(codeContext);
        all.addAll(innerContexts);
        return all;
    }

    /** This event with the templates its callee logged inside the span. */
    public CallEvent withTemplates(List<String> calleeTemplates) {
        return copy(
                sourceInstance,
                destinationInstance,
                codeContext,
                calleeTemplates,
                sourceKpis,
                destinationKpis,
                innerContexts);
    }

    /** This event with both instances' KPIs of its minute (either may be null: unknown). */
    public CallEvent withKpis(float[] source, float[] destination) {
        return copy(
                sourceInstance,
                destinationInstance,
                codeContext,
                templates,
                source,
                destination,
                innerContexts);
    }

    /** This event with another code context (e.g. its projection added), or null for none. */
    public CallEvent withCodeContext(SpanCodeContext context) {
        return copy(
                sourceInstance,
                destinationInstance,
                context,
                templates,
                sourceKpis,
                destinationKpis,
                innerContexts);
    }

    /** This event between other instances of the same services (a pod renamed or moved). */
    public CallEvent withInstances(String source, String destination) {
        return copy(
                source,
                destination,
                codeContext,
                templates,
                sourceKpis,
                destinationKpis,
                innerContexts);
    }

    private CallEvent copy(
            String source,
            String destination,
            SpanCodeContext context,
            List<String> calleeTemplates,
            float[] sourceMinuteKpis,
            float[] destinationMinuteKpis,
            List<SpanCodeContext> inner) {
        return new CallEvent(
                traceId,
                spanId,
                parentSpanId,
                source,
                sourceService,
                destination,
                destinationService,
                operation,
                callerOperation,
                startMicros,
                callerDurationMicros,
                calleeDurationMicros,
                error,
                tags,
                context,
                calleeTemplates,
                sourceMinuteKpis,
                destinationMinuteKpis,
                inner);
    }

    public long startMillis() {
        return Math.floorDiv(startMicros, 1000);
    }

    static CallEvent of(
            JaegerSpan caller, JaegerSpan callee, SpanInput input, List<SpanCodeContext> inner) {
        Map<String, String> tags = new TreeMap<>();
        for (String key : input.tags()) {
            String value = callee.tags().get(key);
            if (value != null) {
                tags.put(key, value);
            }
        }
        return new CallEvent(
                callee.traceId(),
                callee.spanId(),
                caller.spanId(),
                caller.instance(),
                caller.service(),
                callee.instance(),
                callee.service(),
                callee.operation(),
                caller.operation(),
                callee.startMicros(),
                caller.durationMicros(),
                callee.durationMicros(),
                callee.error(),
                tags,
                callee.codeContext(),
                List.of(),
                null,
                null,
                inner);
    }
}
