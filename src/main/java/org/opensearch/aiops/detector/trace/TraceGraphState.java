/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the graph remembers between batches: each instance's memory vector and service, and when
 * each (caller, callee) pair last called. Bounded: the instances least recently seen are forgotten
 * first. An instance seen for the first time starts from the mean memory of its service's known
 * instances, so a pod that moved or was renamed inherits its service's state instead of starting
 * blank (node identity must not carry the model).
 */
final class TraceGraphState {

    static final int MAX_NODES = 20_000;
    static final int MAX_PAIRS = 200_000;

    /** A node's memory and service. */
    static final class Node {
        final String service;
        float[] memory;

        Node(String service, float[] memory) {
            this.service = service;
            this.memory = memory;
        }
    }

    private final int width;
    // access order: iteration starts at the least recently used entry
    private final LinkedHashMap<String, Node> nodes = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<String, Long> pairs = new LinkedHashMap<>(16, 0.75f, true);

    TraceGraphState(int width) {
        this.width = width;
    }

    int width() {
        return width;
    }

    int nodeCount() {
        return nodes.size();
    }

    void clear() {
        nodes.clear();
        pairs.clear();
    }

    /** The node of {@code instance}, created from its service's mean memory when new. */
    Node node(String instance, String service) {
        Node node = nodes.get(instance);
        if (node == null) {
            node = new Node(service, serviceMean(service));
            nodes.put(instance, node);
            if (nodes.size() > MAX_NODES) {
                Iterator<String> eldest = nodes.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        return node;
    }

    private float[] serviceMean(String service) {
        float[] mean = new float[width];
        int n = 0;
        for (Node node : nodes.values()) {
            if (node.service.equals(service)) {
                n++;
                for (int i = 0; i < width; i++) {
                    mean[i] += node.memory[i];
                }
            }
        }
        if (n > 1) {
            for (int i = 0; i < width; i++) {
                mean[i] /= n;
            }
        }
        return mean;
    }

    /**
     * Seconds since {@code source} last called {@code destination} before {@code micros} (a day
     * when never), and records this call.
     */
    double sincePairCall(String source, String destination, long micros) {
        String key = source + '\u0000' + destination;
        Long last = pairs.put(key, micros);
        if (pairs.size() > MAX_PAIRS) {
            Iterator<String> eldest = pairs.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return last == null ? 86_400 : Math.max(0, micros - last) / 1e6;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(width);
        out.writeInt(nodes.size());
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue().service);
            for (float v : e.getValue().memory) {
                out.writeFloat(v);
            }
        }
        out.writeInt(pairs.size());
        for (Map.Entry<String, Long> e : pairs.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    static TraceGraphState read(DataInputStream in) throws IOException {
        TraceGraphState state = new TraceGraphState(in.readInt());
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String instance = in.readUTF();
            String service = in.readUTF();
            float[] memory = new float[state.width];
            for (int j = 0; j < memory.length; j++) {
                memory[j] = in.readFloat();
            }
            state.nodes.put(instance, new Node(service, memory));
        }
        int pairs = in.readInt();
        for (int i = 0; i < pairs; i++) {
            state.pairs.put(in.readUTF(), in.readLong());
        }
        return state;
    }
}
