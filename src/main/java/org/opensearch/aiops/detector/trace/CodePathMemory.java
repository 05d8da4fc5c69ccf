/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.trace;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.opensearch.aiops.detector.input.CallEvent;
import org.opensearch.aiops.detector.input.SpanCodeContext;

/**
 * The code paths each operation ran in normal data: per (callee service, operation), the sets of
 * templates logged and code contexts run that its calls showed, with counts. An event's familiarity
 * is the highest Jaccard similarity of its set to a known set of its operation: 1 for a path seen
 * before, lower for a path with a new step (an exception handler, an error line) or missing steps
 * (a method that returned early). A set seen once in training is compared with the others only, so
 * training events get the familiarity a new event with the same path would get. Bounded: at most
 * {@link #MAX_SETS} sets per operation, {@link #MAX_OPERATIONS} operations.
 */
final class CodePathMemory {

    static final int MAX_SETS = 256;
    static final int MAX_OPERATIONS = 10_000;

    /** Familiarity of an operation never seen in training (no path of it is known). */
    static final float UNKNOWN_OPERATION = 0;

    private final Map<String, Map<List<Integer>, Integer>> byOperation = new HashMap<>();

    /** The event's code path: its templates and code contexts, hashed, as a sorted set. */
    static List<Integer> path(CallEvent event) {
        TreeSet<Integer> steps = new TreeSet<>();
        for (String template : event.templates()) {
            steps.add(TraceEventFeatures.hash("t\u0000" + template));
        }
        for (SpanCodeContext context : event.codeContexts()) {
            steps.add(TraceEventFeatures.hash("c\u0000" + context.hash()));
        }
        return List.copyOf(steps);
    }

    static String operation(CallEvent event) {
        return event.destinationService() + '\u0000' + event.operation();
    }

    void add(CallEvent event) {
        add(operation(event), path(event));
    }

    private void add(String operation, List<Integer> path) {
        Map<List<Integer>, Integer> sets = byOperation.get(operation);
        if (sets == null) {
            if (byOperation.size() >= MAX_OPERATIONS) {
                return;
            }
            sets = new LinkedHashMap<>();
            byOperation.put(operation, sets);
        }
        Integer count = sets.get(path);
        if (count != null) {
            sets.put(path, count + 1);
        } else if (sets.size() < MAX_SETS) {
            sets.put(path, 1);
        }
    }

    /** The event's familiarity against what was added (see the class comment for training). */
    float familiarity(CallEvent event, boolean leaveOneOut) {
        Map<List<Integer>, Integer> sets = byOperation.get(operation(event));
        if (sets == null) {
            return UNKNOWN_OPERATION;
        }
        List<Integer> path = path(event);
        Integer own = sets.get(path);
        if (own != null && (leaveOneOut == false || own > 1)) {
            return 1;
        }
        float best = 0;
        for (List<Integer> known : sets.keySet()) {
            if (known.equals(path) == false) {
                best = Math.max(best, jaccard(known, path));
            }
        }
        return best;
    }

    /** Jaccard similarity of two sorted sets; two empty sets are the same path. */
    static float jaccard(List<Integer> a, List<Integer> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int i = 0, j = 0, common = 0;
        while (i < a.size() && j < b.size()) {
            int c = Integer.compare(a.get(i), b.get(j));
            if (c == 0) {
                common++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return common / (float) (a.size() + b.size() - common);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(byOperation.size());
        for (Map.Entry<String, Map<List<Integer>, Integer>> op : byOperation.entrySet()) {
            out.writeUTF(op.getKey());
            out.writeInt(op.getValue().size());
            for (Map.Entry<List<Integer>, Integer> set : op.getValue().entrySet()) {
                out.writeInt(set.getValue());
                out.writeInt(set.getKey().size());
                for (int step : set.getKey()) {
                    out.writeInt(step);
                }
            }
        }
    }

    static CodePathMemory read(DataInputStream in) throws IOException {
        CodePathMemory memory = new CodePathMemory();
        int operations = in.readInt();
        for (int o = 0; o < operations; o++) {
            String operation = in.readUTF();
            int sets = in.readInt();
            Map<List<Integer>, Integer> known = new LinkedHashMap<>();
            for (int s = 0; s < sets; s++) {
                int count = in.readInt();
                Integer[] steps = new Integer[in.readInt()];
                for (int i = 0; i < steps.length; i++) {
                    steps[i] = in.readInt();
                }
                known.put(List.copyOf(Arrays.asList(steps)), count);
            }
            memory.byOperation.put(operation, known);
        }
        return memory;
    }

    int operations() {
        return byOperation.size();
    }

    /** The known paths of an operation, for tests. */
    List<List<Integer>> paths(String operation) {
        return new ArrayList<>(byOperation.getOrDefault(operation, Map.of()).keySet());
    }
}
