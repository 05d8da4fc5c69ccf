/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.engine.TraceGraphNetwork;

/**
 * Call events in time order as the network's batches, on a {@link TraceGraphState} that carries
 * memory and pair times from batch to batch; keeps each event's reconstruction error by group.
 */
final class TraceGraphStream implements TraceGraphNetwork.GraphStream {

    /** Service features: the service name hashed into this many one-hot buckets. */
    static final int SERVICE_BUCKETS = 16;

    private final List<CallEvent> events;
    private final float[][] attributes;
    private final int batchSize;
    private final TraceGraphState state;
    private final TraceGraphLayout layout;
    private final boolean resetClears;
    private final float[] errors;
    private final float[][] groupErrors;
    private TraceGraphState.Node[] batchNodes;

    /**
     * @param attributes the events' raw attribute vectors (see {@link TraceEventFeatures#of})
     * @param resetClears whether {@link #reset} clears the state (the first stream of an epoch)
     */
    TraceGraphStream(
            List<CallEvent> events,
            float[][] attributes,
            int batchSize,
            TraceGraphState state,
            TraceGraphLayout layout,
            boolean resetClears) {
        this.events = events;
        this.attributes = attributes;
        this.batchSize = batchSize;
        this.state = state;
        this.layout = layout;
        this.resetClears = resetClears;
        this.errors = new float[events.size()];
        this.groupErrors = new float[events.size()][];
    }

    @Override
    public void reset() {
        if (resetClears) {
            state.clear();
        }
    }

    @Override
    public int batches() {
        return (events.size() + batchSize - 1) / batchSize;
    }

    @Override
    public TraceGraphNetwork.EventBatch batch(int i) {
        int from = i * batchSize;
        int e = Math.min(events.size(), from + batchSize) - from;
        int m = state.width();
        int k = layout.kpis();
        Map<String, Integer> local = new HashMap<>();
        TraceGraphState.Node[] nodes = new TraceGraphState.Node[2 * e];
        int[] source = new int[e];
        int[] destination = new int[e];
        float[] a = new float[e * TraceEventFeatures.WIDTH];
        float[] dt = new float[e];
        float[] kpis = new float[e * 2 * k];
        for (int j = 0; j < e; j++) {
            CallEvent event = events.get(from + j);
            source[j] = local(local, nodes, event.sourceInstance(), event.sourceService());
            destination[j] =
                    local(local, nodes, event.destinationInstance(), event.destinationService());
            layout.attributes().apply(attributes[from + j], a, j * TraceEventFeatures.WIDTH);
            dt[j] =
                    (float)
                            Math.log1p(
                                    state.sincePairCall(
                                            event.sourceInstance(),
                                            event.destinationInstance(),
                                            event.startMicros()));
            layout.kpiScaler().apply(layout.kpisOf(event.sourceKpis()), kpis, j * 2 * k);
            layout.kpiScaler().apply(layout.kpisOf(event.destinationKpis()), kpis, j * 2 * k + k);
        }
        int n = local.size();
        float[] memory = new float[n * m];
        float[] services = new float[n * SERVICE_BUCKETS];
        for (int node = 0; node < n; node++) {
            System.arraycopy(nodes[node].memory, 0, memory, node * m, m);
            int bucket =
                    Math.floorMod(TraceEventFeatures.hash(nodes[node].service), SERVICE_BUCKETS);
            services[node * SERVICE_BUCKETS + bucket] = 1;
        }
        batchNodes = nodes;
        return new TraceGraphNetwork.EventBatch(
                n, memory, services, source, destination, a, dt, kpis);
    }

    private int local(
            Map<String, Integer> local,
            TraceGraphState.Node[] nodes,
            String instance,
            String service) {
        Integer index = local.get(instance);
        if (index == null) {
            index = local.size();
            local.put(instance, index);
            nodes[index] = state.node(instance, service);
        }
        return index;
    }

    @Override
    public void advance(int i, TraceGraphNetwork.BatchResult result) {
        int m = state.width();
        for (int node = 0; node < batchNodes.length && batchNodes[node] != null; node++) {
            float[] memory = new float[m];
            System.arraycopy(result.memory(), node * m, memory, 0, m);
            batchNodes[node].memory = memory;
        }
        int from = i * batchSize;
        int x = layout.fused();
        int e = result.errors().length / x;
        for (int j = 0; j < e; j++) {
            float[] groups = layout.groupSums(result.errors(), j * x);
            float total = 0;
            for (float g : groups) {
                total += g;
            }
            errors[from + j] = total / x;
            groupErrors[from + j] = groups;
        }
    }

    /** Each event's mean squared reconstruction error (its raw score). */
    float[] errors() {
        return errors;
    }

    /** Each event's squared error summed per group of {@link TraceGraphLayout#groups()}. */
    float[][] groupErrors() {
        return groupErrors;
    }
}
